import type { DatabasePool } from "slonik";
import { enqueueInbound } from "../jobs/messageQueues.ts";
import type { JobQueue } from "../jobs/queueFactory.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { WebhookEvents } from "../whatsapp/webhookPayload.ts";
import { storeWebhookEvents, type StoredWebhook } from "./storeWebhookEvents.ts";

type Waiting = { events: WebhookEvents; resolve: (stored: StoredWebhook) => void; reject: (err: unknown) => void };

/** Most deliveries stored in one transaction. */
const MAX_BATCH = 200;

/**
 * The webhook's store-then-queue step, with concurrent deliveries coalesced the way PostgreSQL
 * coalesces commits: when nothing is being stored, a delivery is stored at once; deliveries
 * that arrive meanwhile wait for that store and then go together, in one transaction and one
 * queue call. A quiet webhook pays no delay; a busy one pays one transaction per batch instead
 * of one per delivery (each round trip costs both this process and PostgreSQL a socket write).
 *
 * A delivery's promise resolves only after its rows are committed (the caller may then answer
 * 200); it rejects when they could not be stored (the caller answers 5xx so Meta retries). A
 * batch that fails is retried one delivery at a time, so one bad delivery cannot fail others.
 * A failed enqueue is only logged: the rows are stored, and the sweeper queues them later.
 */
export function createWebhookIntake(deps: { pool: DatabasePool; inboundQueue: JobQueue; log: Logger; metrics: Metrics }) {
  const waiting: Waiting[] = [];
  let draining = false;

  async function storeBatch(batch: Waiting[]): Promise<void> {
    let stored: StoredWebhook[];
    try {
      stored = await storeWebhookEvents(
        deps.pool,
        batch.map((item) => item.events),
      );
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      for (const item of batch) await storeBatch([item]);
      return;
    }
    deps.metrics.webhookBatchSize.observe(batch.length);
    const pendingIds = [...new Set(stored.flatMap((result) => result.pendingIds))];
    try {
      await enqueueInbound(deps.inboundQueue, pendingIds);
    } catch (err) {
      deps.log.warn({ err, count: pendingIds.length }, "inbound enqueue failed; the sweeper will retry");
    }
    batch.forEach((item, n) => {
      const result = stored[n];
      if (result === undefined) item.reject(new Error("webhook batch lost a delivery"));
      else item.resolve(result);
    });
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (waiting.length > 0) await storeBatch(waiting.splice(0, MAX_BATCH));
    } finally {
      draining = false;
    }
  }

  return {
    /** Stores a parsed delivery and queues its messages; resolves once it is committed. */
    accept(events: WebhookEvents): Promise<StoredWebhook> {
      return new Promise((resolve, reject) => {
        waiting.push({ events, resolve, reject });
        if (!draining) void drain();
      });
    },
  };
}
