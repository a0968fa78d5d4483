import { z } from "zod";
import { loadConfig } from "../src/config.ts";
import { createDatabasePool, type DatabasePool } from "../src/db/pool.ts";
import { sql } from "../src/db/sql.ts";
import { withPlatform, withTenant } from "../src/db/withTenant.ts";
import { cancelBroadcast } from "../src/domain/broadcasts/cancelBroadcast.ts";
import { createBroadcast } from "../src/domain/broadcasts/createBroadcast.ts";
import { sendBroadcastNow } from "../src/domain/broadcasts/sendBroadcastNow.ts";
import { startBroadcast } from "../src/domain/broadcasts/startBroadcast.ts";
import { createMessageQueues, enqueueBroadcastSend } from "../src/queues/messageQueues.ts";
import { createQueueFactory } from "../src/queues/queueFactory.ts";
import { enqueueBroadcastStart } from "../src/jobs/scheduled/enqueueBroadcastStart.ts";
import { createLogger } from "../src/logger.ts";
import { startRuntime } from "../src/runtime.ts";
import { startFakeGraphProcess } from "./lib/fakeGraphProcess.ts";
import { TEST_REDIS_URL } from "../test/helpers/testDatabase.ts";
import { Redis } from "ioredis";
import { createBenchDatabase, type BenchDatabase } from "./lib/benchDatabase.ts";
import { intOption, parseOptions } from "./lib/parseOptions.ts";
import { describeMachine, machineLine, ms, printTable, writeResult } from "./lib/report.ts";
import { round } from "./lib/stats.ts";

/**
 * `npm run bench -- broadcast`: one broadcast to every one of 100,000 customers.
 * 1. Fan-out: `startBroadcast` (segment resolved and one outbox row per recipient written in
 *    one INSERT … SELECT, in one tenant transaction), then queueing the broadcast's sender (one
 *    job that claims and sends the rows in batches). Target (2 cores): < 10 s for the fan-out.
 * 2. Sending: the real runtime (worker role, Redis queues) sends a fresh broadcast to the fake
 *    Graph API with WHATSAPP_SEND_RATE_PER_SECOND at each limit for `--send-seconds`; the
 *    busiest sliding second (by arrival at the fake) must not exceed the limit and the average
 *    must be ≥ 97 % of it. The rest of the broadcast is cancelled afterwards.
 */
const options = parseOptions({
  customers: intOption(100_000, 1_000_000),
  sendSeconds: intOption(15, 120),
  limits: z.string().default("80,1000"),
  concurrency: intOption(64, 512),
  keepDatabase: z.enum(["true", "false"]).default("false"),
});
const limits = options.limits.split(",").map((value) => z.coerce.number().int().positive().max(10_000).parse(value));
const PHONE_NUMBER_ID = "109876543210987";

const machine = await describeMachine();
process.stdout.write(
  `broadcast bench on ${machineLine(machine)}\n${options.customers.toLocaleString("en")} customers, send window ${options.sendSeconds} s at ${limits.join(", ")}/s\n`,
);

let database: BenchDatabase | undefined;
let pool: DatabasePool | undefined;
let exitCode = 0;
const watchdog = setTimeout(() => {
  process.stderr.write("broadcast bench: over its 15-minute bound, giving up\n");
  process.exit(1);
}, 15 * 60_000);

try {
  database = await createBenchDatabase("broadcast");
  pool = await createDatabasePool(database.url, { maxPoolSize: 40, statementTimeoutMs: 120_000 });
  const tenantId = await seed(pool, options.customers);

  // 1. Fan-out, measured directly.
  const fanout = await measureFanOut(pool, database.url, tenantId);
  printTable("fan-out of one broadcast to every customer", [
    ["recipients", fanout.recipients.toLocaleString("en")],
    ["segment + outbox rows (one transaction)", ms(fanout.fanOutMs)],
    ["queue the broadcast's sender job (Redis)", ms(fanout.enqueueMs)],
    ["target", "< 10,000 ms for the fan-out"],
  ]);
  if (fanout.fanOutMs >= 10_000) exitCode = 1;

  // 2. Send rate through the real worker at each limit.
  const sends: SendFigures[] = [];
  for (const limit of limits) {
    const figures = await measureSending(pool, database.url, tenantId, limit);
    sends.push(figures);
    printTable(`sending at WHATSAPP_SEND_RATE_PER_SECOND=${limit}`, [
      ["measured window", `${figures.windowSeconds} s`],
      ["messages sent in window", figures.sentInWindow.toLocaleString("en")],
      ["average rate", `${figures.averagePerSecond}/s (${figures.averagePercent} % of limit)`],
      ["busiest sliding second", `${figures.busiestSecond} (limit ${limit})`],
      ["first send after start job queued", ms(figures.firstSendMs)],
      ["mean Graph API call (grant to answer seen)", ms(figures.meanCallMs)],
      ["verdict", figures.ok ? "ok" : "FAILED (busiest > limit or average < 97 %)"],
    ]);
    if (!figures.ok) exitCode = 1;
  }
  const file = writeResult("broadcast", { machine, options, fanout, sends });
  process.stdout.write(`\nresult written to ${file}\n`);
} catch (err) {
  process.stderr.write(`broadcast bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await pool?.end();
  if (options.keepDatabase === "true") process.stdout.write(`database kept: ${database?.name ?? "none"}\n`);
  else await database?.drop();
}
process.exit(exitCode);

/** One tenant on the unlimited plan with `customers` opted-in customers, loaded in one statement. */
async function seed(db: DatabasePool, customers: number): Promise<string> {
  const started = performance.now();
  const tenantId = await withPlatform(db, async (tx) => {
    const id = await tx.oneFirst(sql.type(z.object({ id: z.string() }))`
      INSERT INTO tenants (business_name, slug, vendor_code, phone_number, subscription_status, subscription_plan_id, settings)
      VALUES ('Bench Shop', 'bench-shop', 'BENCH1', '2348000000001', 'active', (SELECT id FROM subscription_plans WHERE slug = 'pro'),
              '{"timezone": "Africa/Lagos"}')
      RETURNING id`);
    await tx.query(sql.type(z.object({}).loose())`
      INSERT INTO customers (tenant_id, phone_number, opted_in, loyalty_status, tags, created_at)
      SELECT ${id}, (2348100000000 + g)::text, true, 'active', '["all"]'::jsonb, now() - (g || ' seconds')::interval
      FROM generate_series(1, ${customers}) AS g`);
    return id;
  });
  await db.query(sql.type(z.object({}).loose())`ANALYZE customers`);
  process.stdout.write(`seeded ${customers.toLocaleString("en")} customers in ${ms(performance.now() - started)}\n`);
  return tenantId;
}

async function newBroadcast(db: DatabasePool, tenantId: string, name: string): Promise<string> {
  const created = await withTenant(db, tenantId, (tx) =>
    createBroadcast(tx, {
      tenantId,
      name,
      messageContent: "Double points all weekend!",
      targetSegment: {},
      userId: null,
    }),
  );
  if (!created.ok) throw new Error(created.message);
  return created.broadcast.id;
}

async function measureFanOut(db: DatabasePool, databaseUrl: string, tenantId: string) {
  const broadcastId = await newBroadcast(db, tenantId, "fan-out");
  const started = performance.now();
  const result = await withTenant(db, tenantId, (tx) =>
    startBroadcast(tx, { tenantId, broadcastId, now: new Date(), defaultPhoneNumberId: PHONE_NUMBER_ID }),
  );
  const fanOutMs = performance.now() - started;
  if (!result.ok) throw new Error(result.message);

  const log = createLogger("silent");
  const queues = createQueueFactory({ redisUrl: TEST_REDIS_URL, databaseUrl, log, prefix: `{bench${process.pid}}` });
  const { outbound } = createMessageQueues(queues);
  const enqueueStarted = performance.now();
  await enqueueBroadcastSend(outbound, { tenantId, broadcastId });
  const enqueueMs = performance.now() - enqueueStarted;
  await outbound.obliterate({ force: true });
  await queues.close();
  // Nothing of this broadcast is sent: cancel it so the send runs below start clean.
  await withTenant(db, tenantId, (tx) => cancelBroadcast(tx, { tenantId, broadcastId, userId: null, now: new Date() }));
  return { recipients: result.recipients, fanOutMs: round(fanOutMs), enqueueMs: round(enqueueMs) };
}

type SendFigures = {
  limit: number;
  windowSeconds: number;
  sentInWindow: number;
  averagePerSecond: number;
  averagePercent: number;
  busiestSecond: number;
  firstSendMs: number;
  meanCallMs: number;
  ok: boolean;
};

async function measureSending(
  db: DatabasePool,
  databaseUrl: string,
  tenantId: string,
  limit: number,
): Promise<SendFigures> {
  // Out of process: arrival times are taken where the app's busy event loop cannot delay them.
  const graph = await startFakeGraphProcess();
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "silent",
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    JWT_SECRET: "bench-secret-bench-secret-bench-secret-01",
    WHATSAPP_APP_SECRET: "bench-app-secret",
    WHATSAPP_VERIFY_TOKEN: "bench",
    WHATSAPP_TOKEN: "bench-token",
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_API_URL: graph.url,
    WHATSAPP_SEND_RATE_PER_SECOND: String(limit),
  });
  const runtime = await startRuntime({
    config,
    log: createLogger("silent"),
    databaseUrl,
    role: "worker",
    queuePrefix: `{bench${process.pid}l${limit}}`,
    outboundConcurrency: options.concurrency,
  });
  const broadcastId = await newBroadcast(db, tenantId, `send at ${limit}/s`);
  try {
    const due = await withTenant(db, tenantId, (tx) =>
      sendBroadcastNow(tx, { tenantId, broadcastId, now: new Date() }),
    );
    if (!due.ok) throw new Error(due.message);
    const queuedAt = Date.now();
    await enqueueBroadcastStart(runtime.queues, { tenantId, broadcastId });
    const firstAt = await firstArrival(graph, 180_000, queuedAt);
    // Skip the first second (workers warming up), then measure the window.
    const windowStart = firstAt + 1000;
    const windowEnd = windowStart + options.sendSeconds * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, windowEnd - Date.now() + 200)));
    const stamps = (await graph.arrivals()).sort((a, b) => a - b);
    const inWindow = stamps.filter((at) => at >= windowStart && at < windowEnd);
    const busiestSecond = busiestSlidingSecond(stamps);
    const averagePerSecond = round(inWindow.length / options.sendSeconds, 1);
    const averagePercent = round((averagePerSecond / limit) * 100, 1);
    const calls = (await runtime.metrics.sendDuration.get()).values;
    const callSeconds = calls.find((v) => v.metricName?.endsWith("_sum") === true)?.value ?? 0;
    const callCount = calls.find((v) => v.metricName?.endsWith("_count") === true)?.value ?? 0;
    return {
      limit,
      windowSeconds: options.sendSeconds,
      sentInWindow: inWindow.length,
      averagePerSecond,
      averagePercent,
      busiestSecond,
      firstSendMs: firstAt - queuedAt,
      meanCallMs: callCount === 0 ? 0 : round((callSeconds / callCount) * 1000, 1),
      ok: busiestSecond <= limit && averagePercent >= 97,
    };
  } finally {
    // Stop sending first (the broadcast sender records its sends in flight and hands back its
    // claims), then cancel what is left so the next limit starts clean.
    await runtime.stop();
    await deleteRedisPrefix(`{bench${process.pid}l${limit}}`);
    await graph.close();
    await withTenant(db, tenantId, (tx) =>
      cancelBroadcast(tx, { tenantId, broadcastId, userId: null, now: new Date() }),
    );
  }
}

/** The most arrivals within any 1,000 ms window (two pointers over sorted times). */
function busiestSlidingSecond(sorted: readonly number[]): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= 1000) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Deletes every Redis key under a run's queue prefix (inbound, outbound and scheduled queues). */
async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

/** The time the first message reached the fake (polled), or `fallback` after `timeoutMs`. */
async function firstArrival(
  graph: { arrivals(): Promise<number[]> },
  timeoutMs: number,
  fallback: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const arrivals = await graph.arrivals();
    if (arrivals.length > 0) return Math.min(...arrivals);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return fallback;
}
