import type { DatabasePool } from "slonik";
import { storeInboundMessages } from "../db/inbox.ts";
import { applyStatusUpdates, type MovedStatus } from "../db/whatsappMessages.ts";
import type { Tx } from "../db/sql.ts";
import { withPlatform } from "../db/withTenant.ts";
import type { WebhookEvents } from "../whatsapp/webhookPayload.ts";
import { broadcastCountDeltas } from "../domain/broadcasts/broadcastCountDeltas.ts";
import { addBroadcastCounts, type BroadcastCountDeltas } from "../domain/broadcasts/addBroadcastCounts.ts";

export type StoredWebhook = {
  /** Inbound rows still waiting to be handled (new ones and earlier unprocessed ones). */
  pendingIds: string[];
  statusesApplied: number;
};

/**
 * Stores webhook deliveries in one transaction on the platform path: every inbound message
 * (deduplicated on its WhatsApp id) and every status callback, and returns what each delivery
 * left to handle. Nothing is routed here: that is the inbound worker's job, so the webhook can
 * answer Meta quickly.
 * @throws when the database cannot be reached — the caller answers 5xx so Meta retries.
 */
export async function storeWebhookEvents(pool: DatabasePool, deliveries: readonly WebhookEvents[]): Promise<StoredWebhook[]> {
  return withPlatform(pool, async (tx) => {
    const messages = deliveries.flatMap((events) => events.messages).sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
    const pending = await storeInboundMessages(tx, messages);
    const moved = await applyStatusUpdates(tx, deliveries.flatMap((events) => events.statuses));
    await moveBroadcastCounters(tx, moved);
    const movedWamids = new Set(moved.map((row) => row.wa_id));
    const results: StoredWebhook[] = deliveries.map((events) => {
      const mine = new Set(events.messages.map((message) => message.waMessageId));
      return {
        pendingIds: pending.filter((row) => mine.has(row.waMessageId)).map((row) => row.id),
        statusesApplied: events.statuses.filter((status) => movedWamids.has(status.waMessageId)).length,
      };
    });
    return results;
  });
}

/**
 * Moves each broadcast's counters once for all of its rows the statuses moved, broadcasts in id
 * order (rows were locked first: the lock order everywhere is outbox rows, then broadcast row).
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
