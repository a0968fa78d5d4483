import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDatabasePool } from "../../../src/db/pool.ts";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { testDatabaseUrl } from "../../helpers/testContext.ts";
import {
  call,
  createPlatformAdmin,
  onboardTenant,
  platformLogin,
  uniqueLocalPhone,
  type OnboardedTenant,
} from "./apiHelpers.ts";

/**
 * Money and points in bigint (issue #13): the int4 ceiling (2,147,483,647, i.e. ₦21,474,836.47
 * in kobo) no longer stops a sale, a lifetime spend or a balance; an int8 a JavaScript number
 * cannot hold exactly is refused, never rounded; rule and campaign configs are bounded.
 */
const INT4_MAX = 2_147_483_647;
let app: TestApp;
let t: OnboardedTenant;

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
  const platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
  t = await onboardTenant(app, platformToken, "Big Spenders Ltd");
  // One point per ₦100.
  const rule = await call(app, "post", "/api/v1/rules", {
    token: t.ownerToken,
    body: { name: "Per ₦100", rule_type: "per_amount_spent", config: { points_per_ngn: 0.01 } },
  });
  expect(rule.status).toBe(201);
}, 120_000);
afterAll(async () => {
  await app.stop();
});

const customerRow = z.object({ total_spent_ngn: z.number(), current_balance: z.number() });

async function customerState(phone: string) {
  return withTenant(app.pool, t.id, (tx) =>
    tx.one(sql.type(customerRow)`
      SELECT c.total_spent_ngn, b.current_balance FROM customers c JOIN customer_points_balance b ON b.customer_id = c.id
      WHERE c.phone_number = ${phone}`),
  );
}

describe("money and points at the int4 edges", { timeout: 60_000 }, () => {
  it("when a ₦50,000,000 purchase is logged, then it is recorded whole with its points", async () => {
    const res = await call(app, "post", "/api/v1/purchases", {
      token: t.ownerToken,
      body: { customer_phone: "08031112222", amount_kobo: 5_000_000_000 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amount_kobo: 5_000_000_000, points_awarded: 500_000 });
    expect(await customerState("2348031112222")).toEqual({ total_spent_ngn: 5_000_000_000, current_balance: 500_000 });
  });

  it("when a customer's lifetime spend is past ₦21.5 M and the balance near the int4 ceiling, then a purchase still earns and both grow past it", async () => {
    const phone = uniqueLocalPhone();
    const first = await call(app, "post", "/api/v1/purchases", {
      token: t.ownerToken,
      body: { customer_phone: phone, amount_kobo: 2_000_000_000 },
    });
    expect(first.status).toBe(201);
    const id = z.object({ customer_id: z.uuid() }).parse(first.body).customer_id;
    // Bring the balance to the int4 ceiling through the ledger (an adjustment), as a long-lived customer would have.
    const have = (await customerState(`234${phone.slice(1)}`)).current_balance;
    const adjust = await call(app, "post", `/api/v1/customers/${id}/adjustments`, {
      token: t.ownerToken,
      body: { points: INT4_MAX - have, reason: "Loyal since 1990" },
    });
    expect(adjust.status).toBe(201);
    const second = await call(app, "post", "/api/v1/purchases", {
      token: t.ownerToken,
      body: { customer_phone: phone, amount_kobo: 200_000_000 },
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ points_awarded: 20_000 });
    const state = await customerState(`234${phone.slice(1)}`);
    expect(state).toEqual({ total_spent_ngn: 2_200_000_000, current_balance: INT4_MAX + 20_000 });
    expect(state.total_spent_ngn).toBeGreaterThan(INT4_MAX);
    // The balance row still equals the sum of the ledger rows.
    const ledgerSum = await withTenant(app.pool, t.id, (tx) =>
      tx.oneFirst(
        sql.type(
          z.object({ s: z.number() }),
        )`SELECT sum(points) AS s FROM points_transactions WHERE customer_id = ${id}`,
      ),
    );
    expect(ledgerSum).toBe(INT4_MAX + 20_000);
    const detail = await call(app, "get", `/api/v1/customers/${id}`, { token: t.ownerToken });
    expect(detail.status).toBe(200);
  });

  it("when an amount is above the largest accepted sale or not an integer, then it answers 400 and nothing is written", async () => {
    // biome-ignore lint/correctness/noPrecisionLoss: a number past 2^53 on purpose (what a client could send)
    for (const amount_kobo of [10_000_000_001, 9_007_199_254_740_993, 1.5, -1]) {
      const res = await call(app, "post", "/api/v1/purchases", {
        token: t.ownerToken,
        body: { customer_phone: uniqueLocalPhone(), amount_kobo },
      });
      expect({ amount_kobo, status: res.status }).toEqual({ amount_kobo, status: 400 });
    }
  });

  it("when a rule or campaign config names huge points or multipliers, then it answers 400", async () => {
    const bodies = [
      { name: "Huge", rule_type: "per_purchase", config: { points_per_purchase: 1_000_000_001 } },
      { name: "Huge rate", rule_type: "per_amount_spent", config: { points_per_ngn: 1e9 } },
      { name: "Huge bonus", rule_type: "first_purchase_bonus", config: { bonus_points: 2 ** 40 } },
    ];
    for (const body of bodies)
      expect({
        body,
        status: (await call(app, "post", "/api/v1/rules", { token: t.ownerToken, body })).status,
      }).toEqual({ body, status: 400 });
    const campaign = (config: Record<string, unknown>, campaign_type = "double_points") =>
      call(app, "post", "/api/v1/campaigns", {
        token: t.ownerToken,
        body: {
          name: "Big",
          campaign_type,
          config,
          starts_at: "2026-01-01T00:00:00Z",
          ends_at: "2027-01-01T00:00:00Z",
        },
      });
    expect((await campaign({ multiplier: 1_000 })).status).toBe(400);
    expect((await campaign({ bonus_points: 5_000_000 }, "bonus_points")).status).toBe(400);
    expect((await campaign({ multiplier: 3 })).status).toBe(201);
  });

  it("when PostgreSQL returns an int8 or whole numeric beyond 2^53, then the query fails instead of rounding", async () => {
    const pool = await createDatabasePool(testDatabaseUrl(), { maxPoolSize: 1 });
    try {
      const n = z.object({ n: z.number() });
      expect(await pool.oneFirst(sql.type(n)`SELECT 9007199254740991::int8 AS n`)).toBe(Number.MAX_SAFE_INTEGER);
      expect(await pool.oneFirst(sql.type(n)`SELECT (-9007199254740991)::int8 AS n`)).toBe(-Number.MAX_SAFE_INTEGER);
      await expect(pool.oneFirst(sql.type(n)`SELECT 9007199254740993::int8 AS n`)).rejects.toThrow(/safe integer/);
      await expect(
        pool.oneFirst(sql.type(n)`SELECT sum(x) AS n FROM (VALUES (9007199254740991::int8), (2::int8)) v(x)`),
      ).rejects.toThrow(/safe integer/);
      expect(await pool.oneFirst(sql.type(n)`SELECT avg(x) AS n FROM (VALUES (1::int8), (2::int8)) v(x)`)).toBe(1.5);
    } finally {
      await pool.end();
    }
  });

  it("when the catalog is read, then every kobo and points column is bigint", async () => {
    const rows = await withPlatform(app.pool, (tx) =>
      tx.any(sql.type(z.object({ col: z.string(), data_type: z.string() }))`
        SELECT table_name || '.' || column_name AS col, data_type FROM information_schema.columns
        WHERE table_schema = 'public' AND (column_name ~ '_ngn$' OR column_name IN ('points', 'points_remaining', 'points_awarded', 'points_deducted', 'points_required', 'current_balance', 'total_points_earned', 'total_points_redeemed', 'total_points_expired', 'points_earned', 'points_redeemed', 'points_expired'))
          AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
      `),
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(row).toEqual({ col: row.col, data_type: "bigint" });
  });
});
