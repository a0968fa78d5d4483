import { formatNaira, formatPoints } from "../../flows/format.ts";
import type { TemplateRef } from "../domain/tenants/templateSetting.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";

/**
 * The platform's default approved template for "a purchase was cancelled" outside the 24-hour
 * window; a tenant may name its own as `purchase_voided_template` in `whatsapp_config`.
 * Body parameters: amount, vendor name, points taken back, new balance.
 */
export const PURCHASE_VOIDED_TEMPLATE: TemplateRef = { name: "loyalty_purchase_voided", language: "en" };

/**
 * Tells a customer that a purchase was cancelled and what that did to their points. Inside the
 * 24-hour customer-service window a free-form text; outside it only an approved template may be
 * sent (Graph API error 131047), as for {@link pointsEarnedNotice}.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
 */
export function purchaseVoidedNotice(input: {
  vendorName: string;
  amountKobo: number;
  pointsReversed: number;
  balance: number;
  insideServiceWindow: boolean;
  template?: TemplateRef;
}): OutMessage {
  if (input.insideServiceWindow) {
    const points =
      input.pointsReversed > 0 ? `${formatPoints(input.pointsReversed)} points from it were taken back. ` : "";
    return {
      kind: "text",
      body: `A purchase of ${formatNaira(input.amountKobo)} at ${input.vendorName} was cancelled. ${points}Your balance is ${formatPoints(input.balance)} points.`,
    };
  }
  const template = input.template ?? PURCHASE_VOIDED_TEMPLATE;
  return {
    kind: "template",
    name: template.name,
    language: template.language,
    bodyParams: [formatNaira(input.amountKobo), input.vendorName, String(input.pointsReversed), String(input.balance)],
  };
}
