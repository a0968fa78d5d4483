import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { applyBroadcastStatus } from "../../conversation/applyBroadcastStatus.ts";

/**
 * Recounts a broadcast's counters from its outbox rows and completes it when none is queued,
 * after locking the broadcast row: two recounts then never work from snapshots that each miss
 * the other's last update (without the lock, the last two concurrent sends can both see one
 * row still queued, and the broadcast would stay `sending` with a stale count).
 */
export async function recountBroadcast(tx: Tx, broadcastId: string): Promise<void> {
  await tx.query(sql.type(z.object({ id: z.string() }))`SELECT id FROM broadcasts WHERE id = ${broadcastId} FOR UPDATE`);
  await applyBroadcastStatus(tx, broadcastId);
}
