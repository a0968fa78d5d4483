import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabasePool } from "slonik";
import { withTenant } from "../../../src/db/withTenant.ts";
import { adjustPoints } from "../../../src/domain/ledger/adjustPoints.ts";
import { creditPoints } from "../../../src/domain/ledger/creditPoints.ts";
import { debitPoints } from "../../../src/domain/ledger/debitPoints.ts";
import { getBalance } from "../../../src/domain/ledger/getBalance.ts";
import { JOB } from "../../../src/jobs/scheduled/scheduledJobs.ts";
import { createTestPool, createTestTenant, type TestTenant } from "../../helpers/testContext.ts";
import { day, expectLedgerConsistent, ledgerRows, newCustomer } from "../domain/domainFixtures.ts";
import { addVendorUser, createJobHarness, jobRuns } from "./jobFixtures.ts";

let pool: DatabasePool;
let harness: ReturnType<typeof createJobHarness>;
let tenant: TestTenant;

beforeAll(async () => {
  pool = await createTestPool();
  harness = createJobHarness(pool);
});
afterAll(async () => {
  await harness.close();
  await pool.end();
});
afterEach(async () => {
  await expectLedgerConsistent(pool, tenant.id);
});

async function customer() {
  tenant = await createTestTenant(pool, { settings: { timezone: "Africa/Lagos", points_expiry_days: 30 } });
  return withTenant(pool, tenant.id, (tx) => newCustomer(tx, tenant.id));
}
const earn = (customerId: string, points: number, expiresAt: Date | null) =>
  withTenant(pool, tenant.id, (tx) =>
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
const spend = (customerId: string, points: number) =>
  withTenant(pool, tenant.id, (tx) =>
    debitPoints(tx, {
      tenantId: tenant.id,
      customerId,
      type: "redeemed",
      points,
      description: "test spend",
      metadata: {},
    }),
  );
const balance = (customerId: string) => withTenant(pool, tenant.id, (tx) => getBalance(tx, customerId));
const expiryJob = (now: Date) => harness.run(JOB.pointsExpiry, { tenantId: tenant.id, now: now.toISOString() });

describe("points expiry job", () => {
  it("when 100 (expiring day 10) and 50 (day 20) are earned and 120 redeemed on day 5, then the job expires 0 on day 10 and 30 on day 20", async () => {
    const c = await customer();
    await earn(c.id, 100, day(10));
    await earn(c.id, 50, day(20));
    expect(await spend(c.id, 120)).toMatchObject({ ok: true, balance: 30 });

    expect(await expiryJob(day(10))).toMatchObject({
      ran: true,
      result: { expiredRows: 0, pointsExpired: 0, lotsClosed: 1 },
    });
    expect((await balance(c.id)).balance).toBe(30);
    expect(await expiryJob(day(20))).toMatchObject({
      ran: true,
      result: { expiredRows: 1, pointsExpired: 30, lotsClosed: 1 },
    });
    expect((await balance(c.id)).balance).toBe(0);

    const rows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, c.id));
    expect(rows.map((r) => [r.transaction_type, r.points])).toEqual([
      ["earned", 100],
      ["earned", 50],
      ["redeemed", -120],
      ["expired", -30],
    ]);
  });

  it("when redemptions spend parts of several lots, then each lot expires exactly its unspent rest", async () => {
    const c = await customer();
    await earn(c.id, 30, day(5));
    await earn(c.id, 40, day(8));
    await earn(c.id, 50, day(12));
    await spend(c.id, 20);
    await spend(c.id, 30);
    // FIFO: the first lot gave 30, the second 20, so 20 of the second and all 50 of the third remain.
    expect(await expiryJob(day(5))).toMatchObject({ result: { pointsExpired: 0, lotsClosed: 1 } });
    expect(await expiryJob(day(8))).toMatchObject({ result: { pointsExpired: 20, expiredRows: 1 } });
    expect((await balance(c.id)).balance).toBe(50);
    expect(await expiryJob(day(12))).toMatchObject({ result: { pointsExpired: 50, expiredRows: 1 } });
    expect((await balance(c.id)).balance).toBe(0);
  });

  it("when points were adjusted up with an expiry and down again, then the adjusted lot expires its rest and a never-expiring lot stays", async () => {
    const c = await customer();
    const userId = await addVendorUser(pool, tenant.id);
    await withTenant(pool, tenant.id, (tx) =>
      adjustPoints(tx, {
        tenantId: tenant.id,
        customerId: c.id,
        points: 40,
        reason: "goodwill",
        userId,
        expiresAt: day(6),
      }),
    );
    await earn(c.id, 25, null);
    await withTenant(pool, tenant.id, (tx) =>
      adjustPoints(tx, { tenantId: tenant.id, customerId: c.id, points: -15, reason: "correction", userId }),
    );
    expect(await expiryJob(day(6))).toMatchObject({ result: { pointsExpired: 25, expiredRows: 1 } });
    expect(await expiryJob(day(400))).toMatchObject({ result: { pointsExpired: 0, lotsClosed: 0 } });
    expect((await balance(c.id)).balance).toBe(25);
  });

  it("when a redemption happens on the day a lot expires, then the job expires only what the redemption left", async () => {
    const c = await customer();
    await earn(c.id, 100, day(10));
    await earn(c.id, 10, day(30));
    // The redemption is on day 10 a few hours before the lot's expiry instant, and the nightly run follows it.
    expect(await spend(c.id, 60)).toMatchObject({ ok: true });
    expect(await expiryJob(day(10, 60_000))).toMatchObject({ result: { pointsExpired: 40, expiredRows: 1 } });
    expect((await balance(c.id)).balance).toBe(10);
    // Later the same day a redemption can only spend what is left.
    expect(await spend(c.id, 20)).toMatchObject({ ok: false, reason: "insufficient_points" });
    expect(await spend(c.id, 10)).toMatchObject({ ok: true, balance: 0 });
  });

  it("when the job runs twice, or on two workers at once, then points expire once", async () => {
    const c = await customer();
    await earn(c.id, 70, day(3));
    const [first, second] = await Promise.all([expiryJob(day(4)), expiryJob(day(4))]);
    const expired = [first, second].map((outcome) =>
      typeof outcome === "object" && outcome !== null && "result" in outcome ? outcome.result : null,
    );
    expect(expired).toContainEqual(expect.objectContaining({ pointsExpired: 70 }));
    expect(await expiryJob(day(5))).toMatchObject({ ran: true, result: { pointsExpired: 0, lotsClosed: 0 } });
    const rows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, c.id));
    expect(rows.filter((r) => r.transaction_type === "expired")).toHaveLength(1);
  });

  it("when the job runs, then the run is recorded in background_jobs with its status, attempt, times and result", async () => {
    const c = await customer();
    await earn(c.id, 5, day(1));
    await expiryJob(day(2));
    const runs = await jobRuns(pool, JOB.pointsExpiry, tenant.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: "completed",
      attempts: 1,
      error_message: null,
      result: { ran: true, result: { pointsExpired: 5 } },
    });
    expect(runs[0]?.started_at).toBeInstanceOf(Date);
    expect(runs[0]?.completed_at?.getTime()).toBeGreaterThanOrEqual(runs[0]?.started_at?.getTime() ?? Infinity);
  });

  it("when a job fails, then its run is recorded as retrying with the error", async () => {
    tenant = await createTestTenant(pool, { settings: { timezone: "Not/AZone" } });
    await expect(harness.run(JOB.dailyMetrics, { tenantId: tenant.id })).rejects.toThrow();
    const runs = await jobRuns(pool, JOB.dailyMetrics, tenant.id);
    expect(runs).toEqual([
      expect.objectContaining({ status: "retrying", attempts: 1, error_message: expect.any(String) }),
    ]);
  });
});
