import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, messagesOf, stopAndClean } from "../../helpers/conversationKit.ts";
import { recipientOf, startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";
import { TEST_REDIS_URL } from "../../helpers/testDatabase.ts";

/**
 * Redis loses its data under load (issue #14). Only this app's key space is flushed: other test
 * runs share the machine's Redis.
 */
let app: TestApp;
let redis: Redis;

beforeAll(async () => {
  app = await startTestApp({ backend: "redis" });
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  redis.disconnect();
  await stopAndClean(app);
});

/** Deletes every key of this app's queues, as FLUSHALL (or a Redis restart without persistence) would. */
async function flushAppKeys(): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${app.queuePrefix}:*`, "COUNT", 1000);
    if (keys.length > 0) deleted += await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  return deleted;
}

async function replyStatusesOf(phone: string): Promise<(string | null)[]> {
  return (await messagesOf(app.pool, phone))
    .filter((row) => row.direction === "outbound")
    .map((row) => row.whatsapp_status);
}

function repliesTo(phone: string): number {
  return app.graph.requests.filter((r) => recipientOf(r) === phone).length;
}

describe("Redis flushed under load", () => {
  it("when Redis loses its data while people chat, then every message is still answered, and a reply whose retry job was lost is sent 5 s after its last try (within 8 s of the flush)", async () => {
    const phones = Array.from({ length: 10 }, () => randomPhone());
    const unlucky = randomPhone();
    // The unlucky person's reply fails until Redis is flushed: its retry waits in Redis as a delayed job.
    let flushed = false;
    app.graph.respondWith((req) => {
      if (recipientOf(req) !== unlucky || flushed) return undefined;
      return {
        status: 500,
        body: { error: { message: "Service temporarily unavailable", type: "OAuthException", code: 2 } },
      };
    });
    await app.sendText(unlucky, "hi");
    await eventually(async () => expect(await replyStatusesOf(unlucky)).toEqual(["queued"]));

    let sent = 0;
    const load = Promise.all(
      phones.map(async (phone, n) => {
        for (let round = 0; round < 6; round += 1) {
          await app.sendText(phone, `hi ${n}.${round}`);
          sent += 1;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const flushedAt = Date.now();
    flushed = true;
    expect(await flushAppKeys()).toBeGreaterThan(0);
    await load;

    for (const phone of phones) await app.repliesTo(phone, 6);
    expect(sent).toBe(60);
    expect(phones.map(repliesTo)).toEqual(phones.map(() => 6));
    // The retry's job went with Redis's data; the sweeper finds the row queued 5 s after its last
    // try (it sweeps every 2 s) and sends it.
    await eventually(async () => expect(await replyStatusesOf(unlucky)).toEqual(["sent"]), 15_000);
    const recoveredMs = Date.now() - flushedAt;
    expect(recoveredMs).toBeLessThan(5_000 + 2_000 + 1_000);
    expect(app.logs.lines.some((l) => l.msg === "sweeper picked up stranded replies")).toBe(true);
  }, 60_000);
});
