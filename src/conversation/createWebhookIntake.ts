import type { DatabasePool } from "slonik";
import { coalesceCalls } from "../jobs/coalesceCalls.ts";
import { enqueueInbound } from "../jobs/messageQueues.ts";
import type { JobQueue } from "../jobs/queueFactory.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { WebhookEvents } from "../whatsapp/webhookPayload.ts";
import { storeWebhookEvents, type StoredWebhook } from "./storeWebhookEvents.ts";

/** Most deliveries stored in one transaction. */
const MAX_BATCH = 200;

/**
 * The webhook's store-then-queue step, with concurrent deliveries coalesced (coalesceCalls):
 * deliveries that arrive while one is being stored go together, in one transaction and one
 * queue call. A quiet webhook pays no delay; a busy one pays one transaction per batch instead
 * of one per delivery (each round trip costs both this process and PostgreSQL a socket write).
 *
 * A delivery's promise resolves only after its rows are committed (the caller may then answer
 * 200); it rejects when they could not be stored (the caller answers 5xx so Meta retries). A
 * batch that fails is retried one delivery at a time, so one bad delivery cannot fail others.
 * A failed enqueue is only logged: the rows are stored, and the sweeper queues them later.
 */
export function createWebhookIntake(deps: { pool: DatabasePool; inboundQueue: JobQueue; log: Logger; metrics: Metrics }) {
  const accept = coalesceCalls(
    async (batch: WebhookEvents[]): Promise<StoredWebhook[]> => {
      const stored = await storeWebhookEvents(deps.pool, batch);
      const pendingIds = [...new Set(stored.flatMap((result) => result.pendingIds))];
      try {
        await enqueueInbound(deps.inboundQueue, pendingIds);
      } catch (err) {
        deps.log.warn({ err, count: pendingIds.length }, "inbound enqueue failed; the sweeper will retry");
      }
      return stored;
    },
    { maxBatch: MAX_BATCH, onBatch: (size) => deps.metrics.webhookBatchSize.observe(size) },
  );
  return {
    /** Stores a parsed delivery and queues its messages; resolves once it is committed. */
    accept,
  };
}
