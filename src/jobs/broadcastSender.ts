import { DelayedError, type Job } from "bullmq";
import type { DatabasePool } from "slonik";
import type { Tx } from "../db/sql.ts";
import { withTenant } from "../db/withTenant.ts";
import type { BroadcastStatus } from "../domain/broadcasts/broadcastRecord.ts";
import {
  claimBroadcastMessages,
  type ClaimedBatch,
  type ClaimedMessage,
} from "../domain/broadcasts/claimBroadcastMessages.ts";
import { recordBroadcastOutcomes, type BroadcastOutcome } from "../domain/broadcasts/recordBroadcastOutcomes.ts";
import { recoverStaleBroadcastClaims } from "../domain/broadcasts/recoverStaleBroadcastClaims.ts";
import { releaseBroadcastClaims } from "../domain/broadcasts/releaseBroadcastClaims.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import {
  isNumberThrottled,
  THROTTLED_NUMBER_PAUSE_MS,
  type GraphClient,
  type GraphMessage,
} from "../whatsapp/graphClient.ts";
import { outMessageSchema } from "../whatsapp/outMessage.ts";
import { broadcastSendJobSchema, OUTBOUND_ATTEMPTS, OUTBOUND_BACKOFF_MS } from "../queues/messageQueues.ts";
import type { SendPermit, SlidingWindowLimiter } from "../queues/slidingWindowLimiter.ts";

export type BroadcastSenderDeps = {
  pool: DatabasePool;
  graph: GraphClient;
  /** The per-number limiter the reply path shares: broadcasts wait behind replies ("bulk"). */
  limiter: SlidingWindowLimiter;
  /** The configured send rate per number: sizes the batches (about a quarter second of sends). */
  ratePerSecond: number;
  log: Logger;
  metrics: Metrics;
  /** How often results are written and the broadcast's status read (a cancel is seen this fast). */
  flushIntervalMs?: number;
  /** Claims older than this belong to a sender that died (see recoverStaleBroadcastClaims). */
  staleClaimMs?: number;
};

/** As many attempts as a reply has (then the last error is final), retried after the same backoff (doubling). */
const MAX_SEND_ATTEMPTS = OUTBOUND_ATTEMPTS;
const RETRY_BASE_MS = OUTBOUND_BACKOFF_MS;
const FLUSH_INTERVAL_MS = 100;
const FLUSH_AT_OUTCOMES = 200;
const STALE_CLAIM_MS = 5 * 60_000;
/** A stopped sender's job comes back this much later, on this worker after a restart or another. */
const RESUME_DELAY_MS = 1000;

export type BroadcastSender = {
  /** The outbound queue's processor for `broadcast-send` jobs. */
  process(job: Job, token?: string): Promise<unknown>;
  /** Sends the broadcast until nothing is left to send, it is cancelled, or the sender stops. */
  run(target: { tenantId: string; broadcastId: string }): Promise<SendTally>;
  /** Asks running senders to stop claiming, finish and record the sends in flight, and hand back the rest. */
  stop(): void;
};

/**
 * Sends a broadcast's outbox rows: claims a batch of queued rows (skipping, in the same
 * statement, customers who opted out and a cancelled broadcast), sends them concurrently, each
 * as soon as the per-number limiter grants it, and records wamids, failures and the counters in
 * one transaction every 0.1 s. The next batch is claimed while this one is sent, so the limiter
 * never waits for the database. No transaction stays open across a Graph API call.
 *
 * Guarantees: a row is sent by one sender at a time (claims skip locked rows and leave the row
 * `sending`; the job id is the broadcast's); a row recorded `sent` is never sent again; a stop
 * (SIGTERM) records every send in flight and puts unsent claims back, so a restart sends no
 * duplicate. Retryable Graph errors (5xx, 429, 130429, 131056, network) are retried with backoff
 * (1 s, doubling) up to 8 attempts; permanent ones (131047, 131026, …) fail the row at once with
 * Meta's code and text. Only a crash between Meta's answer and the next write (0.1 s) can lead
 * to a second send, when the stale claim is recovered minutes later (counted as a possible duplicate).
 */
export function createBroadcastSender(deps: BroadcastSenderDeps): BroadcastSender {
  const stopping = new AbortController();
  return {
    run: (target) => sendBroadcast(deps, target, stopping.signal),
    async process(job, token) {
      const target = broadcastSendJobSchema.parse(job.data);
      const outcome = await sendBroadcast(deps, target, stopping.signal);
      if (outcome.stopped && token !== undefined) {
        // Not finished: back to the queue (no attempt used), so a worker resumes it shortly.
        await job.moveToDelayed(Date.now() + RESUME_DELAY_MS, token);
        throw new DelayedError();
      }
      return outcome;
    },
    stop() {
      stopping.abort();
    },
  };
}

type Target = { tenantId: string; broadcastId: string };

export type SendTally = {
  sent: number;
  failed: number;
  retried: number;
  skipped: number;
  stopped: boolean;
  cancelled: boolean;
};

async function sendBroadcast(deps: BroadcastSenderDeps, target: Target, signal: AbortSignal): Promise<SendTally> {
  const log = deps.log.child({ tenantId: target.tenantId, broadcastId: target.broadcastId });
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(deps.pool, target.tenantId, fn);
  const staleClaimMs = deps.staleClaimMs ?? STALE_CLAIM_MS;
  const batchSize = Math.min(250, Math.max(1, Math.ceil(deps.ratePerSecond / 4)));
  const tally: SendTally = { sent: 0, failed: 0, retried: 0, skipped: 0, stopped: false, cancelled: false };

  const recovered = await inTenant((tx) =>
    recoverStaleBroadcastClaims(tx, { broadcastId: target.broadcastId, olderThanMs: staleClaimMs }),
  );
  if (recovered > 0) {
    deps.metrics.possibleDuplicateSends.inc(recovered);
    log.warn({ recovered }, "broadcast messages left sending by a worker that died queued again");
  }

  const recorder = createOutcomeRecorder(deps, target, log, (status) => {
    if (status === "cancelled") tally.cancelled = true;
  });
  const inFlight = new Set<Promise<void>>();
  const retries: Array<{ message: ClaimedMessage; dueAt: number }> = [];
  const unsent: string[] = [];
  const halted = () => signal.aborted || tally.cancelled;

  const claim = (): Promise<ClaimedBatch> =>
    inTenant((tx) => claimBroadcastMessages(tx, { broadcastId: target.broadcastId, limit: batchSize }));

  async function dispatch(message: ClaimedMessage): Promise<void> {
    const parsed = outMessageSchema.safeParse(message.payload);
    // Broadcasts are templates (sent outside the 24-hour window); a stored image is never one.
    if (!parsed.success || parsed.data.kind === "image") {
      tally.failed += 1;
      recorder.add({ id: message.id, kind: "failed", code: "invalid_message", message: "stored message is invalid" });
      log.error({ outboxId: message.id }, "outbox row holds an invalid message");
      return;
    }
    const permit = await deps.limiter.acquire(message.business_phone_number_id, "bulk");
    if (halted()) {
      permit.done(false);
      unsent.push(message.id);
      return;
    }
    const sending = sendOne(message, parsed.data, permit)
      .catch((err: unknown) => {
        // Not expected (the client resolves every failure): the row is handed back unsent.
        log.error({ err, outboxId: message.id }, "broadcast send threw");
        unsent.push(message.id);
      })
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  }

  async function sendOne(message: ClaimedMessage, body: GraphMessage, permit: SendPermit): Promise<void> {
    const stopTimer = deps.metrics.sendDuration.startTimer();
    const result = await deps.graph.send(message.business_phone_number_id, message.contact_phone, body).finally(() => {
      permit.done(true);
      stopTimer();
    });
    if (result.ok) {
      tally.sent += 1;
      deps.metrics.sends.inc({ result: "sent" });
      recorder.add({ id: message.id, kind: "sent", wamid: result.wamid });
      return;
    }
    const error = { code: result.code === null ? result.reason : String(result.code), message: result.message };
    if (result.alert)
      log.error({ outboxId: message.id, code: result.code, reason: result.reason }, "graph api needs an operator");
    if (isNumberThrottled(result)) {
      deps.limiter.pause(message.business_phone_number_id, THROTTLED_NUMBER_PAUSE_MS);
      log.warn({ code: result.code }, "sending number throttled by Meta; pausing its sends");
    }
    if (result.retryable && message.attempts < MAX_SEND_ATTEMPTS) {
      tally.retried += 1;
      deps.metrics.sends.inc({ result: "retry" });
      recorder.add({ id: message.id, kind: "retry", ...error });
      retries.push({
        message: { ...message, attempts: message.attempts + 1 },
        dueAt: Date.now() + RETRY_BASE_MS * 2 ** (message.attempts - 1),
      });
      log.warn(
        { outboxId: message.id, code: result.code, reason: result.reason, attempt: message.attempts },
        "send failed; will retry",
      );
      return;
    }
    tally.failed += 1;
    deps.metrics.sends.inc({ result: "failed" });
    recorder.add({ id: message.id, kind: "failed", ...error });
    log.warn({ outboxId: message.id, code: result.code, reason: result.reason }, "send failed for good");
  }

  function takeDueRetries(): ClaimedMessage[] {
    const now = Date.now();
    const due = retries.filter((r) => r.dueAt <= now);
    for (const r of due) retries.splice(retries.indexOf(r), 1);
    return due.map((r) => r.message);
  }

  /** Resolves when something may have changed: a send ends, a retry falls due, a stop, or 0.1 s. */
  function somethingChanged(): Promise<unknown> {
    const nextDue = Math.min(...retries.map((r) => r.dueAt), Date.now() + FLUSH_INTERVAL_MS);
    return Promise.race([...inFlight, delay(Math.max(1, nextDue - Date.now()), signal)]);
  }

  let prefetch: Promise<ClaimedBatch> | null = claim();
  try {
    for (;;) {
      if (halted()) break;
      const due = takeDueRetries();
      if (due.length > 0) {
        for (const message of due) await dispatch(message);
        continue;
      }
      if (prefetch === null) {
        if (inFlight.size === 0 && retries.length === 0) break;
        await somethingChanged();
        continue;
      }
      const batch: ClaimedBatch = await prefetch;
      prefetch = null;
      tally.skipped += batch.skipped;
      if (batch.broadcastStatus === "cancelled") tally.cancelled = true;
      if (batch.messages.length === 0) continue;
      // Claim the next batch while this one is sent.
      prefetch = claim();
      for (const message of batch.messages) {
        if (halted()) unsent.push(message.id);
        else await dispatch(message);
      }
    }
  } finally {
    const pending = prefetch === null ? null : await prefetch.catch(() => null);
    unsent.push(...(pending?.messages.map((m) => m.id) ?? []), ...retries.splice(0).map((r) => r.message.id));
    await Promise.allSettled(inFlight);
    await recorder.close();
    // A cancel seen only now (in the last write) still fails the rest rather than queueing it.
    const released = await inTenant((tx) =>
      releaseBroadcastClaims(tx, { broadcastId: target.broadcastId, ids: unsent, cancelled: tally.cancelled }),
    );
    if (released > 0)
      log.info({ released, cancelled: tally.cancelled }, "claimed broadcast messages handed back unsent");
  }
  tally.stopped = signal.aborted && !tally.cancelled;
  log.info({ ...tally }, tally.stopped ? "broadcast sender stopped" : "broadcast sender finished");
  return tally;
}

/**
 * Buffers send outcomes and writes them in one transaction every flush interval (or sooner when
 * many are waiting), one write at a time; each write also reads the broadcast's status.
 */
function createOutcomeRecorder(
  deps: BroadcastSenderDeps,
  target: Target,
  log: Logger,
  onStatus: (status: BroadcastStatus | null) => void,
) {
  let buffer: BroadcastOutcome[] = [];
  let writing: Promise<void> | null = null;
  const interval = deps.flushIntervalMs ?? FLUSH_INTERVAL_MS;

  async function write(): Promise<void> {
    const outcomes = buffer;
    buffer = [];
    try {
      const status = await withTenant(deps.pool, target.tenantId, (tx) =>
        recordBroadcastOutcomes(tx, target.broadcastId, outcomes),
      );
      onStatus(status);
    } catch (err) {
      // Kept for the next write: the rows stay `sending` until it succeeds.
      buffer = [...outcomes, ...buffer];
      throw err;
    }
  }

  function flush(): Promise<void> {
    writing ??= write()
      .catch((err: unknown) =>
        log.warn({ err, waiting: buffer.length }, "recording broadcast sends failed; will retry"),
      )
      .finally(() => {
        writing = null;
      });
    return writing;
  }

  const timer = setInterval(() => void flush(), interval);
  return {
    add(outcome: BroadcastOutcome): void {
      buffer.push(outcome);
      if (buffer.length >= FLUSH_AT_OUTCOMES) void flush();
    },
    /** Writes what is left, retrying a few times.
     * @throws the last database error when the outcomes could not be written (the job fails and is retried). */
    async close(): Promise<void> {
      clearInterval(timer);
      for (let attempt = 1; ; attempt += 1) {
        await writing;
        if (buffer.length === 0) return;
        try {
          await write();
        } catch (err) {
          if (attempt >= 5) {
            const accepted = buffer.filter((o) => o.kind === "sent").length;
            // Meta has these; until recorded (stale claims recovered) they may be sent again.
            deps.metrics.possibleDuplicateSends.inc(accepted);
            throw err;
          }
          await delay(attempt * 500);
        }
      }
    },
  };
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
