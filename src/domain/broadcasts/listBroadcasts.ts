import { sql, type Tx } from "../../db/sql.ts";
import { broadcastColumns, broadcastRecordSchema, type Broadcast, type BroadcastStatus } from "./broadcastRecord.ts";

/**
 * The current tenant's broadcasts, newest first, `limit + 1` rows (the extra one says a next
 * page exists), after the broadcast `after` when given; optionally of one status.
 */
export async function listBroadcasts(
  tx: Tx,
  input: { status?: BroadcastStatus; after: string | null; limit: number },
): Promise<readonly Broadcast[]> {
  const filters = [sql.fragment`TRUE`];
  if (input.status !== undefined) filters.push(sql.fragment`status = ${input.status}`);
  if (input.after !== null) {
    filters.push(sql.fragment`(created_at, id) < (SELECT created_at, id FROM broadcasts WHERE id = ${input.after})`);
  }
  return tx.any(sql.type(broadcastRecordSchema)`
    SELECT ${broadcastColumns} FROM broadcasts WHERE ${sql.join(filters, sql.fragment` AND `)}
    ORDER BY created_at DESC, id DESC LIMIT ${input.limit + 1}
  `);
}
