import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DatabasePool } from "slonik";
import type { Config } from "./config.ts";
import { createDatabasePool, roundTripsOf } from "./db/pool.ts";
import { ensureFirstPlatformAdmin } from "./domain/platform/ensureFirstPlatformAdmin.ts";
import { createApiRoutes } from "./http/api/createApiRoutes.ts";
import { createApp } from "./http/app.ts";
import { createMetricsRoutes } from "./http/metricsRoutes.ts";
import { createWebhookRoutes } from "./http/webhook/webhookRoutes.ts";
import { createInboundProcessor } from "./jobs/inboundWorker.ts";
import { createBroadcastSender } from "./jobs/broadcastSender.ts";
import { BROADCAST_SEND_JOB, createMessageQueues, INBOUND_QUEUE, OUTBOUND_QUEUE } from "./jobs/messageQueues.ts";
import { createOutboundProcessor } from "./jobs/outboundWorker.ts";
import { createReplyHandOff, type ReplyHandOff } from "./jobs/replyHandOff.ts";
import { createQueueFactory, type QueueFactory } from "./jobs/queueFactory.ts";
import { createSlidingWindowLimiter } from "./jobs/slidingWindowLimiter.ts";
import { createSweeper, type SweepResult } from "./jobs/sweeper.ts";
import { startScheduledJobs } from "./jobs/scheduled/startScheduledJobs.ts";
import type { Logger } from "./logger.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import { createGraphClient, type GraphClient } from "./whatsapp/graphClient.ts";
import { createSandbox } from "./sandbox/createSandbox.ts";

/** Measured with bench/inbound's max run: 32 slots sent 125 msg/s (most slots waited behind one person's earlier reply), 256 sent 274. */
const DEFAULT_OUTBOUND_CONCURRENCY = 256;

export type Role = "all" | "web" | "worker";

export type Runtime = {
  pool: DatabasePool;
  queues: QueueFactory;
  metrics: Metrics;
  /** Queues stranded rows again now (tests; the sweeper also runs on a timer). */
  sweepOnce(): Promise<SweepResult>;
  server: Server | undefined;
  url: string | undefined;
  /** Stops in order: HTTP, workers, queues, pool. */
  stop(): Promise<void>;
};

export type RuntimeOptions = {
  config: Config;
  log: Logger;
  databaseUrl: string;
  role: Role;
  /** Listen host; config.host (HOST) unless given. */
  host?: string;
  /** Redis key prefix / queue schema, so parallel tests do not share queues. */
  queuePrefix?: string;
  queueSchema?: string;
  /** Inbound worker concurrency (several jobs of different senders at once). */
  inboundConcurrency?: number;
  /**
   * Outbound jobs run at once (Graph API calls in flight, gated by the rate limiter). A job holds
   * no database connection (claims and records are coalesced), but a job whose reply waits
   * behind an earlier one to the same person holds its slot: replies come in clumps per person
   * under load, so slots must be many for many people to be served at once. Default 256.
   */
  outboundConcurrency?: number;
  /** Replaces the Graph API client (sandbox mode supplies its own). */
  graph?: GraphClient;
  sweeperIntervalMs?: number;
  /** Register the platform-wide job schedules (expiry, reminders, due broadcasts…); default true. */
  platformSchedules?: boolean;
};

/**
 * The composition root: wires config, pool, queues, HTTP routes and workers for a role, and
 * starts listening. `npm start` and the integration tests both start the app through here.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { log } = options;
  // Sandbox mode (no WhatsApp credentials, not production) runs with its own app secret and fake Graph API.
  const sandbox = createSandbox(options.config, log);
  const config = sandbox?.config ?? options.config;
  const pool = await createDatabasePool(options.databaseUrl, { maxPoolSize: config.databasePoolSize, platformSession: true });
  const queues = createQueueFactory({
    redisUrl: config.redisUrl,
    databaseUrl: options.databaseUrl,
    log,
    ...(options.queuePrefix === undefined ? {} : { prefix: options.queuePrefix }),
    ...(options.queueSchema === undefined ? {} : { schema: options.queueSchema }),
  });
  await ensureFirstPlatformAdmin(pool, config.platformAdmin, log);
  await sandbox?.prepare(pool);
  const metrics = createMetrics({ databaseRoundTrips: () => roundTripsOf(pool) });
  const messageQueues = createMessageQueues(queues);

  let broadcastSender: ReturnType<typeof createBroadcastSender> | undefined;
  let replies: ReplyHandOff | undefined;
  const sweeper = createSweeper({ pool, inbound: messageQueues.inbound, outbound: messageQueues.outbound, log, metrics });
  if (options.role !== "web") {
    const graph =
      options.graph ??
      sandbox?.graph ??
      createGraphClient({
        apiUrl: config.whatsapp.apiUrl,
        apiVersion: config.whatsapp.apiVersion,
        token: config.whatsapp.token ?? "sandbox",
      });
    // One limiter per process for replies and broadcasts: the limit is per sending number.
    const ratePerSecond = config.whatsapp.sendRatePerSecond;
    const limiter = createSlidingWindowLimiter(ratePerSecond);
    const sendReply = createOutboundProcessor({ pool, graph, limiter, log, metrics });
    const outboundConcurrency = options.outboundConcurrency ?? DEFAULT_OUTBOUND_CONCURRENCY;
    // The replies a message gets are sent by the process that wrote them, up to the outbound
    // worker's own concurrency; the queue takes overflow and retries.
    replies = createReplyHandOff({ sendReply, outbound: messageQueues.outbound, maxInFlight: outboundConcurrency, log, metrics });
    const sender = createBroadcastSender({ pool, graph, limiter, ratePerSecond, log, metrics });
    broadcastSender = sender;
    queues.worker(INBOUND_QUEUE, createInboundProcessor({ pool, config, log, metrics, replies }), {
      concurrency: options.inboundConcurrency ?? 8,
    });
    // Broadcast senders share the outbound queue: one long job per broadcast among the replies.
    queues.worker(OUTBOUND_QUEUE, (job, token) => (job.name === BROADCAST_SEND_JOB ? sender.process(job, token) : sendReply(job)), {
      concurrency: outboundConcurrency,
    });
    await startScheduledJobs({ pool, queues, config, log, outbound: messageQueues.outbound, schedules: options.platformSchedules ?? true });
    sweeper.start(options.sweeperIntervalMs);
  }

  let server: Server | undefined;
  let url: string | undefined;
  if (options.role !== "worker") {
    const app = createApp({
      config,
      log,
      pool,
      queues,
      rawRoutes: [createWebhookRoutes({ config, log, pool, inboundQueue: messageQueues.inbound, metrics }), createMetricsRoutes(metrics, { token: config.metricsToken })],
      routes: [createApiRoutes({ config, pool, queues }), ...(sandbox === null ? [] : [sandbox.routes(pool)])],
    });
    server = await listen(app, config.port, options.host ?? config.host);
    const address = server.address();
    const port = typeof address === "object" && address !== null ? (address satisfies AddressInfo).port : config.port;
    url = `http://127.0.0.1:${port}`;
    log.info({ host: options.host ?? config.host, port, role: options.role, queueBackend: queues.kind }, "http server listening");
    sandbox?.attach(url);
  }

  return {
    pool,
    queues,
    metrics,
    server,
    url,
    sweepOnce: () => sweeper.sweepOnce(),
    async stop() {
      sandbox?.stop();
      if (server !== undefined) await closeServer(server);
      sweeper.stop();
      // A broadcast sender runs until its broadcast is done: ask it to hand back what is unsent.
      broadcastSender?.stop();
      await queues.closeWorkers();
      // Replies handed off before the inbound worker closed are sent (or queued) before the queues close.
      await replies?.drain();
      await queues.close();
      await pool.end();
    },
  };
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
