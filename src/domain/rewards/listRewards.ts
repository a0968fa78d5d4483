import { sql, type Tx } from "../../db/sql.ts";
import { rewardColumns, rewardRecordSchema, type Reward } from "./rewardRecord.ts";

/** The current tenant's rewards (not deleted), newest first, `limit + 1` rows. */
export async function listRewards(
  tx: Tx,
  input: { active?: boolean; after: string | null; limit: number },
): Promise<readonly Reward[]> {
  const filters = [sql.fragment`deleted_at IS NULL`];
  if (input.active !== undefined) filters.push(sql.fragment`COALESCE(is_active, false) = ${input.active}`);
  if (input.after !== null)
    filters.push(sql.fragment`(created_at, id) < (SELECT created_at, id FROM rewards WHERE id = ${input.after})`);
  return tx.any(sql.type(rewardRecordSchema)`
    SELECT ${rewardColumns} FROM rewards WHERE ${sql.join(filters, sql.fragment` AND `)}
    ORDER BY created_at DESC, id DESC LIMIT ${input.limit + 1}
  `);
}
