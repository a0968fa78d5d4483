import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { creditPoints } from "../../../src/domain/ledger/creditPoints.ts";
import { debitPoints } from "../../../src/domain/ledger/debitPoints.ts";
import { setOptIn } from "../../../src/domain/customers/setOptIn.ts";
import { JOB } from "../../../src/jobs/scheduled/scheduledJobs.ts";
import { createTestPool, createTestTenant, randomPhone } from "../../helpers/testContext.ts";
import { newCustomer } from "../domain/domainFixtures.ts";
import { createJobHarness, jobRuns } from "./jobFixtures.ts";

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

describe("expiry reminders job", () => {
  it("when lots expire within 7 days, then each opted-in customer gets one template message, once, recorded per lot", async () => {
    const tenant = await createTestTenant(pool);
    const now = new Date();
    const { soon, later, optedOut } = await withTenant(pool, tenant.id, async (tx) => {
      const credit = (customerId: string, points: number, inDays: number) =>
        creditPoints(tx, {
          tenantId: tenant.id,
          customerId,
          type: "earned",
          points,
          expiresAt: new Date(now.getTime() + inDays * DAY_MS),
          description: "t",
          metadata: {},
        });
      const soon = await newCustomer(tx, tenant.id);
      await credit(soon.id, 30, 3);
      await credit(soon.id, 20, 6);
      await credit(soon.id, 99, 20);
      const later = await newCustomer(tx, tenant.id);
      await credit(later.id, 10, 9);
      const optedOut = await newCustomer(tx, tenant.id);
      await credit(optedOut.id, 10, 2);
      await setOptIn(tx, { customerId: optedOut.id, optedIn: false, now });
      // A lot already spent in full needs no reminder.
      const spent = await newCustomer(tx, tenant.id);
      await credit(spent.id, 10, 2);
      await debitPoints(tx, {
        tenantId: tenant.id,
        customerId: spent.id,
        type: "redeemed",
        points: 10,
        description: "t",
        metadata: {},
      });
      return { soon, later, optedOut };
    });

    const first = await harness.run(JOB.expiryReminders, { tenantId: tenant.id, now: now.toISOString() });
    expect(first).toMatchObject({ ran: true, result: { customersReminded: 1, lotsReminded: 2 } });
    const second = await harness.run(JOB.expiryReminders, {
      tenantId: tenant.id,
      now: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    expect(second).toMatchObject({ ran: true, result: { customersReminded: 0, lotsReminded: 0 } });

    const outbox = await withPlatform(pool, (tx) =>
      tx.any(sql.type(
        z.object({
          id: z.string(),
          customer_id: z.string(),
          payload: z.unknown(),
          triggered_by: z.string(),
          whatsapp_status: z.string(),
        }),
      )`
        SELECT id, customer_id, payload, triggered_by, whatsapp_status FROM whatsapp_messages WHERE tenant_id = ${tenant.id} AND direction = 'outbound'`),
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      customer_id: soon.id,
      triggered_by: "points_expiry_reminder",
      whatsapp_status: "queued",
      payload: {
        kind: "template",
        name: "loyalty_points_expiring",
        bodyParams: ["50", tenant.businessName, expect.any(String), tenant.vendorCode],
      },
    });
    expect(await harness.deps.outbound.getJob(`out-${outbox[0]?.id ?? ""}`)).toBeDefined();

    const reminded = await withTenant(pool, tenant.id, (tx) =>
      tx.anyFirst(
        sql.type(
          z.object({ customer_id: z.string() }),
        )`SELECT customer_id FROM points_expiry_reminders ORDER BY sent_at`,
      ),
    );
    expect(reminded).toEqual([soon.id, soon.id]);
    expect(reminded).not.toContain(later.id);
    expect(reminded).not.toContain(optedOut.id);
  });
});

const rawPurchase = z.object({ customer_id: z.string(), amount_ngn: z.number(), created_at: z.date() });
const rawLedger = z.object({ transaction_type: z.string(), points: z.number(), created_at: z.date() });
const rawMessage = z.object({
  direction: z.string(),
  customer_id: z.string().nullable(),
  created_at: z.date(),
  sent_at: z.date().nullable(),
});
const metricsRow = z.object({
  new_customers: z.number(),
  active_customers: z.number(),
  churned_customers: z.number(),
  total_purchases: z.number(),
  total_revenue_ngn: z.number(),
  average_order_value_ngn: z.number(),
  points_earned: z.number(),
  points_redeemed: z.number(),
  points_expired: z.number(),
  rewards_redeemed: z.number(),
  messages_received: z.number(),
  messages_sent: z.number(),
});

describe("daily metrics job", () => {
  it("when the job runs for a local day, then its one daily_metrics row equals a recomputation from the raw tables in the tenant's timezone", async () => {
    const timezone = "America/New_York";
    const tenant = await createTestTenant(pool, { settings: { timezone } });
    const now = new Date();
    const localDay = (instant: Date) =>
      new Intl.DateTimeFormat("en-CA", {
        timeZone: timezone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).format(instant);
    const today = localDay(now);

    await withTenant(pool, tenant.id, async (tx) => {
      const a = await newCustomer(tx, tenant.id);
      const b = await newCustomer(tx, tenant.id);
      const c = await newCustomer(tx, tenant.id);
      const purchase = (customerId: string, amount: number, at: Date) =>
        tx.query(sql.type(z.object({ id: z.string() }))`
          INSERT INTO purchases (tenant_id, customer_id, amount_ngn, created_at) VALUES (${tenant.id}, ${customerId}, ${amount}, ${sql.timestamp(at)}) RETURNING id`);
      await purchase(a.id, 500_000, now);
      await purchase(a.id, 250_001, new Date(now.getTime() - 1000));
      await purchase(b.id, 100_000, new Date(now.getTime() - 2 * DAY_MS));
      // c bought exactly 90 days ago and never again: churned today.
      await purchase(c.id, 70_000, new Date(now.getTime() - 90 * DAY_MS));
      await creditPoints(tx, {
        tenantId: tenant.id,
        customerId: a.id,
        type: "earned",
        points: 75,
        expiresAt: null,
        description: "t",
        metadata: {},
      });
      await debitPoints(tx, {
        tenantId: tenant.id,
        customerId: a.id,
        type: "redeemed",
        points: 20,
        description: "t",
        metadata: {},
      });
      await tx.query(sql.type(z.object({ id: z.string() }))`
        INSERT INTO whatsapp_messages (tenant_id, customer_id, direction, message_type, contact_phone, whatsapp_status, sent_at)
        VALUES (${tenant.id}, ${b.id}, 'inbound', 'text', ${randomPhone()}, NULL, NULL),
               (${tenant.id}, ${b.id}, 'outbound', 'text', ${randomPhone()}, 'sent', now()),
               (${tenant.id}, ${b.id}, 'outbound', 'text', ${randomPhone()}, 'queued', NULL)
        RETURNING id`);
    });

    const run = () => harness.run(JOB.dailyMetrics, { tenantId: tenant.id, date: today });
    await run();
    await run();

    const recomputed = await withTenant(pool, tenant.id, async (tx) => {
      const customers = await tx.anyFirst(
        sql.type(z.object({ created_at: z.date() }))`SELECT created_at FROM customers`,
      );
      const purchases = await tx.any(sql.type(rawPurchase)`SELECT customer_id, amount_ngn, created_at FROM purchases`);
      const ledger = await tx.any(
        sql.type(rawLedger)`SELECT transaction_type, points, created_at FROM points_transactions`,
      );
      const messages = await tx.any(
        sql.type(rawMessage)`SELECT direction, customer_id, created_at, sent_at FROM whatsapp_messages`,
      );
      const redemptions = await tx.anyFirst(
        sql.type(z.object({ created_at: z.date() }))`SELECT created_at FROM reward_redemptions`,
      );
      const onDay = (at: Date | null) => at !== null && localDay(at) === today;
      const dayPurchases = purchases.filter((p) => onDay(p.created_at));
      const revenue = dayPurchases.reduce((sum, p) => sum + p.amount_ngn, 0);
      const sumOf = (type: string) =>
        ledger.filter((l) => l.transaction_type === type && onDay(l.created_at)).reduce((sum, l) => sum + l.points, 0);
      const lastPurchase = new Map<string, Date>();
      for (const p of purchases)
        if ((lastPurchase.get(p.customer_id)?.getTime() ?? 0) < p.created_at.getTime())
          lastPurchase.set(p.customer_id, p.created_at);
      const churnDay = localDay(new Date(now.getTime() - 90 * DAY_MS));
      const active = new Set([
        ...dayPurchases.map((p) => p.customer_id),
        ...messages
          .filter((m) => m.direction === "inbound" && onDay(m.created_at) && m.customer_id !== null)
          .map((m) => m.customer_id),
      ]);
      return {
        new_customers: customers.filter(onDay).length,
        active_customers: active.size,
        churned_customers: [...lastPurchase.values()].filter((at) => localDay(at) === churnDay).length,
        total_purchases: dayPurchases.length,
        total_revenue_ngn: revenue,
        average_order_value_ngn: dayPurchases.length === 0 ? 0 : Math.round(revenue / dayPurchases.length),
        points_earned: sumOf("earned"),
        points_redeemed: Math.abs(sumOf("redeemed")),
        points_expired: Math.abs(sumOf("expired")),
        rewards_redeemed: redemptions.filter(onDay).length,
        messages_received: messages.filter((m) => m.direction === "inbound" && onDay(m.created_at)).length,
        messages_sent: messages.filter((m) => m.direction === "outbound" && onDay(m.sent_at)).length,
      };
    });
    const rows = await withTenant(pool, tenant.id, (tx) =>
      tx.any(
        sql.type(
          metricsRow.extend({ metric_date: z.string() }),
        )`SELECT *, metric_date::text AS metric_date FROM daily_metrics`,
      ),
    );
    expect(rows).toHaveLength(1);
    const { metric_date: metricDate, ...stored } = metricsRow.extend({ metric_date: z.string() }).parse(rows[0]);
    expect(metricDate).toBe(today);
    expect(stored).toEqual(recomputed);
    expect(stored).toMatchObject({
      new_customers: 3,
      total_purchases: 2,
      churned_customers: 1,
      points_earned: 75,
      points_redeemed: 20,
      messages_sent: 1,
    });
    expect(await jobRuns(pool, JOB.dailyMetrics, tenant.id)).toEqual([
      expect.objectContaining({ status: "completed" }),
      expect.objectContaining({ status: "completed" }),
    ]);
  });
});

describe("subscription and usage jobs", () => {
  it("when a trial has ended or a subscription lapsed past the grace period, then the tenant is suspended once, with an audit row", async () => {
    const past = new Date(Date.now() - DAY_MS);
    // Billing (#16): a lapsed paid period gets a grace period (7 days by default) to pay first.
    const pastGrace = new Date(Date.now() - 8 * DAY_MS);
    const trial = await createTestTenant(pool, { subscriptionStatus: "trial" });
    const lapsed = await createTestTenant(pool, { subscriptionStatus: "active" });
    const inGrace = await createTestTenant(pool, { subscriptionStatus: "active" });
    const current = await createTestTenant(pool, { subscriptionStatus: "active" });
    await withPlatform(pool, async (tx) => {
      await tx.query(
        sql.type(
          z.object({ id: z.string() }),
        )`UPDATE tenants SET trial_ends_at = ${sql.timestamp(past)} WHERE id = ${trial.id} RETURNING id`,
      );
      await tx.query(
        sql.type(
          z.object({ id: z.string() }),
        )`UPDATE tenants SET subscription_ends_at = ${sql.timestamp(pastGrace)} WHERE id = ${lapsed.id} RETURNING id`,
      );
      await tx.query(
        sql.type(
          z.object({ id: z.string() }),
        )`UPDATE tenants SET subscription_ends_at = ${sql.timestamp(past)} WHERE id = ${inGrace.id} RETURNING id`,
      );
      await tx.query(
        sql.type(
          z.object({ id: z.string() }),
        )`UPDATE tenants SET subscription_ends_at = now() + interval '10 days' WHERE id = ${current.id} RETURNING id`,
      );
    });
    await harness.run(JOB.subscriptionStatus, {});
    await harness.run(JOB.subscriptionStatus, {});
    const states = await withPlatform(pool, (tx) =>
      tx.any(sql.type(z.object({ id: z.string(), subscription_status: z.string(), audits: z.number() }))`
        SELECT t.id, t.subscription_status, (SELECT count(*) FROM audit_logs a WHERE a.tenant_id = t.id AND a.action LIKE 'tenant.%') AS audits
        FROM tenants t WHERE t.id = ANY(${sql.array([trial.id, lapsed.id, inGrace.id, current.id], "uuid")})`),
    );
    const byId = new Map(states.map((s) => [s.id, s]));
    expect(byId.get(trial.id)).toMatchObject({ subscription_status: "suspended", audits: 1 });
    expect(byId.get(lapsed.id)).toMatchObject({ subscription_status: "suspended", audits: 1 });
    expect(byId.get(inGrace.id)).toMatchObject({ subscription_status: "active", audits: 0 });
    expect(byId.get(current.id)).toMatchObject({ subscription_status: "active", audits: 0 });
  });

  it("when usage is counted in a new month, then the counts start again and last month's are kept as previous", async () => {
    const tenant = await createTestTenant(pool, { settings: { timezone: "Africa/Lagos" } });
    await withTenant(pool, tenant.id, async (tx) => {
      await newCustomer(tx, tenant.id);
      await newCustomer(tx, tenant.id);
    });
    const now = new Date();
    await harness.run(JOB.monthlyUsage, { tenantId: tenant.id, now: now.toISOString() });
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15));
    await harness.run(JOB.monthlyUsage, { tenantId: tenant.id, now: nextMonth.toISOString() });
    const usage = await withTenant(pool, tenant.id, (tx) =>
      tx.oneFirst(sql.type(z.object({ monthly_usage: z.unknown() }))`SELECT monthly_usage FROM tenants`),
    );
    expect(usage).toMatchObject({ customers_added: 0, previous: { customers_added: 2 } });
  });
});
