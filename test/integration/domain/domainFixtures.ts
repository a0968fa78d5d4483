import { afterAll, afterEach, expect } from "vitest";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql, type Tx } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { findOrCreateCustomer } from "../../../src/domain/customers/findOrCreateCustomer.ts";
import type { Customer } from "../../../src/domain/customers/customerRecord.ts";
import { creditPoints } from "../../../src/domain/ledger/creditPoints.ts";
import { createTestPool, randomPhone, type TestTenant } from "../../helpers/testContext.ts";

/**
 * The header every domain test file shares: a pool on the test database, ended after the file,
 * and after each test a check that every customer of the test's tenant has balance = Σ ledger
 * (`expectLedgerConsistent`). Call it at the top of the file with a reader of the tenant the
 * current test made: `const pool = await ledgerCheckedPool(() => tenant);`.
 */
export async function ledgerCheckedPool(currentTenant: () => TestTenant): Promise<DatabasePool> {
  const pool = await createTestPool();
  afterAll(async () => {
    await pool.end();
  });
  afterEach(async () => {
    await expectLedgerConsistent(pool, currentTenant().id);
  });
  return pool;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BASE = Date.UTC(2030, 0, 1, 9, 0, 0);

/** Noon-ish on day `n` of a fixed test calendar (day 0 is 2030-01-01 09:00 UTC). */
export function day(n: number, extraMs = 0): Date {
  return new Date(BASE + n * DAY_MS + extraMs);
}

const idRow = z.object({ id: z.string() });

/** A customer of the transaction's tenant, created as if they joined by chat. */
export async function newCustomer(tx: Tx, tenantId: string, phone = randomPhone()): Promise<Customer> {
  const result = await findOrCreateCustomer(tx, { tenantId, phone, optedIn: true });
  if (!result.ok) throw new Error(`could not create customer: ${result.reason}`);
  return result.customer;
}

/** A customer holding `points` in one earned lot. */
export async function customerWithPoints(
  tx: Tx,
  tenantId: string,
  points: number,
  expiresAt: Date | null = null,
): Promise<Customer> {
  const customer = await newCustomer(tx, tenantId);
  await creditPoints(tx, {
    tenantId,
    customerId: customer.id,
    type: "earned",
    points,
    expiresAt,
    description: "test lot",
    metadata: { test: true },
  });
  return customer;
}

export async function addRule(
  tx: Tx,
  tenantId: string,
  rule: {
    name: string;
    ruleType: string;
    config: Record<string, unknown>;
    priority?: number;
    conditions?: Record<string, unknown>;
  },
): Promise<string> {
  return tx.oneFirst(sql.type(idRow)`
    INSERT INTO points_rules (tenant_id, name, rule_type, config, priority, conditions)
    VALUES (${tenantId}, ${rule.name}, ${rule.ruleType}, ${sql.jsonb(z.json().parse(rule.config))}, ${rule.priority ?? 0},
            ${sql.jsonb(z.json().parse(rule.conditions ?? {}))})
    RETURNING id
  `);
}

export async function addCampaign(
  tx: Tx,
  tenantId: string,
  campaign: {
    name: string;
    campaignType: string;
    config: Record<string, unknown>;
    startsAt: Date;
    endsAt: Date;
    status?: string;
    targetSegment?: Record<string, unknown>;
  },
): Promise<string> {
  return tx.oneFirst(sql.type(idRow)`
    INSERT INTO campaigns (tenant_id, name, campaign_type, config, starts_at, ends_at, status, target_segment)
    VALUES (${tenantId}, ${campaign.name}, ${campaign.campaignType}, ${sql.jsonb(z.json().parse(campaign.config))},
            ${sql.timestamp(campaign.startsAt)}, ${sql.timestamp(campaign.endsAt)}, ${campaign.status ?? "active"},
            ${sql.jsonb(z.json().parse(campaign.targetSegment ?? {}))})
    RETURNING id
  `);
}

export async function addReward(
  tx: Tx,
  tenantId: string,
  reward: {
    name: string;
    pointsRequired: number;
    stock?: number | null;
    maxPerCustomer?: number | null;
    isActive?: boolean;
    validFrom?: Date;
    validUntil?: Date;
  },
): Promise<string> {
  return tx.oneFirst(sql.type(idRow)`
    INSERT INTO rewards (tenant_id, name, points_required, stock_quantity, max_redemptions_per_customer, is_active, valid_from, valid_until)
    VALUES (${tenantId}, ${reward.name}, ${reward.pointsRequired}, ${reward.stock ?? null}, ${reward.maxPerCustomer ?? null},
            ${reward.isActive ?? true},
            ${reward.validFrom === undefined ? null : sql.timestamp(reward.validFrom)},
            ${reward.validUntil === undefined ? null : sql.timestamp(reward.validUntil)})
    RETURNING id
  `);
}

const ledgerRow = z.object({
  transaction_type: z.string(),
  points: z.number(),
  points_remaining: z.number().nullable(),
  expired: z.boolean(),
  metadata: z.record(z.string(), z.unknown()),
  purchase_id: z.string().nullable(),
  campaign_id: z.string().nullable(),
  reward_redemption_id: z.string().nullable(),
  description: z.string().nullable(),
});

export type LedgerRow = z.infer<typeof ledgerRow>;

/** A customer's ledger rows, oldest first. */
export async function ledgerRows(tx: Tx, customerId: string): Promise<readonly LedgerRow[]> {
  return tx.any(sql.type(ledgerRow)`
    SELECT transaction_type, points, points_remaining, expired, metadata, purchase_id, campaign_id, reward_redemption_id, description
    FROM points_transactions WHERE customer_id = ${customerId} ORDER BY created_at, id
  `);
}

/**
 * The ledger invariants for every customer of a tenant: the balance row equals the sum of the
 * ledger, equals the unspent rest of the open lots, and is never negative.
 */
export async function expectLedgerConsistent(pool: DatabasePool, tenantId: string): Promise<void> {
  const rows = await withPlatform(pool, (tx) =>
    tx.any(sql.type(z.object({ customer_id: z.string(), balance: z.number(), total: z.number(), open: z.number() }))`
      SELECT c.id AS customer_id,
             COALESCE(b.current_balance, 0) AS balance,
             (SELECT COALESCE(sum(points), 0) FROM points_transactions t WHERE t.customer_id = c.id) AS total,
             (SELECT COALESCE(sum(points_remaining), 0) FROM points_transactions t WHERE t.customer_id = c.id) AS open
      FROM customers c LEFT JOIN customer_points_balance b ON b.customer_id = c.id
      WHERE c.tenant_id = ${tenantId}
    `),
  );
  for (const row of rows) {
    expect(row, `customer ${row.customer_id}`).toEqual({ ...row, total: row.balance, open: row.balance });
    expect(row.balance).toBeGreaterThanOrEqual(0);
  }
}

/** Runs `fn` as the tenant (a shorthand for tests). */
export function asTenant<T>(pool: DatabasePool, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenant(pool, tenantId, fn);
}
