import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

/** Customers with no purchase for this many days become `inactive` unless the tenant sets otherwise. */
export const DEFAULT_INACTIVE_AFTER_DAYS = 45;

const countRow = z.object({ count: z.number().int() });

/**
 * Win-back, nightly: active customers whose last purchase (or, never having bought, their
 * joining) is more than `inactiveAfterDays` days before `now` become `inactive`, so a
 * reactivation campaign or a broadcast can target them (`loyalty_status: "inactive"`). Blocked
 * customers stay blocked; a purchase makes an inactive customer active again (logPurchase).
 */
export async function markInactiveCustomers(
  tx: Tx,
  input: { tenantId: string; now: Date; inactiveAfterDays: number },
): Promise<{ markedInactive: number }> {
  const cutoff = sql.timestamp(new Date(input.now.getTime() - input.inactiveAfterDays * 24 * 60 * 60 * 1000));
  const markedInactive = await tx.oneFirst(sql.type(countRow)`
    WITH marked AS (
      UPDATE customers SET loyalty_status = 'inactive', updated_at = now()
      WHERE tenant_id = ${input.tenantId} AND deleted_at IS NULL AND loyalty_status = 'active'
        AND COALESCE(last_purchase_at, created_at) < ${cutoff}
      RETURNING 1
    )
    SELECT count(*)::int AS count FROM marked
  `);
  return { markedInactive };
}
