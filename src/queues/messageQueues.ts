import { z } from "zod";
import type { JobQueue, QueueFactory } from "./queueFactory.ts";

/**
 * Queue names. Jobs carry ids only, never message text or phone numbers. There is no inbound
 * queue: the inbox rows are the queue (conversation/handleInbound.ts).
 */
export const OUTBOUND_QUEUE = "outbound";

export const outboundJobSchema = z.object({ outboxId: z.uuid() });

/** Tries of one reply, counted on its row (a send in the worker that wrote it is the first). */
export const OUTBOUND_ATTEMPTS = 8;
/** Wait before a reply's first retry; each later one waits twice as long. */
export const OUTBOUND_BACKOFF_MS = 1000;

/** The message queue, with its job options (idempotent job ids, retries with backoff). */
export function createMessageQueues(queues: QueueFactory): { outbound: JobQueue } {
  return {
    outbound: queues.queue(OUTBOUND_QUEUE, {
      attempts: OUTBOUND_ATTEMPTS,
      backoff: { type: "exponential", delay: OUTBOUND_BACKOFF_MS },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    }),
  };
}

const outboundJobId = (outboxId: string): string => `out-${outboxId}`;

/** Enqueues outbox rows by row id (the job id), to run at once or after `delayMs`. */
export async function enqueueOutbound(
  queue: JobQueue,
  outboxIds: readonly string[],
  options: { delayMs?: number } = {},
): Promise<void> {
  if (outboxIds.length === 0) return;
  const delay = options.delayMs === undefined ? {} : { delay: options.delayMs };
  await queue.addBulk(
    outboxIds.map((outboxId) => ({
      name: "outbound",
      data: { outboxId },
      opts: { jobId: outboundJobId(outboxId), ...delay },
    })),
  );
}

/**
 * Queues outbox rows that may have had a job before (a retry, a stranded row). BullMQ ignores an
 * add whose job id it still holds, and a finished job (completed, or failed for good) is kept
 * for a while: it is removed first. A job still waiting, delayed or running is left to finish.
 */
export async function requeueOutbound(
  queue: JobQueue,
  outboxIds: readonly string[],
  options: { delayMs?: number } = {},
): Promise<void> {
  await removeFinished(queue, outboxIds.map(outboundJobId));
  await enqueueOutbound(queue, outboxIds, options);
}

/** Removes the jobs of these ids that finished (completed, or failed for good), so the ids can be added again. */
async function removeFinished(queue: JobQueue, jobIds: readonly string[]): Promise<void> {
  for (const jobId of jobIds) {
    const job = await queue.getJob(jobId);
    if (job !== undefined && ((await job.isCompleted()) || (await job.isFailed()))) await job.remove();
  }
}

/**
 * A broadcast's messages are sent by one long-running job on the outbound queue (the broadcast
 * sender), not one job per row: it claims them in batches and records them in batches.
 */
export const BROADCAST_SEND_JOB = "broadcast-send";
export const broadcastSendJobSchema = z.object({ tenantId: z.uuid(), broadcastId: z.uuid() });

/**
 * Queues the sender of a broadcast. The job id is the broadcast's, so asking again while one is
 * waiting or running adds nothing; a finished one is removed at once (asking again after it ends,
 * as the minute scan does for broadcasts still sending, starts a new one), and a failed one is
 * removed first so asking again retries it.
 */
export async function enqueueBroadcastSend(
  queue: JobQueue,
  input: { tenantId: string; broadcastId: string },
): Promise<void> {
  const jobId = `bsend-${input.broadcastId}`;
  await removeFinished(queue, [jobId]);
  await queue.add(
    BROADCAST_SEND_JOB,
    { tenantId: input.tenantId, broadcastId: input.broadcastId },
    { jobId, removeOnComplete: true },
  );
}
