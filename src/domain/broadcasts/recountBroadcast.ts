import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const lockedBroadcastRow = z.object({ id: z.string() });

const recountedBroadcastRow = z.object({ id: z.uuid() });

/**
 * Recounts a broadcast's counters from its outbox rows and completes it when none is queued or
 * being sent,
 * after locking the broadcast row (two recounts never work from snapshots that each miss the
 * other's update). Used when a broadcast starts or is cancelled and by the minute scan as a
 * safety net; the broadcast sender and each status callback move the counters by their deltas
 * instead (addBroadcastCounts), which stays cheap for 100,000 recipients.
 */
export async function recountBroadcast(tx: Tx, broadcastId: string): Promise<void> {
  await tx.query(sql.type(lockedBroadcastRow)`SELECT id FROM broadcasts WHERE id = ${broadcastId} FOR UPDATE`);
  await tx.query(sql.type(recountedBroadcastRow)`
    WITH counts AS (
      SELECT
        count(*) FILTER (WHERE whatsapp_status IN ('sent', 'delivered', 'read')) AS sent,
        count(*) FILTER (WHERE whatsapp_status IN ('delivered', 'read')) AS delivered,
        count(*) FILTER (WHERE whatsapp_status = 'read') AS read,
        count(*) FILTER (WHERE whatsapp_status = 'failed') AS failed,
        count(*) FILTER (WHERE whatsapp_status IN ('queued', 'sending')) AS pending
      FROM whatsapp_messages WHERE broadcast_id = ${broadcastId}
    )
    UPDATE broadcasts b SET
      sent_count = counts.sent, delivered_count = counts.delivered, read_count = counts.read,
      failed_count = counts.failed,
      status = CASE WHEN b.status = 'sending' AND counts.pending = 0 THEN 'completed' ELSE b.status END,
      completed_at = CASE WHEN b.status = 'sending' AND counts.pending = 0 THEN now() ELSE b.completed_at END
    FROM counts WHERE b.id = ${broadcastId}
    RETURNING b.id
  `);
}
