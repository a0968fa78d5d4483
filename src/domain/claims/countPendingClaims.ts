import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const countRow = z.object({ count: z.number().int() });

/** How many of the tenant's claims wait for review (RLS: the transaction's tenant only). */
export async function countPendingClaims(tx: Tx): Promise<number> {
  return tx.oneFirst(sql.type(countRow)`SELECT count(*)::int AS count FROM purchase_claims WHERE status = 'pending'`);
}
