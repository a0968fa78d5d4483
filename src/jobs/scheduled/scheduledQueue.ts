import type { JobQueue, QueueFactory } from "../../queues/queueFactory.ts";
import { SCHEDULED_QUEUE } from "./scheduledJobs.ts";

/**
 * The scheduled-jobs queue with its job options (retries with backoff, how long finished jobs
 * are kept). Every process that adds to it — workers and web-only API processes alike — gets it
 * from here, so a job added by the API has the same retries as one the scheduler adds.
 */
export function scheduledQueue(queues: QueueFactory): JobQueue {
  return queues.queue(SCHEDULED_QUEUE, {
    attempts: 3,
    backoff: { type: "exponential", delay: 5_000 },
    // Kept for two days: a per-tenant job id carries the local date, so a kept job stops the
    // next hourly dispatch from queueing the same night's job again.
    removeOnComplete: { age: 2 * 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  });
}
