import { sql, type Tx } from "../../db/sql.ts";
import { broadcastColumns, broadcastRecordSchema, type Broadcast } from "./broadcastRecord.ts";

/**
 * The broadcast with this id in the transaction's tenant, or null. `forUpdate` locks the row,
 * so starting, scheduling and cancelling one broadcast never interleave.
 */
export async function findBroadcast(
  tx: Tx,
  broadcastId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Broadcast | null> {
  const lock = options.forUpdate === true ? sql.fragment`FOR UPDATE` : sql.fragment``;
  return tx.maybeOne(sql.type(broadcastRecordSchema)`
    SELECT ${broadcastColumns} FROM broadcasts WHERE id = ${broadcastId} ${lock}
  `);
}
