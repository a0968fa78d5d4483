import type { DatabasePool } from "slonik";
import { storeInboundMessages } from "../db/inbox.ts";
import { applyStatusUpdate } from "../db/whatsappMessages.ts";
import { withPlatform } from "../db/withTenant.ts";
import type { WebhookEvents } from "../whatsapp/webhookPayload.ts";
import { applyBroadcastStatusChange } from "../domain/broadcasts/applyBroadcastStatusChange.ts";

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
    const results: StoredWebhook[] = [];
    for (const events of deliveries) {
      let statusesApplied = 0;
      for (const status of events.statuses) {
        const moved = await applyStatusUpdate(tx, status);
        if (moved !== null) {
          statusesApplied += 1;
          if (moved.broadcast_id !== null) await applyBroadcastStatusChange(tx, moved.broadcast_id, moved.previous_status, moved.whatsapp_status);
        }
      }
      const mine = new Set(events.messages.map((message) => message.waMessageId));
      results.push({ pendingIds: pending.filter((row) => mine.has(row.waMessageId)).map((row) => row.id), statusesApplied });
    }
    return results;
  });
}
