import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DatabasePool } from "slonik";
import type { Config } from "./config.ts";
import { createDatabasePool } from "./db/pool.ts";
import { ensureFirstPlatformAdmin } from "./domain/platform/ensureFirstPlatformAdmin.ts";
import { createApp } from "./http/app.ts";
import { createQueueFactory, type QueueFactory } from "./jobs/queueFactory.ts";
import type { Logger } from "./logger.ts";

export type Role = "all" | "web" | "worker";

export type Runtime = {
  pool: DatabasePool;
  queues: QueueFactory;
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
  /** Listen host; 0.0.0.0 in containers, 127.0.0.1 in tests. */
  host?: string;
  /** Redis key prefix / queue schema, so parallel tests do not share queues. */
  queuePrefix?: string;
  queueSchema?: string;
};

/**
 * The composition root: wires config, pool, queues, HTTP routes and workers for a role, and
 * starts listening. `npm start` and the integration tests both start the app through here.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, log } = options;
  const pool = await createDatabasePool(options.databaseUrl);
  const queues = createQueueFactory({
    redisUrl: config.redisUrl,
    databaseUrl: options.databaseUrl,
    log,
    ...(options.queuePrefix === undefined ? {} : { prefix: options.queuePrefix }),
    ...(options.queueSchema === undefined ? {} : { schema: options.queueSchema }),
  });
  await ensureFirstPlatformAdmin(pool, config.platformAdmin, log);

  let server: Server | undefined;
  let url: string | undefined;
  if (options.role !== "worker") {
    const app = createApp({ config, log, pool, queues });
    server = await listen(app, config.port, options.host ?? "0.0.0.0");
    const address = server.address();
    const port = typeof address === "object" && address !== null ? (address satisfies AddressInfo).port : config.port;
    url = `http://127.0.0.1:${port}`;
    log.info({ port, role: options.role, queueBackend: queues.kind }, "http server listening");
  }

  return {
    pool,
    queues,
    server,
    url,
    async stop() {
      if (server !== undefined) await closeServer(server);
      await queues.closeWorkers();
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
