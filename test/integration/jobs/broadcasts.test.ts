import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { cancelBroadcast } from "../../../src/domain/broadcasts/cancelBroadcast.ts";
import { createBroadcast } from "../../../src/domain/broadcasts/createBroadcast.ts";
import { recountBroadcast } from "../../../src/domain/broadcasts/recountBroadcast.ts";
import { findBroadcast } from "../../../src/domain/broadcasts/findBroadcast.ts";
import { scheduleBroadcast } from "../../../src/domain/broadcasts/scheduleBroadcast.ts";
import { sendBroadcastNow } from "../../../src/domain/broadcasts/sendBroadcastNow.ts";
import { startBroadcast } from "../../../src/domain/broadcasts/startBroadcast.ts";
import { creditPoints } from "../../../src/domain/ledger/creditPoints.ts";
import { claimBroadcastMessages } from "../../../src/domain/broadcasts/claimBroadcastMessages.ts";
import { createBroadcastSender } from "../../../src/jobs/broadcastSender.ts";
import { createSlidingWindowLimiter } from "../../../src/queues/slidingWindowLimiter.ts";
import { enqueueBroadcastStart } from "../../../src/jobs/scheduled/enqueueBroadcastStart.ts";
import { createMetrics } from "../../../src/metrics.ts";
import { createGraphClient } from "../../../src/whatsapp/graphClient.ts";
import { JOB } from "../../../src/jobs/scheduled/scheduledJobs.ts";
import { recipientOf, startTestApp, textOf, type TestApp } from "../../helpers/testApp.ts";
import {
  createCapturingLogger,
  createTestPool,
  createTestTenant,
  randomPhone,
  type TestTenant,
} from "../../helpers/testContext.ts";
import { createJobHarness, jobRuns, PHONE_NUMBER_ID } from "./jobFixtures.ts";

let pool: DatabasePool;
const apps: TestApp[] = [];

beforeAll(async () => {
  pool = await createTestPool();
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});
afterAll(async () => {
  await pool.end();
});

async function app(config: Record<string, string> = {}): Promise<TestApp> {
  const started = await startTestApp({ config });
  apps.push(started);
  return started;
}

type CustomerAttrs = {
  loyaltyStatus?: string;
  optedIn?: boolean;
  tags?: string[];
  points?: number;
  totalPurchases?: number;
  lastPurchaseAt?: Date;
};

async function addCustomer(tenantId: string, attrs: CustomerAttrs = {}): Promise<{ id: string; phone: string }> {
  const phone = randomPhone();
  const id = await withTenant(pool, tenantId, async (tx) => {
    const customerId = await tx.oneFirst(sql.type(z.object({ id: z.string() }))`
      INSERT INTO customers (tenant_id, phone_number, loyalty_status, opted_in, tags, total_purchases, last_purchase_at)
      VALUES (${tenantId}, ${phone}, ${attrs.loyaltyStatus ?? "active"}, ${attrs.optedIn ?? true}, ${sql.jsonb(attrs.tags ?? [])},
              ${attrs.totalPurchases ?? 0}, ${attrs.lastPurchaseAt === undefined ? null : sql.timestamp(attrs.lastPurchaseAt)})
      RETURNING id`);
    if (attrs.points !== undefined) {
      await creditPoints(tx, {
        tenantId,
        customerId,
        type: "earned",
        points: attrs.points,
        expiresAt: null,
        description: "t",
        metadata: {},
      });
    }
    return customerId;
  });
  return { id, phone };
}

async function newBroadcast(tenantId: string, targetSegment: Record<string, unknown> = {}): Promise<string> {
  const created = await withTenant(pool, tenantId, (tx) =>
    createBroadcast(tx, {
      tenantId,
      name: "Promo",
      messageContent: "Double points this weekend!",
      targetSegment,
      userId: null,
    }),
  );
  if (!created.ok) throw new Error(created.message);
  return created.broadcast.id;
}

async function sendNow(target: TestApp, tenantId: string, broadcastId: string): Promise<void> {
  const result = await withTenant(pool, tenantId, (tx) =>
    sendBroadcastNow(tx, { tenantId, broadcastId, now: new Date() }),
  );
  expect(result).toMatchObject({ ok: true });
  await enqueueBroadcastStart(target.runtime.queues, { tenantId, broadcastId });
}

async function broadcastState(tenantId: string, broadcastId: string) {
  const found = await withTenant(pool, tenantId, (tx) => findBroadcast(tx, broadcastId));
  if (found === null) throw new Error("broadcast vanished");
  return found;
}

/**
 * Waits until no row of the broadcast is queued or being sent, then recounts it as the periodic scan does
 * (the per-send recount can race; see recountBroadcast), and returns its state.
 */
async function settled(tenantId: string, broadcastId: string) {
  await waitFor(
    "the start",
    () => broadcastState(tenantId, broadcastId),
    (b) => b.status !== "draft" && b.status !== "scheduled",
  );
  const pending = (status: string) => status === "queued" || status === "sending";
  await waitFor(
    "every row final",
    async () => (await broadcastRows(broadcastId)).filter((r) => pending(r.whatsapp_status)).length,
    (n) => n === 0,
  );
  await withTenant(pool, tenantId, (tx) => recountBroadcast(tx, broadcastId));
  return broadcastState(tenantId, broadcastId);
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Broadcast templates the app sent to these customers. Only theirs: the minute scan of every
 * test app restarts the sender of any broadcast still sending, another test's included, so an
 * app may send someone else's leftovers too (as a worker should).
 */
const broadcastSends = (target: TestApp, customers: readonly { phone: string }[]) => {
  const phones = new Set(customers.map((c) => c.phone));
  return target.graph.requests
    .filter((r) => textOf(r.body) === "template:loyalty_broadcast")
    .map((r) => recipientOf(r) ?? "")
    .filter((phone) => phones.has(phone));
};

const outboxRow = z.object({
  customer_id: z.string(),
  whatsapp_status: z.string(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  whatsapp_message_id: z.string().nullable(),
  attempts: z.number(),
});
async function broadcastRows(broadcastId: string) {
  return withPlatform(pool, (tx) =>
    tx.any(sql.type(outboxRow)`
      SELECT customer_id, whatsapp_status, error_code, error_message, whatsapp_message_id, attempts
      FROM whatsapp_messages WHERE broadcast_id = ${broadcastId}`),
  );
}

const RESTART_RECIPIENTS = 80;

describe("broadcasts", () => {
  it("when a broadcast to a segment is sent, then exactly the opted-in, unblocked customers of the segment get the template once, and the counters and run follow", async () => {
    const target = await app();
    const tenant = await createTestTenant(pool);
    const other = await createTestTenant(pool);
    const vip = await addCustomer(tenant.id, { tags: ["vip"], points: 200 });
    const gold = await addCustomer(tenant.id, { tags: ["gold", "x"], points: 150, loyaltyStatus: "inactive" });
    const everyone = [
      vip,
      gold,
      await addCustomer(tenant.id, { tags: ["vip"], points: 50 }),
      await addCustomer(tenant.id, { tags: ["regular"], points: 300 }),
      await addCustomer(tenant.id, { tags: ["vip"], points: 300, optedIn: false }),
      await addCustomer(tenant.id, { tags: ["vip"], points: 300, loyaltyStatus: "blocked" }),
      await addCustomer(other.id, { tags: ["vip"], points: 300 }),
    ];

    const broadcastId = await newBroadcast(tenant.id, { tags: ["vip", "gold"], min_points: 100 });
    await sendNow(target, tenant.id, broadcastId);
    const done = await settled(tenant.id, broadcastId);
    expect(done).toMatchObject({ status: "completed", totalRecipients: 2, sentCount: 2, failedCount: 0 });
    expect(broadcastSends(target, everyone).sort()).toEqual([vip.phone, gold.phone].sort());
    const sent = target.graph.requests.find((r) => recipientOf(r) === vip.phone);
    expect(sent?.body).toMatchObject({ type: "template", template: { name: "loyalty_broadcast" } });
    expect(JSON.stringify(sent?.body)).toContain("Double points this weekend!");

    const audits = await withTenant(pool, tenant.id, (tx) =>
      tx.anyFirst(
        sql.type(z.object({ action: z.string() }))`SELECT action FROM audit_logs WHERE entity_id = ${broadcastId}`,
      ),
    );
    expect(audits).toEqual(["broadcast.sent"]);
    const runs = await jobRuns(pool, JOB.broadcastStart, tenant.id);
    expect(runs).toEqual([
      expect.objectContaining({ status: "completed", attempts: 1, result: expect.objectContaining({ recipients: 2 }) }),
    ]);
  });

  it("when segments use status, points range, last purchase and purchase count, then the fan-out writes one row per matching customer and a rerun adds none", async () => {
    const tenant = await createTestTenant(pool);
    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    const match = await addCustomer(tenant.id, {
      points: 120,
      totalPurchases: 5,
      lastPurchaseAt: new Date(now - 10 * day),
    });
    await addCustomer(tenant.id, { points: 120, totalPurchases: 5, lastPurchaseAt: new Date(now - 40 * day) });
    await addCustomer(tenant.id, { points: 120, totalPurchases: 2, lastPurchaseAt: new Date(now - 10 * day) });
    await addCustomer(tenant.id, { points: 600, totalPurchases: 5, lastPurchaseAt: new Date(now - 10 * day) });
    await addCustomer(tenant.id, {
      points: 120,
      totalPurchases: 5,
      lastPurchaseAt: new Date(now - 10 * day),
      loyaltyStatus: "inactive",
    });
    const segment = {
      loyalty_status: "active",
      min_points: 100,
      max_points: 500,
      last_purchase_after: new Date(now - 30 * day).toISOString(),
      last_purchase_before: new Date(now - day).toISOString(),
      min_purchases: 3,
    };
    const broadcastId = await newBroadcast(tenant.id, segment);
    const start = () =>
      withTenant(pool, tenant.id, (tx) =>
        startBroadcast(tx, {
          tenantId: tenant.id,
          broadcastId,
          now: new Date(),
          defaultPhoneNumberId: PHONE_NUMBER_ID,
        }),
      );
    expect(await start()).toEqual({ ok: true, recipients: 1, alreadyStarted: false });
    expect(await start()).toEqual({ ok: true, recipients: 1, alreadyStarted: true });
    expect((await broadcastRows(broadcastId)).map((r) => r.customer_id)).toEqual([match.id]);
    // Nothing sends it here; cancelled so no other test app's minute scan sends it either.
    await withTenant(pool, tenant.id, (tx) =>
      cancelBroadcast(tx, { tenantId: tenant.id, broadcastId, userId: null, now: new Date() }),
    );

    const invalid = await withTenant(pool, tenant.id, (tx) =>
      createBroadcast(tx, {
        tenantId: tenant.id,
        name: "Bad",
        messageContent: "x",
        targetSegment: { min_points: -1, colour: "red" },
        userId: null,
      }),
    );
    expect(invalid).toMatchObject({ ok: false, reason: "invalid_segment" });
  });

  it("when the worker restarts mid-broadcast, then every recipient gets the message exactly once", async () => {
    // More recipients than the outbound worker's concurrency: a stopping worker finishes its
    // active jobs, so fewer would all be sent before the restart.
    const first = await app({ WHATSAPP_SEND_RATE_PER_SECOND: "20" });
    const tenant = await createTestTenant(pool);
    const customers = await Promise.all(Array.from({ length: RESTART_RECIPIENTS }, () => addCustomer(tenant.id)));
    const broadcastId = await newBroadcast(tenant.id);
    await sendNow(first, tenant.id, broadcastId);
    await waitFor(
      "some sends",
      async () => broadcastSends(first, customers).length,
      (n) => n >= 10,
    );
    await first.stop();
    apps.splice(apps.indexOf(first), 1);
    const sentBefore = broadcastSends(first, customers);
    expect(sentBefore.length).toBeLessThan(RESTART_RECIPIENTS);
    // The stopping sender recorded its sends in flight, handed back its claims and put its job back.
    expect(first.logs.lines.some((l) => l.msg === "broadcast sender stopped")).toBe(true);
    expect(first.logs.lines.filter((l) => l.msg === "worker error" || l.msg === "queue error")).toEqual([]);
    expect((await broadcastRows(broadcastId)).filter((r) => r.whatsapp_status === "sending")).toEqual([]);

    // A new worker with an empty queue (as if Redis lost it): starting again only re-enqueues what is left.
    const second = await app({ WHATSAPP_SEND_RATE_PER_SECOND: "50" });
    await enqueueBroadcastStart(second.runtime.queues, { tenantId: tenant.id, broadcastId });
    const done = await settled(tenant.id, broadcastId);
    const all = [...sentBefore, ...broadcastSends(second, customers)];
    expect(all.length).toBe(RESTART_RECIPIENTS);
    expect(new Set(all)).toEqual(new Set(customers.map((c) => c.phone)));
    expect(done).toMatchObject({
      status: "completed",
      totalRecipients: RESTART_RECIPIENTS,
      sentCount: RESTART_RECIPIENTS,
    });
    expect(await broadcastRows(broadcastId)).toHaveLength(RESTART_RECIPIENTS);
  });

  it("when a recipient sends STOP while the broadcast is sending, then they do not get it and the rest do", async () => {
    const target = await app({ WHATSAPP_SEND_RATE_PER_SECOND: "4" });
    const tenant = await createTestTenant(pool);
    const others = await Promise.all(Array.from({ length: 8 }, () => addCustomer(tenant.id)));
    const stopper = randomPhone();
    await target.say(stopper, `JOIN ${tenant.vendorCode}`, 1);
    await waitFor(
      "join replies",
      async () => target.graph.requests.filter((r) => recipientOf(r) === stopper).length,
      (n) => n >= 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const broadcastId = await newBroadcast(tenant.id);
    await sendNow(target, tenant.id, broadcastId);
    await waitFor(
      "fan-out",
      () => broadcastState(tenant.id, broadcastId),
      (b) => b.status === "sending",
    );
    await target.sendText(stopper, "STOP");
    const done = await settled(tenant.id, broadcastId);
    expect(done).toMatchObject({ status: "completed", totalRecipients: 9, sentCount: 8, failedCount: 1 });
    expect(broadcastSends(target, [...others, { phone: stopper }]).sort()).toEqual(others.map((c) => c.phone).sort());
    const rows = await broadcastRows(broadcastId);
    expect(rows.filter((r) => r.whatsapp_status === "failed")).toEqual([
      expect.objectContaining({ error_code: "opted_out" }),
    ]);
  });

  it("when a sending broadcast is cancelled, then the messages not yet sent are never sent", async () => {
    const target = await app({ WHATSAPP_SEND_RATE_PER_SECOND: "4" });
    const tenant = await createTestTenant(pool);
    const customers = await Promise.all(Array.from({ length: 12 }, () => addCustomer(tenant.id)));
    const broadcastId = await newBroadcast(tenant.id);
    await sendNow(target, tenant.id, broadcastId);
    await waitFor(
      "first sends",
      async () => broadcastSends(target, customers).length,
      (n) => n >= 2,
    );
    const cancelled = await withTenant(pool, tenant.id, (tx) =>
      cancelBroadcast(tx, { tenantId: tenant.id, broadcastId, userId: null, now: new Date() }),
    );
    expect(cancelled).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const sends = broadcastSends(target, customers).length;
    expect(sends).toBeLessThan(12);
    const state = await broadcastState(tenant.id, broadcastId);
    expect(state).toMatchObject({ status: "cancelled", sentCount: sends, failedCount: 12 - sends });
    const rows = await broadcastRows(broadcastId);
    expect(
      rows.filter((r) => r.whatsapp_status === "failed").every((r) => r.error_code === "broadcast_cancelled"),
    ).toBe(true);
    expect(
      await withTenant(pool, tenant.id, (tx) =>
        cancelBroadcast(tx, { tenantId: tenant.id, broadcastId, userId: null, now: new Date() }),
      ),
    ).toMatchObject({
      ok: false,
      reason: "not_cancellable",
    });
  });

  it("when the plan's monthly broadcasts are used up, then sending another is refused with a clear message", async () => {
    const tenant = await createTestTenant(pool, { planSlug: "trial" });
    await withPlatform(pool, (tx) =>
      tx.query(sql.type(z.object({ id: z.string() }))`
        INSERT INTO broadcasts (tenant_id, name, message_content, status, started_at)
        SELECT ${tenant.id}, 'old', 'hi', 'completed', now() FROM generate_series(1, 5) RETURNING id`),
    );
    const broadcastId = await newBroadcast(tenant.id);
    const refused = await withTenant(pool, tenant.id, (tx) =>
      sendBroadcastNow(tx, { tenantId: tenant.id, broadcastId, now: new Date() }),
    );
    expect(refused).toMatchObject({
      ok: false,
      reason: "plan_limit_reached",
      message: expect.stringContaining("5 broadcasts a month"),
    });
    const started = await withTenant(pool, tenant.id, (tx) =>
      startBroadcast(tx, { tenantId: tenant.id, broadcastId, now: new Date(), defaultPhoneNumberId: PHONE_NUMBER_ID }),
    );
    expect(started).toMatchObject({ ok: false, reason: "plan_limit_reached" });
    expect(await broadcastState(tenant.id, broadcastId)).toMatchObject({ status: "failed" });
  });

  it("when a scheduled broadcast's time comes, then the due-broadcast scan queues its start once", async () => {
    const harness = createJobHarness(pool);
    try {
      const tenant: TestTenant = await createTestTenant(pool);
      const broadcastId = await newBroadcast(tenant.id);
      const at = new Date(Date.now() + 3_600_000);
      expect(
        await withTenant(pool, tenant.id, (tx) =>
          scheduleBroadcast(tx, { tenantId: tenant.id, broadcastId, at, now: new Date() }),
        ),
      ).toMatchObject({ ok: true });
      await harness.run(JOB.startDueBroadcasts, { now: new Date().toISOString() });
      expect(await harness.deps.scheduled.getJob(`bcast-${broadcastId}`)).toBeUndefined();
      await harness.run(JOB.startDueBroadcasts, { now: new Date(at.getTime() + 1000).toISOString() });
      await harness.run(JOB.startDueBroadcasts, { now: new Date(at.getTime() + 2000).toISOString() });
      // One job: its id is the broadcast's. (The queue may hold other runs' due broadcasts too:
      // the scan is platform-wide and this file runs on both queue backends at once.)
      const job = await harness.deps.scheduled.getJob(`bcast-${broadcastId}`);
      expect(job).toMatchObject({ name: JOB.broadcastStart, data: { tenantId: tenant.id, broadcastId } });
      expect(await job?.getState()).toBe("waiting");
    } finally {
      await harness.close();
    }
  });

  it("when the Graph API fails once for one recipient and refuses another for good, then the first is sent once on retry and the second is failed with Meta's code", async () => {
    const target = await app();
    const tenant = await createTestTenant(pool);
    const flaky = await addCustomer(tenant.id);
    const gone = await addCustomer(tenant.id);
    const fine = await addCustomer(tenant.id);
    const calls = new Map<string, number>();
    target.graph.respondWith((req) => {
      const to = recipientOf(req) ?? "";
      const nth = (calls.get(to) ?? 0) + 1;
      calls.set(to, nth);
      if (to === flaky.phone && nth === 1)
        return {
          status: 503,
          body: { error: { message: "Service temporarily unavailable", type: "OAuthException", code: 2 } },
        };
      if (to === gone.phone) {
        return {
          status: 400,
          body: {
            error: {
              message: "(#131026) Message undeliverable",
              type: "OAuthException",
              code: 131026,
              error_data: { details: "Message Undeliverable." },
            },
          },
        };
      }
      return undefined;
    });
    const broadcastId = await newBroadcast(tenant.id);
    await sendNow(target, tenant.id, broadcastId);
    const done = await settled(tenant.id, broadcastId);

    expect(done).toMatchObject({ status: "completed", totalRecipients: 3, sentCount: 2, failedCount: 1 });
    expect(calls).toEqual(
      new Map([
        [flaky.phone, 2],
        [gone.phone, 1],
        [fine.phone, 1],
      ]),
    );
    const rows = await broadcastRows(broadcastId);
    expect(rows.find((r) => r.customer_id === flaky.id)).toMatchObject({
      whatsapp_status: "sent",
      attempts: 2,
      error_code: null,
      whatsapp_message_id: expect.stringMatching(/^wamid\./),
    });
    expect(rows.find((r) => r.customer_id === gone.id)).toMatchObject({
      whatsapp_status: "failed",
      attempts: 1,
      error_code: "131026",
      error_message: "(#131026) Message undeliverable: Message Undeliverable.",
      whatsapp_message_id: null,
    });
    expect(
      target.logs.lines.some((l) => l.msg === "send failed; will retry" && l.reason === "temporarily_unavailable"),
    ).toBe(true);
    expect(target.logs.lines.some((l) => l.msg === "send failed for good" && l.code === 131026)).toBe(true);
  });

  it("when a worker died holding claimed messages, then the next sender queues them again once stale and every recipient is sent to once", async () => {
    const target = await app();
    const tenant = await createTestTenant(pool);
    const customers = await Promise.all(Array.from({ length: 5 }, () => addCustomer(tenant.id)));
    const broadcastId = await newBroadcast(tenant.id);
    const started = await withTenant(pool, tenant.id, (tx) =>
      startBroadcast(tx, { tenantId: tenant.id, broadcastId, now: new Date(), defaultPhoneNumberId: PHONE_NUMBER_ID }),
    );
    expect(started).toMatchObject({ ok: true, recipients: 5 });
    // The dead worker's claim: every row `sending`, none recorded.
    const claimed = await withTenant(pool, tenant.id, (tx) => claimBroadcastMessages(tx, { broadcastId, limit: 5 }));
    expect(claimed.messages).toHaveLength(5);

    const deps = {
      pool,
      graph: createGraphClient({ apiUrl: target.graph.url, apiVersion: "v24.0", token: "t" }),
      limiter: createSlidingWindowLimiter(50),
      ratePerSecond: 50,
      log: createCapturingLogger("info").log,
      metrics: createMetrics(),
    };
    // A sender soon after the crash leaves young claims alone: they might still be in flight.
    const early = await createBroadcastSender({ ...deps, staleClaimMs: 60_000 }).run({
      tenantId: tenant.id,
      broadcastId,
    });
    expect(early).toMatchObject({ sent: 0, stopped: false, cancelled: false });
    expect((await broadcastRows(broadcastId)).filter((r) => r.whatsapp_status === "sending")).toHaveLength(5);
    expect(await broadcastState(tenant.id, broadcastId)).toMatchObject({ status: "sending", sentCount: 0 });

    const late = await createBroadcastSender({ ...deps, staleClaimMs: 0 }).run({ tenantId: tenant.id, broadcastId });
    expect(late).toMatchObject({ sent: 5 });
    expect((await deps.metrics.possibleDuplicateSends.get()).values[0]?.value).toBe(5);
    expect(broadcastSends(target, customers).sort()).toEqual(customers.map((c) => c.phone).sort());
    expect(await broadcastRows(broadcastId)).toEqual(
      Array.from({ length: 5 }, () => expect.objectContaining({ whatsapp_status: "sent", attempts: 2 })),
    );
    expect(await broadcastState(tenant.id, broadcastId)).toMatchObject({
      status: "completed",
      sentCount: 5,
      failedCount: 0,
    });
  });
});
