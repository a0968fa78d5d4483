import { ConfigError, loadConfig } from "../config.ts";
import { loadEmbeddedPostgres } from "../db/loadEmbeddedPostgres.ts";
import { migrate } from "../db/migrate.ts";
import { createLogger } from "../logger.ts";

/** `npm run migrate`: applies sql/ (and BullMQ's queue schema) as MIGRATION_DATABASE_URL (the schema owner), else DATABASE_URL. */
try {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (config.databaseUrl === undefined) {
    const startEmbeddedPostgres = await loadEmbeddedPostgres();
    const embedded = await startEmbeddedPostgres(config.dataDir, log, { avoidPort: config.port });
    await migrate(embedded.databaseUrl, log);
    await embedded.stop();
  } else {
    await migrate(config.migrationDatabaseUrl ?? config.databaseUrl, log);
  }
} catch (err) {
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : `migrate failed: ${err instanceof Error ? err.message : String(err)}`}\n`,
  );
  process.exit(1);
}
