import { randomUUID } from "node:crypto";
import { UnrecoverableError } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessageQueues, OUTBOUND_BACKOFF_MS } from "../../../src/queues/messageQueues.ts";
import type { OutboundJob } from "../../../src/jobs/outboundWorker.ts";
import { createQueueFactory, type JobQueue, type QueueFactory } from "../../../src/queues/queueFactory.ts";
import { createReplyHandOff } from "../../../src/jobs/replyHandOff.ts";
import { createMetrics, type Metrics } from "../../../src/metrics.ts";
import { createCapturingLogger, testDatabaseUrl } from "../../helpers/testContext.ts";
import { TEST_REDIS_URL } from "../../helpers/testDatabase.ts";

/**
 * The inbound worker's hand-off of its replies, on a real Redis queue with no worker (so what it
 * queues stays put) and a scripted reply sender in place of the outbound processor.
 */
let queues: QueueFactory;
let outbound: JobQueue;

beforeAll(() => {
  const { log } = createCapturingLogger("silent");
  queues = createQueueFactory({
    redisUrl: TEST_REDIS_URL,
    databaseUrl: testDatabaseUrl(),
    log,
    prefix: `{thandoff${randomUUID().slice(0, 8)}}`,
  });
  outbound = createMessageQueues(queues).outbound;
});

afterAll(async () => {
  await outbound.obliterate({ force: true });
  await queues.close();
});

/** A reply sender whose sends end when the test says so. */
function scriptedSender() {
  const started: OutboundJob[] = [];
  const endings = new Map<string, { resolve: (value: string) => void; reject: (err: unknown) => void }>();
  return {
    started,
    sendReply: (job: OutboundJob) =>
      new Promise<string>((resolve, reject) => {
        started.push(job);
        endings.set(String(job.data.outboxId), { resolve, reject });
      }),
    finish: (outboxId: string, outcome: { wamid: string } | { error: Error }) => {
      const ending = endings.get(outboxId);
      if (ending === undefined) throw new Error(`no send started for ${outboxId}`);
      if ("wamid" in outcome) ending.resolve(outcome.wamid);
      else ending.reject(outcome.error);
    },
  };
}

function handOffWith(
  sender: ReturnType<typeof scriptedSender>,
  maxInFlight: number,
  metrics: Metrics = createMetrics(),
) {
  return createReplyHandOff({
    sendReply: sender.sendReply,
    outbound,
    maxInFlight,
    log: createCapturingLogger("silent").log,
    metrics,
  });
}

async function counted(metrics: Metrics, path: string): Promise<number> {
  const values = (await metrics.replyHandOffs.get()).values;
  return values.find((value) => value.labels.path === path)?.value ?? 0;
}

describe("reply hand-off", () => {
  it("when replies are handed off below the limit, then each is sent in this process as its own first attempt and no outbound job is queued", async () => {
    const sender = scriptedSender();
    const metrics = createMetrics();
    const replies = handOffWith(sender, 4, metrics);
    const ids = [randomUUID(), randomUUID()];

    await replies.handOff(ids);

    expect(sender.started.map((job) => job.data)).toEqual(ids.map((outboxId) => ({ outboxId })));
    expect(sender.started.map((job) => job.opts.attempts)).toEqual([8, 8]);
    for (const id of ids) sender.finish(id, { wamid: `wamid.${id}` });
    await replies.drain();
    for (const id of ids) expect(await outbound.getJob(`out-${id}`)).toBeUndefined();
    expect(await counted(metrics, "direct")).toBe(2);
  });

  it("when the process already has its limit of sends in flight, then further replies are queued as outbound jobs", async () => {
    const sender = scriptedSender();
    const metrics = createMetrics();
    const replies = handOffWith(sender, 2, metrics);
    const ids = [randomUUID(), randomUUID(), randomUUID()];

    await replies.handOff(ids);

    expect(sender.started.map((job) => job.data.outboxId)).toEqual(ids.slice(0, 2));
    const queued = await outbound.getJob(`out-${ids[2] ?? ""}`);
    expect(queued?.data).toEqual({ outboxId: ids[2] });
    expect(await queued?.isWaiting()).toBe(true);
    expect(await counted(metrics, "queued")).toBe(1);
    // Once a send ends, the next reply is sent here again.
    sender.finish(ids[0] ?? "", { wamid: "wamid.a" });
    await new Promise((resolve) => setImmediate(resolve));
    const later = randomUUID();
    await replies.handOff([later]);
    expect(sender.started.map((job) => job.data.outboxId)).toContain(later);
    sender.finish(ids[1] ?? "", { wamid: "wamid.b" });
    sender.finish(later, { wamid: "wamid.c" });
    await replies.drain();
  });

  it("when a send fails and may be tried again, then the reply is queued as an outbound job that waits the first backoff", async () => {
    const sender = scriptedSender();
    const metrics = createMetrics();
    const replies = handOffWith(sender, 4, metrics);
    const id = randomUUID();

    await replies.handOff([id]);
    sender.finish(id, { error: new Error("send failed (server_error); retrying") });
    await replies.drain();

    const job = await outbound.getJob(`out-${id}`);
    expect(job?.data).toEqual({ outboxId: id });
    expect(await job?.isDelayed()).toBe(true);
    expect(job?.opts.delay).toBe(OUTBOUND_BACKOFF_MS);
    expect(await counted(metrics, "retry")).toBe(1);
  });

  it("when a send fails for good, then nothing is queued (the sender recorded the failure)", async () => {
    const sender = scriptedSender();
    const metrics = createMetrics();
    const replies = handOffWith(sender, 4, metrics);
    const id = randomUUID();

    await replies.handOff([id]);
    sender.finish(id, { error: new UnrecoverableError("send failed (131047)") });
    await replies.drain();

    expect(await outbound.getJob(`out-${id}`)).toBeUndefined();
    expect(await counted(metrics, "retry")).toBe(0);
  });

  it("when the worker stops, then drain waits for the sends in flight", async () => {
    const sender = scriptedSender();
    const replies = handOffWith(sender, 4);
    const id = randomUUID();
    await replies.handOff([id]);
    let drained = false;
    const draining = replies.drain().then(() => {
      drained = true;
    });

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drained).toBe(false);
    sender.finish(id, { wamid: "wamid.done" });
    await draining;
    expect(drained).toBe(true);
  });
});
