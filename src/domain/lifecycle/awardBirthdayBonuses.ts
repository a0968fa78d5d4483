import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { insertOutboxMessage } from "../../db/whatsappMessages.ts";
import type { OutMessage } from "../../whatsapp/outMessage.ts";
import { creditPoints } from "../ledger/creditPoints.ts";
import { birthdayConfigSchema } from "../rules/ruleConfigs.ts";
import { localDateInTimeZone } from "../rules/localDateInTimeZone.ts";
import { chooseLanguage } from "../../../flows/i18n/chooseLanguage.ts";
import { LANGUAGES } from "../../../flows/i18n/languages.ts";
import { tenantTemplateFor } from "../tenants/templateSetting.ts";

/** The platform's default approved greeting: `{{1}}` vendor, `{{2}}` points, `{{3}}` balance. */
export const DEFAULT_BIRTHDAY_TEMPLATE = { name: "loyalty_birthday", language: "en" };

const ruleRow = z.object({ id: z.string(), name: z.string(), config: z.unknown() });
const dueRow = z.object({
  id: z.string(),
  phone_number: z.string(),
  opted_in: z.boolean().nullable(),
  /** The customer's chosen language (contacts.language), if any. */
  language: z.enum(LANGUAGES).nullable(),
});
const tenantRow = z.object({
  business_name: z.string(),
  whatsapp_config: z.record(z.string(), z.unknown()).nullable(),
  default_language: z.string().nullable(),
});
const balanceRow = z.object({ current_balance: z.number().int() });

export type AwardBirthdayBonusesResult = { customersAwarded: number; outboxIds: string[] };

/**
 * The daily birthday job: on a customer's birthday (their local date in the tenant's timezone),
 * the tenant's active birthday rule awards its bonus once per calendar year, with a greeting
 * template to opted-in customers. The year is recorded on the ledger row (`birthdayYear`), the
 * same mark a purchase inside the birthday window checks, so a purchase and this job never both
 * award one year. Customers born on 29 February are greeted on 28 February in other years.
 */
export async function awardBirthdayBonuses(
  tx: Tx,
  input: { tenantId: string; now: Date; timezone: string; defaultPhoneNumberId: string },
): Promise<AwardBirthdayBonusesResult> {
  const rule = await tx.maybeOne(sql.type(ruleRow)`
    SELECT id, name, config FROM points_rules
    WHERE tenant_id = ${input.tenantId} AND rule_type = 'birthday' AND is_active AND deleted_at IS NULL
      AND (valid_from IS NULL OR valid_from <= ${sql.timestamp(input.now)})
      AND (valid_until IS NULL OR valid_until > ${sql.timestamp(input.now)})
    ORDER BY priority DESC, created_at LIMIT 1
  `);
  if (rule === null) return { customersAwarded: 0, outboxIds: [] };
  const config = birthdayConfigSchema.safeParse(rule.config);
  if (!config.success) return { customersAwarded: 0, outboxIds: [] };

  const today = localDateInTimeZone(input.now, input.timezone);
  const year = String(today.year);
  const isLeapYear = (today.year % 4 === 0 && today.year % 100 !== 0) || today.year % 400 === 0;
  const feb29Today = !isLeapYear && today.month === 2 && today.day === 28;
  const due = await tx.any(sql.type(dueRow)`
    SELECT c.id, c.phone_number, c.opted_in,
      (SELECT ct.language FROM contacts ct WHERE ct.phone_number = c.phone_number) AS language
    FROM customers c
    WHERE c.tenant_id = ${input.tenantId} AND c.deleted_at IS NULL AND c.birth_date IS NOT NULL
      AND c.loyalty_status IS DISTINCT FROM 'blocked'
      AND ((EXTRACT(MONTH FROM c.birth_date) = ${today.month} AND EXTRACT(DAY FROM c.birth_date) = ${today.day})
           OR (${feb29Today} AND EXTRACT(MONTH FROM c.birth_date) = 2 AND EXTRACT(DAY FROM c.birth_date) = 29))
      AND NOT EXISTS (
        SELECT 1 FROM points_transactions t
        WHERE t.customer_id = c.id AND t.transaction_type = 'earned'
          AND t.metadata->>'ruleType' = 'birthday' AND t.metadata->>'birthdayYear' = ${year}
      )
    ORDER BY c.id
    FOR UPDATE OF c
  `);
  if (due.length === 0) return { customersAwarded: 0, outboxIds: [] };

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
  for (const customer of due) {
    await creditPoints(tx, {
      tenantId: input.tenantId,
      customerId: customer.id,
      type: "earned",
      points: config.data.bonus_points,
      expiresAt: null,
      description: `Birthday bonus (${rule.name})`,
      metadata: {
        source: "rule",
        ruleId: rule.id,
        ruleType: "birthday",
        birthdayYear: year,
        awardedBy: "birthday_job",
      },
    });
    if (customer.opted_in !== true) continue;
    const balance = await tx.oneFirst(sql.type(balanceRow)`
      SELECT current_balance FROM customer_points_balance WHERE customer_id = ${customer.id}
    `);
    // In the customer's language where the tenant named a template for it, else in English.
    const { template } = tenantTemplateFor(
      tenant.whatsapp_config,
      "birthday_template",
      chooseLanguage(customer.language, tenant.default_language),
      DEFAULT_BIRTHDAY_TEMPLATE,
    );
    const message: OutMessage = {
      kind: "template",
      name: template.name,
      language: template.language,
      bodyParams: [tenant.business_name, String(config.data.bonus_points), String(balance)],
    };
    outboxIds.push(
      await insertOutboxMessage(tx, {
        tenantId: input.tenantId,
        customerId: customer.id,
        contactPhone: customer.phone_number,
        businessPhoneNumberId: phoneNumberId,
        message,
        triggeredBy: "birthday_bonus",
      }),
    );
  }
  return { customersAwarded: due.length, outboxIds };
}
