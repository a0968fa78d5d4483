import type { Tx } from "../../db/sql.ts";
import { addBroadcastCounts } from "./addBroadcastCounts.ts";

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
 * has a final state (see {@link addBroadcastCounts}). Status callbacks use it, one row at a time.
 */
export async function applyBroadcastStatusChange(tx: Tx, broadcastId: string, from: string | null, to: string): Promise<void> {
  const before = indicators(from);
  const after = indicators(to);
  await addBroadcastCounts(tx, broadcastId, {
    sent: after.sent - before.sent,
    delivered: after.delivered - before.delivered,
    read: after.read - before.read,
    failed: after.failed - before.failed,
  });
}
