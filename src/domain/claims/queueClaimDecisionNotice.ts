import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { insertOutboxMessage } from "../../db/whatsappMessages.ts";
import type { OutMessage } from "../../whatsapp/outMessage.ts";
import { chooseLanguage } from "../../../flows/i18n/chooseLanguage.ts";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { findContactLanguage } from "../../db/contactLanguage.ts";
import { tenantTemplateFor } from "../tenants/templateSetting.ts";

/** Platform default templates: approved `{{1}}` vendor, `{{2}}` points, `{{3}}` balance; rejected `{{1}}` vendor, `{{2}}` reason. */
export const CLAIM_APPROVED_TEMPLATE = { name: "loyalty_claim_approved", language: "en" };
export const CLAIM_REJECTED_TEMPLATE = { name: "loyalty_claim_rejected", language: "en" };

const DAY_MS = 24 * 60 * 60 * 1000;

const customerRow = z.object({
  phone_number: z.string(),
  last_inbound_at: z.date().nullable(),
  business_name: z.string(),
  default_language: z.string().nullable(),
  whatsapp_config: z.record(z.string(), z.unknown()).nullable(),
});

export type ClaimDecision =
  | { kind: "approved"; points: number; balance: number }
  | { kind: "rejected"; reason: string };

/**
 * Tells the customer what became of their receipt claim: free text inside WhatsApp's 24-hour
 * window, else the tenant's (or the platform's) approved template. Returns the outbox id for
 * the caller to queue after commit.
 */
export async function queueClaimDecisionNotice(
  tx: Tx,
  input: { tenantId: string; customerId: string; decision: ClaimDecision; now: Date; defaultPhoneNumberId: string },
): Promise<string> {
  const row = await tx.one(sql.type(customerRow)`
    SELECT c.phone_number, c.last_inbound_at, t.business_name, t.settings->>'language' AS default_language, t.whatsapp_config
    FROM customers c JOIN tenants t ON t.id = c.tenant_id WHERE c.id = ${input.customerId}
  `);
  const inWindow = row.last_inbound_at !== null && input.now.getTime() - row.last_inbound_at.getTime() < DAY_MS;
  const decision = input.decision;
  // The customer's own language (LANGUAGE), else the vendor's default, else English.
  const language = chooseLanguage(await findContactLanguage(tx, row.phone_number), row.default_language);
  const speaker = createSpeaker(language);
  let message: OutMessage;
  if (inWindow) {
    message = {
      kind: "text",
      body:
        decision.kind === "approved"
          ? speaker.say("claims.notice.approved", {
              vendor: row.business_name,
              points: decision.points,
              balance: speaker.number(decision.balance),
            })
          : speaker.say("claims.notice.rejected", { vendor: row.business_name, why: decision.reason }),
    };
  } else {
    const { template } =
      decision.kind === "approved"
        ? tenantTemplateFor(row.whatsapp_config, "claim_approved_template", language, CLAIM_APPROVED_TEMPLATE)
        : tenantTemplateFor(row.whatsapp_config, "claim_rejected_template", language, CLAIM_REJECTED_TEMPLATE);
    message = {
      kind: "template",
      name: template.name,
      language: template.language,
      bodyParams:
        decision.kind === "approved"
          ? [row.business_name, String(decision.points), String(decision.balance)]
          : [row.business_name, decision.reason],
    };
  }
  const phoneNumberId =
    typeof row.whatsapp_config?.phone_number_id === "string"
      ? row.whatsapp_config.phone_number_id
      : input.defaultPhoneNumberId;
  return insertOutboxMessage(tx, {
    tenantId: input.tenantId,
    customerId: input.customerId,
    contactPhone: row.phone_number,
    businessPhoneNumberId: phoneNumberId,
    message,
    triggeredBy: decision.kind === "approved" ? "claim_approved" : "claim_rejected",
  });
}
