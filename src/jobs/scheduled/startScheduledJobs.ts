import type { DatabasePool } from "slonik";
import type { Config } from "../../config.ts";
import type { Logger } from "../../logger.ts";
import type { PaystackClient } from "../../paystack/paystackClient.ts";
import type { JobQueue, JobWorker, QueueFactory } from "../../queues/queueFactory.ts";
import { runScheduledJob } from "./runScheduledJob.ts";
import { scheduledQueue } from "./scheduledQueue.ts";
import { JOB, SCHEDULED_QUEUE } from "./scheduledJobs.ts";

export type ScheduledJobsDeps = {
  pool: DatabasePool;
  queues: QueueFactory;
  config: Config;
  log: Logger;
  /** The outbound message queue (reminders and broadcasts write outbox rows). */
  outbound: JobQueue;
  /**
   * Register the platform-wide schedules (default true). Without them the worker still runs
   * the jobs queued explicitly (a broadcast's start): several test apps sharing one database
   * must not each scan every tenant's broadcasts onto their own queues.
   */
  schedules?: boolean;
  /** Billing: Paystack for renewal charges and pay links (null or absent: none). */
  paystack?: PaystackClient | null;
};

export type ScheduledJobs = { queue: JobQueue; worker: JobWorker };

/**
 * The platform-wide job schedulers (BullMQ `upsertJobScheduler`, so every worker process may
 * call this and there is still one schedule of each) and the worker that runs them:
 * - hourly `dispatch-tenant-jobs`: per tenant, its nightly points expiry, expiry reminders,
 *   stale redemptions, birthday bonuses, win-back (inactive customers), yesterday's daily metrics and this month's usage, once per local date
 *   in the tenant's timezone;
 * - hourly `subscription-status`: ended trials and lapsed subscriptions suspended;
 * - every minute `start-due-broadcasts`: scheduled broadcasts whose time has come started;
 * - every minute `campaign-schedules`: scheduled campaigns started, ended ones completed;
 * - hourly `campaign-stats`: campaign participants and conversions recounted from the ledger.
 * - hourly `billing-cycle`: each tenant's daily billing round (renewals, reminders, suspension)
 *   queued once its local morning has come.
 * Call for the `all` and `worker` roles.
 */
export async function startScheduledJobs(deps: ScheduledJobsDeps): Promise<ScheduledJobs> {
  const queue = scheduledQueue(deps.queues);
  const schedules: { id: string; pattern: string }[] = [
    { id: JOB.dispatchTenantJobs, pattern: "5 * * * *" },
    { id: JOB.subscriptionStatus, pattern: "15 * * * *" },
    { id: JOB.startDueBroadcasts, pattern: "* * * * *" },
    { id: JOB.campaignSchedules, pattern: "* * * * *" },
    { id: JOB.campaignStats, pattern: "35 * * * *" },
    { id: JOB.billingCycle, pattern: "25 * * * *" },
  ];
  for (const schedule of deps.schedules === false ? [] : schedules) {
    await queue.upsertJobScheduler(
      schedule.id,
      { pattern: schedule.pattern, tz: "UTC" },
      { name: schedule.id, data: {} },
    );
  }
  const jobDeps = {
    pool: deps.pool,
    log: deps.log,
    outbound: deps.outbound,
    scheduled: queue,
    defaultPhoneNumberId: deps.config.whatsapp.phoneNumberId ?? "sandbox",
    paystack: deps.paystack ?? null,
    billingGraceDays: deps.config.billing.graceDays,
  };
  const worker = deps.queues.worker(
    SCHEDULED_QUEUE,
    (job) =>
      runScheduledJob(jobDeps, {
        name: job.name,
        data: job.data,
        id: job.id ?? `${job.name}-${Date.now()}`,
        attempt: job.attemptsMade + 1,
        maxAttempts: job.opts.attempts ?? 1,
      }),
    { concurrency: 4, lockDuration: 120_000 },
  );
  return { queue, worker };
}
