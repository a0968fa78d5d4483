import type { DatabasePool } from "slonik";
import { sql, noRows, type Db, type Tx } from "./sql.ts";

/** The database role tenant work runs as: bound by every row-level security policy. */
export const APP_ROLE = "loyaltylaas_app";
/** The role of the narrow platform-level path (routing, inbox, platform admin, jobs). */
export const PLATFORM_ROLE = "loyaltylaas_platform";

/**
 * Runs `fn` in one transaction as the application role with `app.current_tenant` set locally,
 * so row-level security confines every statement to that tenant.
 */
export async function withTenant<T>(pool: DatabasePool, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return pool.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    return fn(tx);
  });
}

/**
 * Switches an open transaction to the application role and one tenant (until commit). Used by
 * the conversation engine, which routes a message at platform level and then works as a tenant.
 */
export async function enterTenant(tx: Tx, tenantId: string): Promise<void> {
  await tx.query(sql.prepared("withTenant.enterTenant", noRows)`
    SELECT set_config('app.current_tenant', ${tenantId}, true),
           set_config('role', ${APP_ROLE}, true)
  `);
}

/** Pools whose connections start as the platform role with no tenant (createDatabasePool's `platformSession`). */
const platformSessionPools = new WeakSet<DatabasePool>();

/** Records that `pool`'s sessions start on the platform path, so withPlatform need not switch to it. */
export function markPlatformSession(pool: DatabasePool): void {
  platformSessionPools.add(pool);
}

/**
 * Runs `fn` in one transaction on the platform-level path: the platform role, which is not
 * bound by tenant policies. Keep what runs here narrow and explicit. On a platform-session pool
 * the transaction already starts there (one round trip less); otherwise it switches first.
 */
export async function withPlatform<T>(pool: DatabasePool, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return pool.transaction(async (tx) => {
    if (!platformSessionPools.has(pool)) await enterPlatform(tx);
    return fn(tx);
  });
}

/**
 * Runs one statement on the platform-level path with no transaction around it: on a
 * platform-session pool the connection is already the platform role, and the statement commits
 * on its own (one round trip, not BEGIN, statement, COMMIT). `fn` must make a single statement:
 * two would commit separately. On any other pool it runs in withPlatform's transaction.
 */
export async function onPlatform<T>(pool: DatabasePool, fn: (db: Db) => Promise<T>): Promise<T> {
  if (!platformSessionPools.has(pool)) return withPlatform(pool, fn);
  return pool.connect(fn);
}

/** Switches an open transaction to the platform role with no tenant set. */
export async function enterPlatform(tx: Tx): Promise<void> {
  await tx.query(sql.prepared("withTenant.enterPlatform", noRows)`
    SELECT set_config('app.current_tenant', '', true),
           set_config('role', ${PLATFORM_ROLE}, true)
  `);
}
