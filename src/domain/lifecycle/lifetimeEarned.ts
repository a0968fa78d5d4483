import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const earnedRow = z.object({ total_points_earned: z.number().int().nullable() });

/** Points a customer ever earned (VIP tiers go by it; spending does not lower it); 0 without a ledger row. */
export async function lifetimeEarned(tx: Tx, customerId: string): Promise<number> {
  const row = await tx.maybeOne(sql.type(earnedRow)`
    SELECT total_points_earned FROM customer_points_balance WHERE customer_id = ${customerId}
  `);
  return row?.total_points_earned ?? 0;
}
