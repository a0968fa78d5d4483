import type { JobQueue, QueueFactory } from "../queueFactory.ts";
import { JOB, SCHEDULED_QUEUE } from "./scheduledJobs.ts";

/**
 * Queues the start of a broadcast that `sendBroadcastNow` (or its schedule) made due; call it
 * after that transaction commits. The job id is the broadcast's, so asking twice starts it once.
 */
export async function enqueueBroadcastStart(queues: QueueFactory | JobQueue, input: { tenantId: string; broadcastId: string }): Promise<void> {
  const queue = "queue" in queues ? queues.queue(SCHEDULED_QUEUE) : queues;
  await queue.add(JOB.broadcastStart, { tenantId: input.tenantId, broadcastId: input.broadcastId }, { jobId: `bcast-${input.broadcastId}` });
}
