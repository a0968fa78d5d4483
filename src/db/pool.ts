import { createPool, SchemaValidationError, type DatabasePool, type Interceptor, type QueryResultRow } from "slonik";
import { z } from "zod";
import { parseSafeInteger } from "./parseSafeInteger.ts";
import { createRoundTripCounter, type RoundTrips } from "./roundTrips.ts";
import { sql } from "./sql.ts";
import { markPlatformSession, PLATFORM_ROLE } from "./withTenant.ts";

export type { DatabasePool };

/**
 * Validates every row of a `sql.type(schema)` query against its schema, so a query's declared
 * shape is checked at run time, not trusted. Slonik 49 only carries the parser; validating is
 * the interceptor's job.
 */
function createResultParserInterceptor(): Interceptor {
  return {
    name: "result-parser",
    transformRow: (context, query, row) => {
      const parser = context.resultParser;
      if (parser === undefined) return row;
      const result = parser["~standard"].validate(row);
      if (result instanceof Promise) {
        throw new TypeError("async row schemas are not supported");
      }
      if (result.issues !== undefined) {
        throw new SchemaValidationError(query, row, result.issues);
      }
      return isRow(result.value) ? result.value : row;
    },
  };
}

function isRow(value: unknown): value is QueryResultRow {
  return typeof value === "object" && value !== null;
}

/**
 * Type parsers: timestamptz as `Date` (slonik's default is epoch milliseconds), int8 (kobo,
 * points, counts) as a number that is checked to be exact (parseSafeInteger throws rather than
 * round), numeric as number, date as its `YYYY-MM-DD` text.
 */
const typeParsers = [
  { name: "timestamptz", parse: (value: string) => new Date(value) },
  { name: "timestamp", parse: (value: string) => new Date(`${value}Z`) },
  { name: "int8", parse: parseSafeInteger },
  // sum() of a bigint column is numeric: a whole number is checked like int8, a fraction (avg) is a float.
  {
    name: "numeric",
    parse: (value: string) => (/^-?\d+$/.test(value) ? parseSafeInteger(value) : Number.parseFloat(value)),
  },
  { name: "date", parse: (value: string) => value },
  { name: "json", parse: (value: string): unknown => JSON.parse(value) },
  { name: "jsonb", parse: (value: string): unknown => JSON.parse(value) },
];

export type PoolOptions = {
  maxPoolSize?: number;
  statementTimeoutMs?: number;
  /**
   * Start every connection as the platform role with no tenant set (startup options, no extra
   * statement), so a platform transaction needs no `set_config` round trip of its own
   * (withPlatform). The app's pool; a pool for owner work (migrations, tests' set-up) leaves it off.
   */
  platformSession?: boolean;
};

const roundTripsByPool = new WeakMap<DatabasePool, RoundTrips>();

/** The round trips a pool made by createDatabasePool has sent so far (for `/metrics` and the benches). */
export function roundTripsOf(pool: DatabasePool): RoundTrips {
  return roundTripsByPool.get(pool) ?? { statements: 0, transactions: 0 };
}

/** Creates the slonik pool used by the whole app. */
export async function createDatabasePool(databaseUrl: string, options: PoolOptions = {}): Promise<DatabasePool> {
  const roundTrips = createRoundTripCounter();
  const pool = await createPool(options.platformSession === true ? withPlatformSession(databaseUrl) : databaseUrl, {
    interceptors: [createResultParserInterceptor(), roundTrips.interceptor],
    typeParsers,
    maxPoolSize: options.maxPoolSize ?? 20,
    statementTimeout: options.statementTimeoutMs ?? 30_000,
    connectionTimeout: 5_000,
    idleTimeout: 10_000,
    // Slonik's default reset sends DISCARD ALL on every release: one more round trip per
    // transaction. Everything the app sets (tenant, role) is transaction-local (set_config …
    // true), so a released connection carries no state to discard.
    resetConnection: async () => {},
  });
  roundTripsByPool.set(pool, roundTrips.counts);
  if (options.platformSession === true) {
    // A pooler that drops startup options would leave sessions as the login role, and platform
    // transactions would then run with that role's rights: refuse to start instead.
    const role = await pool.oneFirst(sql.type(currentUserRow)`SELECT current_user AS role`);
    if (role !== PLATFORM_ROLE) {
      await pool.end();
      throw new Error(
        `database sessions start as ${role}, not ${PLATFORM_ROLE}: connect directly or through a pooler that passes the startup "options" parameter`,
      );
    }
    markPlatformSession(pool);
  }
  return pool;
}

const currentUserRow = z.object({ role: z.string() });

/**
 * The URL with startup options that make the platform role and an empty tenant the session's
 * defaults. Transaction-local settings (`set_config(…, true)`, as enterTenant uses) fall back to
 * them at commit, so every transaction starts on the platform path.
 */
function withPlatformSession(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const startup = `-c role=${PLATFORM_ROLE} -c app.current_tenant=`;
  const given = url.searchParams.get("options");
  url.searchParams.set("options", given === null ? startup : `${given} ${startup}`);
  return url.toString();
}
