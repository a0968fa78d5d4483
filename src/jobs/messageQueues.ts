import { z } from "zod";
import type { JobQueue, QueueFactory } from "./queueFactory.ts";

/** Queue names. Jobs carry ids only, never message text or phone numbers. */
export const INBOUND_QUEUE = "inbound";
export const OUTBOUND_QUEUE = "outbound";

export const inboundJobSchema = z.object({ messageId: z.uuid() });
export const outboundJobSchema = z.object({ outboxId: z.uuid() });

const OUTBOUND_ATTEMPTS = 8;

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
      backoff: { type: "exponential", delay: 1000 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    }),
  };
}

/** Enqueues inbound messages by row id (the job id, so a redelivery adds nothing). */
export async function enqueueInbound(queue: JobQueue, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await queue.addBulk(messageIds.map((messageId) => ({ name: "inbound", data: { messageId }, opts: { jobId: `in-${messageId}` } })));
}

/** Enqueues outbox rows by row id (the job id). */
export async function enqueueOutbound(queue: JobQueue, outboxIds: readonly string[]): Promise<void> {
  if (outboxIds.length === 0) return;
  await queue.addBulk(outboxIds.map((outboxId) => ({ name: "outbound", data: { outboxId }, opts: { jobId: `out-${outboxId}` } })));
}
