import { z } from "zod";
import { chooseLanguage } from "../../../flows/i18n/chooseLanguage.ts";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { findContactLanguage } from "../../db/contactLanguage.ts";
import { findLastInboundAt } from "../../db/customerConversation.ts";
import { sql, type Tx } from "../../db/sql.ts";
import { insertOutboxMessage } from "../../db/whatsappMessages.ts";
import type { OutMessage } from "../../whatsapp/outMessage.ts";
import { tenantTemplateFor, type TemplateRef } from "../tenants/templateSetting.ts";
import type { Tier } from "./tiers.ts";

/** Platform default template outside the 24-hour window: `{{1}}` tier, `{{2}}` vendor. */
export const TIER_UP_TEMPLATE: TemplateRef = { name: "loyalty_tier_up", language: "en" };

const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

const tenantRow = z.object({
  business_name: z.string(),
  whatsapp_config: z.record(z.string(), z.unknown()).nullable(),
  default_language: z.string().nullable(),
});

/** The "you moved up" message for one customer, ready for the outbox or the engine's notifications. */
export type TierUpNotice = {
  contactPhone: string;
  customerId: string;
  /** The tenant's own WhatsApp number id, when it has one (else the platform's). */
  tenantPhoneNumberId: string | null;
  message: OutMessage;
};

/**
 * Tells a customer they reached a VIP tier, on the caller's tenant transaction: a text in their
 * language inside the 24-hour window, else the tenant's `tier_up_template` (or the platform's).
 * {@link logPurchase} reports a tier once (it records it on the customer), so this is sent once.
 */
export async function tierUpNoticeFor(
  tx: Tx,
  input: { tenantId: string; customerId: string; customerPhone: string; tier: Tier; now: Date },
): Promise<TierUpNotice> {
  const tenant = await tx.one(sql.type(tenantRow)`
    SELECT business_name, whatsapp_config, settings->>'language' AS default_language FROM tenants WHERE id = ${input.tenantId}
  `);
  const last = await findLastInboundAt(tx, input.customerPhone);
  const phoneNumberId = z.string().min(1).safeParse(tenant.whatsapp_config?.["phone_number_id"]);
  const insideWindow = last !== null && input.now.getTime() - last.getTime() < SERVICE_WINDOW_MS;
  const language = chooseLanguage(await findContactLanguage(tx, input.customerPhone), tenant.default_language);
  let message: OutMessage;
  if (insideWindow) {
    const speaker = createSpeaker(language);
    message = {
      kind: "text",
      body: speaker.say("lifecycle.tierUp", {
        tier: input.tier.name,
        vendor: tenant.business_name,
        multiplier: input.tier.multiplier,
      }),
    };
  } else {
    const { template } = tenantTemplateFor(tenant.whatsapp_config, "tier_up_template", language, TIER_UP_TEMPLATE);
    message = {
      kind: "template",
      name: template.name,
      language: template.language,
      bodyParams: [input.tier.name, tenant.business_name],
    };
  }
  return {
    contactPhone: input.customerPhone,
    customerId: input.customerId,
    tenantPhoneNumberId: phoneNumberId.success ? phoneNumberId.data : null,
    message,
  };
}

/** Writes the "you moved up a tier" message to the outbox; returns its id for queueing after commit. */
export async function queueTierUpNotice(
  tx: Tx,
  input: {
    tenantId: string;
    customerId: string;
    customerPhone: string;
    tier: Tier;
    now: Date;
    defaultPhoneNumberId: string;
  },
): Promise<string> {
  const notice = await tierUpNoticeFor(tx, input);
  return insertOutboxMessage(tx, {
    tenantId: input.tenantId,
    customerId: notice.customerId,
    contactPhone: notice.contactPhone,
    businessPhoneNumberId: notice.tenantPhoneNumberId ?? input.defaultPhoneNumberId,
    message: notice.message,
    triggeredBy: "tier_up",
  });
}
