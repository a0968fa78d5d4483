import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const balanceRow = z.object({
  current_balance: z.number().int().nullable(),
  points: z.number().int().nullable(),
  expires_at: z.date().nullable(),
});

export type Balance = {
  balance: number;
  /** The points in the lots that expire first, and when; null when nothing is due to expire. */
  expiringSoonest: { points: number; expiresAt: Date } | null;
};

/**
 * A customer's current balance (the trigger-kept balance row; 0 when they never had a ledger
 * row) and their soonest-expiring points.
 */
export async function getBalance(tx: Tx, customerId: string): Promise<Balance> {
  // One round trip: the balance row and the soonest-expiring lots side by side. Prepared
  // (parsed and planned once per connection): BALANCE is the most frequent read.
  const row = await tx.one(sql.prepared("getBalance", balanceRow)`
    SELECT b.current_balance, soonest.points, soonest.expires_at
    FROM (SELECT 1) AS one
    LEFT JOIN customer_points_balance b ON b.customer_id = ${customerId}
    LEFT JOIN LATERAL (
      SELECT sum(points_remaining) AS points, expires_at
      FROM points_transactions
      WHERE customer_id = ${customerId} AND points_remaining > 0 AND expired = false AND expires_at IS NOT NULL
      GROUP BY expires_at
      ORDER BY expires_at
      LIMIT 1
    ) AS soonest ON true
  `);
  return {
    balance: row.current_balance ?? 0,
    expiringSoonest:
      row.points === null || row.expires_at === null ? null : { points: row.points, expiresAt: row.expires_at },
  };
}
