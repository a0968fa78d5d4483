import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import type { Customer } from "../customers/customerRecord.ts";
import { parseTenantSettings, type TenantSettings } from "../tenants/getTenantSettings.ts";

export type LoadPurchaseContextInput = {
  tenantId: string;
  /** The buyer before this purchase; null for someone not yet a customer. */
  customer: Customer | null;
  /** Looked up so a replayed key is noticed in the same round trip; null skips the lookup. */
  idempotencyKey: string | null;
  now: Date;
};

/** Everything evaluating a purchase reads from the database, as of one snapshot. */
export type PurchaseContext = {
  settings: TenantSettings;
  /** Raw active `points_rules` rows; `evaluatePurchase` validates each one. */
  rules: unknown[];
  /** Raw `campaigns` rows active at `now`; `evaluatePurchase` validates each one. */
  campaigns: unknown[];
  /** The buyer's balance before this purchase (0 for a new customer). */
  balance: number;
  /** Points the buyer ever earned before this purchase (tiers go by it, not the balance). */
  lifetimeEarned: number;
  /**
   * The calendar years (of those that can be "this year" somewhere) in which the buyer was
   * already given a birthday bonus; empty when no birthday bonus can apply.
   */
  birthdayYearsAwarded: string[];
  /** The purchase already logged with this idempotency key, if any. */
  replayPurchaseId: string | null;
};

const contextRow = z.object({
  settings: z.unknown(),
  rules: z.array(z.unknown()),
  campaigns: z.array(z.unknown()),
  balance: z.number().int().nullable(),
  lifetime_earned: z.number().int().nullable(),
  birthday_years_awarded: z.array(z.string()),
  replay_purchase_id: z.string().nullable(),
});

/**
 * Loads, in one statement, what a purchase needs: the tenant's settings, its active rules and
 * campaigns, the buyer's balance, the birthday bonuses already given, and an earlier purchase
 * with the same idempotency key. One statement is one snapshot: when the caller holds the
 * buyer's row lock, that snapshot already shows whatever the previous lock holder committed.
 * @throws Error when the tenant is not visible in this transaction or its settings are malformed.
 */
export async function loadPurchaseContext(tx: Tx, input: LoadPurchaseContextInput): Promise<PurchaseContext> {
  const { tenantId, customer } = input;
  const at = input.now.toISOString();
  const balance =
    customer === null
      ? sql.fragment`NULL::bigint AS balance, NULL::bigint AS lifetime_earned`
      : sql.fragment`b.current_balance AS balance, b.total_points_earned AS lifetime_earned`;
  const balanceJoin =
    customer === null
      ? sql.fragment``
      : sql.fragment`LEFT JOIN customer_points_balance b ON b.tenant_id = t.id AND b.customer_id = ${customer.id}::uuid`;
  // The ledger is searched for birthday bonuses only when one could apply at all: a birthday
  // rule is active and the buyer has a birth date. The tenant's "this year" is one of three
  // UTC years.
  const birthdayCheck = customer !== null && customer.birthDate !== null;
  const birthdayYears = !birthdayCheck
    ? sql.fragment`'[]'::json`
    : sql.fragment`CASE WHEN EXISTS (
        SELECT 1 FROM points_rules
        WHERE tenant_id = t.id AND is_active AND deleted_at IS NULL AND rule_type = 'birthday'
      ) THEN (
        SELECT COALESCE(json_agg(DISTINCT metadata->>'birthdayYear'), '[]'::json) FROM points_transactions
        WHERE customer_id = ${customer.id}::uuid AND transaction_type = 'earned' AND metadata->>'ruleType' = 'birthday'
          AND metadata->>'birthdayYear' = ANY(${sql.array(candidateYears(input.now), "text")})
      ) ELSE '[]'::json END`;
  const replay =
    input.idempotencyKey === null
      ? sql.fragment`NULL::uuid`
      : sql.fragment`(SELECT id FROM purchases WHERE tenant_id = t.id AND idempotency_key = ${input.idempotencyKey}::text)`;
  // A prepared statement per shape (its text depends only on what is present, never on
  // values): PostgreSQL then plans each shape once instead of planning a custom plan per call,
  // which it would do for one text whose NULLs and flags fold away differently call by call.
  const shape = `c${customer === null ? 0 : 1}b${birthdayCheck ? 1 : 0}k${input.idempotencyKey === null ? 0 : 1}`;
  const row = await tx.maybeOne(sql.prepared(`loadPurchaseContext:${shape}`, contextRow)`
    SELECT
      t.settings,
      (SELECT COALESCE(json_agg(r), '[]'::json) FROM (
        SELECT id, name, rule_type, config, priority, conditions, exclusive, COALESCE(is_active, false) AS is_active, valid_from, valid_until
        FROM points_rules
        WHERE tenant_id = t.id AND is_active AND deleted_at IS NULL
      ) AS r) AS rules,
      (SELECT COALESCE(json_agg(c), '[]'::json) FROM (
        SELECT id, name, campaign_type, config, target_segment, starts_at, ends_at, COALESCE(status, 'draft') AS status
        FROM campaigns
        WHERE tenant_id = t.id AND status = 'active' AND starts_at <= ${at}::timestamptz AND ends_at > ${at}::timestamptz
      ) AS c) AS campaigns,
      ${balance},
      ${birthdayYears} AS birthday_years_awarded,
      ${replay} AS replay_purchase_id
    FROM tenants t ${balanceJoin}
    WHERE t.id = ${tenantId}::uuid
  `);
  if (row === null) throw new Error(`tenant ${tenantId} not found in this transaction`);
  return {
    settings: parseTenantSettings(tenantId, row.settings),
    rules: row.rules,
    campaigns: row.campaigns,
    balance: row.balance ?? 0,
    lifetimeEarned: row.lifetime_earned ?? 0,
    birthdayYearsAwarded: row.birthday_years_awarded,
    replayPurchaseId: row.replay_purchase_id,
  };
}

/** The years "now" can fall in, in some timezone: the UTC year and the ones either side. */
function candidateYears(now: Date): string[] {
  const year = now.getUTCFullYear();
  return [String(year - 1), String(year), String(year + 1)];
}
