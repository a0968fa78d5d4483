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
import { maskPhone, type Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import { isNumberThrottled, THROTTLED_NUMBER_PAUSE_MS, type GraphClient } from "../whatsapp/graphClient.ts";
import { outMessageSchema } from "../whatsapp/outMessage.ts";
import { outboundJobSchema } from "./messageQueues.ts";
import { createKeyedMutex } from "./keyedMutex.ts";
import type { SendPermit, SlidingWindowLimiter } from "./slidingWindowLimiter.ts";

export type OutboundDeps = {
  pool: DatabasePool;
  graph: GraphClient;
  /**
   * The per-number send limit, shared with the broadcast sender. A permit is taken before the
   * transaction opens (waiting for the rate holds no connection) and holds its slot until the
   * Graph API call ends, so the limit holds at Meta however long the claim takes.
   */
  limiter: SlidingWindowLimiter;
  log: Logger;
  metrics: Metrics;
};

/**
 * Sends the reply a job names, after any older queued replies to the same person (so a
 * person's replies arrive in the order they were written). Per row, in one transaction that
 * holds the recipient's advisory lock (so two worker processes never send to one person at the
 * same time: no duplicate, no overtaking): claim it (rows already sent or failed are skipped),
 * call the Graph API, store the wamid. The rate limit is awaited before the transaction opens,
 * so a throttled send holds no connection, and a reply goes before queued broadcast messages.
 * Retryable failures (5xx, 429, 130429, 131056, network) throw so BullMQ retries with backoff;
 * permanent ones (131047, 131026, …) mark the row failed with the code and throw
 * UnrecoverableError: no retry storm. Broadcast rows belong to the broadcast sender
 * (broadcastSender.ts): a job naming one is skipped.
 */
export function createOutboundProcessor(deps: OutboundDeps) {
  const perRecipient = createKeyedMutex();
  return async (job: Job): Promise<string> => {
    const { outboxId } = outboundJobSchema.parse(job.data);
    const target = await withPlatform(deps.pool, (tx) => findOutboxMessage(tx, outboxId));
    if (target === null || target.whatsapp_status !== "queued" || target.broadcast_id !== null) return "skipped";
    return perRecipient.run(target.contact_phone, async () => {
      let outcome = "skipped";
      for (;;) {
        const permit = await deps.limiter.acquire(target.business_phone_number_id, "reply");
        const step = await sendNextInLine(deps, job, target, outboxId, permit).finally(() => permit.done(false));
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
  permit: SendPermit,
): Promise<Step | null> {
  const accepted = { value: false };
  try {
    return await withPlatform(deps.pool, async (tx) => {
      await lockRecipient(tx, target.contact_phone);
      const row = await claimNextOutboxMessage(tx, target.contact_phone, target.seq);
      if (row === null) return null;
      // An older reply to this person from another of our numbers: that number's limit applies.
      if (row.business_phone_number_id !== target.business_phone_number_id) {
        permit.done(false);
        const own = await deps.limiter.acquire(row.business_phone_number_id, "reply");
        return sendOne(deps, tx, job, row, jobOutboxId, accepted, own).finally(() => own.done(false));
      }
      return sendOne(deps, tx, job, row, jobOutboxId, accepted, permit);
    });
  } catch (err) {
    // Meta accepted the message but we could not record it: a retry may send it twice.
    if (accepted.value) deps.metrics.possibleDuplicateSends.inc();
    throw err;
  }
}

async function sendOne(
  deps: OutboundDeps,
  tx: Tx,
  job: Job,
  row: OutboxRow,
  jobOutboxId: string,
  accepted: { value: boolean },
  permit: SendPermit,
): Promise<Step> {
  const log = deps.log.child({ outboxId: row.id, tenantId: row.tenant_id, jobId: job.id });
  const message = outMessageSchema.safeParse(row.payload);
  if (!message.success) {
    await markOutboxFailed(tx, row.id, { code: "invalid_message", message: "stored message is invalid" });
    log.error("outbox row holds an invalid message");
    return { rowId: row.id, outcome: "invalid", error: null };
  }

  const stopTimer = deps.metrics.sendDuration.startTimer();
  const result = await deps.graph.send(row.business_phone_number_id, row.contact_phone, message.data).finally(() => permit.done(true));
  stopTimer();

  if (result.ok) {
    accepted.value = true;
    await markOutboxSent(tx, row.id, result.wamid);
    deps.metrics.sends.inc({ result: "sent" });
    log.info({ phoneMasked: maskPhone(row.contact_phone) }, "message sent");
    return { rowId: row.id, outcome: result.wamid, error: null };
  }

  const error = { code: result.code === null ? result.reason : String(result.code), message: result.message };
  const lastAttempt = row.attempts >= (job.opts.attempts ?? 1);
  if (result.alert) log.error({ code: result.code, reason: result.reason }, "graph api needs an operator");
  if (isNumberThrottled(result)) {
    deps.limiter.pause(row.business_phone_number_id, THROTTLED_NUMBER_PAUSE_MS);
    log.warn({ code: result.code }, "sending number throttled by Meta; pausing its sends");
  }
  if (result.retryable && !lastAttempt) {
    deps.metrics.sends.inc({ result: "retry" });
    // The row stays queued, so the next attempt claims it again; the throw waits for the commit.
    await recordOutboxError(tx, row.id, error);
    log.warn({ code: result.code, reason: result.reason, attempt: row.attempts }, "send failed; will retry");
    return { rowId: row.id, outcome: "retry", error: new Error(`send failed (${result.reason}); retrying`) };
  }
  await markOutboxFailed(tx, row.id, error);
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
