import { z } from "zod";
import type { JobQueue, QueueFactory } from "./queueFactory.ts";

/** Queue names. Jobs carry ids only, never message text or phone numbers. */
export const INBOUND_QUEUE = "inbound";
export const OUTBOUND_QUEUE = "outbound";

export const inboundJobSchema = z.object({ messageId: z.uuid() });
export const outboundJobSchema = z.object({ outboxId: z.uuid() });

/** Tries of one reply, counted on its row (a send in the worker that wrote it is the first). */
export const OUTBOUND_ATTEMPTS = 8;
/** Wait before a reply's first retry; each later one waits twice as long. */
export const OUTBOUND_BACKOFF_MS = 1000;

/** The two message queues, with their job options (idempotent job ids, retries with backoff). */
export function createMessageQueues(queues: QueueFactory): { inbound: JobQueue; outbound: JobQueue } {
  return {
    inbound: queues.queue(INBOUND_QUEUE, {
      attempts: 5,
      backoff: { type: "exponential", delay: 500 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    }),
    outbound: queues.queue(OUTBOUND_QUEUE, {
      attempts: OUTBOUND_ATTEMPTS,
      backoff: { type: "exponential", delay: OUTBOUND_BACKOFF_MS },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    }),
  };
}

const inboundJobId = (messageId: string): string => `in-${messageId}`;
const outboundJobId = (outboxId: string): string => `out-${outboxId}`;

/** Enqueues inbound messages by row id (the job id, so a redelivery adds nothing). */
export async function enqueueInbound(queue: JobQueue, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await queue.addBulk(messageIds.map((messageId) => ({ name: "inbound", data: { messageId }, opts: { jobId: inboundJobId(messageId) } })));
}

/** Enqueues outbox rows by row id (the job id), to run at once or after `delayMs`. */
export async function enqueueOutbound(queue: JobQueue, outboxIds: readonly string[], options: { delayMs?: number } = {}): Promise<void> {
  if (outboxIds.length === 0) return;
  const delay = options.delayMs === undefined ? {} : { delay: options.delayMs };
  await queue.addBulk(outboxIds.map((outboxId) => ({ name: "outbound", data: { outboxId }, opts: { jobId: outboundJobId(outboxId), ...delay } })));
}

/**
 * Queues outbox rows that may have had a job before (a retry, a stranded row). BullMQ ignores an
 * add whose job id it still holds, and a finished job (completed, or failed for good) is kept
 * for a while: it is removed first. A job still waiting, delayed or running is left to finish.
 */
export async function requeueOutbound(queue: JobQueue, outboxIds: readonly string[], options: { delayMs?: number } = {}): Promise<void> {
  await removeFinished(queue, outboxIds.map(outboundJobId));
  await enqueueOutbound(queue, outboxIds, options);
}

/** Queues rows the sweeper found left behind, removing their finished jobs first (see requeueOutbound). */
export async function requeueStranded(queues: { inbound: JobQueue; outbound: JobQueue }, stranded: { inbound: readonly string[]; outbound: readonly string[] }): Promise<void> {
  await removeFinished(queues.inbound, stranded.inbound.map(inboundJobId));
  await enqueueInbound(queues.inbound, stranded.inbound);
  await requeueOutbound(queues.outbound, stranded.outbound);
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
export async function enqueueBroadcastSend(queue: JobQueue, input: { tenantId: string; broadcastId: string }): Promise<void> {
  const jobId = `bsend-${input.broadcastId}`;
  await removeFinished(queue, [jobId]);
  await queue.add(BROADCAST_SEND_JOB, { tenantId: input.tenantId, broadcastId: input.broadcastId }, { jobId, removeOnComplete: true });
}
