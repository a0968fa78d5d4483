import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { createTestPool, createTestTenant, randomPhone, type TestTenant } from "../../helpers/testContext.ts";

/**
 * Tenant isolation, read from the catalog: every table with a tenant_id column must have RLS
 * enabled and forced with a policy, and the application role must neither see nor write
 * another tenant's rows. A tenant table added later without a policy (or without a fixture
 * row below) fails this file.
 */
let pool: DatabasePool;
let tenantA: TestTenant;
let tenantB: TestTenant;

const tableRow = z.object({ table_name: z.string() });

async function tenantTables(): Promise<string[]> {
  const rows = await pool.any(sql.type(tableRow)`
    SELECT c.table_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name
  `);
  return rows.map((r) => r.table_name);
}

const noRowsSchema = z.object({}).loose();
/**
 * Tenant tables the application role has no grant on at all (a tenant's WhatsApp token): a
 * tenant cannot read them, its own rows included, so their isolation is the denial itself.
 */
const PLATFORM_ONLY_TABLES = ["tenant_whatsapp_numbers"];

/** The tenant tables the application role may read, whose rows RLS must confine. */
async function tenantReadableTables(): Promise<string[]> {
  return (await tenantTables()).filter((t) => !PLATFORM_ONLY_TABLES.includes(t));
}

/** One row in every tenant table, for one tenant, written on the platform path. */
async function seedEveryTenantTable(tenantId: string): Promise<void> {
  await withPlatform(pool, async (tx) => {
    const id = z.object({ id: z.uuid() });
    const userId = await tx.oneFirst(sql.type(id)`
      INSERT INTO vendor_users (tenant_id, email, password_hash, full_name, role, phone_number)
      VALUES (${tenantId}, ${`owner-${tenantId}@example.com`}, 'x', 'Owner', 'owner', ${randomPhone()}) RETURNING id`);
    const customerId = await tx.oneFirst(sql.type(id)`
      INSERT INTO customers (tenant_id, phone_number) VALUES (${tenantId}, ${randomPhone()}) RETURNING id`);
    const rewardId = await tx.oneFirst(sql.type(id)`
      INSERT INTO rewards (tenant_id, name, points_required) VALUES (${tenantId}, 'Free drink', 10) RETURNING id`);
    const purchaseId = await tx.oneFirst(sql.type(id)`
      INSERT INTO purchases (tenant_id, customer_id, amount_ngn) VALUES (${tenantId}, ${customerId}, 500000) RETURNING id`);
    await tx.query(sql.type(id)`
      INSERT INTO points_transactions (tenant_id, customer_id, transaction_type, points, purchase_id, points_remaining)
      VALUES (${tenantId}, ${customerId}, 'earned', 50, ${purchaseId}, 50) RETURNING id`);
    await tx.query(sql.type(id)`
      INSERT INTO reward_redemptions (tenant_id, customer_id, reward_id, points_deducted, redemption_code)
      VALUES (${tenantId}, ${customerId}, ${rewardId}, 10, ${`C${tenantId.slice(0, 8)}`}) RETURNING id`);
    await tx.query(sql.type(id)`
      INSERT INTO points_rules (tenant_id, name, rule_type, config) VALUES (${tenantId}, 'Per purchase', 'per_purchase', '{"points_per_purchase": 5}') RETURNING id`);
    await tx.query(sql.type(id)`
      INSERT INTO campaigns (tenant_id, name, campaign_type, config, starts_at, ends_at)
      VALUES (${tenantId}, 'Double', 'double_points', '{"multiplier": 2}', now(), now() + interval '1 day') RETURNING id`);
    const broadcastId = await tx.oneFirst(sql.type(id)`
      INSERT INTO broadcasts (tenant_id, name, message_content) VALUES (${tenantId}, 'Hello', 'Hi all') RETURNING id`);
    await tx.query(sql.type(id)`
      INSERT INTO whatsapp_messages (tenant_id, customer_id, direction, message_type, broadcast_id)
      VALUES (${tenantId}, ${customerId}, 'outbound', 'text', ${broadcastId}) RETURNING id`);
    await tx.query(sql.type(id)`
      INSERT INTO points_expiry_reminders (tenant_id, lot_id, customer_id)
      SELECT tenant_id, id, customer_id FROM points_transactions WHERE tenant_id = ${tenantId} AND customer_id = ${customerId} LIMIT 1
      RETURNING id`);
    await tx.query(sql.type(id)`
      INSERT INTO daily_metrics (tenant_id, metric_date) VALUES (${tenantId}, CURRENT_DATE) RETURNING id`);
    await tx.query(sql.type(id)`
      INSERT INTO audit_logs (tenant_id, user_id, user_type, action) VALUES (${tenantId}, ${userId}, 'vendor_user', 'test.seeded') RETURNING id`);
    const invoiceId = await tx.oneFirst(sql.type(id)`
      INSERT INTO tenant_invoices (tenant_id, invoice_number, amount_ngn, total_amount_ngn, billing_period_start, billing_period_end)
      VALUES (${tenantId}, ${`INV-${tenantId}`}, 500000, 500000, CURRENT_DATE, CURRENT_DATE + 30) RETURNING id`);
    // Billing (0018).
    await tx.query(sql.type(noRowsSchema)`INSERT INTO tenant_billing (tenant_id) VALUES (${tenantId})`);
    await tx.query(sql.type(noRowsSchema)`
      INSERT INTO billing_payments (tenant_id, invoice_id, reference, amount_kobo, currency, status)
      VALUES (${tenantId}, ${invoiceId}, ${`ref-${tenantId}`}, 500000, 'NGN', 'failed')`);
    await tx.query(
      sql.type(noRowsSchema)`INSERT INTO billing_notices (tenant_id, notice_key) VALUES (${tenantId}, 'test')`,
    );
    await tx.query(sql.type(noRowsSchema)`
      INSERT INTO customer_limit_refusals (tenant_id, phone_hash) VALUES (${tenantId}, ${tenantId.replaceAll("-", "").padEnd(64, "0")})`);
    await tx.query(sql.type(id)`
      INSERT INTO api_keys (tenant_id, name, key_hash, prefix, created_by_user_id)
      VALUES (${tenantId}, 'POS', ${tenantId.replaceAll("-", "").padEnd(64, "0")}, 'llk_test', ${userId}) RETURNING id`);
    await tx.query(sql.type(id)`
      INSERT INTO login_links (tenant_id, vendor_user_id, token_hash, expires_at)
      VALUES (${tenantId}, ${userId}, ${tenantId.replaceAll("-", "").padEnd(64, "1")}, now() + interval '10 minutes') RETURNING id`);
    await tx.query(sql.type(id)`
      INSERT INTO web_sessions (session_hash, kind, tenant_id, vendor_user_id, expires_at)
      VALUES (${tenantId.replaceAll("-", "").padEnd(64, "2")}, 'vendor', ${tenantId}, ${userId}, now() + interval '1 hour') RETURNING id`);
    await tx.query(sql.type(id)`
      INSERT INTO media (tenant_id, purpose, mime_type, bytes, sha256)
      VALUES (${tenantId}, 'qr_poster', 'image/png', '\x89504e47'::bytea, ${tenantId.replaceAll("-", "").padEnd(64, "0")}) RETURNING id`);
    // Receipt claims (0020b).
    await tx.query(sql.type(id)`
      INSERT INTO purchase_claims (tenant_id, customer_id, amount_kobo, receipt_key, receipt_sha256, receipt_mime_type, receipt_bytes)
      VALUES (${tenantId}, ${customerId}, 100000, ${`receipts/${tenantId}/x`}, ${tenantId.replaceAll("-", "").padEnd(64, "3")}, 'image/jpeg', 10) RETURNING id`);
  });
}

beforeAll(async () => {
  pool = await createTestPool();
  tenantA = await createTestTenant(pool);
  tenantB = await createTestTenant(pool);
  await seedEveryTenantTable(tenantA.id);
  await seedEveryTenantTable(tenantB.id);
});

afterAll(async () => {
  await pool.end();
});

describe("tenant isolation", () => {
  it("when the catalog is read, then the known tenant tables are all there", async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(
      expect.arrayContaining([
        "audit_logs",
        "broadcasts",
        "campaigns",
        "customer_points_balance",
        "customers",
        "daily_metrics",
        "points_rules",
        "points_transactions",
        "purchases",
        "reward_redemptions",
        "rewards",
        "tenant_invoices",
        "vendor_users",
        "whatsapp_messages",
        "api_keys",
        "media",
        "login_links",
      ]),
    );
  });

  it("when any tenant table is inspected, then RLS is enabled and forced with a USING and WITH CHECK policy", async () => {
    const tables = [...(await tenantTables()), "tenants"];
    const rows = await pool.any(sql.type(
      z.object({
        relname: z.string(),
        relrowsecurity: z.boolean(),
        relforcerowsecurity: z.boolean(),
        policies: z.number(),
        complete: z.number(),
      }),
    )`
      SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
             (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
             (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid AND p.polqual IS NOT NULL AND p.polwithcheck IS NOT NULL AND p.polcmd = '*') AS complete
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname = ANY(${sql.array(tables, "text")})
    `);
    expect(rows.map((r) => r.relname).sort()).toEqual([...tables].sort());
    for (const row of rows) {
      expect({
        table: row.relname,
        enabled: row.relrowsecurity,
        forced: row.relforcerowsecurity,
        complete: row.complete > 0,
      }).toEqual({ table: row.relname, enabled: true, forced: true, complete: true });
    }
  });

  it("when the application role reads a platform-only tenant table, then it is refused", async () => {
    for (const table of PLATFORM_ONLY_TABLES) {
      const attempt = withTenant(pool, tenantA.id, (tx) =>
        tx.any(sql.type(z.object({}).loose())`SELECT * FROM ${sql.identifier([table])}`),
      );
      await expect(attempt, table).rejects.toThrow(/permission denied/);
    }
  });

  it("when tenant A is set, then every tenant table shows A's rows and none of B's", async () => {
    const tables = await tenantReadableTables();
    for (const table of tables) {
      const counts = await withTenant(pool, tenantA.id, (tx) =>
        tx.one(sql.type(z.object({ mine: z.number(), others: z.number() }))`
          SELECT count(*) FILTER (WHERE tenant_id = ${tenantA.id}) AS mine,
                 count(*) FILTER (WHERE tenant_id IS DISTINCT FROM ${tenantA.id}) AS others
          FROM ${sql.identifier([table])}
        `),
      );
      expect({ table, ...counts }).toEqual({ table, mine: expect.any(Number), others: 0 });
      expect(counts.mine, `no fixture row for ${table}: add one to seedEveryTenantTable`).toBeGreaterThan(0);
    }
    const visibleTenants = await withTenant(pool, tenantA.id, (tx) =>
      tx.anyFirst(sql.type(z.object({ id: z.uuid() }))`SELECT id FROM tenants`),
    );
    expect(visibleTenants).toEqual([tenantA.id]);
  });

  it("when tenant A is set, then inserting a row for tenant B into any tenant table is refused", async () => {
    const tables = await tenantReadableTables();
    for (const table of tables) {
      const template = await withPlatform(pool, (tx) =>
        tx.oneFirst(sql.type(z.object({ row: z.record(z.string(), z.json()) }))`
          SELECT to_jsonb(t) AS row FROM ${sql.identifier([table])} t WHERE tenant_id = ${tenantB.id} LIMIT 1
        `),
      );
      const attempt = withTenant(pool, tenantA.id, (tx) =>
        tx.query(sql.type(z.object({}).loose())`
          INSERT INTO ${sql.identifier([table])}
          SELECT * FROM jsonb_populate_record(NULL::${sql.identifier([table])}, ${sql.jsonb({ ...template, id: crypto.randomUUID() })})
        `),
      );
      await expect(attempt, table).rejects.toThrow(/row-level security|violates/);
    }
  });

  it("when no tenant is set, then the application role reads nothing from any tenant table", async () => {
    const tables = [...(await tenantReadableTables()), "tenants"];
    for (const table of tables) {
      const count = await pool.transaction(async (tx) => {
        await tx.query(sql.type(z.object({}).loose())`SELECT set_config('role', 'loyaltylaas_app', true)`);
        return tx.oneFirst(
          sql.type(z.object({ count: z.number() }))`SELECT count(*) AS count FROM ${sql.identifier([table])}`,
        );
      });
      expect({ table, count }).toEqual({ table, count: 0 });
    }
  });
});
