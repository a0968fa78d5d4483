import { z } from "zod";
import { findContactLanguage } from "../db/contactLanguage.ts";
import { findLastInboundAt } from "../db/customerConversation.ts";
import { sql, type Tx } from "../db/sql.ts";
import type { PurchaseDetail } from "../domain/purchases/purchaseDetail.ts";
import { tenantTemplateFor } from "../domain/tenants/templateSetting.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";
import { createSpeaker } from "../../flows/i18n/createSpeaker.ts";
import { chooseLanguage } from "./chooseLanguage.ts";
import { PURCHASE_VOIDED_TEMPLATE, purchaseVoidedNotice } from "./purchaseVoidedNotice.ts";

const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

const tenantRow = z.object({
  business_name: z.string(),
  whatsapp_config: z.record(z.string(), z.unknown()).nullable(),
  default_language: z.string().nullable(),
});

/** A message to the customer of a voided purchase, ready for the outbox. */
export type VoidNotice = {
  contactPhone: string;
  customerId: string;
  /** The tenant's own WhatsApp number id, when it has one (else the platform's). */
  tenantPhoneNumberId: string | null;
  message: OutMessage;
};

/**
 * The notice that tells a customer their purchase was voided, on the caller's tenant transaction:
 * a text inside the 24-hour window, the tenant's (or the platform's) template outside it. The
 * chat hands it to the engine as a notification; the API writes it to the outbox itself.
 */
export async function voidNoticeFor(
  tx: Tx,
  input: { purchase: PurchaseDetail; pointsReversed: number; balance: number; now: Date },
): Promise<VoidNotice> {
  const tenant = await tx.one(sql.type(tenantRow)`
    SELECT business_name, whatsapp_config, settings->>'language' AS default_language
    FROM tenants WHERE id = ${input.purchase.tenantId}
  `);
  const last = await findLastInboundAt(tx, input.purchase.customerPhone);
  const phoneNumberId = z.string().min(1).safeParse(tenant.whatsapp_config?.["phone_number_id"]);
  // The customer's own language, else the business's default; the template in it where named.
  const language = chooseLanguage(await findContactLanguage(tx, input.purchase.customerPhone), tenant.default_language);
  return {
    contactPhone: input.purchase.customerPhone,
    customerId: input.purchase.customerId,
    tenantPhoneNumberId: phoneNumberId.success ? phoneNumberId.data : null,
    message: purchaseVoidedNotice({
      vendorName: tenant.business_name,
      amountKobo: input.purchase.amountKobo,
      pointsReversed: input.pointsReversed,
      balance: input.balance,
      insideServiceWindow: last !== null && input.now.getTime() - last.getTime() < SERVICE_WINDOW_MS,
      template: tenantTemplateFor(
        tenant.whatsapp_config,
        "purchase_voided_template",
        language,
        PURCHASE_VOIDED_TEMPLATE,
      ).template,
      speaker: createSpeaker(language),
    }),
  };
}
