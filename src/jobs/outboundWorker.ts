import { UnrecoverableError, type Job } from "bullmq";
import type { DatabasePool } from "slonik";
import {
  claimNextOutboxMessage,
  findOutboxMessage,
  markOutboxFailed,
  markOutboxSent,
  recordOutboxError,
  type OutboxRow,
} from "../db/whatsappMessages.ts";
import { withPlatform } from "../db/withTenant.ts";
import { applyBroadcastStatus } from "../conversation/applyBroadcastStatus.ts";
import { maskPhone, type Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { GraphClient } from "../whatsapp/graphClient.ts";
import { outMessageSchema } from "../whatsapp/outMessage.ts";
import { outboundJobSchema } from "./messageQueues.ts";
import { createKeyedMutex } from "./keyedMutex.ts";
import type { createSlidingWindowLimiter } from "./slidingWindowLimiter.ts";

export type OutboundDeps = {
  pool: DatabasePool;
  graph: GraphClient;
  limiter: ReturnType<typeof createSlidingWindowLimiter>;
  log: Logger;
  metrics: Metrics;
};

/**
 * Sends the outbox row a job names, after any older queued rows for the same person (so a
 * person's replies arrive in the order they were written). Per row: claim it (rows already
 * sent or failed are skipped), wait for the sending number's rate limit, call the Graph API,
 * store the wamid. Retryable failures (5xx, 429, 130429, 131056, network) throw so BullMQ
 * retries with backoff; permanent ones (131047, 131026, …) mark the row failed with the code
 * and throw UnrecoverableError: no retry storm.
 */
export function createOutboundProcessor(deps: OutboundDeps) {
  const perRecipient = createKeyedMutex();
  return async (job: Job): Promise<string> => {
    const { outboxId } = outboundJobSchema.parse(job.data);
    const target = await withPlatform(deps.pool, (tx) => findOutboxMessage(tx, outboxId));
    if (target === null || target.whatsapp_status !== "queued") return "skipped";
    return perRecipient.run(target.contact_phone, async () => {
      let outcome = "skipped";
      for (;;) {
        const row = await withPlatform(deps.pool, (tx) => claimNextOutboxMessage(tx, target.contact_phone, target.seq));
        if (row === null) return outcome;
        outcome = await sendOne(deps, job, row, outboxId);
        if (row.id === outboxId) return outcome;
      }
    });
  };
}

async function sendOne(deps: OutboundDeps, job: Job, row: OutboxRow, jobOutboxId: string): Promise<string> {
  const log = deps.log.child({ outboxId: row.id, tenantId: row.tenant_id, jobId: job.id });
  const message = outMessageSchema.safeParse(row.payload);
  if (!message.success) {
    await withPlatform(deps.pool, (tx) => markOutboxFailed(tx, row.id, { code: "invalid_message", message: "stored message is invalid" }));
    log.error("outbox row holds an invalid message");
    return "invalid";
  }

  await deps.limiter.acquire(row.business_phone_number_id);
  const stopTimer = deps.metrics.sendDuration.startTimer();
  const result = await deps.graph.send(row.business_phone_number_id, row.contact_phone, message.data);
  stopTimer();

  if (result.ok) {
    try {
      await withPlatform(deps.pool, async (tx) => {
        await markOutboxSent(tx, row.id, result.wamid);
        if (row.broadcast_id !== null) await applyBroadcastStatus(tx, row.broadcast_id);
      });
    } catch (err) {
      // Meta accepted the message but we could not record it: a retry may send it twice.
      deps.metrics.possibleDuplicateSends.inc();
      throw err;
    }
    deps.metrics.sends.inc({ result: "sent" });
    log.info({ phoneMasked: maskPhone(row.contact_phone) }, "message sent");
    return result.wamid;
  }

  const error = { code: result.code === null ? result.reason : String(result.code), message: result.message };
  const lastAttempt = row.attempts >= (job.opts.attempts ?? 1);
  if (result.alert) log.error({ code: result.code, reason: result.reason }, "graph api needs an operator");
  if (result.retryable && !lastAttempt) {
    deps.metrics.sends.inc({ result: "retry" });
    // The row stays queued, so the next attempt claims it again.
    await withPlatform(deps.pool, (tx) => recordOutboxError(tx, row.id, error));
    log.warn({ code: result.code, reason: result.reason, attempt: row.attempts }, "send failed; will retry");
    throw new Error(`send failed (${result.reason}); retrying`);
  }
  await withPlatform(deps.pool, async (tx) => {
    await markOutboxFailed(tx, row.id, error);
    if (row.broadcast_id !== null) await applyBroadcastStatus(tx, row.broadcast_id);
  });
  deps.metrics.sends.inc({ result: "failed" });
  log.warn({ code: result.code, reason: result.reason }, "send failed for good");
  if (row.id === jobOutboxId) throw new UnrecoverableError(`send failed (${result.reason})`);
  return "failed";
}
