import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const idRow = z.object({ id: z.uuid() });

/** Which counters a status counts in: sent includes delivered and read; delivered includes read. */
function indicators(status: string | null) {
  return {
    sent: status === "sent" || status === "delivered" || status === "read" ? 1 : 0,
    delivered: status === "delivered" || status === "read" ? 1 : 0,
    read: status === "read" ? 1 : 0,
    failed: status === "failed" ? 1 : 0,
  };
}

/**
 * Moves a broadcast's counters by one outbox row's status change (queued → sent, sent →
 * delivered, … → failed) in one statement, and completes the broadcast once every recipient
 * has a final state (sent or better, or failed). Concurrent changes serialise on the broadcast
 * row only for the length of this UPDATE's transaction.
 */
export async function applyBroadcastStatusChange(tx: Tx, broadcastId: string, from: string | null, to: string): Promise<void> {
  const before = indicators(from);
  const after = indicators(to);
  const d = {
    sent: after.sent - before.sent,
    delivered: after.delivered - before.delivered,
    read: after.read - before.read,
    failed: after.failed - before.failed,
  };
  if (d.sent === 0 && d.delivered === 0 && d.read === 0 && d.failed === 0) return;
  await tx.query(sql.type(idRow)`
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
    RETURNING id
  `);
}
