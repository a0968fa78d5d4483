import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { call, createPlatformAdmin, errorBody, platformLogin, uniqueLocalPhone } from "./apiHelpers.ts";
import { createFullTenant, type FullTenant } from "./tenantFixture.ts";

/**
 * Purchase corrections through the vendor API: the list with its filters and pages, and voids
 * (points taken back as far as the balance allows, the customer told, an audit row), with the
 * abuse cases: another tenant's id, a lower role, a second void, malformed input.
 */
let app: TestApp;
let a: FullTenant;
let b: FullTenant;

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
  const platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
  a = await createFullTenant(app, platformToken, "Void Foods A");
  b = await createFullTenant(app, platformToken, "Void Foods B");
}, 300_000);
afterAll(async () => {
  await app.stop();
});

const purchaseBody = z
  .object({ id: z.uuid(), customer_id: z.uuid(), points_awarded: z.int(), balance: z.int() })
  .loose();
const voidedBody = z
  .object({
    id: z.uuid(),
    voided_at: z.string(),
    void_reason: z.string(),
    points_reversed: z.int(),
    points_shortfall: z.int(),
    balance: z.int(),
  })
  .loose();
const page = z.object({ data: z.array(z.object({ id: z.uuid() }).loose()), next_cursor: z.string().nullable() });

async function logPurchase(tenant: FullTenant, phone: string, amountKobo = 100000, token = tenant.ownerToken) {
  const res = await call(app, "post", "/api/v1/purchases", {
    token,
    body: { customer_phone: phone, amount_kobo: amountKobo },
  });
  expect(res.status).toBe(201);
  return purchaseBody.parse(res.body);
}

/** The customer's balance row and the sum of their ledger rows, which must always agree. */
async function ledgerOf(customerId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.one(sql.type(z.object({ balance: z.number(), ledger: z.number(), rows: z.number() }))`
      SELECT (SELECT current_balance FROM customer_points_balance WHERE customer_id = ${customerId}) AS balance,
             (SELECT COALESCE(sum(points), 0) FROM points_transactions WHERE customer_id = ${customerId}) AS ledger,
             (SELECT count(*) FROM points_transactions WHERE customer_id = ${customerId}) AS rows
    `),
  );
}

describe("purchase voids", { timeout: 120_000 }, () => {
  it("when an owner voids a purchase whose points were partly spent, then what is left is taken back, the rest is a shortfall, and the balance stays at or above zero", async () => {
    const purchase = await logPurchase(a, uniqueLocalPhone());
    expect(purchase.points_awarded).toBeGreaterThan(2);
    const spend = purchase.points_awarded - 2;
    const spent = await call(app, "post", `/api/v1/customers/${purchase.customer_id}/adjustments`, {
      token: a.ownerToken,
      body: { points: -spend, reason: "Spent at the till" },
    });
    expect(spent.status).toBe(201);

    const res = await call(app, "post", `/api/v1/purchases/${purchase.id}/void`, {
      token: a.ownerToken,
      body: { reason: "Logged on the wrong phone" },
    });
    expect(res.status).toBe(200);
    const voided = voidedBody.parse(res.body);
    expect(voided).toMatchObject({
      void_reason: "Logged on the wrong phone",
      points_reversed: 2,
      points_shortfall: spend,
      balance: 0,
    });

    const ledger = await ledgerOf(purchase.customer_id);
    expect(ledger.balance).toBe(0);
    expect(ledger.ledger).toBe(ledger.balance);
    const [audit, outbox, customer] = await withPlatform(
      app.pool,
      async (tx) =>
        [
          await tx.one(sql.type(
            z.object({ new_values: z.record(z.string(), z.unknown()), user_id: z.string().nullable() }),
          )`
        SELECT new_values, user_id FROM audit_logs WHERE action = 'purchase.voided' AND entity_id = ${purchase.id}
      `),
          await tx.any(sql.type(
            z.object({ message_type: z.string(), triggered_by: z.string(), whatsapp_status: z.string() }),
          )`
        SELECT message_type, triggered_by, whatsapp_status FROM whatsapp_messages
        WHERE customer_id = ${purchase.customer_id} AND direction = 'outbound' AND triggered_by = 'purchase_voided'
      `),
          await tx.one(sql.type(z.object({ total_purchases: z.number(), total_spent_ngn: z.number() }))`
        SELECT total_purchases, total_spent_ngn FROM customers WHERE id = ${purchase.customer_id}
      `),
        ] as const,
    );
    expect(audit.new_values).toMatchObject({
      reason: "Logged on the wrong phone",
      pointsReversed: 2,
      pointsShortfall: spend,
    });
    expect(audit.user_id).not.toBeNull();
    // The customer never wrote to the bot: outside the 24-hour window only a template may go.
    expect(outbox).toEqual([{ message_type: "template", triggered_by: "purchase_voided", whatsapp_status: "queued" }]);
    expect(customer).toEqual({ total_purchases: 0, total_spent_ngn: 0 });
  });

  it("when a customer has points from another purchase, then a void takes back its own lots and leaves the others' expiry alone", async () => {
    const phone = uniqueLocalPhone();
    const first = await logPurchase(a, phone);
    const second = await logPurchase(a, phone);
    const res = await call(app, "post", `/api/v1/purchases/${first.id}/void`, {
      token: a.adminToken,
      body: { reason: "Duplicate" },
    });
    expect(res.status).toBe(200);
    expect(voidedBody.parse(res.body)).toMatchObject({
      points_reversed: first.points_awarded,
      points_shortfall: 0,
      balance: second.points_awarded,
    });
    const lots = await withPlatform(app.pool, (tx) =>
      tx.any(sql.type(z.object({ purchase_id: z.string(), remaining: z.number() }))`
        SELECT purchase_id, sum(points_remaining) AS remaining FROM points_transactions
        WHERE customer_id = ${first.customer_id} AND transaction_type = 'earned' GROUP BY purchase_id
      `),
    );
    expect(lots).toEqual(
      expect.arrayContaining([
        { purchase_id: first.id, remaining: 0 },
        { purchase_id: second.id, remaining: second.points_awarded },
      ]),
    );
    const ledger = await ledgerOf(first.customer_id);
    expect(ledger.ledger).toBe(ledger.balance);
  });

  it("when a purchase is voided twice, or twice at once, then one void happens and the other answers 409", async () => {
    const purchase = await logPurchase(a, uniqueLocalPhone());
    const both = await Promise.all(
      [1, 2].map(() =>
        call(app, "post", `/api/v1/purchases/${purchase.id}/void`, { token: a.ownerToken, body: { reason: "Twice" } }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const conflict = both.find((r) => r.status === 409);
    expect(errorBody.parse(conflict?.body).error.code).toBe("already_voided");
    const rowsAfter = (await ledgerOf(purchase.customer_id)).rows;
    const again = await call(app, "post", `/api/v1/purchases/${purchase.id}/void`, {
      token: a.ownerToken,
      body: { reason: "Thrice" },
    });
    expect(again.status).toBe(409);
    const ledger = await ledgerOf(purchase.customer_id);
    expect(ledger).toEqual({ balance: 0, ledger: 0, rows: rowsAfter });
  });

  it("when another tenant's owner voids or reads a purchase, then it answers 404 and the purchase is untouched", async () => {
    const purchase = await logPurchase(a, uniqueLocalPhone());
    const res = await call(app, "post", `/api/v1/purchases/${purchase.id}/void`, {
      token: b.ownerToken,
      body: { reason: "Not mine" },
    });
    expect(res.status).toBe(404);
    expect((await call(app, "get", `/api/v1/purchases/${purchase.id}`, { token: b.ownerToken })).status).toBe(404);
    const mine = await call(app, "get", `/api/v1/purchases/${purchase.id}`, { token: a.ownerToken });
    expect(mine.body).toMatchObject({ id: purchase.id, voided_at: null, points_reversed: null });
    const listed = page.parse(
      (await call(app, "get", `/api/v1/purchases?customer_id=${purchase.customer_id}`, { token: b.ownerToken })).body,
    );
    expect(listed.data).toEqual([]);
  });

  it("when a staff member or an API key voids a purchase, then it answers 403 and nothing changes", async () => {
    const purchase = await logPurchase(a, uniqueLocalPhone());
    for (const token of [a.staffToken, a.apiKey]) {
      const res = await call(app, "post", `/api/v1/purchases/${purchase.id}/void`, {
        token,
        body: { reason: "Not allowed" },
      });
      expect(res.status).toBe(403);
    }
    expect((await ledgerOf(purchase.customer_id)).balance).toBe(purchase.points_awarded);
  });

  it("when the reason is missing, empty, huge or the body carries other fields, then it answers 400 and nothing changes", async () => {
    const purchase = await logPurchase(a, uniqueLocalPhone());
    const bodies = [
      {},
      { reason: "" },
      { reason: "   " },
      { reason: "x".repeat(501) },
      { reason: "ok", points: -1_000_000_000 },
      { reason: 12 },
    ];
    for (const body of bodies) {
      const res = await call(app, "post", `/api/v1/purchases/${purchase.id}/void`, { token: a.ownerToken, body });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect(
      (await call(app, "post", "/api/v1/purchases/not-a-uuid/void", { token: a.ownerToken, body: { reason: "x" } }))
        .status,
    ).toBe(404);
    expect((await ledgerOf(purchase.customer_id)).balance).toBe(purchase.points_awarded);
  });
});

describe("purchase list", { timeout: 120_000 }, () => {
  it("when purchases are listed with filters, then only the matching ones come back, newest first, page by page", async () => {
    const phone = uniqueLocalPhone();
    const byOwner = await logPurchase(a, phone, 200000);
    const byStaff = await logPurchase(a, phone, 300000, a.staffToken);
    const byKey = await logPurchase(a, phone, 400000, a.apiKey);
    await call(app, "post", `/api/v1/purchases/${byOwner.id}/void`, {
      token: a.ownerToken,
      body: { reason: "Wrong amount" },
    });

    const all = page.parse(
      (await call(app, "get", `/api/v1/purchases?customer_id=${byOwner.customer_id}`, { token: a.staffToken })).body,
    );
    expect(all.data.map((p) => p.id)).toEqual([byKey.id, byStaff.id, byOwner.id]);
    expect(all.data[2]).toMatchObject({ void_reason: "Wrong amount", customer_phone: expect.stringMatching(/^234/) });

    const staffId = a.fixture.staffId;
    const byStaffList = page.parse(
      (await call(app, "get", `/api/v1/purchases?staff_id=${staffId}`, { token: a.ownerToken })).body,
    );
    expect(byStaffList.data.map((p) => p.id)).toEqual([byStaff.id]);
    const apiOnly = page.parse(
      (
        await call(app, "get", `/api/v1/purchases?source=api&customer_id=${byOwner.customer_id}`, {
          token: a.ownerToken,
        })
      ).body,
    );
    expect(apiOnly.data.map((p) => p.id)).toEqual([byKey.id]);
    const voided = page.parse(
      (
        await call(app, "get", `/api/v1/purchases?voided=true&customer_id=${byOwner.customer_id}`, {
          token: a.ownerToken,
        })
      ).body,
    );
    expect(voided.data.map((p) => p.id)).toEqual([byOwner.id]);
    const future = page.parse(
      (await call(app, "get", `/api/v1/purchases?from=2099-01-01T00:00:00Z`, { token: a.ownerToken })).body,
    );
    expect(future.data).toEqual([]);
    const past = page.parse(
      (await call(app, "get", `/api/v1/purchases?to=2000-01-01T00:00:00Z`, { token: a.ownerToken })).body,
    );
    expect(past.data).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/purchases?limit=1&customer_id=${byOwner.customer_id}${cursor === null ? "" : `&cursor=${cursor}`}`;
      const res = page.parse((await call(app, "get", query, { token: a.ownerToken })).body);
      seen.push(...res.data.map((p) => p.id));
      cursor = res.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual([byKey.id, byStaff.id, byOwner.id]);
  });

  it("when the list's query is malformed, then it answers 400", async () => {
    const queries = [
      "from=yesterday",
      "source=cash",
      "staff_id=5",
      "limit=0",
      "limit=101",
      "cursor=bm90LWEtdXVpZA",
      "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
      "x=1",
    ];
    for (const query of queries) {
      const res = await call(app, "get", `/api/v1/purchases?${query}`, { token: a.ownerToken });
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
  });
});
