import type { JobQueue, QueueFactory } from "../../queues/queueFactory.ts";
import { JOB } from "./scheduledJobs.ts";
import { scheduledQueue } from "./scheduledQueue.ts";

/**
 * Queues the start of a broadcast that `sendBroadcastNow` (or its schedule) made due; call it
 * after that transaction commits. The job id is the broadcast's, so asking twice starts it once;
 * a start that failed all its attempts (kept for a week) is removed first, so asking again
 * (the minute scan of due broadcasts) can retry it.
 */
export async function enqueueBroadcastStart(
  queues: QueueFactory | JobQueue,
  input: { tenantId: string; broadcastId: string },
): Promise<void> {
  const queue = "queue" in queues ? scheduledQueue(queues) : queues;
  const jobId = `bcast-${input.broadcastId}`;
  const previous = await queue.getJob(jobId);
  if (previous !== undefined && (await previous.isFailed())) await previous.remove();
  await queue.add(JOB.broadcastStart, { tenantId: input.tenantId, broadcastId: input.broadcastId }, { jobId });
}
