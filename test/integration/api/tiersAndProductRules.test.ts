import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { fileReceiptClaim } from "../../../src/domain/claims/fileReceiptClaim.ts";
import { findOrCreateCustomer } from "../../../src/domain/customers/findOrCreateCustomer.ts";
import { randomPhone } from "../../helpers/testContext.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import {
  call,
  createPlatformAdmin,
  errorBody,
  onboardTenant,
  platformLogin,
  uniqueLocalPhone,
  type OnboardedTenant,
} from "./apiHelpers.ts";
import { createFullTenant, type FullTenant } from "./tenantFixture.ts";

/**
 * Issue 20 through the API: VIP tiers (settings, the earning multiplier, the tier recorded on
 * the customer and the one "moved up" message) and product rules (product_category on purchases,
 * product_categories conditions, priority with exclusive). Abuse: lower roles, another tenant's
 * rule, bad and huge input.
 */

let app: TestApp;
let platformToken: string;
let full: FullTenant;

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
  platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
  full = await createFullTenant(app, platformToken, "Tier Fixture Foods");
}, 120_000);
afterAll(async () => {
  await app.stop();
});

const TIERS = [
  { name: "Silver", min_points: 100, multiplier: 1.5 },
  { name: "Gold", min_points: 1000, multiplier: 2 },
];

const purchaseBody = z
  .object({ id: z.uuid(), customer_id: z.uuid(), points_awarded: z.number(), product_category: z.string().nullable() })
  .loose();

async function logPurchase(
  tenant: OnboardedTenant,
  phone: string,
  amountKobo: number,
  extra: Record<string, unknown> = {},
) {
  const res = await call(app, "post", "/api/v1/purchases", {
    token: tenant.ownerToken,
    body: { customer_phone: phone, amount_kobo: amountKobo, ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return purchaseBody.parse(res.body);
}

const earnedRow = z.object({ points: z.number(), description: z.string().nullable() });
async function earnedRowsOf(purchaseId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.any(sql.type(earnedRow)`
      SELECT points, description FROM points_transactions WHERE purchase_id = ${purchaseId} ORDER BY points DESC
    `),
  );
}

const outboxRow = z.object({ message_type: z.string(), payload: z.unknown() });
async function tierUpMessagesTo(customerId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.any(sql.type(outboxRow)`
      SELECT message_type, payload FROM whatsapp_messages
      WHERE customer_id = ${customerId} AND direction = 'outbound' AND triggered_by = 'tier_up'
      ORDER BY created_at
    `),
  );
}

async function setTiers(tenant: OnboardedTenant, tiers: unknown) {
  return call(app, "patch", "/api/v1/settings", { token: tenant.ownerToken, body: { tiers } });
}

describe("tier settings", { timeout: 60_000 }, () => {
  it("when the owner sets tiers, then the settings show them; [] removes them", async () => {
    const tenant = await onboardTenant(app, platformToken, "Tier Settings Shop");
    const set = await setTiers(tenant, TIERS);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ tiers: TIERS });
    expect((await call(app, "get", "/api/v1/settings", { token: tenant.ownerToken })).body).toMatchObject({
      tiers: TIERS,
    });
    expect((await setTiers(tenant, [])).body).toMatchObject({ tiers: [] });
  });

  it("when tiers are malformed or too big, then 400 names the problem and nothing changes", async () => {
    const tenant = await onboardTenant(app, platformToken, "Tier Bad Input Shop");
    const bad: unknown[] = [
      [TIERS[1], TIERS[0]], // thresholds not ascending
      [{ name: "Silver", min_points: 100, multiplier: 6 }], // multiplier over 5
      [{ name: "Silver", min_points: 100, multiplier: 0.5 }], // under 1
      [{ name: "Silver", min_points: 100, multiplier: 1.333 }], // three decimals
      [{ name: "A name far too long for a tier", min_points: 100, multiplier: 1 }],
      [{ name: "Silver", min_points: 1e12, multiplier: 1 }], // huge threshold
      [{ name: "Silver", min_points: -5, multiplier: 1 }],
      [
        { name: "Silver", min_points: 100, multiplier: 1 },
        { name: "silver", min_points: 200, multiplier: 1 },
      ], // same name twice
      Array.from({ length: 6 }, (_, n) => ({ name: `T${n}`, min_points: (n + 1) * 100, multiplier: 1 })),
      [{ name: "Silver", min_points: 100, multiplier: 1, extra: true }],
      "Silver",
    ];
    for (const tiers of bad) {
      const res = await setTiers(tenant, tiers);
      expect(res.status, JSON.stringify(tiers)).toBe(400);
      expect(errorBody.parse(res.body).error.code).toBe("validation_error");
    }
    expect((await call(app, "get", "/api/v1/settings", { token: tenant.ownerToken })).body).toMatchObject({
      tiers: [],
    });
  });

  it("when a staff member, an admin or an API key tries to set tiers, then 403 and the tiers stay", async () => {
    for (const token of [full.staffToken, full.adminToken, full.apiKey]) {
      const res = await call(app, "patch", "/api/v1/settings", { token, body: { tiers: TIERS } });
      expect(res.status).toBe(403);
    }
    expect((await call(app, "get", "/api/v1/settings", { token: full.ownerToken })).body).toMatchObject({
      tiers: [],
    });
  });
});

describe("tiers in purchases", { timeout: 60_000 }, () => {
  it("when lifetime points cross a threshold, then the customer moves up once, later purchases earn the multiplier (said in the ledger), and spending never lowers the tier", async () => {
    const tenant = await onboardTenant(app, platformToken, "Tier Purchase Shop");
    expect((await setTiers(tenant, TIERS)).status).toBe(200);
    const phone = uniqueLocalPhone();

    // ₦10,000 under the default rule (1 point per ₦100): 100 points, which reaches Silver.
    const first = await logPurchase(tenant, phone, 1_000_000);
    expect(first.points_awarded).toBe(100);
    const customerId = first.customer_id;
    expect(await tierUpMessagesTo(customerId)).toHaveLength(1);
    const customer = await call(app, "get", `/api/v1/customers/${customerId}`, { token: tenant.ownerToken });
    expect(customer.body).toMatchObject({ tier: "Silver", balance: 100 });

    // Silver earns ×1.5 on spending points: ₦10,010 is 100 points, 150 with the tier (rounded down).
    const second = await logPurchase(tenant, phone, 1_001_000);
    expect(second.points_awarded).toBe(150);
    expect(await earnedRowsOf(second.id)).toEqual([
      { points: 150, description: "Points for spending ₦10,010 (Silver ×1.5)" },
    ]);
    // An odd base rounds down: 3 points × 1.5 = 4.5 → 4.
    expect((await logPurchase(tenant, phone, 30_000)).points_awarded).toBe(4);
    expect(await tierUpMessagesTo(customerId)).toHaveLength(1);

    // Spending points does not lower the tier.
    const spent = await call(app, "post", `/api/v1/customers/${customerId}/adjustments`, {
      token: tenant.ownerToken,
      body: { points: -250, reason: "Redeemed at the till" },
    });
    expect(spent.status).toBe(201);
    expect(
      (await call(app, "get", `/api/v1/customers/${customerId}`, { token: tenant.ownerToken })).body,
    ).toMatchObject({ tier: "Silver", balance: 4 });

    // ₦600,000: 6,000 × 1.5 = 9,000 points, past Gold (1,000 lifetime): one more message.
    expect((await logPurchase(tenant, phone, 60_000_000)).points_awarded).toBe(9000);
    const messages = await tierUpMessagesTo(customerId);
    expect(messages).toHaveLength(2);
    // The customer never wrote, so outside the 24-hour window the message is the approved template.
    expect(messages[1]).toMatchObject({
      message_type: "template",
      payload: { name: "loyalty_tier_up", bodyParams: ["Gold", "Tier Purchase Shop"] },
    });
    expect(
      (await call(app, "get", `/api/v1/customers/${customerId}`, { token: tenant.ownerToken })).body,
    ).toMatchObject({ tier: "Gold" });
  });

  it("when a purchase is replayed with its idempotency key, then no second tier message is written", async () => {
    const tenant = await onboardTenant(app, platformToken, "Tier Replay Shop");
    await setTiers(tenant, TIERS);
    const phone = uniqueLocalPhone();
    const body = { customer_phone: phone, amount_kobo: 5_000_000, idempotency_key: "till-1-receipt-9" };
    const first = await call(app, "post", "/api/v1/purchases", { token: tenant.ownerToken, body });
    const again = await call(app, "post", "/api/v1/purchases", { token: tenant.ownerToken, body });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(await tierUpMessagesTo(purchaseBody.parse(first.body).customer_id)).toHaveLength(1);
  });

  it("when an approved receipt claim moves the customer up, then the tier is recorded and one message is queued", async () => {
    const tenant = await onboardTenant(app, platformToken, "Tier Claim Shop");
    await setTiers(tenant, TIERS);
    const phone = randomPhone();
    const filed = await withTenant(app.pool, tenant.id, async (tx) => {
      const customer = await findOrCreateCustomer(tx, { tenantId: tenant.id, phone, optedIn: true });
      if (!customer.ok) throw new Error("customer");
      const claim = await fileReceiptClaim(tx, {
        tenantId: tenant.id,
        customerId: customer.customer.id,
        amountKobo: 1_000_000,
        receipt: { key: `receipts/${tenant.id}/tier`, sha256: "a".repeat(64), mimeType: "image/jpeg", bytes: 10 },
        now: new Date(),
      });
      if (!claim.ok) throw new Error(`claim refused: ${claim.reason}`);
      return { claimId: claim.claim.id, customerId: customer.customer.id };
    });
    const approved = await call(app, "post", `/api/v1/claims/${filed.claimId}/approve`, {
      token: tenant.ownerToken,
      body: {},
    });
    expect(approved.status).toBe(200);
    expect(await tierUpMessagesTo(filed.customerId)).toHaveLength(1);
    expect(
      (await call(app, "get", `/api/v1/customers/${filed.customerId}`, { token: tenant.ownerToken })).body,
    ).toMatchObject({ tier: "Silver", balance: 100 });
  });

  it("when the largest purchase meets the largest rate and multiplier, then the points are exact and the balance is a safe integer; another tenant cannot read the customer's tier", async () => {
    const tenant = await onboardTenant(app, platformToken, "Tier Huge Shop");
    expect((await setTiers(tenant, [{ name: "Top", min_points: 1, multiplier: 5 }])).status).toBe(200);
    await addRule(tenant, { name: "100 a naira", rule_type: "per_amount_spent", config: { points_per_ngn: 100 } });
    const phone = uniqueLocalPhone();
    const first = await logPurchase(tenant, phone, 10_000_000_000);
    expect(first.points_awarded).toBe(10_000_000_000);
    const second = await logPurchase(tenant, phone, 10_000_000_000);
    expect(second.points_awarded).toBe(50_000_000_000);
    const customer = await call(app, "get", `/api/v1/customers/${first.customer_id}`, { token: tenant.ownerToken });
    expect(customer.body).toMatchObject({ tier: "Top", balance: 60_000_000_000 });
    const foreign = await call(app, "get", `/api/v1/customers/${first.customer_id}`, { token: full.ownerToken });
    expect(foreign.status).toBe(404);
    const tooBig = await call(app, "post", "/api/v1/purchases", {
      token: tenant.ownerToken,
      body: { customer_phone: phone, amount_kobo: 10_000_000_001 },
    });
    expect(tooBig.status).toBe(400);
  });

  it("when the tenant has no tiers, then customers have none and earn the plain points", async () => {
    const tenant = await onboardTenant(app, platformToken, "No Tier Shop");
    const purchase = await logPurchase(tenant, uniqueLocalPhone(), 100_000_000);
    expect(purchase.points_awarded).toBe(10_000);
    expect(
      (await call(app, "get", `/api/v1/customers/${purchase.customer_id}`, { token: tenant.ownerToken })).body,
    ).toMatchObject({ tier: null });
    expect(await tierUpMessagesTo(purchase.customer_id)).toHaveLength(0);
  });
});

const ruleBody = z.object({ id: z.uuid(), exclusive: z.boolean(), priority: z.number() }).loose();

async function addRule(tenant: OnboardedTenant, body: Record<string, unknown>) {
  const res = await call(app, "post", "/api/v1/rules", { token: tenant.ownerToken, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return ruleBody.parse(res.body);
}

describe("product rules", { timeout: 60_000 }, () => {
  it("when an exclusive category rule matches, then lower-priority rules do not apply; other categories and none fall through to them", async () => {
    const tenant = await onboardTenant(app, platformToken, "Drinks Bar");
    const drinks = await addRule(tenant, {
      name: "Drinks: 50 points",
      rule_type: "per_purchase",
      config: { points_per_purchase: 50 },
      conditions: { product_categories: ["Drinks", "Juice"] },
      priority: 10,
      exclusive: true,
    });
    expect(drinks).toMatchObject({ exclusive: true, priority: 10 });
    await addRule(tenant, {
      name: "1 point per ₦100",
      rule_type: "per_amount_spent",
      config: { points_per_ngn: 0.01 },
    });
    const phone = uniqueLocalPhone();

    const drink = await logPurchase(tenant, phone, 1_000_000, { product_category: " drinks " });
    expect(drink).toMatchObject({ points_awarded: 50, product_category: "drinks" });
    const food = await logPurchase(tenant, phone, 1_000_000, { product_category: "Food" });
    expect(food.points_awarded).toBe(100);
    const none = await logPurchase(tenant, phone, 1_000_000);
    expect(none).toMatchObject({ points_awarded: 100, product_category: null });

    // Not exclusive any more: both apply.
    const changed = await call(app, "patch", `/api/v1/rules/${drinks.id}`, {
      token: tenant.ownerToken,
      body: { exclusive: false },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ exclusive: false });
    expect((await logPurchase(tenant, phone, 1_000_000, { product_category: "Juice" })).points_awarded).toBe(150);
  });

  it("when rule conditions or categories are malformed or huge, then 400 and nothing is stored", async () => {
    const tenant = await onboardTenant(app, platformToken, "Bad Rules Shop");
    const bad = [
      { product_categories: [] },
      { product_categories: ["ok", 5] },
      { product_categories: ["x".repeat(101)] },
      { product_categories: Array.from({ length: 51 }, (_, n) => `c${n}`) },
      { product_categories: "Drinks" },
    ];
    for (const conditions of bad) {
      const res = await call(app, "post", "/api/v1/rules", {
        token: tenant.ownerToken,
        body: { name: "Bad", rule_type: "per_purchase", config: { points_per_purchase: 5 }, conditions },
      });
      expect(res.status, JSON.stringify(conditions)).toBe(400);
    }
    const notBoolean = await call(app, "post", "/api/v1/rules", {
      token: tenant.ownerToken,
      body: { name: "Bad", rule_type: "per_purchase", config: { points_per_purchase: 5 }, exclusive: "yes" },
    });
    expect(notBoolean.status).toBe(400);
    const longCategory = await call(app, "post", "/api/v1/purchases", {
      token: tenant.ownerToken,
      body: { customer_phone: uniqueLocalPhone(), amount_kobo: 10_000, product_category: "x".repeat(101) },
    });
    expect(longCategory.status).toBe(400);
    expect((await call(app, "get", "/api/v1/rules", { token: tenant.ownerToken })).body).toMatchObject({ data: [] });
  });

  it("when another tenant's owner or a staff member changes a rule, then 404 or 403 and the rule stays", async () => {
    const tenant = await onboardTenant(app, platformToken, "Rule Owner Shop");
    const rule = await addRule(tenant, {
      name: "Drinks",
      rule_type: "per_purchase",
      config: { points_per_purchase: 5 },
      conditions: { product_categories: ["Drinks"] },
    });
    const foreign = await call(app, "patch", `/api/v1/rules/${rule.id}`, {
      token: full.ownerToken,
      body: { exclusive: true },
    });
    expect(foreign.status).toBe(404);
    const staff = await call(app, "post", "/api/v1/rules", {
      token: full.staffToken,
      body: { name: "Mine", rule_type: "per_purchase", config: { points_per_purchase: 5 }, exclusive: true },
    });
    expect(staff.status).toBe(403);
    expect((await call(app, "get", `/api/v1/rules/${rule.id}`, { token: tenant.ownerToken })).body).toMatchObject({
      exclusive: false,
    });
  });
});
