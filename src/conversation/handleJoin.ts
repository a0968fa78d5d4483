import type { Contact } from "../db/contacts.ts";
import { setActiveTenant } from "../db/contacts.ts";
import type { Tx } from "../db/sql.ts";
import { findTenantByVendorCode, isTenantServing, type RoutingTenant } from "../db/tenants.ts";
import { enterPlatform, enterTenant } from "../db/withTenant.ts";
import { findOrCreateCustomer } from "../domain/customers/findOrCreateCustomer.ts";
import { setOptIn } from "../domain/customers/setOptIn.ts";
import type { Logger } from "../logger.ts";
import type { EngineDeps, Handled, PersonMessage } from "./engineTypes.ts";
import { speakerFor } from "./chooseLanguage.ts";
import { platformReplies } from "./platformReplies.ts";
import { continueCustomerConversation } from "./runCustomerConversation.ts";

/**
 * `JOIN <vendor_code> [referral code]`: picks the vendor (on a tenant's own number, that tenant),
 * creates the customer (opted in: joining is consent) or welcomes them back, makes the vendor
 * the sender's active one, and lets the customer flow greet them with the menu.
 */
export async function handleJoin(
  deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  message: PersonMessage,
  join: { code: string | null; referralCode: string | null; dedicated: RoutingTenant | null },
  log: Logger,
): Promise<Handled> {
  let tenant = join.dedicated;
  if (tenant === null) {
    const speaker = speakerFor(contact, null);
    if (join.code === null) return reply("join", null, platformReplies.joinWithoutCode(speaker));
    tenant = await findTenantByVendorCode(tx, join.code);
    if (tenant === null) return reply("join_unknown", null, platformReplies.unknownVendor(join.code, speaker));
  }
  const speaker = speakerFor(contact, tenant);
  if (!isTenantServing(tenant))
    return reply("paused", tenant.id, platformReplies.paused(tenant.business_name, speaker));

  await enterTenant(tx, tenant.id);
  const found = await findOrCreateCustomer(tx, {
    tenantId: tenant.id,
    phone: contact.phone_number,
    whatsappName: message.profileName,
    optedIn: true,
    referralCode: join.referralCode,
    now: message.now,
  });
  if (!found.ok) {
    log.warn({ tenantId: tenant.id }, "join refused: plan customer limit reached");
    return reply("plan_full", tenant.id, platformReplies.programFull(tenant.business_name, speaker));
  }
  const customer = found.customer;
  if (customer.loyaltyStatus === "blocked")
    return reply("blocked", tenant.id, platformReplies.blocked(tenant.business_name, speaker), customer.id);
  if (!found.created && !customer.optedIn)
    await setOptIn(tx, { customerId: customer.id, optedIn: true, now: message.now });

  await enterPlatform(tx);
  await setActiveTenant(tx, contact.phone_number, tenant.id);
  await enterTenant(tx, tenant.id);

  const greeting = tenant.whatsapp_config?.["greeting_message"];
  log.info(
    { tenantId: tenant.id, customerId: customer.id, isNew: found.created },
    found.created ? "customer joined" : "customer rejoined",
  );
  return continueCustomerConversation(deps, tx, contact, tenant, customer, {
    type: "JOINED",
    vendorName: tenant.business_name,
    greeting: typeof greeting === "string" && greeting.trim() !== "" ? greeting : null,
    isNew: found.created,
    // A first-time member who never chose a language is offered the list after the welcome.
    offerLanguages: found.created && contact.language === null,
  });
}

function reply(
  route: string,
  tenantId: string | null,
  message: Handled["replies"][number],
  customerId: string | null = null,
): Handled {
  return { route, tenantId, customerId, replies: [message] };
}
