import { parseArgs } from "node:util";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { loadEmbeddedPostgres } from "./db/loadEmbeddedPostgres.ts";
import { migrate } from "./db/migrate.ts";
import { createLogger, flushLogs } from "./logger.ts";
import { startRuntime, type Role } from "./runtime.ts";

const SHUTDOWN_DEADLINE_MS = 10_000;

/** `npm start [-- --role web|worker]`: the HTTP server and the workers. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { role: { type: "string", default: "all" } } });
  const role = parseRole(values.role);
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const startedAt = performance.now();

  let databaseUrl = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (databaseUrl === undefined) {
    const startEmbeddedPostgres = await loadEmbeddedPostgres().catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
    const embedded = await startEmbeddedPostgres(config.dataDir, log, {
      ...(config.embeddedPgPort === undefined ? {} : { port: config.embeddedPgPort }),
      avoidPort: config.port,
    });
    databaseUrl = embedded.databaseUrl;
    stopEmbedded = embedded.stop;
  }
  // Migrations run as the schema owner; the app then connects as the runtime role (docs/security.md).
  const migrationUrl = config.databaseUrl === undefined ? databaseUrl : (config.migrationDatabaseUrl ?? databaseUrl);
  if (config.migrateOnStart) await migrate(migrationUrl, log);
  const runtime = await startRuntime({ config, log, databaseUrl, role });
  log.info({ role, bootMs: Math.round(performance.now() - startedAt), url: runtime.url }, "loyaltylaas started");

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const deadline = setTimeout(() => {
      log.error("shutdown took longer than 10 s; exiting");
      flushLogs(log);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    runtime
      .stop()
      .then(() => stopEmbedded?.())
      .then(() => {
        log.info("stopped");
        flushLogs(log);
        process.exit(0);
      })
      .catch((err: unknown) => {
        log.error({ err }, "error while shutting down");
        flushLogs(log);
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

function parseRole(value: string | undefined): Role {
  if (value === "all" || value === "web" || value === "worker") return value;
  process.stderr.write(`--role must be web, worker or all (got ${String(value)})\n`);
  process.exit(1);
}

await main();
