import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { LANGUAGES } from "../../../flows/i18n/languages.ts";
import { chooseLanguage } from "../../conversation/chooseLanguage.ts";
import { tenantTemplateFor } from "../../domain/tenants/templateSetting.ts";
import { insertOutboxMessage } from "../../db/whatsappMessages.ts";
import type { OutMessage } from "../../whatsapp/outMessage.ts";

/** Customers hear about expiring points this many days before (docs/architecture.md, The points ledger). */
export const REMINDER_DAYS_BEFORE = 7;

/** The platform's default approved template: `{{1}}` points, `{{2}}` vendor, `{{3}}` date, `{{4}}` vendor code. */
export const DEFAULT_EXPIRY_REMINDER_TEMPLATE = { name: "loyalty_points_expiring", language: "en" };

export type SendExpiryRemindersResult = { customersReminded: number; lotsReminded: number; outboxIds: string[] };

const tenantRow = z.object({
  business_name: z.string(),
  vendor_code: z.string(),
  whatsapp_config: z.record(z.string(), z.unknown()).nullable().catch(null),
  default_language: z.string().nullable(),
});

const phoneNumberIdSchema = z.looseObject({ phone_number_id: z.string().min(1).optional() }).catch({});

const dueRow = z.object({
  customer_id: z.string(),
  phone_number: z.string(),
  lot_ids: z.array(z.string()),
  points: z.number().int(),
  first_expiry: z.date(),
  /** The customer's chosen language (contacts.language), if any. */
  language: z.enum(LANGUAGES).nullable(),
});

const idRow = z.object({ id: z.string() });

/**
 * Reminds opted-in, unblocked customers of points expiring within the next
 * {@link REMINDER_DAYS_BEFORE} days: one template message per customer covering their lots not
 * reminded before, each lot recorded in points_expiry_reminders (unique per lot), so a lot is
 * reminded about once however often this runs. The caller enqueues `outboxIds` after commit.
 */
export async function sendExpiryReminders(
  tx: Tx,
  input: { tenantId: string; now: Date; timezone: string; defaultPhoneNumberId: string },
): Promise<SendExpiryRemindersResult> {
  const now = sql.timestamp(input.now);
  const horizon = sql.timestamp(new Date(input.now.getTime() + REMINDER_DAYS_BEFORE * 24 * 60 * 60 * 1000));
  const due = await tx.any(sql.type(dueRow)`
    WITH due AS (
      SELECT l.id AS lot_id, l.customer_id, l.points_remaining, l.expires_at
      FROM points_transactions l
      JOIN customers c ON c.id = l.customer_id
      WHERE l.tenant_id = ${input.tenantId} AND l.expired = false AND l.points_remaining > 0
        AND l.expires_at > ${now} AND l.expires_at <= ${horizon}
        AND c.deleted_at IS NULL AND c.opted_in IS TRUE AND c.loyalty_status IS DISTINCT FROM 'blocked'
        AND NOT EXISTS (SELECT 1 FROM points_expiry_reminders r WHERE r.tenant_id = l.tenant_id AND r.lot_id = l.id)
    ),
    claimed AS (
      INSERT INTO points_expiry_reminders (tenant_id, lot_id, customer_id, sent_at)
      SELECT ${input.tenantId}, lot_id, customer_id, ${now} FROM due
      ON CONFLICT (tenant_id, lot_id) DO NOTHING
      RETURNING lot_id
    )
    SELECT due.customer_id, c.phone_number, array_agg(due.lot_id::text ORDER BY due.expires_at) AS lot_ids,
           sum(due.points_remaining) AS points, min(due.expires_at) AS first_expiry, ct.language
    FROM claimed JOIN due ON due.lot_id = claimed.lot_id JOIN customers c ON c.id = due.customer_id
    LEFT JOIN contacts ct ON ct.phone_number = c.phone_number
    GROUP BY due.customer_id, c.phone_number, ct.language
    ORDER BY due.customer_id
  `);
  if (due.length === 0) return { customersReminded: 0, lotsReminded: 0, outboxIds: [] };

  const tenant = await tx.one(sql.type(tenantRow)`
    SELECT business_name, vendor_code, whatsapp_config, settings->>'language' AS default_language FROM tenants WHERE id = ${input.tenantId}
  `);
  const config = phoneNumberIdSchema.parse(tenant.whatsapp_config ?? {});
  const outboxIds: string[] = [];
  for (const row of due) {
    // In the customer's language where the tenant named a template for it, else in English.
    const chosen = tenantTemplateFor(
      tenant.whatsapp_config,
      "expiry_reminder_template",
      chooseLanguage(row.language, tenant.default_language),
      DEFAULT_EXPIRY_REMINDER_TEMPLATE,
    );
    const message: OutMessage = {
      kind: "template",
      name: chosen.template.name,
      language: chosen.template.language,
      bodyParams: [
        String(row.points),
        tenant.business_name,
        createSpeaker(chosen.language).date(row.first_expiry.toISOString(), input.timezone),
        tenant.vendor_code,
      ],
    };
    const outboxId = await insertOutboxMessage(tx, {
      tenantId: input.tenantId,
      customerId: row.customer_id,
      contactPhone: row.phone_number,
      businessPhoneNumberId: config.phone_number_id ?? input.defaultPhoneNumberId,
      message,
      triggeredBy: "points_expiry_reminder",
    });
    await tx.query(sql.type(idRow)`
      UPDATE points_expiry_reminders SET outbox_message_id = ${outboxId}
      WHERE tenant_id = ${input.tenantId} AND lot_id = ANY(${sql.array(row.lot_ids, "uuid")})
      RETURNING id
    `);
    outboxIds.push(outboxId);
  }
  return { customersReminded: due.length, lotsReminded: due.reduce((n, row) => n + row.lot_ids.length, 0), outboxIds };
}
