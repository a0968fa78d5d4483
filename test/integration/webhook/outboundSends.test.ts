import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { recordReplyOutcomes } from "../../../src/db/replyOutbox.ts";
import { findStrandedReplies, insertOutboxMessage } from "../../../src/db/whatsappMessages.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import type { FakeGraphRequest, FakeGraphResponse } from "../../helpers/fakeGraphApi.ts";
import {
  eventually,
  expectNoSecretsInLogs,
  jobData,
  loadFixture,
  messagesOf,
  sentBodiesTo,
  stopAndClean,
  textSend,
} from "../../helpers/conversationKit.ts";
import { recipientOf, startTestApp, type TestApp } from "../../helpers/testApp.ts";
import type { DatabasePool } from "slonik";
import { enqueueOutbound, OUTBOUND_QUEUE } from "../../../src/queues/messageQueues.ts";
import { createSweeper } from "../../../src/jobs/sweeper.ts";
import { createOutboundProcessor } from "../../../src/jobs/outboundWorker.ts";
import { createSlidingWindowLimiter } from "../../../src/queues/slidingWindowLimiter.ts";
import { createMetrics } from "../../../src/metrics.ts";
import { createCapturingLogger, createTestPool, randomPhone } from "../../helpers/testContext.ts";

let app: TestApp;
/** The table owner's pool, for rows written as a dead worker left them (the app's sessions run as the platform role). */
let owner: DatabasePool;
/** Per-recipient answers of the fake Graph API (each test uses its own phone). */
const answers = new Map<string, (req: FakeGraphRequest, nth: number) => FakeGraphResponse | undefined>();
const callsTo = new Map<string, number>();

beforeAll(async () => {
  // The runtime's own sweeper waits: the sweeper test calls it by hand.
  app = await startTestApp({ sweeperIntervalMs: 10 * 60_000 });
  owner = await createTestPool();
  app.graph.respondWith((req) => {
    const to = recipientOf(req) ?? "";
    const nth = (callsTo.get(to) ?? 0) + 1;
    callsTo.set(to, nth);
    return answers.get(to)?.(req, nth);
  });
});

afterAll(async () => {
  await owner.end();
  await stopAndClean(app);
});

const STRANGER_REPLY =
  "Hi! 👋 To join a loyalty program, scan your vendor's QR code, or send JOIN followed by their code (for example: JOIN MAMAPUT).\nRun a business? Send REGISTER to start a loyalty programme for it.";

/** Meta's success answer from the fixture, for `to`, with our own wamid. */
function accepted(to: string, wamid: string): FakeGraphResponse {
  const body: unknown = JSON.parse(
    loadFixture("send-success-response.json", { phone: to }).replace(
      "wamid.HBgNMjM0ODAxMjM0NTY3OBUCABEYEjQ1RkZBMDEyMzQ1Njc4OTAA",
      wamid,
    ),
  );
  return { status: 200, body };
}

function fixtureError(name: string, status: number): FakeGraphResponse {
  const body: unknown = JSON.parse(loadFixture(name));
  return { status, body };
}

async function outboundOf(phone: string) {
  return (await messagesOf(app.pool, phone)).filter((m) => m.direction === "outbound");
}

async function settle(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe("Graph API failures", () => {
  it("when the Graph API answers 500 once and then 200, then the reply is delivered exactly once and the row is sent with its wamid", async () => {
    const phone = randomPhone();
    const wamid = `wamid.ok.${randomUUID()}`;
    answers.set(phone, (_req, nth) =>
      nth === 1
        ? { status: 500, body: { error: { message: "An unknown error occurred", type: "OAuthException", code: 1 } } }
        : accepted(phone, wamid),
    );

    await app.sendText(phone, "hello");

    const calls = await app.repliesTo(phone, 2);
    await settle(1500);
    expect(sentBodiesTo(app, phone)).toEqual([textSend(phone, STRANGER_REPLY), textSend(phone, STRANGER_REPLY)]);
    expect(calls.every((c) => c.phoneNumberId === app.phoneNumberId)).toBe(true);
    const [row, ...others] = await outboundOf(phone);
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      whatsapp_status: "sent",
      whatsapp_message_id: wamid,
      attempts: 2,
      error_code: null,
      error_message: null,
    });
    expect(row?.sent_at).toBeInstanceOf(Date);
    // The first try was the engine's worker's own; the retry went through the outbound queue.
    expect(await jobData(app, "outbound", `out-${row?.id ?? ""}`)).toEqual({ outboxId: row?.id });
    expect(
      app.logs.lines.some(
        (l) => l.msg === "send failed; will retry" && l.reason === "server_error" && l.outboxId === row?.id,
      ),
    ).toBe(true);
    expect(app.logs.lines.some((l) => l.msg === "message sent" && l.outboxId === row?.id)).toBe(true);
    expectNoSecretsInLogs(app, [phone, "hello"]);
  });

  it("when the Graph API answers 429 with send-error-130429.json once, then the reply is retried and sent once", async () => {
    const phone = randomPhone();
    const wamid = `wamid.rl.${randomUUID()}`;
    answers.set(phone, (_req, nth) =>
      nth === 1 ? fixtureError("send-error-130429.json", 429) : accepted(phone, wamid),
    );

    await app.sendText(phone, "hello");

    await app.repliesTo(phone, 2);
    await settle(1500);
    expect(sentBodiesTo(app, phone)).toHaveLength(2);
    const [row, ...others] = await outboundOf(phone);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ whatsapp_status: "sent", whatsapp_message_id: wamid });
    // The number rests for a moment instead of spending its other sends on more 130429s.
    expect(
      app.logs.lines.some((l) => l.msg === "sending number throttled by Meta; pausing its sends" && l.code === 130429),
    ).toBe(true);
  });

  it.each([
    [
      "131047 (send-error-131047.json)",
      () => fixtureError("send-error-131047.json", 400),
      "131047",
      "(#131047) Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    ],
    [
      "131026",
      () => ({
        status: 400,
        body: {
          error: {
            message: "(#131026) Message undeliverable",
            type: "OAuthException",
            code: 131026,
            error_data: { messaging_product: "whatsapp", details: "Message Undeliverable." },
            fbtrace_id: "x",
          },
        },
      }),
      "131026",
      "(#131026) Message undeliverable: Message Undeliverable.",
    ],
  ])(
    "when the Graph API refuses with %s, then the row is failed with the code and the Graph API is called once",
    async (_label, answer, code, message) => {
      const phone = randomPhone();
      answers.set(phone, () => answer());

      await app.sendText(phone, "hello");

      await app.repliesTo(phone, 1);
      const row = await eventually(async () => {
        const [found] = await outboundOf(phone);
        expect(found?.whatsapp_status).toBe("failed");
        return found;
      });
      await settle(2500);
      expect(sentBodiesTo(app, phone)).toEqual([textSend(phone, STRANGER_REPLY)]);
      expect(row).toMatchObject({
        whatsapp_status: "failed",
        error_code: code,
        error_message: message,
        whatsapp_message_id: null,
        attempts: 1,
      });
      expect(row?.failed_at).toBeInstanceOf(Date);
      expect((await outboundOf(phone)).map((r) => r.whatsapp_status)).toEqual(["failed"]);
      expect(
        app.logs.lines.some(
          (l) => l.msg === "send failed for good" && l.code === Number(code) && l.outboxId === row?.id,
        ),
      ).toBe(true);
      expectNoSecretsInLogs(app, [phone]);
    },
  );
});

describe("status callbacks that beat the record", () => {
  it("when Meta's delivered callback arrives before the reply's wamid is recorded, then it is applied as the wamid is recorded, not left for the sweeper", async () => {
    const phone = randomPhone();
    const delivered = loadFixture("status-delivered.json", { phone, wamidTag: randomUUID().slice(0, 8) });
    const wamid = /"id": "(wamid\.[^"]+)"/.exec(delivered)?.[1] ?? "";
    // Meta accepts the send but its answer is slow: the callback comes first.
    answers.set(phone, () => ({ ...accepted(phone, wamid), delayMs: 500 }));

    await app.sendText(phone, "hello");
    await app.repliesTo(phone, 1);
    expect((await app.postWebhook(null, { raw: delivered })).status).toBe(200);

    // This file's app sweeps every 10 minutes: only the record can have applied it.
    await eventually(async () => {
      const [row] = await outboundOf(phone);
      expect(row).toMatchObject({ whatsapp_status: "delivered", whatsapp_message_id: wamid });
      expect(row?.delivered_at?.getTime()).toBe(1764150020_000);
    });
    const parked = await owner.oneFirst(sql.type(z.object({ n: z.number() }))`
      SELECT count(*)::int AS n FROM parked_status_callbacks WHERE whatsapp_message_id = ${wamid}`);
    expect(parked).toBe(0);
  });
});

/** Writes replies straight to the outbox (no job), as written `ageSeconds` ago, with `status` and its claim that old. */
async function writeReplies(
  phones: readonly string[],
  options: { ageSeconds: number; status?: "queued" | "sending" | "sent"; claimAgeSeconds?: number },
): Promise<string[]> {
  return owner.transaction(async (tx) => {
    // As the table owner with triggers off, so updated_at (the claim's age) keeps the value set here.
    await tx.query(sql.type(z.object({}).loose())`SET LOCAL session_replication_role = replica`);
    const ids: string[] = [];
    for (const phone of phones) {
      const rowId = await insertOutboxMessage(tx, {
        tenantId: null,
        customerId: null,
        contactPhone: phone,
        businessPhoneNumberId: app.phoneNumberId,
        message: { kind: "text", body: "Stranded reply" },
        triggeredBy: "test",
      });
      await tx.query(sql.type(z.object({ id: z.uuid() }))`
        UPDATE whatsapp_messages SET
          created_at = now() - make_interval(secs => ${options.ageSeconds}),
          whatsapp_status = ${options.status ?? "queued"},
          attempts = ${options.status === "sending" ? 1 : 0},
          updated_at = now() - make_interval(secs => ${options.claimAgeSeconds ?? options.ageSeconds})
        WHERE id = ${rowId} RETURNING id`);
      ids.push(rowId);
    }
    return ids;
  });
}

/**
 * Queues outbound jobs for rows written by writeReplies, as the engine does after its commit. The
 * claim tests queue their rows themselves, fresh, rather than through the sweeper: both test
 * projects share the database, and either one's sweeper would take rows a minute old.
 */
async function queueReplies(ids: readonly string[]): Promise<void> {
  await enqueueOutbound(app.runtime.queues.queue(OUTBOUND_QUEUE), ids);
}

async function batchTotals(step: "claim" | "record"): Promise<{ batches: number; replies: number }> {
  const { values } = await app.runtime.metrics.outboundBatchSize.get();
  const read = (suffix: string) =>
    values
      .filter((v) => v.metricName?.endsWith(suffix) && v.labels.step === step)
      .reduce((total, v) => total + v.value, 0);
  return { batches: read("_count"), replies: read("_sum") };
}

describe("claiming replies", () => {
  it("when the Graph API is slow to answer, then the reply is already committed as sending while the call waits (no transaction is held open across it), and sent after", async () => {
    const phone = randomPhone();
    const wamid = `wamid.slow.${randomUUID()}`;
    answers.set(phone, () => ({ ...accepted(phone, wamid), delayMs: 1500 }));

    await app.sendText(phone, "hello");

    // Read from another connection: only a committed claim shows.
    const claimed = await eventually(async () => {
      const [row] = await outboundOf(phone);
      expect(row?.whatsapp_status).toBe("sending");
      return row;
    });
    expect(claimed).toMatchObject({ attempts: 1, whatsapp_message_id: null });
    await eventually(async () => {
      const [row] = await outboundOf(phone);
      expect(row).toMatchObject({ whatsapp_status: "sent", whatsapp_message_id: wamid, attempts: 1 });
    });
    expect(sentBodiesTo(app, phone)).toEqual([textSend(phone, STRANGER_REPLY)]);
  });

  it("when a reply was left sending by a worker that died over a minute ago, then its job claims it again, it is sent once and counted as a possible duplicate", async () => {
    const phone = randomPhone();
    const duplicatesBefore = (await app.runtime.metrics.possibleDuplicateSends.get()).values[0]?.value ?? 0;
    const [id] = await writeReplies([phone], { ageSeconds: 0, status: "sending", claimAgeSeconds: 120 });

    await queueReplies([id ?? ""]);

    await app.repliesTo(phone, 1);
    await eventually(async () => {
      const [row] = await outboundOf(phone);
      expect(row).toMatchObject({ id, whatsapp_status: "sent", attempts: 2 });
    });
    await settle(300);
    expect(sentBodiesTo(app, phone)).toEqual([textSend(phone, "Stranded reply")]);
    expect((await app.runtime.metrics.possibleDuplicateSends.get()).values[0]?.value).toBe(duplicatesBefore + 1);
    expect(
      app.logs.lines.some(
        (l) => l.msg === "reply left sending by a worker that died; sending it again" && l.outboxId === id,
      ),
    ).toBe(true);
  });

  it("when the sweeper looks for stranded replies, then it takes a claim gone stale and leaves a fresh one", async () => {
    const [stale] = await writeReplies([randomPhone()], { ageSeconds: 120, status: "sending" });
    const [fresh] = await writeReplies([randomPhone()], { ageSeconds: 120, status: "sending", claimAgeSeconds: 0 });

    const stranded = await withPlatform(app.pool, (tx) =>
      findStrandedReplies(tx, { all: false, phoneNumberIds: [app.phoneNumberId] }, 30_000, 5_000, 10_000),
    );
    // Failed at once, so neither test project's sweeper sends them.
    await withPlatform(app.pool, (tx) =>
      recordReplyOutcomes(
        tx,
        [stale, fresh].map((id) => ({ id: id ?? "", kind: "failed", code: "test", message: "test row" })),
      ),
    );

    expect(stranded.old).toContain(stale);
    expect(stranded.old).not.toContain(fresh);
    expect(stranded.orphaned).toEqual([]);
  });

  it("when an earlier reply to a person is being sent by another worker, then a later one waits for it and goes out after it", async () => {
    const phone = randomPhone();
    // Another worker claimed the earlier reply a moment ago and is still sending it.
    const [earlier] = await writeReplies([phone], { ageSeconds: 0, status: "sending", claimAgeSeconds: 0 });
    const [later] = await writeReplies([phone], { ageSeconds: 0 });

    await queueReplies([later ?? ""]);

    await settle(800);
    expect(sentBodiesTo(app, phone)).toEqual([]);
    expect((await outboundOf(phone)).map((r) => [r.id, r.whatsapp_status])).toEqual([
      [earlier, "sending"],
      [later, "queued"],
    ]);

    // The other worker records its send; the later reply follows.
    await withPlatform(app.pool, (tx) =>
      recordReplyOutcomes(tx, [{ id: earlier ?? "", kind: "sent", wamid: `wamid.other.${randomUUID()}` }]),
    );
    await app.repliesTo(phone, 1);
    await eventually(async () => {
      expect((await outboundOf(phone)).map((r) => [r.id, r.whatsapp_status])).toEqual([
        [earlier, "sent"],
        [later, "sent"],
      ]);
    }, 15_000);
    expect(sentBodiesTo(app, phone)).toEqual([textSend(phone, "Stranded reply")]);
  });

  it("when the Graph API client throws instead of answering, then the claim is handed back (queued, with the error) and the job fails for BullMQ to retry", async () => {
    const phone = randomPhone();
    const [id] = await writeReplies([phone], { ageSeconds: 0 });
    const process = createOutboundProcessor({
      pool: app.pool,
      graph: {
        send: () => Promise.reject(new Error("socket exploded")),
        uploadMedia: () => Promise.reject(new Error("socket exploded")),
      },
      limiter: createSlidingWindowLimiter(1000),
      log: createCapturingLogger().log,
      metrics: createMetrics(),
    });

    await expect(process({ id: "test-job", data: { outboxId: id }, opts: { attempts: 8 } })).rejects.toThrow(
      "socket exploded",
    );

    const [row] = await outboundOf(phone);
    expect(row).toMatchObject({
      id,
      whatsapp_status: "queued",
      attempts: 1,
      error_code: "internal_error",
      whatsapp_message_id: null,
    });
  });

  it("when 30 replies are due at once, then they are claimed and recorded together, in fewer transactions than replies", async () => {
    const phones = Array.from({ length: 30 }, () => randomPhone());
    const claimsBefore = await batchTotals("claim");
    const recordsBefore = await batchTotals("record");
    const ids = await writeReplies(phones, { ageSeconds: 0 });

    await queueReplies(ids);

    for (const phone of phones) await app.repliesTo(phone, 1);
    await eventually(async () => {
      for (const phone of phones) expect((await outboundOf(phone)).map((r) => r.whatsapp_status)).toEqual(["sent"]);
    });
    const claims = await batchTotals("claim");
    const records = await batchTotals("record");
    expect(claims.replies - claimsBefore.replies).toBeGreaterThanOrEqual(30);
    expect(claims.batches - claimsBefore.batches).toBeLessThan(claims.replies - claimsBefore.replies);
    expect(records.replies - recordsBefore.replies).toBeGreaterThanOrEqual(30);
    expect(records.batches - recordsBefore.batches).toBeLessThan(records.replies - recordsBefore.replies);
  });
});

/**
 * Rows stranded this long are the sweeper tests' own: every test app's sweeper (both test
 * projects share the database) takes rows after 30 s; these tests sweep with one of their own
 * that takes them after 1 s, so no other app can send their rows first.
 */
const STRANDED_AGE_SECONDS = 2;
/** Held while a sweeper test runs: the other test project runs this file at the same time. */
const SWEEPER_TESTS_LOCK = 5_357_454_550;

/** Runs a sweeper test while no sweeper test of the other project runs (its sweeper would take our rows). */
async function alone(test: () => Promise<void>): Promise<void> {
  await owner.connect(async (connection) => {
    await connection.query(sql.type(z.object({}).loose())`SELECT pg_advisory_lock(${SWEEPER_TESTS_LOCK})`);
    try {
      await test();
    } finally {
      await connection.query(sql.type(z.object({}).loose())`SELECT pg_advisory_unlock(${SWEEPER_TESTS_LOCK})`);
    }
  });
}

function sweepNow() {
  const queues = app.runtime.queues;
  return createSweeper({
    pool: app.pool,
    outbound: queues.queue(OUTBOUND_QUEUE),
    scope: { all: false, phoneNumberIds: [app.phoneNumberId] },
    replies: undefined,
    log: app.logs.log,
    metrics: app.runtime.metrics,
    olderThanMs: 1000,
  }).sweepOnce();
}

describe("sweeper", () => {
  it("when an outbox row was left queued with no job, then the sweeper queues it and it is sent", () =>
    alone(async () => {
      const phone = randomPhone();
      // Written a moment ago, and Redis was down after the commit: no job.
      const [id] = await writeReplies([phone], { ageSeconds: STRANDED_AGE_SECONDS });
      await settle(300);
      expect(sentBodiesTo(app, phone)).toEqual([]);
      expect(await jobData(app, "outbound", `out-${id}`)).toBeNull();
      expect((await outboundOf(phone)).map((r) => r.whatsapp_status)).toEqual(["queued"]);

      const swept = await sweepNow();

      expect(swept.outbound).toBeGreaterThanOrEqual(1);
      await app.repliesTo(phone, 1);
      expect(sentBodiesTo(app, phone)).toEqual([textSend(phone, "Stranded reply")]);
      await eventually(async () => {
        const [row] = await outboundOf(phone);
        expect(row).toMatchObject({ id, whatsapp_status: "sent" });
        expect(row?.whatsapp_message_id).toMatch(/^wamid\./);
      });
      expect(await jobData(app, "outbound", `out-${id}`)).toEqual({ outboxId: id });
      // A second sweep finds nothing of ours and sends nothing again.
      await sweepNow();
      await settle(300);
      expect(sentBodiesTo(app, phone)).toHaveLength(1);
      expect(app.logs.lines.some((l) => l.msg === "sweeper picked up stranded replies")).toBe(true);
    }));

  it("when a stranded reply's job id is still held by a finished job, then the sweeper removes that job, queues the row again and it is sent", () =>
    alone(async () => {
      const phone = randomPhone();
      // Its job ran while the row read as sent (nothing to do) and completed.
      const [id] = await writeReplies([phone], { ageSeconds: STRANDED_AGE_SECONDS, status: "sent" });
      const queue = app.runtime.queues.queue(OUTBOUND_QUEUE);
      await queueReplies([id ?? ""]);
      await eventually(async () => expect(await (await queue.getJob(`out-${id}`))?.isCompleted()).toBe(true));
      // Now the row is unsent again while a finished job holds its id (as when a job ends before its row is done).
      await owner.query(
        sql.type(
          z.object({ id: z.uuid() }),
        )`UPDATE whatsapp_messages SET whatsapp_status = 'queued' WHERE id = ${id ?? ""} RETURNING id`,
      );
      // Queued longer than the sweeper's 1 s since that change.
      await settle(1_200);

      await sweepNow();

      await eventually(async () => {
        expect((await outboundOf(phone)).map((r) => r.whatsapp_status)).toEqual(["sent"]);
      });
      expect(sentBodiesTo(app, phone).length).toBeLessThanOrEqual(1);
    }));
});
