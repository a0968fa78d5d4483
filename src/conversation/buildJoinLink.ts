import type { Config } from "../config.ts";
import type { RoutingTenant } from "../db/tenants.ts";

/**
 * The wa.me link a QR code or a referral carries: it opens a chat with the bot's number with
 * `JOIN <vendor_code> [referral code]` typed. The number is the tenant's own when it brought one.
 * https://faq.whatsapp.com/5913398998672934
 */
export function buildJoinLink(
  config: Config,
  tenant: Pick<RoutingTenant, "vendor_code" | "whatsapp_config">,
  referralCode?: string,
): string {
  const own = tenant.whatsapp_config?.["display_phone_number"];
  const number = (typeof own === "string" && own !== "" ? own : config.whatsapp.displayPhoneNumber).replace(/\D/g, "");
  const text = ["JOIN", tenant.vendor_code, referralCode].filter((part) => part !== undefined && part !== "").join(" ");
  return `https://wa.me/${number}?text=${encodeURIComponent(text)}`;
}
