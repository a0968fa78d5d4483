import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { withTenant } from "../../db/withTenant.ts";

const lockedRow = z.object({ locked: z.boolean() });

export type TenantJobOutcome<T> = { ran: true; result: T } | { ran: false; reason: "already_running" };

/**
 * Runs `fn` as the tenant in one transaction, holding a transaction-level advisory lock on
 * `(job, tenant)`: a second worker running the same job for the same tenant at the same time
 * does nothing and says so, rather than waiting and repeating the work.
 */
export async function runTenantJob<T>(
  pool: DatabasePool,
  input: { job: string; tenantId: string },
  fn: (tx: Tx) => Promise<T>,
): Promise<TenantJobOutcome<T>> {
  return withTenant(pool, input.tenantId, async (tx) => {
    const locked = await tx.oneFirst(sql.type(lockedRow)`
      SELECT pg_try_advisory_xact_lock(hashtextextended(${`${input.job}/${input.tenantId}`}, 0)) AS locked
    `);
    if (!locked) return { ran: false, reason: "already_running" };
    return { ran: true, result: await fn(tx) };
  });
}
