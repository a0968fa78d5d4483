import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { broadcastStatusSchema, type BroadcastStatus } from "./broadcastRecord.ts";

export type BroadcastCountDeltas = { sent: number; delivered: number; read: number; failed: number };

const statusRow = z.object({ status: broadcastStatusSchema });

/**
 * Moves a broadcast's counters by the given deltas in one statement, and completes a sending
 * broadcast once every recipient has a final state (sent or better, or failed). Concurrent
 * changes serialise on the broadcast row only until their transaction ends; the lock order
 * everywhere is outbox rows first, then the broadcast row.
 * @returns the broadcast's status after the change (the sender stops when it reads `cancelled`),
 * or null when nothing moved.
 */
export async function addBroadcastCounts(
  tx: Tx,
  broadcastId: string,
  d: BroadcastCountDeltas,
): Promise<BroadcastStatus | null> {
  if (d.sent === 0 && d.delivered === 0 && d.read === 0 && d.failed === 0) return null;
  const row = await tx.maybeOne(sql.type(statusRow)`
    UPDATE broadcasts SET
      sent_count = sent_count + ${d.sent},
      delivered_count = delivered_count + ${d.delivered},
      read_count = read_count + ${d.read},
      failed_count = failed_count + ${d.failed},
      status = CASE WHEN status = 'sending' AND sent_count + ${d.sent} + failed_count + ${d.failed} >= total_recipients
                    THEN 'completed' ELSE status END,
      completed_at = CASE WHEN status = 'sending' AND sent_count + ${d.sent} + failed_count + ${d.failed} >= total_recipients
                    THEN now() ELSE completed_at END
    WHERE id = ${broadcastId}
    RETURNING status
  `);
  return row?.status ?? null;
}
