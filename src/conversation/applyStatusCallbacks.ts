import type { Tx } from "../db/sql.ts";
import { parkStatusCallbacks, takeMatchedParkedStatusCallbacks } from "../db/parkedStatusCallbacks.ts";
import { applyStatusUpdates, type MovedStatus } from "../db/whatsappMessages.ts";
import { addBroadcastCounts, type BroadcastCountDeltas } from "../domain/broadcasts/addBroadcastCounts.ts";
import { broadcastCountDeltas } from "../domain/broadcasts/broadcastCountDeltas.ts";
import type { StatusUpdate } from "../whatsapp/webhookPayload.ts";

/**
 * Applies status callbacks on the platform transaction: moves the outbound rows they name
 * (forward only), moves each broadcast's counters once for all its rows that moved, and parks
 * the callbacks whose message has no wamid recorded yet (the sweeper applies them later, see
 * {@link applyParkedStatusCallbacks}). Returns the rows that moved.
 */
export async function applyStatusCallbacks(tx: Tx, updates: readonly StatusUpdate[]): Promise<MovedStatus[]> {
  const { moved, matchedWamids } = await applyStatusUpdates(tx, updates);
  await moveBroadcastCounters(tx, moved);
  // Unmatched when applied: a wamid recorded since then is caught by the sweeper all the same.
  await parkStatusCallbacks(
    tx,
    updates.filter((update) => !matchedWamids.has(update.waMessageId)),
  );
  return moved;
}

/** Applies parked callbacks whose message now carries its wamid; returns how many were taken. */
export async function applyParkedStatusCallbacks(tx: Tx, limit = 1000): Promise<number> {
  const parked = await takeMatchedParkedStatusCallbacks(tx, limit);
  const { moved } = await applyStatusUpdates(tx, parked);
  await moveBroadcastCounters(tx, moved);
  return parked.length;
}

/**
 * Moves each broadcast's counters once for all of its rows that moved, broadcasts in id order
 * (rows were locked first: the lock order everywhere is outbox rows, then the broadcast row).
 */
async function moveBroadcastCounters(tx: Tx, moved: readonly MovedStatus[]): Promise<void> {
  const totals = new Map<string, BroadcastCountDeltas>();
  for (const row of moved) {
    if (row.broadcast_id === null) continue;
    const delta = broadcastCountDeltas(row.previous_status, row.whatsapp_status);
    const total = totals.get(row.broadcast_id) ?? { sent: 0, delivered: 0, read: 0, failed: 0 };
    totals.set(row.broadcast_id, {
      sent: total.sent + delta.sent,
      delivered: total.delivered + delta.delivered,
      read: total.read + delta.read,
      failed: total.failed + delta.failed,
    });
  }
  for (const broadcastId of [...totals.keys()].sort()) {
    const total = totals.get(broadcastId);
    if (total !== undefined) await addBroadcastCounts(tx, broadcastId, total);
  }
}
