import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { findCustomerByPhone } from "../../../src/domain/customers/findCustomerByPhone.ts";
import { findOrCreateCustomer } from "../../../src/domain/customers/findOrCreateCustomer.ts";
import { setOptIn } from "../../../src/domain/customers/setOptIn.ts";
import { logPurchase, type LogPurchaseInput } from "../../../src/domain/purchases/logPurchase.ts";
import { previewPurchase } from "../../../src/domain/purchases/previewPurchase.ts";
import { createTestTenant, randomPhone, type TestTenant } from "../../helpers/testContext.ts";
import { addCampaign, addRule, day, ledgerCheckedPool, ledgerRows } from "./domainFixtures.ts";

let tenant: TestTenant;
const pool = await ledgerCheckedPool(() => tenant);

function purchase(overrides: Partial<LogPurchaseInput> = {}): LogPurchaseInput {
  return {
    tenantId: tenant.id,
    customerPhone: overrides.customerPhone ?? randomPhone(),
    amountKobo: 500_000,
    source: "whatsapp",
    loggedVia: "staff_pin",
    loggedByUserId: null,
    idempotencyKey: null,
    now: day(1),
    ...overrides,
  };
}

async function log(input: LogPurchaseInput) {
  return withTenant(pool, tenant.id, (tx) => logPurchase(tx, input));
}

async function earnedRows(customerId: string) {
  const rows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, customerId));
  return rows.map((r) => ({ type: r.transaction_type, points: r.points, source: r.metadata["sourceName"] }));
}

describe("logPurchase", () => {
  it("when the tenant has no rules, then the default rule earns 1 point per ₦100 and the new customer is not opted in", async () => {
    tenant = await createTestTenant(pool);
    const result = await log(purchase({ amountKobo: 512_345 }));
    expect(result).toMatchObject({
      ok: true,
      created: true,
      customerCreated: true,
      balance: 51,
      purchase: { pointsAwarded: 51, amountKobo: 512_345 },
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.customer).toMatchObject({
      optedIn: false,
      totalPurchases: 1,
      totalSpentKobo: 512_345,
      lastPurchaseAt: day(1),
    });
    expect(await earnedRows(result.customer.id)).toEqual([
      { type: "earned", points: 51, source: "Default: 1 point per ₦100" },
    ]);
  });

  it("when per-amount and first-purchase rules are active, then the first purchase writes one earned row per rule and the second only the spending row", async () => {
    tenant = await createTestTenant(pool);
    await withTenant(pool, tenant.id, async (tx) => {
      await addRule(tx, tenant.id, {
        name: "1 per ₦10",
        ruleType: "per_amount_spent",
        config: { points_per_ngn: 0.1 },
        priority: 10,
      });
      await addRule(tx, tenant.id, { name: "Welcome", ruleType: "first_purchase_bonus", config: { bonus_points: 25 } });
    });
    const phone = randomPhone();
    const first = await log(purchase({ customerPhone: phone, amountKobo: 100_000 }));
    const second = await log(purchase({ customerPhone: phone, amountKobo: 100_000, now: day(2) }));
    expect(first).toMatchObject({ ok: true, balance: 125, purchase: { pointsAwarded: 125 } });
    expect(second).toMatchObject({ ok: true, balance: 225, purchase: { pointsAwarded: 100 }, customerCreated: false });
    if (!second.ok) throw new Error(second.reason);
    expect(await earnedRows(second.customer.id)).toEqual([
      { type: "earned", points: 100, source: "1 per ₦10" },
      { type: "earned", points: 25, source: "Welcome" },
      { type: "earned", points: 100, source: "1 per ₦10" },
    ]);
    expect(second.customer).toMatchObject({ totalPurchases: 2, totalSpentKobo: 200_000, lastPurchaseAt: day(2) });
  });

  it("when a per-purchase rule, a milestone rule and a double-points campaign are active, then the campaign doubles only the spending points and names itself", async () => {
    tenant = await createTestTenant(pool);
    const campaignId = await withTenant(pool, tenant.id, async (tx) => {
      await addRule(tx, tenant.id, {
        name: "10 a visit",
        ruleType: "per_purchase",
        config: { points_per_purchase: 10 },
        priority: 10,
      });
      await addRule(tx, tenant.id, {
        name: "Every 2nd",
        ruleType: "milestone",
        config: { milestone_purchases: 2, bonus_points: 7 },
      });
      return addCampaign(tx, tenant.id, {
        name: "Double week",
        campaignType: "double_points",
        config: { multiplier: 2 },
        startsAt: day(0),
        endsAt: day(7),
      });
    });
    const phone = randomPhone();
    await log(purchase({ customerPhone: phone }));
    const second = await log(purchase({ customerPhone: phone, now: day(3) }));
    const third = await log(purchase({ customerPhone: phone, now: day(8) }));
    expect([second, third].map((r) => r.ok && r.purchase.pointsAwarded)).toEqual([27, 10]);
    if (!third.ok) throw new Error(third.reason);
    const rows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, third.customer.id));
    expect(rows.map((r) => [r.points, r.metadata["sourceName"], r.campaign_id])).toEqual([
      [10, "10 a visit", null],
      [10, "Double week", campaignId],
      [10, "10 a visit", null],
      [7, "Every 2nd", null],
      [10, "Double week", campaignId],
      [10, "10 a visit", null],
    ]);
    expect(rows.every((r) => r.purchase_id !== null)).toBe(true);
  });

  it("when a referred customer's first purchase is logged, then the referrer earns a row of their own and the buyer their welcome bonus", async () => {
    tenant = await createTestTenant(pool);
    const { referrer, referred } = await withTenant(pool, tenant.id, async (tx) => {
      await addRule(tx, tenant.id, {
        name: "10 a visit",
        ruleType: "per_purchase",
        config: { points_per_purchase: 10 },
      });
      await addRule(tx, tenant.id, {
        name: "Refer a friend",
        ruleType: "referral",
        config: { referrer_points: 50, referred_points: 5 },
      });
      const a = await findOrCreateCustomer(tx, { tenantId: tenant.id, phone: randomPhone(), optedIn: true });
      if (!a.ok || a.customer.referralCode === null) throw new Error("no referrer");
      const b = await findOrCreateCustomer(tx, {
        tenantId: tenant.id,
        phone: randomPhone(),
        optedIn: true,
        referralCode: a.customer.referralCode.toLowerCase(),
      });
      if (!b.ok) throw new Error("no referred");
      return { referrer: a.customer, referred: b.customer };
    });
    expect(referred.referredByCustomerId).toBe(referrer.id);
    expect(
      await withTenant(pool, tenant.id, (tx) =>
        previewPurchase(tx, {
          tenantId: tenant.id,
          customerPhone: referred.phoneNumber,
          amountKobo: 100_000,
          now: day(1),
        }),
      ),
    ).toMatchObject({ ok: true, points: 15, referrerPoints: 50, customerExists: true });
    const first = await log(purchase({ customerPhone: referred.phoneNumber }));
    expect(first).toMatchObject({ ok: true, balance: 15, referrerPoints: 50, purchase: { pointsAwarded: 15 } });
    const second = await log(purchase({ customerPhone: referred.phoneNumber, now: day(2) }));
    expect(second).toMatchObject({ ok: true, referrerPoints: 0 });
    const referrerRows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, referrer.id));
    expect(referrerRows.map((r) => [r.points, r.metadata["sourceName"], r.metadata["referredCustomerId"]])).toEqual([
      [50, "Refer a friend", referred.id],
    ]);
  });

  it("when a birthday rule is active, then the bonus is given once per calendar year within the window", async () => {
    tenant = await createTestTenant(pool);
    const phone = randomPhone();
    await withTenant(pool, tenant.id, async (tx) => {
      await addRule(tx, tenant.id, {
        name: "10 a visit",
        ruleType: "per_purchase",
        config: { points_per_purchase: 10 },
        priority: 10,
      });
      await addRule(tx, tenant.id, {
        name: "Birthday",
        ruleType: "birthday",
        config: { bonus_points: 100, window_days: 3 },
      });
      const created = await findOrCreateCustomer(tx, { tenantId: tenant.id, phone, optedIn: true });
      if (!created.ok) throw new Error(created.reason);
      await tx.query(
        sql.type(
          z.object({}).loose(),
        )`UPDATE customers SET birth_date = '1990-01-03' WHERE id = ${created.customer.id}`,
      );
    });
    const points = [];
    for (const now of [day(1), day(2), day(30), day(366)]) {
      const result = await log(purchase({ customerPhone: phone, now }));
      points.push(result.ok ? result.purchase.pointsAwarded : -1);
    }
    expect(points).toEqual([110, 10, 10, 110]);
  });

  it("when the tenant sets points_expiry_days, then earned lots expire that many days after the purchase", async () => {
    tenant = await createTestTenant(pool, { settings: { points_expiry_days: 30 } });
    const result = await log(purchase());
    if (!result.ok) throw new Error(result.reason);
    const entries = await withTenant(pool, tenant.id, (tx) =>
      tx.anyFirst(
        sql.type(
          z.object({ expires_at: z.date().nullable() }),
        )`SELECT expires_at FROM points_transactions WHERE customer_id = ${result.customer.id}`,
      ),
    );
    expect(entries).toEqual([day(31)]);
  });

  it("when the same idempotency key is logged again, then the first purchase comes back and nothing new is written", async () => {
    tenant = await createTestTenant(pool);
    const input = purchase({ idempotencyKey: "pos-1", source: "api", loggedVia: "api_key" });
    const first = await log(input);
    const again = await log({ ...input, amountKobo: 999_999 });
    expect(first).toMatchObject({ ok: true, created: true });
    expect(again).toMatchObject({ ok: true, created: false, purchase: { amountKobo: 500_000 } });
    if (!first.ok || !again.ok) throw new Error("unreachable");
    expect(again.purchase.id).toBe(first.purchase.id);
    expect(again.customer.totalPurchases).toBe(1);
  });

  it("when an idempotency key is replayed for another phone number, then the first purchase comes back and no customer is created", async () => {
    tenant = await createTestTenant(pool);
    const input = purchase({ idempotencyKey: "pos-2", source: "api", loggedVia: "api_key" });
    const first = await log(input);
    const otherPhone = randomPhone();
    const again = await log({ ...input, customerPhone: otherPhone });
    if (!first.ok || !again.ok) throw new Error("unreachable");
    expect(again).toMatchObject({ created: false, customerCreated: false, balance: 50, referrerPoints: 0 });
    expect(again.purchase.id).toBe(first.purchase.id);
    expect(await withTenant(pool, tenant.id, (tx) => findCustomerByPhone(tx, otherPhone))).toBeNull();
  });

  it("when the same idempotency key is logged twice concurrently for two phone numbers, then one purchase is written and both get it", async () => {
    tenant = await createTestTenant(pool);
    const input = purchase({ idempotencyKey: "pos-race-2", source: "pos_integration", loggedVia: "api_key" });
    const results = await Promise.all([log(input), log({ ...input, customerPhone: randomPhone() })]);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    const ids = results.map((r) => (r.ok ? r.purchase.id : null));
    expect(ids[0]).toBe(ids[1]);
    const counts = await withTenant(pool, tenant.id, (tx) =>
      tx.one(sql.type(z.object({ purchases: z.number(), rows: z.number() }))`
        SELECT (SELECT count(*) FROM purchases) AS purchases, (SELECT count(*) FROM points_transactions) AS rows`),
    );
    expect(counts).toEqual({ purchases: 1, rows: 1 });
  });

  it("when the same idempotency key is logged twice concurrently, then one purchase is written", async () => {
    tenant = await createTestTenant(pool);
    const input = purchase({ idempotencyKey: "pos-race", source: "pos_integration", loggedVia: "api_key" });
    const results = await Promise.all([log(input), log(input), log(input)]);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(results.filter((r) => r.ok && !r.created)).toHaveLength(2);
    const counts = await withTenant(pool, tenant.id, (tx) =>
      tx.one(sql.type(z.object({ purchases: z.number(), rows: z.number(), customers: z.number() }))`
        SELECT (SELECT count(*) FROM purchases) AS purchases, (SELECT count(*) FROM points_transactions) AS rows,
               (SELECT count(*) FROM customers) AS customers`),
    );
    expect(counts).toEqual({ purchases: 1, rows: 1, customers: 1 });
  });

  it("when the amount is not a positive integer of kobo, then it is refused as a result", async () => {
    tenant = await createTestTenant(pool);
    expect(await log(purchase({ amountKobo: 0 }))).toEqual({ ok: false, reason: "invalid_amount" });
    expect(await log(purchase({ amountKobo: 10.5 }))).toEqual({ ok: false, reason: "invalid_amount" });
  });

  it("when a preview is asked, then it returns the points and writes nothing", async () => {
    tenant = await createTestTenant(pool);
    const phone = randomPhone();
    const preview = await withTenant(pool, tenant.id, (tx) =>
      previewPurchase(tx, { tenantId: tenant.id, customerPhone: phone, amountKobo: 250_000, now: day(1) }),
    );
    expect(preview).toMatchObject({ ok: true, points: 25, referrerPoints: 0, customerExists: false });
    expect(await withTenant(pool, tenant.id, (tx) => findCustomerByPhone(tx, phone))).toBeNull();
  });
});

describe("customers", () => {
  it("when the plan's max_customers is reached, then a new customer is refused with plan_limit and an existing one is still found", async () => {
    tenant = await createTestTenant(pool, { planSlug: "trial" });
    const existing = randomPhone();
    await withPlatform(pool, (tx) =>
      tx.query(sql.type(z.object({}).loose())`
        INSERT INTO customers (tenant_id, phone_number)
        SELECT ${tenant.id}::uuid, ${existing} UNION ALL
        SELECT ${tenant.id}::uuid, '2349' || lpad(g::text, 9, '0') FROM generate_series(1, 49) g`),
    );
    const refused = await withTenant(pool, tenant.id, (tx) =>
      findOrCreateCustomer(tx, { tenantId: tenant.id, phone: randomPhone(), optedIn: true }),
    );
    expect(refused).toEqual({ ok: false, reason: "plan_limit" });
    expect(await log(purchase())).toEqual({ ok: false, reason: "plan_limit" });
    const found = await withTenant(pool, tenant.id, (tx) =>
      findOrCreateCustomer(tx, { tenantId: tenant.id, phone: existing, optedIn: true }),
    );
    expect(found).toMatchObject({ ok: true, created: false });
  });

  it("when a customer is created, then they get a unique referral code of unambiguous characters, and STOP/START flip consent", async () => {
    tenant = await createTestTenant(pool);
    const created = await withTenant(pool, tenant.id, (tx) =>
      findOrCreateCustomer(tx, { tenantId: tenant.id, phone: randomPhone(), optedIn: true, now: day(1) }),
    );
    if (!created.ok) throw new Error(created.reason);
    expect(created.customer.referralCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(created.customer.optedIn).toBe(true);
    const stopped = await withTenant(pool, tenant.id, (tx) =>
      setOptIn(tx, { customerId: created.customer.id, optedIn: false, now: day(2) }),
    );
    expect(stopped).toMatchObject({ ok: true, customer: { optedIn: false } });
    const started = await withTenant(pool, tenant.id, (tx) =>
      setOptIn(tx, { customerId: created.customer.id, optedIn: true, now: day(3) }),
    );
    expect(started).toMatchObject({ ok: true, customer: { optedIn: true } });
  });
});
