import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withTenant } from "../../../src/db/withTenant.ts";
import { expireLots } from "../../../src/domain/ledger/expireLots.ts";
import { getBalance } from "../../../src/domain/ledger/getBalance.ts";
import { cancelRedemption } from "../../../src/domain/rewards/cancelRedemption.ts";
import { cancelStaleRedemptions } from "../../../src/domain/rewards/cancelStaleRedemptions.ts";
import { findRedemptionByCode } from "../../../src/domain/rewards/findRedemptionByCode.ts";
import { fulfilRedemption } from "../../../src/domain/rewards/fulfilRedemption.ts";
import { listRewardsForCustomer } from "../../../src/domain/rewards/listRewardsForCustomer.ts";
import { redeemReward, type RedeemRewardInput } from "../../../src/domain/rewards/redeemReward.ts";
import { createStaffMember } from "../../../src/domain/staff/createStaffMember.ts";
import { createTestTenant, type TestTenant } from "../../helpers/testContext.ts";
import { addReward, customerWithPoints, day, ledgerCheckedPool, ledgerRows } from "./domainFixtures.ts";

let tenant: TestTenant;
const pool = await ledgerCheckedPool(() => tenant);

function redeem(input: Omit<RedeemRewardInput, "tenantId" | "now"> & { now?: Date }) {
  return withTenant(pool, tenant.id, (tx) =>
    redeemReward(tx, { tenantId: tenant.id, now: input.now ?? new Date(), ...input }),
  );
}

async function rewardState(rewardId: string) {
  return withTenant(pool, tenant.id, (tx) =>
    tx.one(sql.type(z.object({ stock_quantity: z.number().nullable(), total_redemptions: z.number() }))`
      SELECT stock_quantity, total_redemptions FROM rewards WHERE id = ${rewardId}`),
  );
}

async function auditActions(entityId: string) {
  return withTenant(pool, tenant.id, (tx) =>
    tx.anyFirst(
      sql.type(
        z.object({ action: z.string() }),
      )`SELECT action FROM audit_logs WHERE entity_id = ${entityId} ORDER BY created_at`,
    ),
  );
}

describe("redeemReward", () => {
  it("when 100 customers with enough points race for a reward with stock 10, then exactly 10 succeed and stock ends at 0", async () => {
    tenant = await createTestTenant(pool);
    const { rewardId, customers } = await withTenant(pool, tenant.id, async (tx) => {
      const id = await addReward(tx, tenant.id, { name: "Free jollof", pointsRequired: 50, stock: 10 });
      const list = [];
      for (let i = 0; i < 100; i += 1) list.push(await customerWithPoints(tx, tenant.id, 60));
      return { rewardId: id, customers: list };
    });
    const results = await Promise.all(customers.map((c) => redeem({ customerId: c.id, rewardId })));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(10);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(90).fill("out_of_stock"));
    expect(new Set(won.map((r) => r.ok && r.code)).size).toBe(10);
    expect(await rewardState(rewardId)).toEqual({ stock_quantity: 0, total_redemptions: 10 });
  });

  it("when one customer with 100 points races two 80-point redemptions, then exactly one succeeds", async () => {
    tenant = await createTestTenant(pool);
    const { customerId, rewardA, rewardB } = await withTenant(pool, tenant.id, async (tx) => ({
      customerId: (await customerWithPoints(tx, tenant.id, 100)).id,
      rewardA: await addReward(tx, tenant.id, { name: "Shawarma", pointsRequired: 80 }),
      rewardB: await addReward(tx, tenant.id, { name: "Suya", pointsRequired: 80 }),
    }));
    const results = await Promise.all([
      redeem({ customerId, rewardId: rewardA }),
      redeem({ customerId, rewardId: rewardB }),
      redeem({ customerId, rewardId: rewardA }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual([
      "insufficient_points",
      "insufficient_points",
    ]);
    expect((await withTenant(pool, tenant.id, (tx) => getBalance(tx, customerId))).balance).toBe(20);
  });

  it("when a redemption succeeds, then it returns an 8-character unambiguous code, the balance, and a redeemed row linked to it", async () => {
    tenant = await createTestTenant(pool);
    const { customerId, rewardId } = await withTenant(pool, tenant.id, async (tx) => ({
      customerId: (await customerWithPoints(tx, tenant.id, 120)).id,
      rewardId: await addReward(tx, tenant.id, { name: "Zobo", pointsRequired: 45 }),
    }));
    const result = await redeem({ customerId, rewardId });
    expect(result).toMatchObject({ ok: true, rewardName: "Zobo", pointsDeducted: 45, balance: 75 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const rows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, customerId));
    expect(rows.at(-1)).toMatchObject({
      transaction_type: "redeemed",
      points: -45,
      reward_redemption_id: result.redemptionId,
    });
    const found = await withTenant(pool, tenant.id, (tx) =>
      findRedemptionByCode(tx, ` ${result.code.slice(0, 4).toLowerCase()}-${result.code.slice(4)} `),
    );
    expect(found).toMatchObject({ id: result.redemptionId, status: "pending", rewardName: "Zobo", pointsDeducted: 45 });
    const other = await createTestTenant(pool);
    expect(await withTenant(pool, other.id, (tx) => findRedemptionByCode(tx, result.code))).toBeNull();
  });

  it("when a reward is inactive, outside its window, at its per-customer maximum or unaffordable, then the reason says so and nothing is written", async () => {
    tenant = await createTestTenant(pool);
    const ids = await withTenant(pool, tenant.id, async (tx) => ({
      customerId: (await customerWithPoints(tx, tenant.id, 100)).id,
      inactive: await addReward(tx, tenant.id, { name: "Old", pointsRequired: 1, isActive: false }),
      future: await addReward(tx, tenant.id, { name: "Soon", pointsRequired: 1, validFrom: day(3) }),
      once: await addReward(tx, tenant.id, { name: "Once", pointsRequired: 10, maxPerCustomer: 1 }),
      dear: await addReward(tx, tenant.id, { name: "Dear", pointsRequired: 1000 }),
      gone: await addReward(tx, tenant.id, { name: "Gone", pointsRequired: 1, stock: 0 }),
    }));
    const now = day(1);
    expect(await redeem({ customerId: ids.customerId, rewardId: ids.inactive, now })).toEqual({
      ok: false,
      reason: "unavailable",
    });
    expect(await redeem({ customerId: ids.customerId, rewardId: ids.future, now })).toEqual({
      ok: false,
      reason: "unavailable",
    });
    expect(await redeem({ customerId: ids.customerId, rewardId: crypto.randomUUID(), now })).toEqual({
      ok: false,
      reason: "unavailable",
    });
    expect(await redeem({ customerId: ids.customerId, rewardId: ids.gone, now })).toEqual({
      ok: false,
      reason: "out_of_stock",
    });
    expect(await redeem({ customerId: ids.customerId, rewardId: ids.dear, now })).toEqual({
      ok: false,
      reason: "insufficient_points",
    });
    expect(await redeem({ customerId: ids.customerId, rewardId: ids.once, now })).toMatchObject({ ok: true });
    expect(await redeem({ customerId: ids.customerId, rewardId: ids.once, now })).toEqual({
      ok: false,
      reason: "limit_reached",
    });
    expect((await withTenant(pool, tenant.id, (tx) => getBalance(tx, ids.customerId))).balance).toBe(90);
  });

  it("when points have passed their expiry but the nightly job has not run, then a redemption cannot spend them", async () => {
    tenant = await createTestTenant(pool);
    const { customerId, rewardId } = await withTenant(pool, tenant.id, async (tx) => ({
      customerId: (await customerWithPoints(tx, tenant.id, 100, day(10))).id,
      rewardId: await addReward(tx, tenant.id, { name: "Chapman", pointsRequired: 60 }),
    }));
    expect(await redeem({ customerId, rewardId, now: day(10) })).toEqual({ ok: false, reason: "insufficient_points" });
    const rows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, customerId));
    expect(rows.map((r) => [r.transaction_type, r.points])).toEqual([
      ["earned", 100],
      ["expired", -100],
    ]);
  });

  it("when the rewards are listed, then affordable and next ones are split by the balance and unavailable ones are left out", async () => {
    tenant = await createTestTenant(pool);
    const customerId = await withTenant(pool, tenant.id, async (tx) => {
      await addReward(tx, tenant.id, { name: "A", pointsRequired: 20 });
      await addReward(tx, tenant.id, { name: "B", pointsRequired: 50 });
      await addReward(tx, tenant.id, { name: "C", pointsRequired: 80 });
      await addReward(tx, tenant.id, { name: "D", pointsRequired: 10, stock: 0 });
      await addReward(tx, tenant.id, { name: "E", pointsRequired: 10, validUntil: day(0) });
      return (await customerWithPoints(tx, tenant.id, 55)).id;
    });
    const list = await withTenant(pool, tenant.id, (tx) => listRewardsForCustomer(tx, { customerId, now: day(1) }));
    expect({
      balance: list.balance,
      affordable: list.affordable.map((r) => r.name),
      next: list.next.map((r) => r.name),
    }).toEqual({ balance: 55, affordable: ["A", "B"], next: ["C"] });
  });
});

describe("fulfil and cancel", () => {
  it("when staff verify a code, then it is fulfilled once with who and when, and audited", async () => {
    tenant = await createTestTenant(pool);
    const { customerId, rewardId, staffId } = await withTenant(pool, tenant.id, async (tx) => {
      const staff = await createStaffMember(tx, {
        tenantId: tenant.id,
        email: "till@example.com",
        fullName: "Till",
        phoneNumber: null,
        role: "staff",
      });
      if (!staff.ok) throw new Error(staff.reason);
      return {
        customerId: (await customerWithPoints(tx, tenant.id, 50)).id,
        rewardId: await addReward(tx, tenant.id, { name: "Puff-puff", pointsRequired: 30 }),
        staffId: staff.staff.id,
      };
    });
    const redeemed = await redeem({ customerId, rewardId });
    if (!redeemed.ok) throw new Error(redeemed.reason);
    const done = await withTenant(pool, tenant.id, (tx) =>
      fulfilRedemption(tx, { code: redeemed.code, userId: staffId, now: day(1) }),
    );
    expect(done).toMatchObject({
      ok: true,
      redemption: { status: "fulfilled", verifiedByUserId: staffId, verifiedAt: day(1), fulfilledAt: day(1) },
    });
    expect(
      await withTenant(pool, tenant.id, (tx) => fulfilRedemption(tx, { code: redeemed.code, userId: staffId })),
    ).toEqual({ ok: false, reason: "already_fulfilled" });
    expect(
      await withTenant(pool, tenant.id, (tx) => fulfilRedemption(tx, { code: "ZZZZZZZZ", userId: staffId })),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await withTenant(pool, tenant.id, (tx) =>
        cancelRedemption(tx, { redemptionId: redeemed.redemptionId, reason: "late", userId: null }),
      ),
    ).toEqual({ ok: false, reason: "not_cancellable" });
    expect(await auditActions(redeemed.redemptionId)).toEqual(["redemption.verified"]);
  });

  it("when a redemption is cancelled, then a reversed row refunds the points with the spent lot's expiry, stock is restored and it is audited", async () => {
    tenant = await createTestTenant(pool);
    const { customerId, rewardId } = await withTenant(pool, tenant.id, async (tx) => ({
      customerId: (await customerWithPoints(tx, tenant.id, 100, day(30))).id,
      rewardId: await addReward(tx, tenant.id, { name: "Malt", pointsRequired: 70, stock: 3 }),
    }));
    const redeemed = await redeem({ customerId, rewardId, now: day(1) });
    if (!redeemed.ok) throw new Error(redeemed.reason);
    expect(await rewardState(rewardId)).toEqual({ stock_quantity: 2, total_redemptions: 1 });
    const cancelled = await withTenant(pool, tenant.id, (tx) =>
      cancelRedemption(tx, { redemptionId: redeemed.redemptionId, reason: "changed mind", userId: null }),
    );
    expect(cancelled).toEqual({ ok: true, redemptionId: redeemed.redemptionId, pointsRefunded: 70, balance: 100 });
    expect(await rewardState(rewardId)).toEqual({ stock_quantity: 3, total_redemptions: 0 });
    const rows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, customerId));
    expect(rows.map((r) => [r.transaction_type, r.points, r.reward_redemption_id])).toEqual([
      ["earned", 100, null],
      ["redeemed", -70, redeemed.redemptionId],
      ["reversed", 70, redeemed.redemptionId],
    ]);
    expect(await withTenant(pool, tenant.id, (tx) => getBalance(tx, customerId))).toEqual({
      balance: 100,
      expiringSoonest: { points: 100, expiresAt: day(30) },
    });
    expect(
      await withTenant(pool, tenant.id, (tx) =>
        cancelRedemption(tx, { redemptionId: redeemed.redemptionId, reason: "again", userId: null }),
      ),
    ).toEqual({ ok: false, reason: "not_cancellable" });
    expect(await auditActions(redeemed.redemptionId)).toEqual(["redemption.cancelled"]);
    expect(
      await withTenant(pool, tenant.id, (tx) => expireLots(tx, { tenantId: tenant.id, now: day(30) })),
    ).toMatchObject({ pointsExpired: 100 });
  });

  it("when redemptions stay unverified past the tenant's window, then the stale job cancels and refunds them, once", async () => {
    tenant = await createTestTenant(pool, { settings: { redemption_window_days: 3 } });
    const { customerId, rewardId } = await withTenant(pool, tenant.id, async (tx) => ({
      customerId: (await customerWithPoints(tx, tenant.id, 100)).id,
      rewardId: await addReward(tx, tenant.id, { name: "Kunu", pointsRequired: 40, stock: 5 }),
    }));
    const first = await redeem({ customerId, rewardId });
    const second = await redeem({ customerId, rewardId });
    if (!first.ok || !second.ok) throw new Error("redemptions failed");
    const now = new Date();
    const tooEarly = await withTenant(pool, tenant.id, (tx) =>
      cancelStaleRedemptions(tx, { tenantId: tenant.id, now: new Date(now.getTime() + 2 * 86_400_000) }),
    );
    expect(tooEarly).toEqual({ cancelled: [] });
    const later = new Date(now.getTime() + 4 * 86_400_000);
    const stale = await withTenant(pool, tenant.id, (tx) =>
      cancelStaleRedemptions(tx, { tenantId: tenant.id, now: later }),
    );
    expect([...stale.cancelled].sort()).toEqual([first.redemptionId, second.redemptionId].sort());
    expect(
      await withTenant(pool, tenant.id, (tx) => cancelStaleRedemptions(tx, { tenantId: tenant.id, now: later })),
    ).toEqual({ cancelled: [] });
    expect(await rewardState(rewardId)).toEqual({ stock_quantity: 5, total_redemptions: 0 });
    const rows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, customerId));
    expect(rows.filter((r) => r.transaction_type === "reversed").map((r) => r.points)).toEqual([40, 40]);
    expect((await withTenant(pool, tenant.id, (tx) => getBalance(tx, customerId))).balance).toBe(100);
  });
});
