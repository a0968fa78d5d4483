import type { DatabasePool } from "slonik";
import { withPlatform, withTenant } from "../../db/withTenant.ts";
import { listDueBroadcasts } from "../../domain/broadcasts/listDueBroadcasts.ts";
import { listSendingBroadcasts } from "../../domain/broadcasts/listSendingBroadcasts.ts";
import { recountBroadcast } from "../../domain/broadcasts/recountBroadcast.ts";
import { startBroadcast } from "../../domain/broadcasts/startBroadcast.ts";
import { expireLots } from "../../domain/ledger/expireLots.ts";
import { advanceCampaignSchedules } from "../../domain/lifecycle/advanceCampaignSchedules.ts";
import { awardBirthdayBonuses } from "../../domain/lifecycle/awardBirthdayBonuses.ts";
import { markInactiveCustomers } from "../../domain/lifecycle/markInactiveCustomers.ts";
import { recountCampaignStats } from "../../domain/lifecycle/recountCampaignStats.ts";
import { countMonthlyUsage } from "../../domain/metrics/countMonthlyUsage.ts";
import { upsertDailyMetrics } from "../../domain/metrics/upsertDailyMetrics.ts";
import { cancelStaleRedemptions } from "../../domain/rewards/cancelStaleRedemptions.ts";
import { queueRedemptionExpiredNotices } from "../../domain/rewards/queueRedemptionExpiredNotices.ts";
import { localDateInTimeZone } from "../../domain/rules/localDateInTimeZone.ts";
import { expireSubscriptions } from "../../domain/subscriptions/expireSubscriptions.ts";
import { getTenantSettings } from "../../domain/tenants/getTenantSettings.ts";
import type { Logger } from "../../logger.ts";
import { enqueueBroadcastSend, enqueueOutbound } from "../../queues/messageQueues.ts";
import type { JobQueue } from "../../queues/queueFactory.ts";
import { dispatchTenantJobs } from "./dispatchTenantJobs.ts";
import { dispatchTenantBilling } from "./dispatchTenantBilling.ts";
import { runTenantBilling } from "./runTenantBilling.ts";
import type { PaystackClient } from "../../paystack/paystackClient.ts";
import { DEFAULT_GRACE_DAYS } from "../../domain/subscriptions/expireSubscriptions.ts";
import { enqueueBroadcastStart } from "./enqueueBroadcastStart.ts";
import { recordJobRun } from "./recordJobRun.ts";
import { runTenantJob } from "./runTenantJob.ts";
import { sendExpiryReminders } from "./sendExpiryReminders.ts";
import {
  broadcastStartJobSchema,
  dailyMetricsJobSchema,
  JOB,
  platformJobSchema,
  tenantJobSchema,
} from "./scheduledJobs.ts";

export type ScheduledJobDeps = {
  pool: DatabasePool;
  log: Logger;
  /** Where outbox rows written by a job are queued for sending (and broadcast senders run). */
  outbound: JobQueue;
  /** The scheduled queue itself (the dispatcher and the due-broadcast scan add jobs to it). */
  scheduled: JobQueue;
  /** The shared sending number, for tenants without their own. */
  defaultPhoneNumberId: string;
  /** Billing: Paystack for renewal charges and pay links (null or absent: none). */
  paystack?: PaystackClient | null;
  /** Billing: days overdue before suspension (BILLING_GRACE_DAYS, default 7). */
  billingGraceDays?: number;
};

/** What a job run is: BullMQ supplies these from its Job; tests may call with their own. */
export type ScheduledJobRun = { name: string; data: unknown; id: string; attempt: number; maxAttempts: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Runs one scheduled or per-tenant job by name and records it in background_jobs. Each job is
 * idempotent: tenant jobs hold an advisory lock per (job, tenant) and their effects are keyed
 * (expired lots are closed, reminders unique per lot, metrics upserted per day, outbox rows
 * unique per broadcast and customer), so a rerun or a second worker changes nothing twice.
 * @throws Error for an unknown job name or malformed job data (a programming error), and
 * whatever the job throws (BullMQ retries it).
 */
export async function runScheduledJob(deps: ScheduledJobDeps, run: ScheduledJobRun): Promise<unknown> {
  const payload = typeof run.data === "object" && run.data !== null ? { ...run.data } : {};
  return recordJobRun(
    deps.pool,
    { jobType: run.name, queueJobId: run.id, payload, attempt: run.attempt, maxAttempts: run.maxAttempts },
    () => execute(deps, run),
  );
}

async function execute(deps: ScheduledJobDeps, run: ScheduledJobRun): Promise<unknown> {
  switch (run.name) {
    case JOB.dispatchTenantJobs: {
      const { now } = platformJobSchema.parse(run.data);
      return dispatchTenantJobs({ pool: deps.pool, queue: deps.scheduled, log: deps.log }, now ?? new Date());
    }
    case JOB.pointsExpiry: {
      const { tenantId, now } = tenantJobSchema.parse(run.data);
      return runTenantJob(deps.pool, { job: run.name, tenantId }, (tx) =>
        expireLots(tx, { tenantId, now: now ?? new Date() }),
      );
    }
    case JOB.expiryReminders: {
      const { tenantId, now } = tenantJobSchema.parse(run.data);
      const outcome = await runTenantJob(deps.pool, { job: run.name, tenantId }, async (tx) => {
        const { timezone } = await getTenantSettings(tx, tenantId);
        return sendExpiryReminders(tx, {
          tenantId,
          now: now ?? new Date(),
          timezone,
          defaultPhoneNumberId: deps.defaultPhoneNumberId,
        });
      });
      if (!outcome.ran) return outcome;
      await enqueueOutbound(deps.outbound, outcome.result.outboxIds);
      return {
        ran: true,
        result: { customersReminded: outcome.result.customersReminded, lotsReminded: outcome.result.lotsReminded },
      };
    }
    case JOB.dailyMetrics: {
      const { tenantId, now, date } = dailyMetricsJobSchema.parse(run.data);
      return runTenantJob(deps.pool, { job: run.name, tenantId }, async (tx) => {
        const { timezone } = await getTenantSettings(tx, tenantId);
        const day = date ?? localIsoDate(new Date((now ?? new Date()).getTime() - DAY_MS), timezone);
        return { date: day, metrics: await upsertDailyMetrics(tx, { tenantId, date: day, timezone }) };
      });
    }
    case JOB.staleRedemptions: {
      const { tenantId, now } = tenantJobSchema.parse(run.data);
      const outcome = await runTenantJob(deps.pool, { job: run.name, tenantId }, async (tx) => {
        const { cancelled } = await cancelStaleRedemptions(tx, { tenantId, now: now ?? new Date() });
        const outboxIds = await queueRedemptionExpiredNotices(tx, {
          tenantId,
          redemptionIds: cancelled,
          defaultPhoneNumberId: deps.defaultPhoneNumberId,
        });
        return { cancelled, outboxIds };
      });
      if (!outcome.ran) return outcome;
      await enqueueOutbound(deps.outbound, outcome.result.outboxIds);
      return { ran: true, result: { cancelled: outcome.result.cancelled } };
    }
    case JOB.monthlyUsage: {
      const { tenantId, now } = tenantJobSchema.parse(run.data);
      return runTenantJob(deps.pool, { job: run.name, tenantId }, async (tx) => {
        const { timezone } = await getTenantSettings(tx, tenantId);
        return countMonthlyUsage(tx, { tenantId, now: now ?? new Date(), timezone });
      });
    }
    case JOB.subscriptionStatus: {
      const { now } = platformJobSchema.parse(run.data);
      return withPlatform(deps.pool, (tx) =>
        expireSubscriptions(tx, { now: now ?? new Date(), graceDays: deps.billingGraceDays ?? DEFAULT_GRACE_DAYS }),
      );
    }
    case JOB.billingCycle: {
      const { now } = platformJobSchema.parse(run.data);
      return dispatchTenantBilling({ pool: deps.pool, queue: deps.scheduled, log: deps.log }, now ?? new Date());
    }
    case JOB.tenantBilling: {
      const { tenantId, now } = tenantJobSchema.parse(run.data);
      return runTenantBilling(
        {
          pool: deps.pool,
          log: deps.log,
          outbound: deps.outbound,
          paystack: deps.paystack ?? null,
          defaultPhoneNumberId: deps.defaultPhoneNumberId,
          graceDays: deps.billingGraceDays ?? DEFAULT_GRACE_DAYS,
        },
        { tenantId, now: now ?? new Date() },
      );
    }
    case JOB.startDueBroadcasts: {
      const { now } = platformJobSchema.parse(run.data);
      const due = await withPlatform(deps.pool, (tx) => listDueBroadcasts(tx, { now: now ?? new Date(), limit: 500 }));
      for (const broadcast of due)
        await enqueueBroadcastStart(deps.scheduled, { tenantId: broadcast.tenantId, broadcastId: broadcast.id });
      // Also settle the counters of broadcasts in flight, complete those with nothing left to
      // send, and make sure each has its sender (the job id is the broadcast's: a running one is
      // left alone; one lost with Redis, or ended with claims of a crashed worker left, restarts).
      const sending = await withPlatform(deps.pool, (tx) => listSendingBroadcasts(tx, { limit: 500 }));
      for (const broadcast of sending) {
        await withTenant(deps.pool, broadcast.tenantId, (tx) => recountBroadcast(tx, broadcast.id));
        await enqueueBroadcastSend(deps.outbound, { tenantId: broadcast.tenantId, broadcastId: broadcast.id });
      }
      return { queued: due.length, recounted: sending.length };
    }
    case JOB.broadcastStart: {
      const { tenantId, broadcastId } = broadcastStartJobSchema.parse(run.data);
      // startBroadcast locks the tenant and the broadcast and checks the status, so a second
      // run (a restart, a second worker) writes nothing and only makes sure the sender runs.
      const started = await withTenant(deps.pool, tenantId, (tx) =>
        startBroadcast(tx, { tenantId, broadcastId, now: new Date(), defaultPhoneNumberId: deps.defaultPhoneNumberId }),
      );
      if (!started.ok) {
        deps.log.warn({ tenantId, broadcastId, reason: started.reason }, "broadcast not started");
        return started;
      }
      await enqueueBroadcastSend(deps.outbound, { tenantId, broadcastId });
      deps.log.info({ tenantId, broadcastId, recipients: started.recipients }, "broadcast started");
      return started;
    }
    case JOB.birthdays: {
      const { tenantId, now } = tenantJobSchema.parse(run.data);
      const outcome = await runTenantJob(deps.pool, { job: run.name, tenantId }, async (tx) => {
        const { timezone } = await getTenantSettings(tx, tenantId);
        return awardBirthdayBonuses(tx, {
          tenantId,
          now: now ?? new Date(),
          timezone,
          defaultPhoneNumberId: deps.defaultPhoneNumberId,
        });
      });
      if (!outcome.ran) return outcome;
      await enqueueOutbound(deps.outbound, outcome.result.outboxIds);
      return { ran: true, result: { customersAwarded: outcome.result.customersAwarded } };
    }
    case JOB.winBack: {
      const { tenantId, now } = tenantJobSchema.parse(run.data);
      return runTenantJob(deps.pool, { job: run.name, tenantId }, async (tx) => {
        const { inactive_after_days } = await getTenantSettings(tx, tenantId);
        return markInactiveCustomers(tx, { tenantId, now: now ?? new Date(), inactiveAfterDays: inactive_after_days });
      });
    }
    case JOB.campaignSchedules: {
      const { now } = platformJobSchema.parse(run.data);
      const moves = await withPlatform(deps.pool, (tx) => advanceCampaignSchedules(tx, { now: now ?? new Date() }));
      for (const move of moves)
        deps.log.info(
          { tenantId: move.tenantId, campaignId: move.campaignId, from: move.from, to: move.to },
          "campaign moved by its schedule",
        );
      return { moved: moves.length };
    }
    case JOB.campaignStats: {
      const { now } = platformJobSchema.parse(run.data);
      return withPlatform(deps.pool, (tx) => recountCampaignStats(tx, { now: now ?? new Date() }));
    }
    default:
      throw new Error(`unknown scheduled job ${run.name}`);
  }
}

function localIsoDate(instant: Date, timezone: string): string {
  const d = localDateInTimeZone(instant, timezone);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}
