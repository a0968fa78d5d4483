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
import { noRows, sql, type Tx } from "../db/sql.ts";
import { withPlatform } from "../db/withTenant.ts";
import { applyBroadcastStatusChange } from "../domain/broadcasts/applyBroadcastStatusChange.ts";
import { skipUnwantedBroadcastMessage } from "../domain/broadcasts/skipUnwantedBroadcastMessage.ts";
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
  /** Paces claims before a transaction opens, so waiting for the rate holds no connection. */
  limiter: ReturnType<typeof createSlidingWindowLimiter>;
  /**
   * The strict limit, taken immediately before each Graph API call: claims can be delayed by
   * different amounts (pool, locks), so pacing them alone lets calls bunch up in one second.
   */
  sendLimiter: ReturnType<typeof createSlidingWindowLimiter>;
  log: Logger;
  metrics: Metrics;
};

/**
 * Sends the outbox row a job names, after any older queued rows for the same person (so a
 * person's replies arrive in the order they were written). Per row, in one transaction that
 * holds the recipient's advisory lock (so two worker processes never send to one person at the
 * same time: no duplicate, no overtaking): claim it (rows already sent or failed are skipped),
 * call the Graph API, store the wamid. The rate limit is awaited before the transaction opens,
 * so a throttled send holds no connection. Retryable failures (5xx, 429, 130429, 131056,
 * network) throw so BullMQ retries with backoff; permanent ones (131047, 131026, …) mark the
 * row failed with the code and throw UnrecoverableError: no retry storm.
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
        await deps.limiter.acquire(target.business_phone_number_id);
        const step = await sendNextInLine(deps, job, target, outboxId);
        if (step === null) return outcome;
        if (step.error !== null) throw step.error;
        outcome = step.outcome;
        if (step.rowId === outboxId) return outcome;
      }
    });
  };
}

type Step = { rowId: string; outcome: string; error: Error | null };

/** Claims and sends the recipient's oldest queued row (up to the job's own) under the recipient's lock. */
async function sendNextInLine(
  deps: OutboundDeps,
  job: Job,
  target: { contact_phone: string; seq: number; business_phone_number_id: string },
  jobOutboxId: string,
): Promise<Step | null> {
  const accepted = { value: false };
  try {
    return await withPlatform(deps.pool, async (tx) => {
      await lockRecipient(tx, target.contact_phone);
      const row = await claimNextOutboxMessage(tx, target.contact_phone, target.seq);
      if (row === null) return null;
      return sendOne(deps, tx, job, row, jobOutboxId, accepted);
    });
  } catch (err) {
    // Meta accepted the message but we could not record it: a retry may send it twice.
    if (accepted.value) deps.metrics.possibleDuplicateSends.inc();
    throw err;
  }
}

async function sendOne(deps: OutboundDeps, tx: Tx, job: Job, row: OutboxRow, jobOutboxId: string, accepted: { value: boolean }): Promise<Step> {
  const log = deps.log.child({ outboxId: row.id, tenantId: row.tenant_id, jobId: job.id });
  const message = outMessageSchema.safeParse(row.payload);
  if (!message.success) {
    await markOutboxFailed(tx, row.id, { code: "invalid_message", message: "stored message is invalid" });
    log.error("outbox row holds an invalid message");
    return { rowId: row.id, outcome: "invalid", error: null };
  }

  // A broadcast message whose customer opted out (STOP) or whose broadcast was cancelled since.
  if (row.broadcast_id !== null && (await skipUnwantedBroadcastMessage(tx, row.id))) return { rowId: row.id, outcome: "skipped", error: null };
  await deps.sendLimiter.acquire(row.business_phone_number_id);
  const stopTimer = deps.metrics.sendDuration.startTimer();
  const result = await deps.graph.send(row.business_phone_number_id, row.contact_phone, message.data);
  stopTimer();

  if (result.ok) {
    accepted.value = true;
    await markOutboxSent(tx, row.id, result.wamid);
    if (row.broadcast_id !== null) await applyBroadcastStatusChange(tx, row.broadcast_id, "queued", "sent");
    deps.metrics.sends.inc({ result: "sent" });
    log.info({ phoneMasked: maskPhone(row.contact_phone) }, "message sent");
    return { rowId: row.id, outcome: result.wamid, error: null };
  }

  const error = { code: result.code === null ? result.reason : String(result.code), message: result.message };
  const lastAttempt = row.attempts >= (job.opts.attempts ?? 1);
  if (result.alert) log.error({ code: result.code, reason: result.reason }, "graph api needs an operator");
  if (result.retryable && !lastAttempt) {
    deps.metrics.sends.inc({ result: "retry" });
    // The row stays queued, so the next attempt claims it again; the throw waits for the commit.
    await recordOutboxError(tx, row.id, error);
    log.warn({ code: result.code, reason: result.reason, attempt: row.attempts }, "send failed; will retry");
    return { rowId: row.id, outcome: "retry", error: new Error(`send failed (${result.reason}); retrying`) };
  }
  await markOutboxFailed(tx, row.id, error);
  if (row.broadcast_id !== null) await applyBroadcastStatusChange(tx, row.broadcast_id, "queued", "failed");
  deps.metrics.sends.inc({ result: "failed" });
  log.warn({ code: result.code, reason: result.reason }, "send failed for good");
  if (row.id === jobOutboxId) return { rowId: row.id, outcome: "failed", error: new UnrecoverableError(`send failed (${result.reason})`) };
  return { rowId: row.id, outcome: "failed", error: null };
}

/** Serialises sends to one person across processes until the transaction ends. */
async function lockRecipient(tx: Tx, contactPhone: string): Promise<void> {
  await tx.query(sql.type(noRows)`
    SELECT pg_advisory_xact_lock(hashtextextended(${`outbox:${contactPhone}`}, 0))
  `);
}
