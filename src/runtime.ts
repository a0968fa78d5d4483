import { createInvoicePaymentLink } from "./domain/billing/createInvoicePaymentLink.ts";
import { enqueueBroadcastStart } from "./jobs/scheduled/enqueueBroadcastStart.ts";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DatabasePool } from "slonik";
import type { Config } from "./config.ts";
import { createDatabasePool, roundTripsOf } from "./db/pool.ts";
import { ensureFirstPlatformAdmin } from "./domain/platform/ensureFirstPlatformAdmin.ts";
import { createApiRoutes } from "./http/api/createApiRoutes.ts";
import { createApiDocsRoutes } from "./http/apiDocs/createApiDocsRoutes.ts";
import { createApp } from "./http/app.ts";
import { createMetricsRoutes } from "./http/metricsRoutes.ts";
import { createWebRoutes } from "./http/web/webRoutes.ts";
import { createWebhookRoutes } from "./http/webhook/webhookRoutes.ts";
import { createBroadcastSender } from "./jobs/broadcastSender.ts";
import { BROADCAST_SEND_JOB, createMessageQueues, OUTBOUND_QUEUE } from "./queues/messageQueues.ts";
import { createOutboundProcessor } from "./jobs/outboundWorker.ts";
import { createReplyHandOff, type ReplyHandOff } from "./jobs/replyHandOff.ts";
import { createQueueFactory, type QueueFactory } from "./queues/queueFactory.ts";
import { createSlidingWindowLimiter } from "./queues/slidingWindowLimiter.ts";
import { createSweeper, type SweepResult } from "./jobs/sweeper.ts";
import { createInboundDrainer, type InboundDrainer } from "./jobs/inboundDrainer.ts";
import type { Drained } from "./conversation/handleInbound.ts";
import type { InboxScope } from "./db/inboxScope.ts";
import { openWorkerSession, type WorkerSession } from "./db/workerSession.ts";
import { startScheduledJobs } from "./jobs/scheduled/startScheduledJobs.ts";
import type { Logger } from "./logger.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import type { MediaDownloader } from "./whatsapp/downloadMedia.ts";
import { createGraphClient, type GraphClient } from "./whatsapp/graphClient.ts";
import { createSandbox } from "./sandbox/createSandbox.ts";
import { createPaystackGateway } from "./paystack/createPaystackGateway.ts";
import { createPaystackWebhookRoutes } from "./http/webhook/paystackWebhookRoutes.ts";

/** Senders claimed per drain transaction (bench/inbound: see docs/benchmarks-inbound.md). */
const DEFAULT_DRAIN_SENDERS = 8;
/** Most of one sender's messages read in one drain transaction: a flood never makes one unbounded. */
const MAX_MESSAGES_PER_SENDER = 50;
/** Most of one sender's messages handled in one drain transaction (the others of the batch wait for them). */
const MAX_HANDLED_PER_SENDER = 4;

/** Measured with bench/inbound's max run: 32 slots sent 125 msg/s (most slots waited behind one person's earlier reply), 256 sent 274. */
const DEFAULT_OUTBOUND_CONCURRENCY = 256;

export type Role = "all" | "web" | "worker";

export type Runtime = {
  pool: DatabasePool;
  queues: QueueFactory;
  metrics: Metrics;
  /** Picks up stranded replies now (tests; the sweeper also runs on a timer). */
  sweepOnce(): Promise<SweepResult>;
  /** Drains the inbox once now (tests; workers drain on NOTIFY and by polling); nothing on a web-only runtime. */
  drainOnce(): Promise<Drained>;
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
  /** Inbound drain loops run at once (each holds its senders' locks in its own transaction). */
  inboundConcurrency?: number;
  /** Most senders one drain transaction claims; default {@link DEFAULT_DRAIN_SENDERS}. */
  inboundDrainSenders?: number;
  /**
   * Outbound jobs run at once (Graph API calls in flight, gated by the rate limiter). A job holds
   * no database connection (claims and records are coalesced), but a job whose reply waits
   * behind an earlier one to the same person holds its slot: replies come in clumps per person
   * under load, so slots must be many for many people to be served at once. Default 256.
   */
  outboundConcurrency?: number;
  /** Replaces the Graph API client (sandbox mode supplies its own). */
  graph?: GraphClient;
  /** Replaces the inbound-photo downloader (sandbox mode supplies its own; unset: Graph API from config). */
  downloadMedia?: MediaDownloader;
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
  const pool = await createDatabasePool(options.databaseUrl, {
    maxPoolSize: config.databasePoolSize,
    platformSession: true,
  });
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
  // Billing's Paystack: the real API, the sandbox fake (no key, not production), or none.
  const paystack = createPaystackGateway(config, log);
  const messageQueues = createMessageQueues(queues);

  let broadcastSender: ReturnType<typeof createBroadcastSender> | undefined;
  let replies: ReplyHandOff | undefined;
  let drainer: InboundDrainer | undefined;
  let workerSession: WorkerSession | undefined;
  if (options.role !== "web") {
    // The worker's own session: LISTEN for the webhook's NOTIFY, and the lease its reply claims name.
    const scope = inboxScopeOf(config);
    workerSession = await openWorkerSession(options.databaseUrl, log, (phoneNumberIds) => {
      if (scope.all || phoneNumberIds.some((id) => scope.phoneNumberIds.includes(id))) drainer?.wake();
    });
  }
  const session = workerSession;
  if (options.role !== "web" && session !== undefined) {
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
    const sendReply = createOutboundProcessor({ pool, graph, limiter, log, metrics, leaseId: () => session.leaseId });
    const outboundConcurrency = options.outboundConcurrency ?? DEFAULT_OUTBOUND_CONCURRENCY;
    // The replies a message gets are sent by the process that wrote them, up to the outbound
    // worker's own concurrency; the queue takes overflow and retries.
    replies = createReplyHandOff({
      sendReply,
      outbound: messageQueues.outbound,
      maxInFlight: outboundConcurrency,
      log,
      metrics,
    });
    const sender = createBroadcastSender({ pool, graph, limiter, ratePerSecond, log, metrics });
    broadcastSender = sender;
    const scope = inboxScopeOf(config);
    const drainSenders = options.inboundDrainSenders ?? DEFAULT_DRAIN_SENDERS;
    const downloadMedia = options.downloadMedia ?? sandbox?.graph.downloadMedia;
    drainer = createInboundDrainer({
      pool,
      config,
      log,
      metrics,
      replies,
      startBroadcast: (input) => enqueueBroadcastStart(queues, input),
      paymentLink: async (input) => {
        const link = await createInvoicePaymentLink({ pool, paystack: paystack.client }, input);
        return link.ok ? link.authorizationUrl : null;
      },
      ...(downloadMedia === undefined ? {} : { downloadMedia }),
      concurrency: options.inboundConcurrency ?? 8,
      options: () => ({
        scope,
        maxSenders: drainSenders,
        maxPerSender: MAX_MESSAGES_PER_SENDER,
        maxHandledPerSender: MAX_HANDLED_PER_SENDER,
        senderRatePerMinute: config.inbound.senderRatePerMinute,
        leaseId: session.leaseId,
      }),
    });
    drainer.start();
    // Broadcast senders share the outbound queue: one long job per broadcast among the replies.
    queues.worker(
      OUTBOUND_QUEUE,
      (job, token) => (job.name === BROADCAST_SEND_JOB ? sender.process(job, token) : sendReply(job)),
      {
        concurrency: outboundConcurrency,
      },
    );
    await startScheduledJobs({
      pool,
      queues,
      config,
      log,
      outbound: messageQueues.outbound,
      schedules: options.platformSchedules ?? true,
      paystack: paystack.client,
    });
  }
  const sweeper = createSweeper({
    pool,
    outbound: messageQueues.outbound,
    scope: inboxScopeOf(config),
    replies,
    log,
    metrics,
  });
  if (options.role !== "web") {
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
      rawRoutes: [
        createWebhookRoutes({ config, log, pool, metrics }),
        createMetricsRoutes(metrics, { token: config.metricsToken }),
        createPaystackWebhookRoutes({ pool, log, gateway: paystack }),
      ],
      routes: [
        createApiRoutes({ config, pool, queues, paystack: paystack.client }),
        createApiDocsRoutes(),
        createWebRoutes({ log }),
        ...(sandbox === null ? [] : [sandbox.routes(pool)]),
        ...(paystack.sandboxRoutes === null ? [] : [paystack.sandboxRoutes]),
      ],
    });
    server = await listen(app, config.port, options.host ?? config.host);
    const address = server.address();
    const port = typeof address === "object" && address !== null ? (address satisfies AddressInfo).port : config.port;
    url = `http://127.0.0.1:${port}`;
    log.info(
      { host: options.host ?? config.host, port, role: options.role, queueBackend: queues.kind },
      "http server listening",
    );
    sandbox?.attach(url);
    paystack.attach(url);
  }

  return {
    pool,
    queues,
    metrics,
    server,
    url,
    sweepOnce: () => sweeper.sweepOnce(),
    drainOnce: () =>
      drainer?.drainOnce() ?? Promise.resolve({ senders: 0, handled: 0, skipped: 0, outboxIds: [], afterCommit: [] }),
    async stop() {
      sandbox?.stop();
      if (server !== undefined) await closeServer(server);
      sweeper.stop();
      // A broadcast sender runs until its broadcast is done: ask it to hand back what is unsent.
      broadcastSender?.stop();
      await drainer?.stop();
      await queues.closeWorkers();
      // Replies handed off before the drains stopped are sent (or queued) before the queues close.
      await replies?.drain();
      await queues.close();
      await workerSession?.close();
      await pool.end();
    },
  };
}

/**
 * The numbers this process drains (docs/architecture.md, "How an inbound message travels"):
 * INBOUND_PHONE_NUMBER_IDS when set (processes configured per number, or several deployments
 * sharing one database), otherwise every number.
 */
function inboxScopeOf(config: Config): InboxScope {
  const ids = config.inbound.phoneNumberIds;
  return ids === undefined ? { all: true } : { all: false, phoneNumberIds: ids };
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
