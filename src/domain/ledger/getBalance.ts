import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

export type Balance = {
  balance: number;
  /** The points in the lots that expire first, and when; null when nothing is due to expire. */
  expiringSoonest: { points: number; expiresAt: Date } | null;
};

const balanceRow = z.object({ current_balance: z.number().int() });

const expiringLotRow = z.object({ points: z.number().int(), expires_at: z.date() });

/**
 * A customer's current balance (the trigger-kept balance row; 0 when they never had a ledger
 * row) and their soonest-expiring points.
 */
export async function getBalance(tx: Tx, customerId: string): Promise<Balance> {
  const balance = await tx.maybeOneFirst(sql.type(balanceRow)`
    SELECT current_balance FROM customer_points_balance WHERE customer_id = ${customerId}
  `);
  const soonest = await tx.maybeOne(sql.type(expiringLotRow)`
    SELECT sum(points_remaining) AS points, expires_at
    FROM points_transactions
    WHERE customer_id = ${customerId} AND points_remaining > 0 AND expired = false AND expires_at IS NOT NULL
    GROUP BY expires_at
    ORDER BY expires_at
    LIMIT 1
  `);
  return {
    balance: balance ?? 0,
    expiringSoonest: soonest === null ? null : { points: soonest.points, expiresAt: soonest.expires_at },
  };
}
