import { sql, type Tx } from "../../db/sql.ts";
import { rewardColumns, rewardRecordSchema, type Reward } from "./rewardRecord.ts";

/** The current tenant's reward (not deleted), or null. */
export async function findReward(tx: Tx, rewardId: string): Promise<Reward | null> {
  return tx.maybeOne(sql.type(rewardRecordSchema)`
    SELECT ${rewardColumns} FROM rewards WHERE id = ${rewardId} AND deleted_at IS NULL
  `);
}
