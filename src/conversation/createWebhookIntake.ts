import type { DatabasePool } from "slonik";
import { coalesceCalls } from "../queues/coalesceCalls.ts";
import type { Metrics } from "../metrics.ts";
import type { WebhookEvents } from "../whatsapp/webhookPayload.ts";
import { storeWebhookEvents, type StoredWebhook } from "./storeWebhookEvents.ts";

/** Most deliveries stored in one transaction. */
const MAX_BATCH = 200;

/**
 * The webhook's store step, with concurrent deliveries coalesced (coalesceCalls): deliveries
 * that arrive while one is being stored go together, in one statement (or one transaction when
 * status callbacks come with them). A quiet webhook pays no delay; a busy one pays one round trip
 * per batch instead of one per delivery. Storing also wakes the inbound workers (one NOTIFY per
 * batch, delivered at commit): there is no queue call and no Redis on this path.
 *
 * A delivery's promise resolves only after its rows are committed (the caller may then answer
 * 200); it rejects when they could not be stored (the caller answers 5xx so Meta retries). A
 * batch that fails is retried one delivery at a time, so one bad delivery cannot fail others.
 */
export function createWebhookIntake(deps: { pool: DatabasePool; metrics: Metrics }) {
  const accept = coalesceCalls(
    (batch: WebhookEvents[]): Promise<StoredWebhook[]> => storeWebhookEvents(deps.pool, batch),
    { maxBatch: MAX_BATCH, onBatch: (size) => deps.metrics.webhookBatchSize.observe(size) },
  );
  return {
    /** Stores a parsed delivery (its messages wait in the inbox); resolves once it is committed. */
    accept,
  };
}
