import path from "node:path";
import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";
import { runMigrations as runQueueMigrations } from "bullmq";
import pg from "pg";
import type { Logger } from "../logger.ts";

const SQL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../sql");

/** The schema BullMQ's PostgreSQL backend lives in when no Redis is configured. */
export const QUEUE_SCHEMA = "bullmq";

/**
 * Applies the plain-SQL migrations in `sql/` with node-pg-migrate (one advisory lock, each file
 * in its own transaction, applied ones recorded in `pgmigrations`), then BullMQ's own schema
 * for its PostgreSQL backend. Running it again is a no-op.
 */
export async function migrate(
  databaseUrl: string,
  log: Logger,
  options: { queueSchema?: string } = {},
): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: SQL_DIR,
    migrationsTable: "pgmigrations",
    direction: "up",
    checkOrder: true,
    log: (message: string) => log.debug({ migration: message }, "migration"),
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const schema = options.queueSchema ?? QUEUE_SCHEMA;
    await runQueueMigrations(client, schema);
    await grantQueueSchema(client, schema);
  } finally {
    await client.end();
  }
  const names = applied.map((m) => m.name);
  log.info({ applied: names }, names.length === 0 ? "database up to date" : "migrations applied");
  return names;
}

/**
 * BullMQ's PostgreSQL backend connects as the login role itself (no SET ROLE), so the runtime
 * role (sql/0013d) gets the rights on the queue schema directly: its rows, not its definition.
 */
async function grantQueueSchema(client: pg.Client, schema: string): Promise<void> {
  const id = client.escapeIdentifier(schema);
  await client.query(`GRANT USAGE ON SCHEMA ${id} TO loyaltylaas_runtime`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${id} TO loyaltylaas_runtime`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${id} TO loyaltylaas_runtime`);
  await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${id} TO loyaltylaas_runtime`);
}
