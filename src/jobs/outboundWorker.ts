import { UnrecoverableError, type Job } from "bullmq";
import type { DatabasePool } from "slonik";
import {
  claimOutboxMessage,
  markOutboxFailed,
  markOutboxSent,
  recordOutboxError,
} from "../db/whatsappMessages.ts";
import { withPlatform } from "../db/withTenant.ts";
import { applyBroadcastStatus } from "../conversation/applyBroadcastStatus.ts";
import { maskPhone, type Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { GraphClient } from "../whatsapp/graphClient.ts";
import { outMessageSchema } from "../whatsapp/outMessage.ts";
import { outboundJobSchema } from "./messageQueues.ts";
import type { createSlidingWindowLimiter } from "./slidingWindowLimiter.ts";

export type OutboundDeps = {
  pool: DatabasePool;
  graph: GraphClient;
  limiter: ReturnType<typeof createSlidingWindowLimiter>;
  log: Logger;
  metrics: Metrics;
};

/**
 * Sends one outbox row: claim it (skipped when already sent or failed), wait for the sending
 * number's rate limit, call the Graph API, store the wamid. Retryable failures (5xx, 429,
 * 130429, 131056, network) throw so BullMQ retries with backoff; permanent ones (131047,
 * 131026, …) mark the row failed with the code and throw UnrecoverableError: no retry storm.
 */
export function createOutboundProcessor(deps: OutboundDeps) {
  return async (job: Job): Promise<string> => {
    const { outboxId } = outboundJobSchema.parse(job.data);
    const row = await withPlatform(deps.pool, (tx) => claimOutboxMessage(tx, outboxId));
    if (row === null) return "skipped";
    const log = deps.log.child({ outboxId, tenantId: row.tenant_id, jobId: job.id });
    const message = outMessageSchema.safeParse(row.payload);
    if (!message.success) {
      await withPlatform(deps.pool, (tx) => markOutboxFailed(tx, outboxId, { code: "invalid_message", message: "stored message is invalid" }));
      log.error("outbox row holds an invalid message");
      throw new UnrecoverableError("invalid outbox message");
    }

    await deps.limiter.acquire(row.business_phone_number_id);
    const stopTimer = deps.metrics.sendDuration.startTimer();
    const result = await deps.graph.send(row.business_phone_number_id, row.contact_phone, message.data);
    stopTimer();

    if (result.ok) {
      try {
        await withPlatform(deps.pool, async (tx) => {
          await markOutboxSent(tx, outboxId, result.wamid);
          if (row.broadcast_id !== null) await applyBroadcastStatus(tx, row.broadcast_id);
        });
      } catch (err) {
        // Meta accepted the message but we could not record it: a retry may send it twice.
        deps.metrics.possibleDuplicateSends.inc();
        throw err;
      }
      deps.metrics.sends.inc({ result: "sent" });
      log.info({ to: maskPhone(row.contact_phone) }, "message sent");
      return result.wamid;
    }

    const error = { code: result.code === null ? result.reason : String(result.code), message: result.message };
    const attempts = job.opts.attempts ?? 1;
    const lastAttempt = job.attemptsMade + 1 >= attempts;
    if (result.alert) log.error({ code: result.code, reason: result.reason }, "graph api needs an operator");
    if (result.retryable && !lastAttempt) {
      deps.metrics.sends.inc({ result: "retry" });
      // The row stays queued, so the next attempt claims it again.
      await withPlatform(deps.pool, (tx) => recordOutboxError(tx, outboxId, error));
      log.warn({ code: result.code, reason: result.reason, attempt: job.attemptsMade + 1 }, "send failed; will retry");
      throw new Error(`send failed (${result.reason}); retrying`);
    }
    await withPlatform(deps.pool, async (tx) => {
      await markOutboxFailed(tx, outboxId, error);
      if (row.broadcast_id !== null) await applyBroadcastStatus(tx, row.broadcast_id);
    });
    deps.metrics.sends.inc({ result: "failed" });
    log.warn({ code: result.code, reason: result.reason }, "send failed for good");
    throw new UnrecoverableError(`send failed (${result.reason})`);
  };
}
