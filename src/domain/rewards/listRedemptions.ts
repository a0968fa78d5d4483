import { sql, type Tx } from "../../db/sql.ts";
import { redemptionRecordSchema, selectRedemptions, type Redemption } from "./redemptionRecord.ts";

/** The current tenant's redemptions, newest first, `limit + 1` rows; filters optional; one with `id`. */
export async function listRedemptions(
  tx: Tx,
  input: { id?: string; status?: string; customerId?: string; after: string | null; limit: number },
): Promise<readonly Redemption[]> {
  const filters = [sql.fragment`TRUE`];
  if (input.id !== undefined) filters.push(sql.fragment`rr.id = ${input.id}`);
  if (input.status !== undefined) filters.push(sql.fragment`COALESCE(rr.status, 'pending') = ${input.status}`);
  if (input.customerId !== undefined) filters.push(sql.fragment`rr.customer_id = ${input.customerId}`);
  if (input.after !== null) {
    filters.push(
      sql.fragment`(rr.created_at, rr.id) < (SELECT created_at, id FROM reward_redemptions WHERE id = ${input.after})`,
    );
  }
  return tx.any(sql.type(redemptionRecordSchema)`
    ${selectRedemptions} WHERE ${sql.join(filters, sql.fragment` AND `)}
    ORDER BY rr.created_at DESC, rr.id DESC LIMIT ${input.limit + 1}
  `);
}
