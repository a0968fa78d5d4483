import type { DatabasePool } from "slonik";
import { storeInboundMessages } from "../db/inbox.ts";
import { onPlatform, withPlatform } from "../db/withTenant.ts";
import type { WebhookEvents } from "../whatsapp/webhookPayload.ts";
import { applyStatusCallbacks } from "./applyStatusCallbacks.ts";

export type StoredWebhook = {
  /** Inbound rows still waiting to be handled (new ones and earlier unprocessed ones). */
  pendingIds: string[];
  statusesApplied: number;
};

/**
 * Stores webhook deliveries atomically on the platform path: every inbound message (deduplicated
 * on its WhatsApp id) and every status callback, in one transaction, or in one statement when
 * they hold no status callbacks. Returns what each delivery left to handle. Nothing is routed
 * here: that is the inbound worker's job, so the webhook can answer Meta quickly.
 * @throws when the database cannot be reached — the caller answers 5xx so Meta retries.
 */
export async function storeWebhookEvents(
  pool: DatabasePool,
  deliveries: readonly WebhookEvents[],
): Promise<StoredWebhook[]> {
  const messages = deliveries
    .flatMap((events) => events.messages)
    // By time, then id: concurrent batches meet a shared wamid (a redelivery) in the same order.
    .sort(
      (a, b) =>
        a.timestamp.getTime() - b.timestamp.getTime() ||
        (a.waMessageId < b.waMessageId ? -1 : a.waMessageId > b.waMessageId ? 1 : 0),
    );
  const statuses = deliveries.flatMap((events) => events.statuses);
  // Messages alone are one statement: it commits on its own, no transaction around it.
  const { pending, moved } =
    statuses.length === 0
      ? { pending: await onPlatform(pool, (db) => storeInboundMessages(db, messages)), moved: [] }
      : await withPlatform(pool, async (tx) => ({
          pending: await storeInboundMessages(tx, messages),
          moved: await applyStatusCallbacks(tx, statuses),
        }));
  const movedWamids = new Set(moved.map((row) => row.wa_id));
  return deliveries.map((events) => {
    const mine = new Set(events.messages.map((message) => message.waMessageId));
    return {
      pendingIds: pending.filter((row) => mine.has(row.waMessageId)).map((row) => row.id),
      statusesApplied: events.statuses.filter((status) => movedWamids.has(status.waMessageId)).length,
    };
  });
}
