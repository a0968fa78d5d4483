import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { noRows, sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import {
  call,
  createPlatformAdmin,
  errorBody,
  onboardTenant,
  platformLogin,
  uniqueLocalPhone,
  vendorLogin,
  type OnboardedTenant,
} from "./apiHelpers.ts";

/** GET /api/v1/subscription: plan, status, period and usage against every limit, per tenant. */
let app: TestApp;
let platformToken: string;

const limitUsage = z.object({ used: z.number(), limit: z.number().nullable() });
const subscriptionBody = z.object({
  plan: z
    .object({ slug: z.string(), price_kobo: z.number(), limits: z.record(z.string(), z.number().nullable()) })
    .nullable(),
  status: z.string(),
  on_trial: z.boolean(),
  trial_ends_at: z.string().nullable(),
  current_period: z.object({ start: z.string(), end: z.string() }).nullable(),
  usage: z.object({
    customers: limitUsage,
    staff: limitUsage,
    broadcasts_this_month: limitUsage,
    messages_this_month: limitUsage,
  }),
  customers_turned_away: z.number(),
  open_invoice: z.object({ id: z.string(), total_kobo: z.number() }).nullable(),
});

beforeAll(async () => {
  app = await startTestApp();
  platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
}, 120_000);
afterAll(async () => {
  await app.stop();
});

/** A plan of the test's own with small limits, so reaching them takes a few calls (inactive: never offered to others). */
async function createTinyPlan(limits: { customers: number; staff: number }): Promise<string> {
  const slug = `tiny-${randomUUID().slice(0, 8)}`;
  await withPlatform(app.pool, (tx) =>
    tx.query(sql.type(noRows)`
      INSERT INTO subscription_plans (name, slug, price_ngn, billing_period, features, is_active)
      VALUES ('Tiny', ${slug}, 100000, 'monthly',
              ${sql.jsonb({ max_customers: limits.customers, max_staff: limits.staff, broadcasts_per_month: 2, messages_per_month: 100 })}, false)
    `),
  );
  return slug;
}

async function putOnPlan(tenantId: string, slug: string): Promise<void> {
  await withPlatform(app.pool, (tx) =>
    tx.query(
      sql.type(
        noRows,
      )`UPDATE tenants SET subscription_plan_id = (SELECT id FROM subscription_plans WHERE slug = ${slug}) WHERE id = ${tenantId}`,
    ),
  );
}

async function addStaff(tenant: OnboardedTenant, role = "staff"): Promise<{ id: string; token: string }> {
  const email = `${role}-${randomUUID()}@vendor.test`;
  const password = `pw-${randomUUID()}`;
  const res = await call(app, "post", "/api/v1/staff", {
    token: tenant.ownerToken,
    body: { full_name: "A person", email, phone_number: uniqueLocalPhone(), role, password },
  });
  if (res.status !== 201) throw new Error(`staff answered ${res.status}: ${JSON.stringify(res.body)}`);
  const id = z.object({ id: z.string() }).parse(res.body).id;
  return { id, token: await vendorLogin(app, { vendorCode: tenant.vendorCode, email, password }) };
}

async function purchase(tenant: OnboardedTenant, phone: string) {
  return call(app, "post", "/api/v1/purchases", {
    token: tenant.ownerToken,
    body: { customer_phone: phone, amount_kobo: 100000 },
  });
}

async function readSubscription(token: string) {
  const res = await call(app, "get", "/api/v1/subscription", { token });
  expect(res.status).toBe(200);
  return subscriptionBody.parse(res.body);
}

describe("GET /api/v1/subscription", () => {
  it("when a new tenant on its trial reads it, then it sees the trial plan, the trial period and zero usage against each limit", async () => {
    const tenant = await onboardTenant(app, platformToken, "Trial Foods");
    const sub = await readSubscription(tenant.ownerToken);
    expect(sub.status).toBe("trial");
    expect(sub.on_trial).toBe(true);
    expect(sub.plan?.slug).toBe("trial");
    expect(sub.trial_ends_at).not.toBeNull();
    expect(sub.current_period?.end).toBe(sub.trial_ends_at);
    expect(sub.usage.customers).toEqual({ used: 0, limit: 50 });
    expect(sub.usage.staff).toEqual({ used: 0, limit: 1 });
    expect(sub.usage.broadcasts_this_month).toEqual({ used: 0, limit: 5 });
    expect(sub.usage.messages_this_month).toEqual({ used: 0, limit: 1000 });
    expect(sub.customers_turned_away).toBe(0);
  });

  it("when staff are disabled or deleted, then they do not count against max_staff and a new one fits", {
    timeout: 120_000,
  }, async () => {
    const tenant = await onboardTenant(app, platformToken, "Staff Foods");
    const slug = await createTinyPlan({ customers: 10, staff: 2 });
    await putOnPlan(tenant.id, slug);
    const first = await addStaff(tenant);
    const second = await addStaff(tenant);
    expect((await readSubscription(tenant.ownerToken)).usage.staff).toEqual({ used: 2, limit: 2 });
    const full = await call(app, "post", "/api/v1/staff", {
      token: tenant.ownerToken,
      body: {
        full_name: "One too many",
        email: `x-${randomUUID()}@v.test`,
        phone_number: uniqueLocalPhone(),
        role: "staff",
      },
    });
    expect(full.status).toBe(402);

    expect((await call(app, "post", `/api/v1/staff/${first.id}/disable`, { token: tenant.ownerToken })).status).toBe(
      200,
    );
    await withPlatform(app.pool, (tx) =>
      tx.query(sql.type(noRows)`UPDATE vendor_users SET deleted_at = now() WHERE id = ${second.id}`),
    );
    expect((await readSubscription(tenant.ownerToken)).usage.staff).toEqual({ used: 0, limit: 2 });
    await addStaff(tenant);
    await addStaff(tenant);
    expect((await readSubscription(tenant.ownerToken)).usage.staff).toEqual({ used: 2, limit: 2 });

    // Taking the disabled one back would pass the limit: refused, with the limit named.
    const enable = await call(app, "patch", `/api/v1/staff/${first.id}`, {
      token: tenant.ownerToken,
      body: { is_active: true },
    });
    expect(enable.status).toBe(402);
    expect(errorBody.parse(enable.body).error.message).toMatch(/staff limit/);
  });

  it("when the customer limit turns people away, then each distinct person is counted once this period", async () => {
    const tenant = await onboardTenant(app, platformToken, "Full Foods");
    const slug = await createTinyPlan({ customers: 2, staff: 1 });
    await putOnPlan(tenant.id, slug);
    expect((await purchase(tenant, uniqueLocalPhone())).status).toBe(201);
    expect((await purchase(tenant, uniqueLocalPhone())).status).toBe(201);
    const refusedPhone = uniqueLocalPhone();
    const refused = await purchase(tenant, refusedPhone);
    expect(refused.status).toBe(402);
    expect(errorBody.parse(refused.body).error.code).toBe("plan_limit_reached");
    expect((await purchase(tenant, refusedPhone)).status).toBe(402);
    expect((await purchase(tenant, uniqueLocalPhone())).status).toBe(402);

    const sub = await readSubscription(tenant.ownerToken);
    expect(sub.usage.customers).toEqual({ used: 2, limit: 2 });
    expect(sub.customers_turned_away).toBe(2);
    const stored = await withPlatform(app.pool, (tx) =>
      tx.any(sql.type(z.object({ phone_hash: z.string(), attempts: z.number() }))`
        SELECT phone_hash, attempts FROM customer_limit_refusals WHERE tenant_id = ${tenant.id} ORDER BY attempts DESC
      `),
    );
    expect(stored.map((r) => r.attempts)).toEqual([2, 1]);
    // No phone number is kept for people who are not customers.
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.phone_hash))).toBe(true);
  });

  it("when two tenants read it, then each sees only its own usage", async () => {
    const a = await onboardTenant(app, platformToken, "A Foods");
    const b = await onboardTenant(app, platformToken, "B Foods");
    await purchase(a, uniqueLocalPhone());
    await purchase(a, uniqueLocalPhone());
    expect((await readSubscription(a.ownerToken)).usage.customers.used).toBe(2);
    expect((await readSubscription(b.ownerToken)).usage.customers.used).toBe(0);
  });

  it("when a staff member, an API key or nobody asks, then it is refused", async () => {
    const tenant = await onboardTenant(app, platformToken, "Closed Foods");
    const staff = await addStaff(tenant);
    expect((await call(app, "get", "/api/v1/subscription", { token: staff.token })).status).toBe(403);
    const key = z
      .object({ key: z.string() })
      .parse(
        (await call(app, "post", "/api/v1/api-keys", { token: tenant.ownerToken, body: { name: "POS" } })).body,
      ).key;
    expect((await call(app, "get", "/api/v1/subscription", { token: key })).status).toBe(403);
    expect((await call(app, "get", "/api/v1/subscription")).status).toBe(401);
    expect((await call(app, "get", "/api/v1/subscription", { token: platformToken })).status).toBe(403);
  });

  it("when a manual invoice is open, then it is shown as the invoice to pay", async () => {
    const tenant = await onboardTenant(app, platformToken, "Owing Foods");
    const created = await call(app, "post", `/api/platform/tenants/${tenant.id}/invoices`, {
      token: platformToken,
      body: { amount_kobo: 500000, period_start: "2026-12-01", period_end: "2026-12-31" },
    });
    expect(created.status).toBe(201);
    const sub = await readSubscription(tenant.ownerToken);
    expect(sub.open_invoice?.total_kobo).toBe(500000);
  });
});
