import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import {
  call,
  createPlatformAdmin,
  onboardTenant,
  platformLogin,
  uniqueLocalPhone,
  type OnboardedTenant,
} from "./apiHelpers.ts";
import { createFullTenant, type FullTenant } from "./tenantFixture.ts";

/**
 * Issue 20: the analytics summary's remaining daily_metrics fields (active and churned
 * customers, average order value, messages in and out), from stored days and today live.
 */

let app: TestApp;
let platformToken: string;

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
  platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
}, 120_000);
afterAll(async () => {
  await app.stop();
});

function lagosDate(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Lagos" }).format(at);
}

const summary = z.object({
  totals: z.record(z.string(), z.number()),
  days: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
});

async function logPurchase(tenant: OnboardedTenant, phone: string, amountKobo: number): Promise<void> {
  const res = await call(app, "post", "/api/v1/purchases", {
    token: tenant.ownerToken,
    body: { customer_phone: phone, amount_kobo: amountKobo },
  });
  expect(res.status).toBe(201);
}

async function storeDay(tenant: OnboardedTenant, date: string): Promise<void> {
  await withPlatform(app.pool, (tx) =>
    tx.query(sql.type(z.object({ id: z.uuid() }))`
      INSERT INTO daily_metrics (tenant_id, metric_date, new_customers, active_customers, churned_customers, total_purchases,
        total_revenue_ngn, average_order_value_ngn, points_earned, points_redeemed, points_expired, rewards_redeemed,
        messages_received, messages_sent)
      VALUES (${tenant.id}, ${date}::date, 3, 4, 2, 10, 50000, 5000, 500, 0, 0, 0, 7, 9)
      RETURNING id
    `),
  );
}

describe("analytics summary fields", { timeout: 60_000 }, () => {
  it("when a stored day and today's purchases are summed, then active, churned, average order value and messages come out per day and in total", async () => {
    const tenant = await onboardTenant(app, platformToken, "Analytics Shop");
    const now = new Date();
    const today = lagosDate(now);
    const yesterday = lagosDate(new Date(now.getTime() - 86_400_000));
    await storeDay(tenant, yesterday);
    const phone = uniqueLocalPhone();
    await logPurchase(tenant, phone, 1000);
    await logPurchase(tenant, phone, 2000);
    await logPurchase(tenant, uniqueLocalPhone(), 3001);
    // Another tenant's purchases never count here.
    const other = await onboardTenant(app, platformToken, "Other Analytics Shop");
    await logPurchase(other, uniqueLocalPhone(), 9_999_999);

    const res = await call(app, "get", `/api/v1/analytics/summary?from=${yesterday}&to=${today}`, {
      token: tenant.ownerToken,
    });
    expect(res.status).toBe(200);
    const body = summary.parse(res.body);
    expect(body.days).toEqual([
      expect.objectContaining({
        date: yesterday,
        active_customers: 4,
        churned_customers: 2,
        average_order_value_kobo: 5000,
        messages_in: 7,
        messages_out: 9,
      }),
      expect.objectContaining({
        date: today,
        total_purchases: 3,
        revenue_kobo: 6001,
        active_customers: 2,
        churned_customers: 0,
        average_order_value_kobo: 2000,
        messages_in: 0,
        messages_out: 0,
      }),
    ]);
    expect(body.totals).toMatchObject({
      total_purchases: 13,
      revenue_kobo: 56_001,
      // Distinct customers with a purchase or a message in the range, from the raw tables.
      active_customers: 2,
      churned_customers: 2,
      average_order_value_kobo: Math.round(56_001 / 13),
      messages_in: 7,
      messages_out: 9,
    });
  });

  it("when nothing happened in the range, then the average order value is 0, not NaN", async () => {
    const tenant = await onboardTenant(app, platformToken, "Quiet Shop");
    const res = await call(app, "get", "/api/v1/analytics/summary", { token: tenant.ownerToken });
    expect(res.status).toBe(200);
    expect(summary.parse(res.body).totals).toMatchObject({
      average_order_value_kobo: 0,
      active_customers: 0,
      churned_customers: 0,
      messages_in: 0,
      messages_out: 0,
    });
  });

  it("when a staff member asks, or the range is malformed or too long, then 403 or 400", async () => {
    const full: FullTenant = await createFullTenant(app, platformToken, "Analytics Roles");
    expect((await call(app, "get", "/api/v1/analytics/summary", { token: full.staffToken })).status).toBe(403);
    for (const query of ["from=2026-13-45", "from=2020-01-01&to=2026-01-01", "from=2026-02-02&to=2026-01-01", "to=x"]) {
      const res = await call(app, "get", `/api/v1/analytics/summary?${query}`, { token: full.ownerToken });
      expect(res.status, query).toBe(400);
    }
  });
});
