import pg from "pg";
import { migrate } from "../../src/db/migrate.ts";
import { createLogger } from "../../src/logger.ts";

/** The server the tests use: the machine's PostgreSQL (started by .ci/run). */
export const TEST_PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and recreates an empty database. */
export async function createEmptyDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return databaseUrlFor(name);
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** The name of this run's database: one per run, so concurrent runs never share one. */
export const TEST_DATABASE = `loyaltylaas_test_${process.pid}`;

/** The shared, migrated database of one test run. */
export async function prepareTestDatabase(): Promise<string> {
  const url = await createEmptyDatabase(TEST_DATABASE);
  await migrate(url, createLogger("silent"));
  return url;
}
