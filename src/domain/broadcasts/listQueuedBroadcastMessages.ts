import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const queuedMessageRow = z.object({ id: z.string(), seq: z.number() });

/**
 * One page of a broadcast's outbox rows still queued, in send order (`seq`), after `afterSeq`:
 * what the start job enqueues, page by page, so a restart re-enqueues whatever is left.
 */
export async function listQueuedBroadcastMessages(
  tx: Tx,
  input: { broadcastId: string; afterSeq: number; limit: number },
): Promise<readonly { id: string; seq: number }[]> {
  return tx.any(sql.type(queuedMessageRow)`
    SELECT id, seq FROM whatsapp_messages
    WHERE broadcast_id = ${input.broadcastId} AND whatsapp_status = 'queued' AND seq > ${input.afterSeq}
    ORDER BY seq
    LIMIT ${input.limit}
  `);
}
