import type { BroadcastCountDeltas } from "./addBroadcastCounts.ts";

/** Which counters a status counts in: sent includes delivered and read; delivered includes read. */
function indicators(status: string | null) {
  return {
    sent: status === "sent" || status === "delivered" || status === "read" ? 1 : 0,
    delivered: status === "delivered" || status === "read" ? 1 : 0,
    read: status === "read" ? 1 : 0,
    failed: status === "failed" ? 1 : 0,
  };
}

/** How a broadcast's counters move when one of its outbox rows goes from `from` to `to`. */
export function broadcastCountDeltas(from: string | null, to: string): BroadcastCountDeltas {
  const before = indicators(from);
  const after = indicators(to);
  return {
    sent: after.sent - before.sent,
    delivered: after.delivered - before.delivered,
    read: after.read - before.read,
    failed: after.failed - before.failed,
  };
}
