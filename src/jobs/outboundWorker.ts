import { UnrecoverableError, type Job } from "bullmq";
import type { DatabasePool } from "slonik";
import {
  claimReplies,
  recordReplyOutcomes,
  type ClaimedReply,
  type ReplyClaim,
  type ReplyOutcome,
} from "../db/replyOutbox.ts";
import { applyParkedStatusCallbacks } from "../conversation/applyStatusCallbacks.ts";
import { onPlatform, withPlatform } from "../db/withTenant.ts";
import { maskPhone, type Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import { isNumberThrottled, THROTTLED_NUMBER_PAUSE_MS, type GraphClient } from "../whatsapp/graphClient.ts";
import { outMessageSchema } from "../whatsapp/outMessage.ts";
import { coalesceCalls } from "../queues/coalesceCalls.ts";
import { createKeyedMutex } from "../queues/keyedMutex.ts";
import { outboundJobSchema } from "../queues/messageQueues.ts";
import type { SlidingWindowLimiter } from "../queues/slidingWindowLimiter.ts";
import { toGraphMessage } from "./toGraphMessage.ts";

export type OutboundDeps = {
  pool: DatabasePool;
  graph: GraphClient;
  /**
   * The per-number send limit, shared with the broadcast sender. A permit is taken once a reply
   * is claimed and holds its slot until the Graph API call ends, so the limit holds at Meta.
   */
  limiter: SlidingWindowLimiter;
  log: Logger;
  metrics: Metrics;
  /** This worker's lease (workerSession.ts), recorded on the replies it claims; none in some tests. */
  leaseId?: () => number | null;
};

/** What the processor reads of a BullMQ job. */
export type OutboundJob = Pick<Job, "id" | "data" | "opts">;

/** Most rows claimed, or outcomes recorded, in one transaction. */
const MAX_BATCH = 100;
/** How long recording an outcome is tried again while the database is away. */
const RECORD_RETRY_MS = 30_000;
/** How many times a job waits for an earlier reply to the same person before it gives up (and BullMQ retries it). */
const MAX_WAITS = 12;

/**
 * Sends the reply a job names, after any older unsent replies to the same person (so a
 * person's replies arrive in the order they were written), in three steps with no transaction
 * open across the Graph API call:
 * 1. claim (claimReplies): the recipient's next reply becomes `sending`, this job's to send;
 *    while an older reply to them is being sent (here or by another worker) the job waits;
 * 2. send, once the per-number limiter grants it (a reply goes before queued broadcast messages);
 * 3. record (recordReplyOutcomes): the wamid and `sent`, or the failure.
 * Claims and records of jobs running at the same time are coalesced (coalesceCalls): a busy
 * worker pays one transaction per batch, not two per reply.
 *
 * Retryable failures (5xx, 429, 130429, 131056, network) put the row back in line and throw, so
 * BullMQ retries with backoff; permanent ones (131047, 131026, …) mark the row failed with the
 * code and throw UnrecoverableError: no retry storm. A job naming a broadcast row, or a row
 * already sent or failed, does nothing (broadcast rows belong to broadcastSender.ts).
 *
 * Duplicates: a row recorded `sent` is never sent again. Meta may get a message twice only when
 * a worker dies between Meta's answer and the record (one statement): the claim goes stale after
 * a minute and is sent again, counted in `loyalty_outbound_possible_duplicates_total`.
 */
export function createOutboundProcessor(deps: OutboundDeps) {
  const claim = coalesceCalls(
    async (ids: string[]) =>
      onePerReply(await onPlatform(deps.pool, (db) => claimReplies(db, ids, deps.leaseId?.() ?? null))),
    { maxBatch: MAX_BATCH, onBatch: (size) => deps.metrics.outboundBatchSize.observe({ step: "claim" }, size) },
  );
  const record = coalesceCalls(
    async (outcomes: ReplyOutcome[]) => {
      const recorded = await onPlatform(deps.pool, (db) => recordReplyOutcomes(db, outcomes));
      if (recorded.statusCallbacksParked) await applyParkedNow();
      return outcomes.map((outcome) => recorded.moved.has(outcome.id));
    },
    { maxBatch: MAX_BATCH, onBatch: (size) => deps.metrics.outboundBatchSize.observe({ step: "record" }, size) },
  );
  /**
   * Records an outcome, trying again while the database is away (a restart, a failover): the
   * outcome is known only here, and a row left `sending` by a live worker holds up that person's
   * later replies until its claim goes stale (a minute).
   */
  async function recordDurably(outcome: ReplyOutcome): Promise<boolean> {
    const started = Date.now();
    for (let delayMs = 250; ; delayMs = Math.min(delayMs * 2, 2_000)) {
      try {
        return await record(outcome);
      } catch (err) {
        if (Date.now() - started > RECORD_RETRY_MS) throw err;
        deps.log.warn({ err, outboxId: outcome.id }, "reply outcome not recorded; trying again");
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }
  /**
   * Meta's status callback for a reply can beat the record of its wamid (it is then parked):
   * applied as soon as the wamid is recorded, not at the sweeper's next pass. A failure here is
   * left to the sweeper.
   */
  async function applyParkedNow(): Promise<void> {
    try {
      await withPlatform(deps.pool, (tx) => applyParkedStatusCallbacks(tx));
    } catch (err) {
      deps.log.warn({ err }, "parked status callbacks not applied; the sweeper will");
    }
  }
  const perRecipient = createKeyedMutex();
  /** This process's sends in flight, by recipient: a job waiting behind one waits for it to end. */
  const inFlight = new Map<string, Promise<unknown>>();

  /**
   * Sends a claimed reply (recorded as in flight to its recipient, for jobs waiting behind it).
   * @returns the outcome once the job's own row is done, or null when it was an earlier reply
   * and the job goes on to its own.
   * @throws the step's error (a retry, or UnrecoverableError for the job's own row).
   */
  async function sendClaimed(job: OutboundJob, outboxId: string, reply: ClaimedReply): Promise<string | null> {
    const sending = sendOne(deps, job, outboxId, reply, recordDurably);
    const settled = sending.catch(() => undefined);
    inFlight.set(reply.contact_phone, settled);
    let step: Step;
    try {
      step = await sending;
    } finally {
      if (inFlight.get(reply.contact_phone) === settled) inFlight.delete(reply.contact_phone);
    }
    if (step.error !== null) throw step.error;
    return step.rowId === outboxId ? step.outcome : null;
  }

  /**
   * Sends the recipient's replies in line until the job's own row is done. Jobs of this process
   * for one person take turns (perRecipient), so while one reply to them is out, one job waits
   * for it and claims the next, instead of every waiting job claiming again.
   */
  async function sendInLine(job: OutboundJob, outboxId: string, waiting: ReplyClaim | null): Promise<string> {
    let claimed = waiting ?? (await claim(outboxId));
    for (let waits = 0; ; claimed = await claim(outboxId)) {
      // Done here means sent (or failed) by a job ahead of this one in the turn.
      if (claimed.kind === "done") return "skipped";
      if (claimed.kind === "waiting") {
        waits += 1;
        if (waits > MAX_WAITS) throw new Error("an earlier reply to the same person is still being sent; will retry");
        await (inFlight.get(claimed.contactPhone) ?? delay(Math.min(1000, 20 * 2 ** waits)));
        continue;
      }
      const outcome = await sendClaimed(job, outboxId, claimed.reply);
      if (outcome !== null) return outcome;
    }
  }

  return async (job: OutboundJob): Promise<string> => {
    const { outboxId } = outboundJobSchema.parse(job.data);
    const first = await claim(outboxId);
    if (first.kind === "done") return "skipped";
    if (first.kind === "waiting") return perRecipient.run(first.contactPhone, () => sendInLine(job, outboxId, first));
    // A claim already held is sent at once, outside the turn: waiting for a turn with it would
    // hold up the others. Claims are held only while sending, never carried into a turn.
    const outcome = await sendClaimed(job, outboxId, first.reply);
    if (outcome !== null) return outcome;
    return perRecipient.run(first.reply.contact_phone, () => sendInLine(job, outboxId, null));
  };
}

/**
 * Jobs claimed together for one recipient are answered with the same row: the first gets it,
 * the others wait for it (they claim again once it is sent).
 */
function onePerReply(claims: ReplyClaim[]): ReplyClaim[] {
  const given = new Set<string>();
  return claims.map((claimed) => {
    if (claimed.kind !== "claimed") return claimed;
    if (given.has(claimed.reply.id)) return { kind: "waiting", contactPhone: claimed.reply.contact_phone };
    given.add(claimed.reply.id);
    return claimed;
  });
}

type Step = { rowId: string; outcome: string; error: Error | null };

async function sendOne(
  deps: OutboundDeps,
  job: OutboundJob,
  outboxId: string,
  reply: ClaimedReply,
  record: (outcome: ReplyOutcome) => Promise<boolean>,
): Promise<Step> {
  const log = deps.log.child({ outboxId: reply.id, tenantId: reply.tenant_id, jobId: job.id });
  if (reply.recovered) {
    deps.metrics.possibleDuplicateSends.inc();
    log.warn({ attempt: reply.attempts }, "reply left sending by a worker that died; sending it again");
  }
  const message = outMessageSchema.safeParse(reply.payload);
  if (!message.success) {
    await record({ id: reply.id, kind: "failed", code: "invalid_message", message: "stored message is invalid" });
    log.error("outbox row holds an invalid message");
    return { rowId: reply.id, outcome: "invalid", error: null };
  }

  // An image is uploaded (or its earlier upload found) before the send permit is taken.
  const prepared = await toGraphMessage(deps, reply.business_phone_number_id, message.data).catch(
    async (err: unknown) => {
      await record({ id: reply.id, kind: "retry", code: "internal_error", message: "the image could not be prepared" });
      throw err;
    },
  );
  const permit = await deps.limiter.acquire(reply.business_phone_number_id, "reply");
  const stopTimer = deps.metrics.sendDuration.startTimer();
  const sending = prepared.ok
    ? deps.graph.send(reply.business_phone_number_id, reply.contact_phone, prepared.message)
    : Promise.resolve(prepared);
  const result = await sending
    .catch(async (err: unknown) => {
      // Not expected (the client resolves every failure): put the row back in line rather than
      // leave it claimed until the claim goes stale, and let BullMQ retry.
      await record({ id: reply.id, kind: "retry", code: "internal_error", message: "the send failed unexpectedly" });
      throw err;
    })
    .finally(() => {
      permit.done(true);
      stopTimer();
    });

  if (result.ok) {
    const recorded = await record({ id: reply.id, kind: "sent", wamid: result.wamid }).catch((err: unknown) => {
      // Meta has it, but the claim stays `sending`: once stale it may be sent again.
      deps.metrics.possibleDuplicateSends.inc();
      throw err;
    });
    // Only a claim taken over as stale (this send outlived it) is no longer ours to record.
    if (!recorded) log.warn("reply sent after its claim went stale; another worker may send it too");
    deps.metrics.sends.inc({ result: "sent" });
    log.info({ phoneMasked: maskPhone(reply.contact_phone) }, "message sent");
    return { rowId: reply.id, outcome: result.wamid, error: null };
  }

  const error = { code: result.code === null ? result.reason : String(result.code), message: result.message };
  const lastAttempt = reply.attempts >= (job.opts.attempts ?? 1);
  if (result.alert) log.error({ code: result.code, reason: result.reason }, "graph api needs an operator");
  if (isNumberThrottled(result)) {
    deps.limiter.pause(reply.business_phone_number_id, THROTTLED_NUMBER_PAUSE_MS);
    log.warn({ code: result.code }, "sending number throttled by Meta; pausing its sends");
  }
  if (result.retryable && !lastAttempt) {
    deps.metrics.sends.inc({ result: "retry" });
    // Back in line: the next attempt (this job's retry, or a later reply's job) claims it again.
    await record({ id: reply.id, kind: "retry", ...error });
    log.warn({ code: result.code, reason: result.reason, attempt: reply.attempts }, "send failed; will retry");
    return { rowId: reply.id, outcome: "retry", error: new Error(`send failed (${result.reason}); retrying`) };
  }
  await record({ id: reply.id, kind: "failed", ...error });
  deps.metrics.sends.inc({ result: "failed" });
  log.warn({ code: result.code, reason: result.reason }, "send failed for good");
  return {
    rowId: reply.id,
    outcome: "failed",
    error: reply.id === outboxId ? new UnrecoverableError(`send failed (${result.reason})`) : null,
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
