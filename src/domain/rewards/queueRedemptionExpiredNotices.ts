import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { insertOutboxMessage } from "../../db/whatsappMessages.ts";
import type { OutMessage } from "../../whatsapp/outMessage.ts";
import { chooseLanguage } from "../../../flows/i18n/chooseLanguage.ts";
import { LANGUAGES } from "../../../flows/i18n/languages.ts";
import { tenantTemplateFor } from "../tenants/templateSetting.ts";

/**
 * The platform's default approved (utility) template: `{{1}}` reward, `{{2}}` points returned,
 * `{{3}}` vendor, `{{4}}` balance now. A tenant may name its own as `redemption_expired_template`.
 */
export const DEFAULT_REDEMPTION_EXPIRED_TEMPLATE = { name: "loyalty_redemption_expired", language: "en" };

const noticeRow = z.object({
  customer_id: z.string(),
  phone_number: z.string(),
  reward_name: z.string(),
  points: z.number().int(),
  balance: z.number().int(),
  /** The customer's chosen language (contacts.language), if any. */
  language: z.enum(LANGUAGES).nullable(),
});
const tenantRow = z.object({
  business_name: z.string(),
  whatsapp_config: z.record(z.string(), z.unknown()).nullable(),
  default_language: z.string().nullable(),
});

/**
 * Tells each customer whose redemption expired unused that the points are back, as a template
 * (the customer is usually outside the 24-hour window by then). It is a service message about
 * their own points, so it goes to opted-out customers too, but never to blocked or deleted ones.
 * Returns the outbox ids for the caller to queue after commit.
 */
export async function queueRedemptionExpiredNotices(
  tx: Tx,
  input: { tenantId: string; redemptionIds: readonly string[]; defaultPhoneNumberId: string },
): Promise<string[]> {
  if (input.redemptionIds.length === 0) return [];
  const rows = await tx.any(sql.type(noticeRow)`
    SELECT r.customer_id, c.phone_number, w.name AS reward_name, r.points_deducted AS points, COALESCE(b.current_balance, 0) AS balance,
      ct.language
    FROM reward_redemptions r
    JOIN customers c ON c.id = r.customer_id
    JOIN rewards w ON w.id = r.reward_id
    LEFT JOIN customer_points_balance b ON b.customer_id = r.customer_id
    LEFT JOIN contacts ct ON ct.phone_number = c.phone_number
    WHERE r.id = ANY(${sql.array(input.redemptionIds, "uuid")}) AND r.status = 'cancelled'
      AND c.deleted_at IS NULL AND c.loyalty_status IS DISTINCT FROM 'blocked'
    ORDER BY r.created_at, r.id
  `);
  if (rows.length === 0) return [];
  const tenant = await tx.one(
    sql.type(
      tenantRow,
    )`SELECT business_name, whatsapp_config, settings->>'language' AS default_language FROM tenants WHERE id = ${input.tenantId}`,
  );
  const phoneNumberId =
    typeof tenant.whatsapp_config?.phone_number_id === "string"
      ? tenant.whatsapp_config.phone_number_id
      : input.defaultPhoneNumberId;
  const outboxIds: string[] = [];
  for (const row of rows) {
    // In the customer's language where the tenant named a template for it, else in English.
    const { template } = tenantTemplateFor(
      tenant.whatsapp_config,
      "redemption_expired_template",
      chooseLanguage(row.language, tenant.default_language),
      DEFAULT_REDEMPTION_EXPIRED_TEMPLATE,
    );
    const message: OutMessage = {
      kind: "template",
      name: template.name,
      language: template.language,
      bodyParams: [row.reward_name, String(row.points), tenant.business_name, String(row.balance)],
    };
    outboxIds.push(
      await insertOutboxMessage(tx, {
        tenantId: input.tenantId,
        customerId: row.customer_id,
        contactPhone: row.phone_number,
        businessPhoneNumberId: phoneNumberId,
        message,
        triggeredBy: "redemption_expired",
      }),
    );
  }
  return outboxIds;
}
