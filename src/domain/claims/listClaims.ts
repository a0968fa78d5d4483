import { sql, type Tx } from "../../db/sql.ts";
import { claimColumns, claimRecordSchema, type ClaimRecord } from "./claimRecord.ts";

/**
 * The tenant's claims (RLS: the transaction's tenant only), oldest first so a queue of pending
 * claims is reviewed in the order they came, after the cursor id.
 */
export async function listClaims(
  tx: Tx,
  input: { id?: string; status?: "pending" | "approved" | "rejected"; after: string | null; limit: number },
): Promise<readonly ClaimRecord[]> {
  return tx.any(sql.type(claimRecordSchema)`
    SELECT ${claimColumns} FROM purchase_claims pc JOIN customers c ON c.id = pc.customer_id
    WHERE true
      ${input.id === undefined ? sql.fragment`` : sql.fragment`AND pc.id = ${input.id}`}
      ${input.status === undefined ? sql.fragment`` : sql.fragment`AND pc.status = ${input.status}`}
      ${input.after === null ? sql.fragment`` : sql.fragment`AND (pc.created_at, pc.id) > (SELECT created_at, id FROM purchase_claims WHERE id = ${input.after})`}
    ORDER BY pc.created_at, pc.id
    LIMIT ${input.limit + 1}
  `);
}
