import {
  Queue,
  Worker,
  createPostgresBackend,
  type JobProgress,
  type JobsOptions,
  type PostgresConnectionOptions,
  type PostgresQueueBackend,
  type Processor,
  type WorkerOptions,
} from "bullmq";
import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "../logger.ts";

export type QueueBackendKind = "redis" | "postgres";

/** What the app uses of a queue, the same on both backends. Job data is parsed with zod by the
 * worker, so queues carry plain JSON objects. */
type RedisJobQueue = Queue<JobData, unknown, string, JobData, unknown, string>;
type PostgresJobQueue = Queue<
  JobData,
  unknown,
  string,
  JobData,
  unknown,
  string,
  PostgresQueueBackend,
  PostgresConnectionOptions
>;
export type JobQueue = Pick<
  RedisJobQueue,
  | "add"
  | "addBulk"
  | "getJob"
  | "getJobCounts"
  | "close"
  | "upsertJobScheduler"
  | "removeJobScheduler"
  | "obliterate"
  | "name"
>;
export type JobData = Record<string, unknown>;
export type JobWorker = { readonly name: string; close(): Promise<void>; isRunning(): boolean };
export type JobProcessor = Processor<JobData>;

export type WorkerSettings = {
  concurrency?: number;
  limiter?: WorkerOptions["limiter"];
  lockDuration?: number;
};

/**
 * The one place that builds BullMQ queues and workers: on Redis when REDIS_URL is set, on
 * BullMQ's PostgreSQL backend otherwise (docs/architecture.md, Queues). Everything else asks this factory, so the
 * two backends are interchangeable and both pass the same tests.
 */
export type QueueFactory = {
  readonly kind: QueueBackendKind;
  queue(name: string, defaultJobOptions?: JobsOptions): JobQueue;
  worker(name: string, processor: JobProcessor, settings?: WorkerSettings): JobWorker;
  /** Throws when the backend cannot be reached (readiness probe). */
  ping(): Promise<void>;
  /** Closes workers first, then queues, then connections. */
  close(): Promise<void>;
  closeWorkers(): Promise<void>;
};

export type QueueFactoryOptions = {
  redisUrl: string | undefined;
  databaseUrl: string;
  log: Logger;
  /** Redis key prefix; a hash tag keeps a queue's keys on one Redis Cluster slot. */
  prefix?: string;
  /** PostgreSQL schema of the queue tables (migrated by `npm run migrate`). */
  schema?: string;
};

/** Builds the queue factory for the configured backend. */
export function createQueueFactory(options: QueueFactoryOptions): QueueFactory {
  return options.redisUrl === undefined
    ? createPostgresQueueFactory(options)
    : createRedisQueueFactory(options.redisUrl, options);
}

function createRedisQueueFactory(redisUrl: string, options: QueueFactoryOptions): QueueFactory {
  const prefix = options.prefix ?? "{loyaltylaas}";
  const queues = new Map<string, JobQueue>();
  const workers: JobWorker[] = [];
  const redisOptions: RedisOptions = { lazyConnect: false };
  // Producers fail fast (an HTTP request must not hang on a dead Redis); workers wait forever.
  const producer = new Redis(redisUrl, { ...redisOptions, maxRetriesPerRequest: 1, connectTimeout: 2000 });
  producer.on("error", (err) => options.log.warn({ err }, "redis producer connection error"));

  return {
    kind: "redis",
    queue(name: string, defaultJobOptions?: JobsOptions): JobQueue {
      const existing = queues.get(name);
      if (existing !== undefined) return existing;
      const queue: RedisJobQueue = new Queue(name, { connection: producer, prefix, defaultJobOptions });
      queue.on("error", (err) => options.log.error({ err, queue: name }, "queue error"));
      queues.set(name, queue);
      return queue;
    },
    worker(name: string, processor: JobProcessor, settings: WorkerSettings = {}): JobWorker {
      const connection = new Redis(redisUrl, { ...redisOptions, maxRetriesPerRequest: null });
      connection.on("error", (err) => options.log.warn({ err }, "redis worker connection error"));
      const worker: Worker<JobData, unknown, string> = new Worker(name, processor, {
        connection,
        prefix,
        concurrency: settings.concurrency ?? 1,
        limiter: settings.limiter,
        lockDuration: settings.lockDuration ?? 30_000,
      });
      worker.on("error", (err) => options.log.error({ err, queue: name }, "worker error"));
      worker.on("closed", () => connection.disconnect());
      workers.push(worker);
      return worker;
    },
    async ping(): Promise<void> {
      const answer = await producer.ping();
      if (answer !== "PONG") throw new Error(`redis answered ${answer}`);
    },
    async closeWorkers(): Promise<void> {
      await Promise.all(workers.splice(0).map((w) => w.close()));
    },
    async close(): Promise<void> {
      await this.closeWorkers();
      await Promise.all([...queues.values()].map((q) => q.close()));
      queues.clear();
      producer.disconnect();
    },
  };
}

function createPostgresQueueFactory(options: QueueFactoryOptions): QueueFactory {
  const connection = { connectionString: options.databaseUrl, schema: options.schema ?? "bullmq", max: 5 };
  const queues = new Map<string, JobQueue>();
  const workers: JobWorker[] = [];
  let probe: JobQueue | undefined;

  const factory: QueueFactory = {
    kind: "postgres",
    queue(name: string, defaultJobOptions?: JobsOptions): JobQueue {
      const existing = queues.get(name);
      if (existing !== undefined) return existing;
      const queue: PostgresJobQueue = new Queue(name, { connection, defaultJobOptions }, createPostgresBackend);
      queue.on("error", (err) => options.log.error({ err, queue: name }, "queue error"));
      queues.set(name, queue);
      return queue;
    },
    worker(name: string, processor: JobProcessor, settings: WorkerSettings = {}): JobWorker {
      const worker: Worker<JobData, unknown, string, PostgresQueueBackend, JobProgress, PostgresConnectionOptions> =
        new Worker(
          name,
          processor,
          {
            connection,
            concurrency: settings.concurrency ?? 1,
            limiter: settings.limiter,
            lockDuration: settings.lockDuration ?? 30_000,
          },
          createPostgresBackend,
        );
      worker.on("error", (err) => options.log.error({ err, queue: name }, "worker error"));
      workers.push(worker);
      return worker;
    },
    async ping(): Promise<void> {
      probe ??= factory.queue("readiness-probe");
      await probe.getJobCounts("waiting");
    },
    async closeWorkers(): Promise<void> {
      await Promise.all(workers.splice(0).map((w) => w.close()));
    },
    async close(): Promise<void> {
      await factory.closeWorkers();
      await Promise.all([...queues.values()].map((q) => q.close()));
      queues.clear();
    },
  };
  return factory;
}
