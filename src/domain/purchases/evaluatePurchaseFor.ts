import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import type { Customer } from "../customers/customerRecord.ts";
import { getBalance } from "../ledger/getBalance.ts";
import { evaluatePurchase, type PurchaseEvaluation } from "../rules/evaluatePurchase.ts";
import { localDateInTimeZone } from "../rules/localDateInTimeZone.ts";

export type EvaluatePurchaseForInput = {
  tenantId: string;
  /** The customer as they are before this purchase; null for someone not yet a customer. */
  customer: Customer | null;
  amountKobo: number;
  productName: string | null;
  now: Date;
  timezone: string;
};

const ruleRow = z.object({
  id: z.string(),
  name: z.string(),
  rule_type: z.string(),
  config: z.unknown(),
  priority: z.number().int().nullable(),
  conditions: z.unknown(),
  is_active: z.boolean(),
  valid_from: z.date().nullable(),
  valid_until: z.date().nullable(),
});

const campaignRow = z.object({
  id: z.string(),
  name: z.string(),
  campaign_type: z.string(),
  config: z.unknown(),
  target_segment: z.unknown(),
  starts_at: z.date(),
  ends_at: z.date(),
  status: z.string(),
});

const existsRow = z.object({ x: z.number() });

/**
 * Loads what the pure rules need (the tenant's active rules and campaigns, the customer's
 * balance and whether a birthday bonus was already given this year) and evaluates the
 * purchase. Writes nothing; the rows are handed raw to {@link evaluatePurchase}, which
 * validates them and reports invalid ones in `skipped`.
 */
export async function evaluatePurchaseFor(tx: Tx, input: EvaluatePurchaseForInput): Promise<PurchaseEvaluation> {
  const at = sql.timestamp(input.now);
  const rules = await tx.any(sql.type(ruleRow)`
    SELECT id, name, rule_type, config, priority, conditions, COALESCE(is_active, false) AS is_active, valid_from, valid_until
    FROM points_rules
    WHERE tenant_id = ${input.tenantId} AND is_active AND deleted_at IS NULL
  `);
  const campaigns = await tx.any(sql.type(campaignRow)`
    SELECT id, name, campaign_type, config, target_segment, starts_at, ends_at, COALESCE(status, 'draft') AS status
    FROM campaigns
    WHERE tenant_id = ${input.tenantId} AND status = 'active' AND starts_at <= ${at} AND ends_at > ${at}
  `);
  const customer = input.customer;
  const balance = customer === null ? 0 : (await getBalance(tx, customer.id)).balance;
  const thisYear = localDateInTimeZone(input.now, input.timezone).year;
  // Only look through the customer's history when a birthday bonus could apply at all.
  const birthdayRuleActive = rules.some((rule) => rule.rule_type === "birthday");
  const birthdayAwardedThisYear =
    customer === null || customer.birthDate === null || !birthdayRuleActive
      ? false
      : await tx.exists(sql.type(existsRow)`
          SELECT 1 AS x FROM points_transactions
          WHERE customer_id = ${customer.id} AND transaction_type = 'earned'
            AND metadata->>'ruleType' = 'birthday' AND metadata->>'birthdayYear' = ${String(thisYear)}
        `);

  return evaluatePurchase({
    purchase: { amountKobo: input.amountKobo, productName: input.productName },
    customer: {
      id: customer?.id ?? "new-customer",
      purchasesBefore: customer?.totalPurchases ?? 0,
      lastPurchaseAt: customer?.lastPurchaseAt ?? null,
      birthDate: customer?.birthDate ?? null,
      birthdayAwardedThisYear,
      tags: customer?.tags ?? [],
      loyaltyStatus: customer?.loyaltyStatus ?? "active",
      balance,
      referredByCustomerId: customer?.referredByCustomerId ?? null,
    },
    rules,
    campaigns,
    now: input.now,
    timezone: input.timezone,
  });
}
