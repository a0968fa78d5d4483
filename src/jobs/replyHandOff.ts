import { UnrecoverableError } from "bullmq";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import { enqueueOutbound, OUTBOUND_ATTEMPTS, OUTBOUND_BACKOFF_MS, requeueOutbound } from "../queues/messageQueues.ts";
import type { OutboundJob } from "./outboundWorker.ts";
import type { JobQueue } from "../queues/queueFactory.ts";

export type ReplyHandOff = {
  /**
   * Starts sending replies the engine has just committed, in this process, without waiting for
   * the sends. A reply that finds the process at its limit of sends in flight goes to the
   * outbound queue instead. Resolves once every reply is either sending or queued.
   */
  handOff(outboxIds: readonly string[]): Promise<void>;
  /** Resolves when the sends in flight have ended (a stopping worker waits for them). */
  drain(): Promise<void>;
};

/**
 * The inbound worker hands the replies it wrote to this process's reply sender (the outbound
 * worker's processor: same claim, per-person order, limiter and record), instead of queuing one
 * outbound job per reply: a reply costs no queue round trips and no queue wait. The outbound
 * queue still carries what is not sent here:
 * - overflow: more than `maxInFlight` sends at once;
 * - retries: a send that failed and may be tried again is queued with backoff (BullMQ's retries
 *   take over; the row's attempts already count this one);
 * - a process that dies mid-send leaves its rows `queued` or `sending`: the sweeper queues them.
 * A permanent failure is recorded by the sender and not queued.
 */
export function createReplyHandOff(deps: {
  sendReply: (job: OutboundJob) => Promise<string>;
  outbound: JobQueue;
  maxInFlight: number;
  log: Logger;
  metrics: Metrics;
}): ReplyHandOff {
  const running = new Set<Promise<void>>();

  async function queueForRetry(outboxId: string, err: unknown): Promise<void> {
    deps.metrics.replyHandOffs.inc({ path: "retry" });
    try {
      await requeueOutbound(deps.outbound, [outboxId], { delayMs: OUTBOUND_BACKOFF_MS });
    } catch (queueErr) {
      deps.log.warn({ err: queueErr, outboxId }, "reply retry could not be queued; the sweeper will");
    }
    deps.log.debug({ err, outboxId }, "reply send will be retried by the outbound queue");
  }

  function start(outboxId: string): void {
    deps.metrics.replyHandOffs.inc({ path: "direct" });
    const job: OutboundJob = { id: `direct-${outboxId}`, data: { outboxId }, opts: { attempts: OUTBOUND_ATTEMPTS } };
    const sending = deps.sendReply(job).then(
      () => undefined,
      (err: unknown) => (err instanceof UnrecoverableError ? undefined : queueForRetry(outboxId, err)),
    );
    running.add(sending);
    void sending.finally(() => running.delete(sending));
  }

  return {
    async handOff(outboxIds) {
      const overflow: string[] = [];
      for (const outboxId of outboxIds) {
        if (running.size < deps.maxInFlight) start(outboxId);
        else overflow.push(outboxId);
      }
      if (overflow.length === 0) return;
      deps.metrics.replyHandOffs.inc({ path: "queued" }, overflow.length);
      await enqueueOutbound(deps.outbound, overflow);
    },
    async drain() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
