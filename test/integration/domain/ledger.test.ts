import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withTenant } from "../../../src/db/withTenant.ts";
import { creditLots } from "../../../src/domain/ledger/creditLots.ts";
import { creditPoints } from "../../../src/domain/ledger/creditPoints.ts";
import { debitPoints } from "../../../src/domain/ledger/debitPoints.ts";
import { expireLots } from "../../../src/domain/ledger/expireLots.ts";
import { getBalance } from "../../../src/domain/ledger/getBalance.ts";
import { getHistory } from "../../../src/domain/ledger/getHistory.ts";
import { adjustPoints } from "../../../src/domain/ledger/adjustPoints.ts";
import { createStaffMember } from "../../../src/domain/staff/createStaffMember.ts";
import { createTestTenant, type TestTenant } from "../../helpers/testContext.ts";
import { day, ledgerCheckedPool, ledgerRows, newCustomer } from "./domainFixtures.ts";

let tenant: TestTenant;
const pool = await ledgerCheckedPool(() => tenant);

async function earn(customerId: string, points: number, expiresAt: Date | null) {
  return withTenant(pool, tenant.id, (tx) =>
    creditPoints(tx, {
      tenantId: tenant.id,
      customerId,
      type: "earned",
      points,
      expiresAt,
      description: "test",
      metadata: {},
    }),
  );
}

async function spend(customerId: string, points: number) {
  return withTenant(pool, tenant.id, (tx) =>
    debitPoints(tx, {
      tenantId: tenant.id,
      customerId,
      type: "redeemed",
      points,
      description: "test spend",
      metadata: {},
    }),
  );
}

async function expire(now: Date) {
  return withTenant(pool, tenant.id, (tx) => expireLots(tx, { tenantId: tenant.id, now }));
}

async function customer() {
  tenant = await createTestTenant(pool);
  return withTenant(pool, tenant.id, (tx) => newCustomer(tx, tenant.id));
}

describe("ledger: FIFO lots and expiry", () => {
  it("when 100 (expiring day 10) and 50 (day 20) are earned and 120 redeemed on day 5, then day 10 expires nothing and day 20 expires 30", async () => {
    const c = await customer();
    await earn(c.id, 100, day(10));
    await earn(c.id, 50, day(20));
    const debit = await spend(c.id, 120);
    expect(debit).toMatchObject({ ok: true, balance: 30 });
    if (!debit.ok) throw new Error("unreachable");
    expect(debit.consumed.map((lot) => lot.points)).toEqual([100, 20]);
    expect(debit.entry.metadata).toMatchObject({ consumedLots: [{ points: 100 }, { points: 20 }] });

    expect(await expire(day(10))).toMatchObject({ expiredRows: 0, pointsExpired: 0, lotsClosed: 1 });
    expect(await withTenant(pool, tenant.id, (tx) => getBalance(tx, c.id))).toEqual({
      balance: 30,
      expiringSoonest: { points: 30, expiresAt: day(20) },
    });
    expect(await expire(day(20))).toMatchObject({
      expiredRows: 1,
      pointsExpired: 30,
      lotsClosed: 1,
      customerIds: [c.id],
    });
    expect(await withTenant(pool, tenant.id, (tx) => getBalance(tx, c.id))).toEqual({
      balance: 0,
      expiringSoonest: null,
    });

    const rows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, c.id));
    expect(rows.map((r) => [r.transaction_type, r.points, r.points_remaining, r.expired])).toEqual([
      ["earned", 100, 0, true],
      ["earned", 50, 0, true],
      ["redeemed", -120, null, false],
      ["expired", -30, null, false],
    ]);
  });

  it("when expireLots runs twice, then the second run changes nothing", async () => {
    const c = await customer();
    await earn(c.id, 40, day(3));
    await earn(c.id, 60, null);
    expect(await expire(day(4))).toMatchObject({ expiredRows: 1, pointsExpired: 40 });
    expect(await expire(day(4))).toEqual({ expiredRows: 0, pointsExpired: 0, lotsClosed: 0, customerIds: [] });
    expect(await expire(day(400))).toEqual({ expiredRows: 0, pointsExpired: 0, lotsClosed: 0, customerIds: [] });
    expect((await withTenant(pool, tenant.id, (tx) => getBalance(tx, c.id))).balance).toBe(60);
  });

  it("when several partial redemptions cross lots, then each takes the soonest-expiring points first and never-expiring lots last", async () => {
    const c = await customer();
    await earn(c.id, 30, null);
    await earn(c.id, 20, day(30));
    await earn(c.id, 25, day(10));
    const first = await spend(c.id, 15);
    const second = await spend(c.id, 20);
    const third = await spend(c.id, 30);
    const taken = [first, second, third].map((d) => (d.ok ? d.consumed.map((lot) => [lot.expiresAt, lot.points]) : []));
    expect(taken).toEqual([
      [[day(10).toISOString(), 15]],
      [
        [day(10).toISOString(), 10],
        [day(30).toISOString(), 10],
      ],
      [
        [day(30).toISOString(), 10],
        [null, 20],
      ],
    ]);
    expect(await spend(c.id, 11)).toEqual({ ok: false, reason: "insufficient_points", balance: 10 });
    expect(await expire(day(40))).toMatchObject({ expiredRows: 0, lotsClosed: 2 });
    expect((await withTenant(pool, tenant.id, (tx) => getBalance(tx, c.id))).balance).toBe(10);
  });

  it("when a redemption and the expiry fall on the same day, then points spent before expiry are not expired again and the rest expires", async () => {
    const c = await customer();
    await earn(c.id, 100, day(10, 12 * 3600_000));
    // Redeemed on the morning of day 10, before the lot's expiry at noon.
    expect(await spend(c.id, 70)).toMatchObject({ ok: true, balance: 30 });
    expect(await expire(day(10))).toMatchObject({ expiredRows: 0 });
    expect(await expire(day(10, 12 * 3600_000))).toMatchObject({ expiredRows: 1, pointsExpired: 30 });
    expect(await spend(c.id, 1)).toMatchObject({ ok: false, reason: "insufficient_points" });
  });

  it("when a debit is short, then it is refused as a result and nothing is written", async () => {
    const c = await customer();
    await earn(c.id, 10, null);
    expect(await spend(c.id, 11)).toEqual({ ok: false, reason: "insufficient_points", balance: 10 });
    expect(await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, c.id))).toHaveLength(1);
  });

  it("when a credit or debit gets a non-positive amount, then it throws (a caller bug)", async () => {
    const c = await customer();
    await expect(earn(c.id, 0, null)).rejects.toThrow(RangeError);
    await expect(spend(c.id, -5)).rejects.toThrow(RangeError);
  });

  it("when history is read, then it is newest first and limited", async () => {
    const c = await customer();
    await earn(c.id, 5, null);
    await earn(c.id, 6, null);
    await spend(c.id, 3);
    const history = await withTenant(pool, tenant.id, (tx) => getHistory(tx, c.id, 2));
    expect(history.map((entry) => [entry.type, entry.points])).toEqual([
      ["redeemed", -3],
      ["earned", 6],
    ]);
  });
});

describe("ledger: lots credited together", () => {
  it("when several lots for two customers are credited in one statement, then each is a lot of its own, in order, and each balance moves by its lots", async () => {
    const a = await customer();
    const b = await withTenant(pool, tenant.id, (tx) => newCustomer(tx, tenant.id));
    await withTenant(pool, tenant.id, (tx) =>
      creditLots(tx, {
        tenantId: tenant.id,
        type: "earned",
        lots: [
          { customerId: a.id, points: 7, expiresAt: day(30), description: "first", metadata: { n: 1 } },
          { customerId: b.id, points: 4, expiresAt: null, description: "other", metadata: { n: 2 } },
          { customerId: a.id, points: 3, expiresAt: null, description: "second", metadata: { n: 3 } },
        ],
      }),
    );
    const rows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, a.id));
    expect(rows.map((r) => [r.transaction_type, r.points, r.points_remaining, r.description, r.metadata["n"]])).toEqual(
      [
        ["earned", 7, 7, "first", 1],
        ["earned", 3, 3, "second", 3],
      ],
    );
    const balances = await withTenant(pool, tenant.id, async (tx) => [
      await getBalance(tx, a.id),
      await getBalance(tx, b.id),
    ]);
    expect(balances).toEqual([
      { balance: 10, expiringSoonest: { points: 7, expiresAt: day(30) } },
      { balance: 4, expiringSoonest: null },
    ]);
  });

  it("when one lot of a batch is not a positive integer, then it throws and nothing is written", async () => {
    const c = await customer();
    const lot = { customerId: c.id, expiresAt: null, description: "x", metadata: {} };
    await expect(
      withTenant(pool, tenant.id, (tx) =>
        creditLots(tx, {
          tenantId: tenant.id,
          type: "earned",
          lots: [
            { ...lot, points: 5 },
            { ...lot, points: 0 },
          ],
        }),
      ),
    ).rejects.toThrow(RangeError);
    expect(await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, c.id))).toEqual([]);
  });
});

describe("ledger: manual adjustments", () => {
  it("when a vendor adjusts points up and down, then adjusted rows and audit rows are written, and an overdraw is refused", async () => {
    const c = await customer();
    const owner = await withTenant(pool, tenant.id, (tx) =>
      createStaffMember(tx, {
        tenantId: tenant.id,
        email: "owner@example.com",
        fullName: "Owner",
        phoneNumber: null,
        role: "owner",
      }),
    );
    if (!owner.ok) throw new Error(owner.reason);
    const userId = owner.staff.id;
    const up = await withTenant(pool, tenant.id, (tx) =>
      adjustPoints(tx, { tenantId: tenant.id, customerId: c.id, points: 50, reason: "goodwill", userId }),
    );
    expect(up).toMatchObject({ ok: true, balance: 50, entry: { type: "adjusted", points: 50, pointsRemaining: 50 } });
    const down = await withTenant(pool, tenant.id, (tx) =>
      adjustPoints(tx, { tenantId: tenant.id, customerId: c.id, points: -20, reason: "mistake", userId }),
    );
    expect(down).toMatchObject({ ok: true, balance: 30, entry: { type: "adjusted", points: -20 } });
    expect(
      await withTenant(pool, tenant.id, (tx) =>
        adjustPoints(tx, { tenantId: tenant.id, customerId: c.id, points: -31, reason: "x", userId }),
      ),
    ).toEqual({ ok: false, reason: "insufficient_points" });
    expect(
      await withTenant(pool, tenant.id, (tx) =>
        adjustPoints(tx, { tenantId: tenant.id, customerId: c.id, points: 0, reason: "x", userId }),
      ),
    ).toEqual({ ok: false, reason: "invalid_points" });
    const audits = await withTenant(pool, tenant.id, (tx) =>
      tx.any(sql.type(z.object({ user_id: z.string().nullable(), new_values: z.record(z.string(), z.unknown()) }))`
        SELECT user_id, new_values FROM audit_logs WHERE action = 'points.adjusted' AND entity_id = ${c.id} ORDER BY created_at`),
    );
    expect(audits).toEqual([
      { user_id: userId, new_values: expect.objectContaining({ points: 50, reason: "goodwill", balance: 50 }) },
      { user_id: userId, new_values: expect.objectContaining({ points: -20, reason: "mistake", balance: 30 }) },
    ]);
  });
});

describe("ledger: concurrency", () => {
  it("when debits race the expiry job over overdue lots, then every run ends consistent and no point is spent twice", async () => {
    const c = await customer();
    for (let i = 0; i < 10; i += 1) await earn(c.id, 10, day(5));
    await earn(c.id, 50, null);
    const [debits, expiries] = await Promise.all([
      Promise.all([spend(c.id, 30), spend(c.id, 30), spend(c.id, 30)]),
      Promise.all([expire(day(6)), expire(day(6))]),
    ]);
    const spentPoints = debits.filter((d) => d.ok).length * 30;
    const expiredPoints = expiries.reduce((sum, e) => sum + e.pointsExpired, 0);
    const after = await expire(day(6));
    const { balance } = await withTenant(pool, tenant.id, (tx) => getBalance(tx, c.id));
    expect(spentPoints + expiredPoints + after.pointsExpired + balance).toBe(150);
    expect(balance).toBeLessThanOrEqual(50);
  });
});
