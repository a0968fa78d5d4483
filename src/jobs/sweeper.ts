import type { DatabasePool } from "slonik";
import { applyParkedStatusCallbacks } from "../conversation/applyStatusCallbacks.ts";
import { dropStaleParkedStatusCallbacks } from "../db/parkedStatusCallbacks.ts";
import type { InboxScope } from "../db/inboxScope.ts";
import { findStrandedReplies } from "../db/whatsappMessages.ts";
import { withPlatform } from "../db/withTenant.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import { requeueOutbound } from "../queues/messageQueues.ts";
import type { JobQueue } from "../queues/queueFactory.ts";
import type { ReplyHandOff } from "./replyHandOff.ts";

/** What one sweep did: replies sent or queued again, and parked status callbacks applied or dropped. */
export type SweepResult = {
  outbound: number;
  orphaned: number;
  parkedStatusesApplied: number;
  parkedStatusesDropped: number;
};

/** A parked status callback that found no message in a day was not for one of ours. */
const PARKED_STATUS_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A reply queued unsent this long after it was written is queued again (its hand-off failed, or
 * its overflow job was lost with Redis's data). Under load a live worker's replies wait in its
 * own sender: a shorter time would queue them all a second time for nothing.
 */
export const STRANDED_AFTER_MS = 30_000;
/**
 * A reply queued this long after a failed try is queued again: its retry job (first backoff 1 s)
 * may have gone with Redis's data. Queuing again is safe: a job still waiting keeps its id (BullMQ
 * adds nothing), and the claim lets one sender have the row.
 */
export const RETRY_STRANDED_AFTER_MS = 5_000;

/** How often a worker sweeps: a dead worker's replies are picked up within this of its death. */
export const SWEEP_INTERVAL_MS = 2_000;

/**
 * Repairs the outbound side (the inbox needs no sweeper: workers drain it by polling). Replies
 * whose worker died (its lease is gone: see workerSession.ts) are handed to this process's reply
 * sender at once, with no Redis involved; replies a live worker left queued too long (see
 * STRANDED_AFTER_MS and RETRY_STRANDED_AFTER_MS) are queued again on the outbound queue (job ids are the row ids, so a job still waiting gets no second one; the sender skips
 * rows already sent). Also applies status callbacks that arrived before their message's wamid
 * was recorded (parked by the webhook), once it is.
 */
export function createSweeper(deps: {
  pool: DatabasePool;
  outbound: JobQueue;
  /** The numbers this process serves: it repairs only their replies. */
  scope: InboxScope;
  /** This process's reply sender; a web-only process has none and queues orphans instead. */
  replies: ReplyHandOff | undefined;
  log: Logger;
  metrics: Metrics;
  olderThanMs?: number;
}): { start(intervalMs?: number): void; stop(): void; sweepOnce(): Promise<SweepResult> } {
  const olderThanMs = deps.olderThanMs ?? STRANDED_AFTER_MS;
  const retriedOlderThanMs = Math.min(olderThanMs, RETRY_STRANDED_AFTER_MS);
  let running = false;

  async function sweepOnce(): Promise<SweepResult> {
    const stranded = await withPlatform(deps.pool, (tx) =>
      findStrandedReplies(tx, deps.scope, olderThanMs, retriedOlderThanMs, 500),
    );
    const parked = await withPlatform(deps.pool, async (tx) => ({
      applied: await applyParkedStatusCallbacks(tx),
      dropped: await dropStaleParkedStatusCallbacks(tx, PARKED_STATUS_TTL_MS),
    }));
    if (parked.applied + parked.dropped > 0) {
      deps.log.info({ applied: parked.applied, dropped: parked.dropped }, "sweeper handled parked status callbacks");
    }
    if (deps.replies === undefined) {
      await requeueOutbound(deps.outbound, [...stranded.orphaned, ...stranded.old]);
    } else {
      await deps.replies.handOff(stranded.orphaned);
      await requeueOutbound(deps.outbound, stranded.old);
    }
    const count = stranded.orphaned.length + stranded.old.length;
    deps.metrics.sweeperRequeued.inc({ direction: "outbound" }, count);
    if (count > 0) {
      deps.log.info(
        { orphaned: stranded.orphaned.length, old: stranded.old.length },
        "sweeper picked up stranded replies",
      );
    }
    return {
      outbound: count,
      orphaned: stranded.orphaned.length,
      parkedStatusesApplied: parked.applied,
      parkedStatusesDropped: parked.dropped,
    };
  }

  let timer: NodeJS.Timeout | undefined;
  function sweepInBackground(): void {
    if (running) return;
    running = true;
    sweepOnce()
      .catch((err: unknown) => deps.log.warn({ err }, "sweep failed"))
      .finally(() => {
        running = false;
      });
  }
  return {
    sweepOnce,
    /** Sweeps now and every `intervalMs` (workers run this; a web-only process only sweeps on demand). */
    start(intervalMs = SWEEP_INTERVAL_MS) {
      if (timer !== undefined) return;
      timer = setInterval(sweepInBackground, intervalMs);
      timer.unref();
      sweepInBackground();
    },
    stop: () => clearInterval(timer),
  };
}
