import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { logPurchase } from "../../../src/domain/purchases/logPurchase.ts";
import { createCampaign } from "../../../src/domain/campaigns/createCampaign.ts";
import { JOB } from "../../../src/jobs/scheduled/scheduledJobs.ts";
import { createTestPool, createTestTenant, randomPhone } from "../../helpers/testContext.ts";
import { redeemReward } from "../../../src/domain/rewards/redeemReward.ts";
import {
  addCampaign,
  addReward,
  addRule,
  customerWithPoints,
  expectLedgerConsistent,
  ledgerRows,
  newCustomer,
} from "../domain/domainFixtures.ts";
import { createJobHarness } from "./jobFixtures.ts";

let pool: DatabasePool;
let harness: ReturnType<typeof createJobHarness>;

beforeAll(async () => {
  pool = await createTestPool();
  harness = createJobHarness(pool);
});
afterAll(async () => {
  await harness.close();
  await pool.end();
});

const DAY_MS = 24 * 60 * 60 * 1000;

async function setBirthDate(tenantId: string, customerId: string, birthDate: string): Promise<void> {
  await withTenant(pool, tenantId, (tx) =>
    tx.query(
      sql.type(
        z.object({ id: z.string() }),
      )`UPDATE customers SET birth_date = ${birthDate}::date WHERE id = ${customerId} RETURNING id`,
    ),
  );
}

async function outboundTriggers(tenantId: string): Promise<string[]> {
  const rows = await withPlatform(pool, (tx) =>
    tx.any(sql.type(z.object({ triggered_by: z.string().nullable(), payload: z.unknown() }))`
      SELECT triggered_by, payload FROM whatsapp_messages WHERE tenant_id = ${tenantId} AND direction = 'outbound' ORDER BY created_at`),
  );
  return rows.map((row) => row.triggered_by ?? "");
}

describe("birthday job", () => {
  it("when it is a customer's birthday in the tenant's timezone, then the bonus is awarded once that year with a greeting, and not again on a rerun or a second run the same day", async () => {
    const tenant = await createTestTenant(pool);
    // 2030-03-14 23:30 UTC is already 15 March in Lagos (UTC+1).
    const now = new Date(Date.UTC(2030, 2, 14, 23, 30));
    const { birthday, other, optedOut } = await withTenant(pool, tenant.id, async (tx) => {
      await addRule(tx, tenant.id, { name: "Birthday treat", ruleType: "birthday", config: { bonus_points: 50 } });
      return {
        birthday: await newCustomer(tx, tenant.id),
        other: await newCustomer(tx, tenant.id),
        optedOut: await newCustomer(tx, tenant.id),
      };
    });
    await setBirthDate(tenant.id, birthday.id, "1990-03-15");
    await setBirthDate(tenant.id, other.id, "1990-03-14");
    await setBirthDate(tenant.id, optedOut.id, "1985-03-15");
    await withTenant(pool, tenant.id, (tx) =>
      tx.query(
        sql.type(
          z.object({ id: z.string() }),
        )`UPDATE customers SET opted_in = false WHERE id = ${optedOut.id} RETURNING id`,
      ),
    );

    const first = await harness.run(JOB.birthdays, { tenantId: tenant.id, now: now.toISOString() });
    expect(first).toMatchObject({ ran: true, result: { customersAwarded: 2 } });
    const again = await harness.run(JOB.birthdays, {
      tenantId: tenant.id,
      now: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    expect(again).toMatchObject({ ran: true, result: { customersAwarded: 0 } });

    const rows = await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, birthday.id));
    expect(rows.map((row) => [row.transaction_type, row.points, row.metadata["birthdayYear"]])).toEqual([
      ["earned", 50, "2030"],
    ]);
    expect(await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, other.id))).toEqual([]);
    // Opted-out customers still get their points, but no marketing template.
    expect(await outboundTriggers(tenant.id)).toEqual(["birthday_bonus"]);
    await expectLedgerConsistent(pool, tenant.id);
  });

  it("when a purchase in the birthday window already gave this year's bonus, then the job gives none, and next year it gives one again", async () => {
    const tenant = await createTestTenant(pool);
    const phone = randomPhone();
    await withTenant(pool, tenant.id, async (tx) => {
      await addRule(tx, tenant.id, {
        name: "Birthday",
        ruleType: "birthday",
        config: { bonus_points: 30, window_days: 3 },
      });
      await newCustomer(tx, tenant.id, phone);
    });
    const customerId = await withTenant(pool, tenant.id, (tx) =>
      tx.oneFirst(sql.type(z.object({ id: z.string() }))`SELECT id FROM customers WHERE phone_number = ${phone}`),
    );
    await setBirthDate(tenant.id, customerId, "1990-06-10");
    const bought = await withTenant(pool, tenant.id, (tx) =>
      logPurchase(tx, {
        tenantId: tenant.id,
        customerPhone: phone,
        amountKobo: 100_000,
        source: "whatsapp",
        loggedVia: "staff_pin",
        loggedByUserId: null,
        idempotencyKey: null,
        now: new Date(Date.UTC(2031, 5, 8, 12)),
      }),
    );
    expect(bought.ok).toBe(true);
    const onTheDay = await harness.run(JOB.birthdays, {
      tenantId: tenant.id,
      now: new Date(Date.UTC(2031, 5, 10, 8)).toISOString(),
    });
    expect(onTheDay).toMatchObject({ ran: true, result: { customersAwarded: 0 } });
    const nextYear = await harness.run(JOB.birthdays, {
      tenantId: tenant.id,
      now: new Date(Date.UTC(2032, 5, 10, 8)).toISOString(),
    });
    expect(nextYear).toMatchObject({ ran: true, result: { customersAwarded: 1 } });
    const birthdayYears = (await withTenant(pool, tenant.id, (tx) => ledgerRows(tx, customerId)))
      .filter((row) => row.metadata["ruleType"] === "birthday")
      .map((row) => row.metadata["birthdayYear"]);
    expect(birthdayYears).toEqual(["2031", "2032"]);
    await expectLedgerConsistent(pool, tenant.id);
  });

  it("when the tenant has no active birthday rule, then nobody is awarded", async () => {
    const tenant = await createTestTenant(pool);
    const customer = await withTenant(pool, tenant.id, (tx) => newCustomer(tx, tenant.id));
    await setBirthDate(tenant.id, customer.id, "1990-01-20");
    const result = await harness.run(JOB.birthdays, {
      tenantId: tenant.id,
      now: new Date(Date.UTC(2030, 0, 20, 12)).toISOString(),
    });
    expect(result).toMatchObject({ ran: true, result: { customersAwarded: 0 } });
  });
});

describe("win-back job", () => {
  it("when customers have not bought for longer than the tenant's setting, then they become inactive, blocked ones stay blocked, and a purchase makes them active again", async () => {
    const tenant = await createTestTenant(pool);
    await withPlatform(pool, (tx) =>
      tx.query(sql.type(z.object({ id: z.string() }))`
        UPDATE tenants SET settings = COALESCE(settings, '{}'::jsonb) || '{"inactive_after_days": 30}'::jsonb WHERE id = ${tenant.id} RETURNING id`),
    );
    const now = new Date();
    const phones = { stale: randomPhone(), fresh: randomPhone(), blocked: randomPhone() };
    const buy = (phone: string, at: Date) =>
      withTenant(pool, tenant.id, (tx) =>
        logPurchase(tx, {
          tenantId: tenant.id,
          customerPhone: phone,
          amountKobo: 50_000,
          source: "whatsapp",
          loggedVia: "staff_pin",
          loggedByUserId: null,
          idempotencyKey: null,
          now: at,
        }),
      );
    await buy(phones.stale, new Date(now.getTime() - 40 * DAY_MS));
    await buy(phones.fresh, new Date(now.getTime() - 10 * DAY_MS));
    await buy(phones.blocked, new Date(now.getTime() - 40 * DAY_MS));
    await withTenant(pool, tenant.id, (tx) =>
      tx.query(
        sql.type(
          z.object({ id: z.string() }),
        )`UPDATE customers SET loyalty_status = 'blocked' WHERE phone_number = ${phones.blocked} RETURNING id`,
      ),
    );
    const status = async () =>
      Object.fromEntries(
        (
          await withTenant(pool, tenant.id, (tx) =>
            tx.any(
              sql.type(
                z.object({ phone_number: z.string(), loyalty_status: z.string() }),
              )`SELECT phone_number, loyalty_status FROM customers`,
            ),
          )
        ).map((row) => [row.phone_number, row.loyalty_status]),
      );

    const result = await harness.run(JOB.winBack, { tenantId: tenant.id, now: now.toISOString() });
    expect(result).toMatchObject({ ran: true, result: { markedInactive: 1 } });
    expect(await status()).toEqual({
      [phones.stale]: "inactive",
      [phones.fresh]: "active",
      [phones.blocked]: "blocked",
    });

    await buy(phones.stale, now);
    expect((await status())[phones.stale]).toBe("active");
    const rerun = await harness.run(JOB.winBack, {
      tenantId: tenant.id,
      now: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    expect(rerun).toMatchObject({ ran: true, result: { markedInactive: 0 } });
  });
});

describe("campaign schedules", () => {
  const statusOf = (tenantId: string, id: string) =>
    withTenant(pool, tenantId, (tx) =>
      tx.oneFirst(sql.type(z.object({ status: z.string() }))`SELECT status FROM campaigns WHERE id = ${id}`),
    );

  it("when a scheduled campaign's start (the tenant's local midnight) comes, then it becomes active, and when its end passes it completes, each with an audit row, once", async () => {
    const tenant = await createTestTenant(pool);
    // Lagos midnight is 23:00 UTC the day before. The window is the coming local day.
    const now = new Date();
    const startsAt = new Date(now.getTime() + 60_000);
    const endsAt = new Date(now.getTime() + 2 * 60_000);
    const campaignId = await withTenant(pool, tenant.id, (tx) =>
      addCampaign(tx, tenant.id, {
        name: "Double day",
        campaignType: "double_points",
        config: { multiplier: 2 },
        startsAt,
        endsAt,
        status: "scheduled",
      }),
    );
    await harness.run(JOB.campaignSchedules, { now: new Date(startsAt.getTime() - 1).toISOString() });
    expect(await statusOf(tenant.id, campaignId)).toBe("scheduled");
    await harness.run(JOB.campaignSchedules, { now: startsAt.toISOString() });
    expect(await statusOf(tenant.id, campaignId)).toBe("active");
    await harness.run(JOB.campaignSchedules, { now: new Date(startsAt.getTime() + 1000).toISOString() });
    await harness.run(JOB.campaignSchedules, { now: endsAt.toISOString() });
    expect(await statusOf(tenant.id, campaignId)).toBe("completed");
    await harness.run(JOB.campaignSchedules, { now: new Date(endsAt.getTime() + 1000).toISOString() });

    const audits = await withTenant(pool, tenant.id, (tx) =>
      tx.any(sql.type(z.object({ old_values: z.unknown(), new_values: z.unknown() }))`
        SELECT old_values, new_values FROM audit_logs WHERE entity_id = ${campaignId} AND action = 'campaign.status_changed' ORDER BY created_at`),
    );
    expect(audits).toEqual([
      { old_values: { status: "scheduled" }, new_values: { status: "active", by: "schedule" } },
      { old_values: { status: "active" }, new_values: { status: "completed", by: "schedule" } },
    ]);
  });

  it("when a draft or cancelled campaign's window comes, then the schedule leaves it alone", async () => {
    const tenant = await createTestTenant(pool);
    const now = new Date();
    const window = { startsAt: new Date(now.getTime() - 60_000), endsAt: new Date(now.getTime() + 3_600_000) };
    const [draft, cancelled] = await withTenant(pool, tenant.id, async (tx) => [
      await addCampaign(tx, tenant.id, {
        name: "Draft",
        campaignType: "bonus_points",
        config: { bonus_points: 5 },
        ...window,
        status: "draft",
      }),
      await addCampaign(tx, tenant.id, {
        name: "Cancelled",
        campaignType: "bonus_points",
        config: { bonus_points: 5 },
        ...window,
        status: "cancelled",
      }),
    ]);
    await harness.run(JOB.campaignSchedules, { now: now.toISOString() });
    expect([await statusOf(tenant.id, draft ?? ""), await statusOf(tenant.id, cancelled ?? "")]).toEqual([
      "draft",
      "cancelled",
    ]);
  });

  it("when purchases earn from a campaign, then the stats job counts its distinct participants and its purchases", async () => {
    const tenant = await createTestTenant(pool);
    const now = new Date();
    const campaignId = await withTenant(pool, tenant.id, (tx) =>
      addCampaign(tx, tenant.id, {
        name: "Bonus week",
        campaignType: "bonus_points",
        config: { bonus_points: 10 },
        startsAt: new Date(now.getTime() - DAY_MS),
        endsAt: new Date(now.getTime() + DAY_MS),
        status: "active",
      }),
    );
    const [a, b] = [randomPhone(), randomPhone()];
    for (const phone of [a, a, b]) {
      await withTenant(pool, tenant.id, (tx) =>
        logPurchase(tx, {
          tenantId: tenant.id,
          customerPhone: phone,
          amountKobo: 20_000,
          source: "api",
          loggedVia: "api",
          loggedByUserId: null,
          idempotencyKey: null,
          now,
        }),
      );
    }
    await harness.run(JOB.campaignStats, { now: now.toISOString() });
    const stats = await withTenant(pool, tenant.id, (tx) =>
      tx.one(sql.type(z.object({ total_participants: z.number(), total_conversions: z.number() }))`
        SELECT total_participants, total_conversions FROM campaigns WHERE id = ${campaignId}`),
    );
    expect(stats).toEqual({ total_participants: 2, total_conversions: 3 });
  });

  it("when a vendor creates a reward_discount or referral campaign, then it is refused with the types that work", async () => {
    const tenant = await createTestTenant(pool);
    for (const campaignType of ["reward_discount", "referral"]) {
      const result = await withTenant(pool, tenant.id, (tx) =>
        createCampaign(tx, {
          tenantId: tenant.id,
          userId: null,
          name: "x",
          description: null,
          campaignType,
          config: {},
          targetSegment: {},
          startsAt: new Date(),
          endsAt: new Date(Date.now() + DAY_MS),
        }),
      );
      expect(result).toMatchObject({
        ok: false,
        reason: "invalid",
        message: expect.stringContaining("double_points, bonus_points or reactivation"),
      });
    }
  });
});

describe("stale redemptions job", () => {
  it("when a redemption expires unused, then its points come back and the customer is told by template, once", async () => {
    const tenant = await createTestTenant(pool);
    const created = new Date(Date.now() - 10 * DAY_MS);
    const { customer, redemptionId } = await withTenant(pool, tenant.id, async (tx) => {
      const customer = await customerWithPoints(tx, tenant.id, 120);
      const rewardId = await addReward(tx, tenant.id, { name: "Free chin chin", pointsRequired: 100 });
      const redeemed = await redeemReward(tx, { tenantId: tenant.id, customerId: customer.id, rewardId, now: created });
      if (!redeemed.ok) throw new Error(`redeem failed: ${redeemed.reason}`);
      await tx.query(
        sql.type(
          z.object({ id: z.string() }),
        )`UPDATE reward_redemptions SET created_at = ${sql.timestamp(created)} WHERE id = ${redeemed.redemptionId} RETURNING id`,
      );
      return { customer, redemptionId: redeemed.redemptionId };
    });
    const result = await harness.run(JOB.staleRedemptions, { tenantId: tenant.id, now: new Date().toISOString() });
    expect(result).toMatchObject({ ran: true, result: { cancelled: [redemptionId] } });
    const again = await harness.run(JOB.staleRedemptions, { tenantId: tenant.id, now: new Date().toISOString() });
    expect(again).toMatchObject({ ran: true, result: { cancelled: [] } });

    const outbox = await withPlatform(pool, (tx) =>
      tx.any(sql.type(
        z.object({ customer_id: z.string().nullable(), payload: z.unknown(), triggered_by: z.string().nullable() }),
      )`
        SELECT customer_id, payload, triggered_by FROM whatsapp_messages WHERE tenant_id = ${tenant.id} AND direction = 'outbound'`),
    );
    expect(outbox).toEqual([
      {
        customer_id: customer.id,
        triggered_by: "redemption_expired",
        payload: expect.objectContaining({
          kind: "template",
          name: "loyalty_redemption_expired",
          bodyParams: ["Free chin chin", "100", tenant.businessName, "120"],
        }),
      },
    ]);
    await expectLedgerConsistent(pool, tenant.id);
  });
});
