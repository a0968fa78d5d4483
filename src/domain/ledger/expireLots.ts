import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";

export type ExpireLotsInput = {
  tenantId: string;
  now: Date;
  /** Limit to one customer (a redemption expiring that customer's overdue lots first). */
  customerId?: string;
};

export type ExpireLotsResult = {
  /** `expired` ledger rows written (one per lot that still had unspent points). */
  expiredRows: number;
  pointsExpired: number;
  /** Lots marked `expired = true`, including fully spent ones that needed no row. */
  lotsClosed: number;
  /** Customers who lost points, for the job's metrics and reminders. */
  customerIds: string[];
};

const dueLot = z.object({ id: z.string(), customer_id: z.string(), points_remaining: z.number().int() });

/**
 * Expires every lot whose `expires_at <= now` and that is not yet marked expired: one `expired`
 * row for exactly the lot's unspent rest (none when it was fully spent), then the lot is
 * closed (`points_remaining = 0, expired = true`). Running it again changes nothing.
 *
 * Lots locked by a concurrent debit are skipped (`SKIP LOCKED`) rather than waited for: the
 * debit may spend them, and the next run expires whatever is left. Never waiting on lot locks
 * also means expiry cannot deadlock with a debit that locks the same lots in another order.
 */
export async function expireLots(tx: Tx, input: ExpireLotsInput): Promise<ExpireLotsResult> {
  const customerFilter =
    input.customerId === undefined ? sql.fragment`TRUE` : sql.fragment`customer_id = ${input.customerId}`;
  const lots = await tx.any(sql.type(dueLot)`
    SELECT id, customer_id, points_remaining
    FROM points_transactions
    WHERE tenant_id = ${input.tenantId} AND ${customerFilter}
      AND expired = false AND points_remaining IS NOT NULL
      AND expires_at IS NOT NULL AND expires_at <= ${sql.timestamp(input.now)}
    ORDER BY customer_id, expires_at, created_at, id
    FOR UPDATE SKIP LOCKED
  `);
  if (lots.length === 0) return { expiredRows: 0, pointsExpired: 0, lotsClosed: 0, customerIds: [] };

  const unspent = lots.filter((lot) => lot.points_remaining > 0);
  if (unspent.length > 0) {
    await tx.query(sql.type(noRows)`
      INSERT INTO points_transactions (tenant_id, customer_id, transaction_type, points, description, metadata, created_at)
      SELECT ${input.tenantId}, u.customer_id, 'expired', -u.points, 'Points expired',
             jsonb_build_object('lotId', u.lot_id, 'expiredAt', ${input.now.toISOString()}::text), clock_timestamp()
      FROM unnest(
        ${sql.array(
          unspent.map((lot) => lot.id),
          "uuid",
        )}::uuid[],
        ${sql.array(
          unspent.map((lot) => lot.customer_id),
          "uuid",
        )}::uuid[],
        ${sql.array(
          unspent.map((lot) => lot.points_remaining),
          "int8",
        )}::int8[]
      ) WITH ORDINALITY AS u(lot_id, customer_id, points, n)
      ORDER BY u.n
    `);
  }
  await tx.query(sql.type(noRows)`
    UPDATE points_transactions SET points_remaining = 0, expired = true
    WHERE id = ANY(${sql.array(
      lots.map((lot) => lot.id),
      "uuid",
    )}::uuid[])
  `);
  return {
    expiredRows: unspent.length,
    pointsExpired: unspent.reduce((sum, lot) => sum + lot.points_remaining, 0),
    lotsClosed: lots.length,
    customerIds: [...new Set(unspent.map((lot) => lot.customer_id))],
  };
}
