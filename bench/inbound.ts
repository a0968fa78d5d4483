import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { pino } from "pino";
import type { Histogram } from "prom-client";
import { z } from "zod";
import { loadConfig } from "../src/config.ts";
import { roundTripsOf } from "../src/db/pool.ts";
import { OUTBOUND_QUEUE } from "../src/queues/messageQueues.ts";
import { createLogger } from "../src/logger.ts";
import { startRuntime, type Runtime } from "../src/runtime.ts";
import { addReward, createTestTenant, SHARED_PHONE_NUMBER_ID } from "../test/helpers/testApp.ts";
import { TEST_REDIS_URL } from "../test/helpers/testDatabase.ts";
import { createBenchDatabase, type BenchDatabase } from "./lib/benchDatabase.ts";
import { cpuPressure, createCpuMeter, type CpuUsage } from "./lib/cpuMeter.ts";
import { histogramTotals } from "./lib/histogramTotals.ts";
import { fromClientSchema, type FromClient, type PhaseResult, type PhaseSpec } from "./lib/inboundProtocol.ts";
import { intOption, parseOptions } from "./lib/parseOptions.ts";
import { describeMachine, machineLine, mb, ms, printTable, writeResult } from "./lib/report.ts";
import { round, summarize, type Summary } from "./lib/stats.ts";

/**
 * `npm run bench -- inbound`: customers chat through the real webhook (the web role started
 * in-process with `startRuntime`, `--workers` worker processes beside it, queues on Redis) to
 * a fake Graph API. After every customer
 * has JOINed a tenant, each sends `--messages` commands (BALANCE, REWARDS, HISTORY, MENU) at an
 * offered `--rate`; then a max-throughput run offers `--max-total` messages as fast as
 * `--max-concurrency` POSTs in flight allow. The load client is a child process, so making load
 * does not steal the app's event loop; both share the machine's cores with PostgreSQL and Redis.
 *
 * Besides the client's figures (webhook answer time, end-to-end time, messages per second) it
 * records where the time went: queue wait and run time of every outbound job (from BullMQ's job
 * timestamps; inbound has no queue: the inbox rows are drained from PostgreSQL), the app's own stage histograms, pg pool waiting clients, what
 * PostgreSQL backends were waiting on, the app's event loop, and CPU per message by process.
 * Targets (2 cores, Redis): ≥ 1,000 messages/s, webhook p99 < 20 ms, end-to-end p99 < 300 ms
 * at 500 messages/s.
 */
const options = parseOptions({
  customers: intOption(200, 20_000),
  messages: intOption(5, 1_000),
  rate: intOption(500, 20_000),
  maxInFlight: intOption(512, 10_000),
  maxTotal: intOption(5_000, 200_000),
  maxConcurrency: intOption(64, 2_048),
  maxSeconds: intOption(120, 1_200),
  drainSeconds: intOption(60, 600),
  inboundConcurrency: z.coerce.number().int().positive().max(1_000).optional(),
  /** Senders one drain transaction claims (the runtime's default when not given). */
  inboundDrainSenders: z.coerce.number().int().positive().max(1_000).optional(),
  outboundConcurrency: z.coerce.number().int().positive().max(1_000).optional(),
  /** Raised far above real traffic so the per-number send limiter is not what is measured. */
  sendRate: intOption(100_000, 10_000_000),
  queue: z.enum(["redis", "postgres"]).default("redis"),
  logLevel: z.enum(["info", "warn", "silent"]).default("info"),
  skipMax: z.enum(["true", "false"]).default("false"),
  /**
   * Worker processes beside the web process (as `npm start -- --role web` plus `--role worker`
   * processes in production); 0 runs web and workers in one process (`--role all`).
   */
  workers: z.coerce.number().int().min(0).max(8).default(1),
});

/** What a worker process (lib/inboundWorkerProcess.ts) tells the bench. */
const workerMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("spawned") }),
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("failed"), message: z.string() }),
  z.object({
    type: z.literal("stats"),
    engineTransaction: z.object({ sum: z.number(), count: z.number() }),
    graphApiCall: z.object({ sum: z.number(), count: z.number() }),
    roundTrips: z.object({ statements: z.number(), transactions: z.number() }),
    eventLoopUtilization: z.number(),
    rssBytes: z.number(),
    maxRssBytes: z.number(),
  }),
]);
const APP_SECRET = "bench-app-secret";
const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const queuePrefix = `{bench${process.pid}}`;

const machine = await describeMachine();
process.stdout.write(`inbound bench on ${machineLine(machine)}\n`);
process.stdout.write(
  `${options.customers} customers × ${options.messages} messages at ${options.rate}/s; max run ${options.maxTotal} messages, ${options.maxConcurrency} in flight; queues on ${options.queue}\n`,
);

let database: BenchDatabase | undefined;
let runtime: Runtime | undefined;
let client: ChildProcess | undefined;
const workers: WorkerProcess[] = [];
let monitor: pg.Client | undefined;
let redis: Redis | undefined;
let exitCode = 0;
const watchdog = setTimeout(() => {
  process.stderr.write("inbound bench: over its 30-minute bound, giving up\n");
  client?.kill();
  process.exit(1);
}, 30 * 60_000);
watchdog.unref();

try {
  database = await createBenchDatabase("inbound");
  const db = database;
  const loadClient = fork(path.join(BENCH_DIR, "lib/inboundClient.ts"), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  client = loadClient;
  const messages = createMailbox(loadClient);
  const ready = await messages.next();
  if (ready.type !== "ready") throw new Error("load client did not start");

  const env: Record<string, string> = {
    NODE_ENV: "production",
    PORT: "0",
    LOG_LEVEL: options.logLevel,
    DATABASE_URL: db.url,
    JWT_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    WHATSAPP_API_URL: ready.graphUrl,
    WHATSAPP_TOKEN: "bench-token",
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: "bench-verify-token",
    WHATSAPP_PHONE_NUMBER_ID: SHARED_PHONE_NUMBER_ID,
    WHATSAPP_SEND_RATE_PER_SECOND: String(options.sendRate),
    // Each bench customer sends far more than a person would (flood control is not what is measured).
    INBOUND_SENDER_RATE_PER_MINUTE: "1000000",
  };
  if (options.queue === "redis") env["REDIS_URL"] = TEST_REDIS_URL;
  const config = loadConfig(env);
  // Logs are written as in production (pino, JSON, redaction) but to /dev/null.
  const log = createLogger(options.logLevel, pino.destination({ dest: "/dev/null", sync: true }));
  const app = await startRuntime({
    config,
    log,
    databaseUrl: db.url,
    role: options.workers === 0 ? "all" : "web",
    host: "127.0.0.1",
    queuePrefix,
    ...(options.inboundConcurrency === undefined ? {} : { inboundConcurrency: options.inboundConcurrency }),
    ...(options.inboundDrainSenders === undefined ? {} : { inboundDrainSenders: options.inboundDrainSenders }),
    ...(options.outboundConcurrency === undefined ? {} : { outboundConcurrency: options.outboundConcurrency }),
  });
  runtime = app;
  for (let n = 0; n < options.workers; n += 1) {
    workers.push(
      await startWorkerProcess({
        type: "start",
        env,
        databaseUrl: db.url,
        queuePrefix,
        logLevel: options.logLevel,
        ...(options.inboundConcurrency === undefined ? {} : { inboundConcurrency: options.inboundConcurrency }),
        ...(options.inboundDrainSenders === undefined ? {} : { inboundDrainSenders: options.inboundDrainSenders }),
        ...(options.outboundConcurrency === undefined ? {} : { outboundConcurrency: options.outboundConcurrency }),
      }),
    );
  }
  const tenant = await createTestTenant(app.pool, { planSlug: "pro" });
  const rewards: [string, number][] = [
    ["Free coffee", 100],
    ["Free sandwich", 300],
    ["10% off", 500],
  ];
  for (const [name, points] of rewards) await addReward(app.pool, tenant, name, points);
  loadClient.send({
    type: "configure",
    target: {
      webhookUrl: `${app.url}/webhook`,
      appSecret: APP_SECRET,
      phoneNumberId: SHARED_PHONE_NUMBER_ID,
      vendorCode: tenant.vendorCode,
    },
  });

  const monitorClient = new pg.Client({ connectionString: db.url });
  monitor = monitorClient;
  await monitorClient.connect();
  if (options.queue === "redis") redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  const redisPid = redis === undefined ? undefined : await redisProcessId(redis);
  const meter = createCpuMeter({
    db: monitorClient,
    database: db.name,
    pids: {
      loadClient: loadClient.pid ?? 0,
      ...(redisPid === undefined ? {} : { redis: redisPid }),
      ...Object.fromEntries(workers.map((worker, n) => [`worker${n + 1}`, worker.pid])),
    },
  });
  const jobs = redis === undefined ? undefined : createJobReader(redis);

  const runPhase = async (spec: PhaseSpec): Promise<MeasuredPhase> => {
    process.stdout.write(`  phase ${spec.name}…`);
    const probe = startProbes(app, monitorClient, db.name);
    const workersBefore = await Promise.all(workers.map((worker) => worker.stats()));
    const metricsBefore = await stageMetrics(app, workersBefore);
    const tripsBefore = await countRoundTrips(app, workersBefore, redis);
    const cpuBefore = await meter.snapshot();
    loadClient.send({ type: "run", phase: spec });
    const answer = await messages.next();
    if (answer.type === "failed") throw new Error(`load client: ${answer.message}`);
    if (answer.type !== "done") throw new Error("load client: unexpected message");
    const cpuAfter = await meter.snapshot();
    const workersAfter = await Promise.all(workers.map((worker) => worker.stats()));
    const tripsAfter = await countRoundTrips(app, workersAfter, redis);
    const server = await probe.stop();
    const metricsAfter = await stageMetrics(app, workersAfter);
    const result = answer.result;
    const cpu = meter.between(cpuBefore, cpuAfter);
    const queueStages = jobs === undefined ? null : await jobs.stages(result.startedAtEpochMs, result.endedAtEpochMs);
    process.stdout.write(` ${result.completed}/${result.messagesSent} in ${cpu.wallSeconds} s\n`);
    return {
      client: result,
      server: { ...server, stageMeansMs: diffStageMetrics(metricsBefore, metricsAfter), queueStages },
      cpu: { ...cpu, perMessageMs: perMessage(cpu, result.completed) },
      roundTripsPerMessage: roundTripsPerMessage(tripsBefore, tripsAfter, result.completed),
    };
  };

  const pressureBefore = cpuPressure();
  const calibration = await runPhase({
    kind: "calibrate",
    name: "calibrate",
    commands: ["BALANCE", "REWARDS", "HISTORY", "MENU"],
    quietMs: 400,
  });
  const join = await runPhase({
    kind: "join",
    name: "join",
    customers: options.customers,
    concurrency: 32,
    drainSeconds: options.drainSeconds,
  });
  // A live system's tables have statistics (autovacuum analyzes them); this database was empty a
  // few seconds ago, and with no statistics the planner takes a busy table for an empty one (it
  // chose sequential scans of the messages table for the reply claims).
  await monitorClient.query("ANALYZE");
  const offered = await runPhase({
    kind: "rate",
    name: `rate${options.rate}`,
    customers: options.customers,
    messages: options.messages,
    rate: options.rate,
    maxInFlight: options.maxInFlight,
    drainSeconds: options.drainSeconds,
  });
  const max =
    options.skipMax === "true"
      ? null
      : await runPhase({
          kind: "max",
          name: "max",
          customers: options.customers,
          total: options.maxTotal,
          concurrency: options.maxConcurrency,
          seconds: options.maxSeconds,
          drainSeconds: options.drainSeconds,
        });
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const workerPeakRss = await Promise.all(workers.map(async (worker) => (await worker.stats()).maxRssBytes));
  const failedJobs = jobs === undefined ? null : await jobs.failedCounts();

  const result = {
    bench: "inbound",
    at: new Date().toISOString(),
    machine: {
      ...machine,
      loadAverageAtEnd: os.loadavg(),
      cpuPressureSome10s: { before: pressureBefore, after: cpuPressure() },
    },
    options: {
      ...options,
      inboundConcurrency: options.inboundConcurrency ?? "runtime default (8)",
      outboundConcurrency: options.outboundConcurrency ?? "runtime default (256)",
    },
    repliesPerCommand: calibration.client.repliesPerCommand,
    phases: { join, offered, max },
    peakRssBytes: peakRss,
    workerPeakRssBytes: workerPeakRss,
    failedJobs,
    targets: {
      sustainedMessagesPerSecond: {
        target: 1_000,
        measured: max?.client.processedPerSecond ?? null,
        met: (max?.client.processedPerSecond ?? 0) >= 1_000,
      },
      webhookP99Ms: { target: 20, measured: offered.client.webhookMs.p99, met: offered.client.webhookMs.p99 < 20 },
      endToEndP99Ms: { target: 300, measured: offered.client.endToEndMs.p99, met: offered.client.endToEndMs.p99 < 300 },
    },
  };

  printTable(`inbound: results (replies per command: ${JSON.stringify(calibration.client.repliesPerCommand)})`, [
    ...phaseRows(`offered ${options.rate}/s`, offered, { webhookTarget: true }),
    ...(max === null ? [] : phaseRows(`max (${options.maxConcurrency} in flight)`, max, { sustainedTarget: true })),
    ...phaseRows("join", join, {}),
    [
      options.workers === 0 ? "peak RSS (app process)" : "peak RSS (web process / workers)",
      options.workers === 0 ? mb(peakRss) : `${mb(peakRss)} / ${workerPeakRss.map(mb).join(", ")}`,
    ],
    ["failed queue jobs", failedJobs === null ? "n/a" : JSON.stringify(failedJobs)],
  ]);
  printTable("inbound: where the time went (p50 / p99, ms)", [
    ...stageRows(`offered ${options.rate}/s`, offered),
    ...(max === null ? [] : stageRows("max", max)),
  ]);
  const file = writeResult("inbound", result);
  process.stdout.write(`\nwritten ${file}\n`);
  const incomplete = [join, offered, max].some(
    (phase) => phase !== null && phase.client.completed < phase.client.messagesSent,
  );
  if (incomplete) exitCode = 1;
} catch (err) {
  process.stderr.write(`\ninbound bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  exitCode = 1;
} finally {
  await runtime?.stop().catch((err: unknown) => process.stderr.write(`runtime stop: ${String(err)}\n`));
  await Promise.all(workers.map((worker) => worker.stop()));
  client?.send({ type: "exit" });
  await monitor?.end().catch(() => undefined);
  if (redis !== undefined) {
    await obliterateQueues(redis).catch((err: unknown) => process.stderr.write(`queue cleanup: ${String(err)}\n`));
    redis.disconnect();
  }
  await database?.drop();
}
process.exit(exitCode);

type ServerProbe = {
  pool: { waitingClients: { mean: number; max: number }; acquiredConnections: { mean: number; max: number } };
  /** Mean number of the bench database's non-idle backends by wait event ("cpu" = running). */
  postgresActiveBackends: Record<string, number>;
  eventLoop: { utilization: number; delayMs: Summary };
  peakRssBytes: number;
};

type MeasuredPhase = {
  client: PhaseResult;
  server: ServerProbe & { stageMeansMs: Record<string, number | null>; queueStages: QueueStages | null };
  cpu: CpuUsage & { perMessageMs: Record<string, number> };
  roundTripsPerMessage: RoundTripCounts;
};

/** PostgreSQL round trips of the web process and of the workers (statements, plus BEGIN and COMMIT of each transaction), and Redis commands. */
type RoundTripCounts = { webPostgres: number; workerPostgres: number; redisCommands: number | null };

/**
 * Counts what the phase cost in round trips, the figure that does not vary with the machine's
 * speed: the pools' own counts (src/db/roundTrips.ts), and Redis's command counts (INFO
 * commandstats, which also counts the commands BullMQ's Lua scripts run).
 */
async function countRoundTrips(
  app: Runtime,
  workerStats: readonly WorkerStats[],
  connection: Redis | undefined,
): Promise<RoundTripCounts> {
  const trips = (counts: { statements: number; transactions: number }) => counts.statements + 2 * counts.transactions;
  const workerPostgres = workerStats.reduce((sum, stats) => sum + trips(stats.roundTrips), 0);
  const webPostgres = trips(roundTripsOf(app.pool));
  if (connection === undefined) return { webPostgres, workerPostgres, redisCommands: null };
  const info = await connection.info("commandstats");
  const redisCommands = [...info.matchAll(/^cmdstat_[^:]+:calls=(\d+)/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
  return { webPostgres, workerPostgres, redisCommands };
}

function roundTripsPerMessage(before: RoundTripCounts, after: RoundTripCounts, messages: number): RoundTripCounts {
  const per = (a: number, b: number) => (messages === 0 ? 0 : round((a - b) / messages, 2));
  return {
    webPostgres: per(after.webPostgres, before.webPostgres),
    workerPostgres: per(after.workerPostgres, before.workerPostgres),
    redisCommands:
      after.redisCommands === null || before.redisCommands === null
        ? null
        : per(after.redisCommands, before.redisCommands),
  };
}

/** Samples the app while a phase runs: pool, event loop, RSS, and PostgreSQL wait events. */
function startProbes(app: Runtime, db: pg.Client, databaseName: string): { stop(): Promise<ServerProbe> } {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const elu = performance.eventLoopUtilization();
  let samples = 0;
  let waitingSum = 0;
  let waitingMax = 0;
  let acquiredSum = 0;
  let acquiredMax = 0;
  let peakRss = process.memoryUsage.rss();
  const poolTimer = setInterval(() => {
    const state = app.pool.state();
    samples += 1;
    waitingSum += state.waitingClients;
    waitingMax = Math.max(waitingMax, state.waitingClients);
    acquiredSum += state.acquiredConnections;
    acquiredMax = Math.max(acquiredMax, state.acquiredConnections);
    if (samples % 5 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 10);
  let running = true;
  let waitSamples = 0;
  const waits = new Map<string, number>();
  const waitRow = z.object({ wait: z.string(), n: z.number() });
  const waitSampler = (async () => {
    while (running) {
      const result = await db.query(
        `SELECT COALESCE(wait_event_type || ':' || wait_event, 'cpu') AS wait, count(*)::int AS n
         FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid() AND state NOT IN ('idle')
         GROUP BY 1`,
        [databaseName],
      );
      waitSamples += 1;
      for (const row of z.array(waitRow).parse(result.rows)) waits.set(row.wait, (waits.get(row.wait) ?? 0) + row.n);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    async stop() {
      running = false;
      await waitSampler;
      clearInterval(poolTimer);
      loop.disable();
      const postgresActiveBackends: Record<string, number> = {};
      for (const [wait, n] of [...waits.entries()].sort((a, b) => b[1] - a[1]))
        postgresActiveBackends[wait] = round(n / Math.max(1, waitSamples), 2);
      return {
        pool: {
          waitingClients: { mean: round(waitingSum / Math.max(1, samples), 2), max: waitingMax },
          acquiredConnections: { mean: round(acquiredSum / Math.max(1, samples), 2), max: acquiredMax },
        },
        postgresActiveBackends,
        eventLoop: {
          utilization: round(performance.eventLoopUtilization(elu).utilization, 2),
          delayMs: {
            count: loop.count,
            mean: round(loop.mean / 1e6),
            p50: round(loop.percentile(50) / 1e6),
            p90: round(loop.percentile(90) / 1e6),
            p99: round(loop.percentile(99) / 1e6),
            max: round(loop.max / 1e6),
          },
        },
        peakRssBytes: peakRss,
      };
    },
  };
}

type StageTotals = Record<string, { sum: number; count: number }>;

/** Sum and count of the app's own stage histograms (seconds), over the web process and the workers. */
async function stageMetrics(app: Runtime, workerStats: readonly WorkerStats[]): Promise<StageTotals> {
  const histograms: Record<string, Histogram> = {
    webhookStoreAndQueue: app.metrics.webhookDuration,
    engineTransaction: app.metrics.engineDuration,
    graphApiCall: app.metrics.sendDuration,
  };
  const totals: StageTotals = {};
  for (const [name, histogram] of Object.entries(histograms)) totals[name] = await histogramTotals(histogram);
  for (const stats of workerStats) {
    for (const name of ["engineTransaction", "graphApiCall"] as const) {
      const total = totals[name] ?? { sum: 0, count: 0 };
      totals[name] = { sum: total.sum + stats[name].sum, count: total.count + stats[name].count };
    }
  }
  return totals;
}

type WorkerStats = Extract<z.infer<typeof workerMessageSchema>, { type: "stats" }>;
type WorkerProcess = { pid: number; stats(): Promise<WorkerStats>; stop(): Promise<void> };

/** Forks `lib/inboundWorkerProcess.ts`, starts its runtime and waits until its workers run. */
async function startWorkerProcess(start: Record<string, unknown>): Promise<WorkerProcess> {
  const child = fork(path.join(BENCH_DIR, "lib/inboundWorkerProcess.ts"), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting: Array<(message: z.infer<typeof workerMessageSchema>) => void> = [];
  child.on("message", (raw: unknown) => {
    const message = workerMessageSchema.parse(raw);
    if (message.type === "spawned") return;
    waiting.shift()?.(message);
  });
  const next = () => new Promise<z.infer<typeof workerMessageSchema>>((resolve) => waiting.push(resolve));
  const ask = async (command: Record<string, unknown>) => {
    const answer = next();
    child.send(command);
    const message = await answer;
    if (message.type === "failed") throw new Error(`worker process: ${message.message}`);
    return message;
  };
  await ask(start);
  return {
    pid: child.pid ?? 0,
    async stats() {
      const message = await ask({ type: "stats" });
      if (message.type !== "stats") throw new Error("worker process: unexpected answer to stats");
      return message;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.send({ type: "exit" });
      await exited;
    },
  };
}

function diffStageMetrics(before: StageTotals, after: StageTotals): Record<string, number | null> {
  const means: Record<string, number | null> = {};
  for (const [name, totals] of Object.entries(after)) {
    const count = totals.count - (before[name]?.count ?? 0);
    const sum = totals.sum - (before[name]?.sum ?? 0);
    means[name] = count === 0 ? null : round((sum / count) * 1000);
  }
  return means;
}

type QueueStages = { outboundWaitMs: Summary; outboundRunMs: Summary };

/** Reads BullMQ's own timestamps of completed jobs: added → started (wait) → finished (run). */
function createJobReader(connection: Redis) {
  const outbound = new Queue(OUTBOUND_QUEUE, { connection, prefix: queuePrefix });
  const timings = async (queue: Queue, from: number, to: number) => {
    const done = await queue.getJobs(["completed"], 0, -1, true);
    const wait: number[] = [];
    const run: number[] = [];
    for (const job of done) {
      if (job.timestamp < from || job.timestamp > to || job.processedOn === undefined || job.finishedOn === undefined)
        continue;
      wait.push(job.processedOn - job.timestamp);
      run.push(job.finishedOn - job.processedOn);
    }
    return { wait: summarize(wait), run: summarize(run) };
  };
  return {
    async stages(from: number, to: number): Promise<QueueStages> {
      const b = await timings(outbound, from, to);
      return { outboundWaitMs: b.wait, outboundRunMs: b.run };
    },
    async failedCounts(): Promise<{ outbound: number }> {
      const b = await outbound.getJobCounts("failed");
      return { outbound: b.failed ?? 0 };
    },
  };
}

/** Deletes every key under this run's queue prefix (the message queues and any the runtime adds). */
async function obliterateQueues(connection: Redis): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await connection.scan(cursor, "MATCH", `${queuePrefix}:*`, "COUNT", 1000);
    if (keys.length > 0) await connection.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}

async function redisProcessId(connection: Redis): Promise<number | undefined> {
  const info = await connection.info("server");
  const match = /process_id:(\d+)/.exec(info);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function perMessage(cpu: CpuUsage, messages: number): Record<string, number> {
  if (messages === 0) return {};
  const per: Record<string, number> = {
    app: round(cpu.selfMs / messages, 3),
    postgresBackends: round(cpu.postgresBackendsMs / messages, 3),
  };
  for (const [name, value] of Object.entries(cpu.pidsMs)) per[name] = round(value / messages, 3);
  return per;
}

/** A queue of the child's messages, read one at a time. */
function createMailbox(child: ChildProcess): { next(): Promise<FromClient> } {
  const buffered: FromClient[] = [];
  const waiting: Array<(message: FromClient) => void> = [];
  child.on("message", (raw: unknown) => {
    const message = fromClientSchema.parse(raw);
    const waiter = waiting.shift();
    if (waiter === undefined) buffered.push(message);
    else waiter(message);
  });
  child.on("exit", (code) => {
    for (const waiter of waiting.splice(0))
      waiter({ type: "failed", message: `load client exited (${code ?? "signal"})` });
  });
  return {
    next() {
      const message = buffered.shift();
      if (message !== undefined) return Promise.resolve(message);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

type Row = readonly [string, string | number];

function phaseRows(
  label: string,
  phase: MeasuredPhase,
  targets: { webhookTarget?: boolean; sustainedTarget?: boolean },
): Row[] {
  const c = phase.client;
  const rows: Row[] = [
    [
      label,
      `${c.completed.toLocaleString("en")} of ${c.messagesSent.toLocaleString("en")} answered, ${c.postsFailed} POSTs failed, ${c.missingReplies} missing replies`,
    ],
    [
      "  offered / processed msg/s",
      `${c.offeredPerSecond} / ${c.processedPerSecond} (steady ${c.steadyPerSecond})${targets.sustainedTarget === true ? ` (target ≥ 1,000) ${verdict(c.processedPerSecond >= 1_000)}` : ""}`,
    ],
    [
      "  webhook p50 / p99",
      `${ms(c.webhookMs.p50)} / ${ms(c.webhookMs.p99)}${targets.webhookTarget === true ? ` (target p99 < 20 ms) ${verdict(c.webhookMs.p99 < 20)}` : ""}`,
    ],
    [
      "  end-to-end p50 / p99",
      `${ms(c.endToEndMs.p50)} / ${ms(c.endToEndMs.p99)}${targets.webhookTarget === true ? ` (target p99 < 300 ms) ${verdict(c.endToEndMs.p99 < 300)}` : ""}`,
    ],
    [
      "  CPU ms per message",
      Object.entries(phase.cpu.perMessageMs)
        .map(([name, value]) => `${name} ${value}`)
        .join(", "),
    ],
    [
      "  round trips per message",
      `PostgreSQL: web ${phase.roundTripsPerMessage.webPostgres}, workers ${phase.roundTripsPerMessage.workerPostgres}; Redis commands ${phase.roundTripsPerMessage.redisCommands ?? "n/a"}`,
    ],
    [
      "  machine busy / others' share",
      `${(phase.cpu.machineBusy * 100).toFixed(0)}% / ${((phase.cpu.otherProcessesMs / (phase.cpu.wallSeconds * 1000 * phase.cpu.cores)) * 100).toFixed(0)}% of all cores`,
    ],
  ];
  if (c.sendLagMs.count > 0) rows.push(["  client send lag p99", ms(c.sendLagMs.p99)]);
  return rows;
}

function stageRows(label: string, phase: MeasuredPhase): Row[] {
  const q = phase.server.queueStages;
  const pair = (s: Summary) => `${s.p50.toFixed(1)} / ${s.p99.toFixed(1)}`;
  const means = phase.server.stageMeansMs;
  return [
    [label, ""],
    ["  webhook (client)", pair(phase.client.webhookMs)],
    ...(q === null
      ? []
      : ([
          ["  outbound queue wait", pair(q.outboundWaitMs)],
          ["  outbound job (claim, limiter, send, mark)", pair(q.outboundRunMs)],
        ] satisfies Row[])),
    [
      "  means: webhook / engine / graph call",
      `${means.webhookStoreAndQueue ?? "-"} / ${means.engineTransaction ?? "-"} / ${means.graphApiCall ?? "-"} ms`,
    ],
    [
      "  pg pool waiting clients mean / max",
      `${phase.server.pool.waitingClients.mean} / ${phase.server.pool.waitingClients.max} (acquired mean ${phase.server.pool.acquiredConnections.mean}, max ${phase.server.pool.acquiredConnections.max})`,
    ],
    [
      "  app event loop utilisation / delay p99",
      `${phase.server.eventLoop.utilization} / ${ms(phase.server.eventLoop.delayMs.p99)}`,
    ],
    [
      "  postgres backends by wait (mean)",
      Object.entries(phase.server.postgresActiveBackends)
        .slice(0, 4)
        .map(([w, n]) => `${w} ${n}`)
        .join(", "),
    ],
  ];
}

function verdict(met: boolean): string {
  return met ? "✓" : "✗ missed";
}
