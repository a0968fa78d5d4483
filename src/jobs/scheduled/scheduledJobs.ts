import { z } from "zod";

/** The queue every scheduled and per-tenant background job runs on. */
export const SCHEDULED_QUEUE = "scheduled";

/** Job names; each run is recorded in background_jobs under its name. */
export const JOB = {
  dispatchTenantJobs: "dispatch-tenant-jobs",
  pointsExpiry: "points-expiry",
  expiryReminders: "expiry-reminders",
  dailyMetrics: "daily-metrics",
  staleRedemptions: "stale-redemptions",
  monthlyUsage: "monthly-usage",
  subscriptionStatus: "subscription-status",
  startDueBroadcasts: "start-due-broadcasts",
  broadcastStart: "broadcast-start",
  birthdays: "birthdays",
  winBack: "win-back",
  campaignSchedules: "campaign-schedules",
  campaignStats: "campaign-stats",
  billingCycle: "billing-cycle",
  tenantBilling: "tenant-billing",
} satisfies Record<string, string>;

/** `now` may be given (tests, catching up); otherwise the job uses the clock. */
const now = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .optional();

export const platformJobSchema = z.object({ now });
export const tenantJobSchema = z.object({ tenantId: z.uuid(), now });
/** `date` (`YYYY-MM-DD`, the tenant's local calendar) defaults to yesterday there. */
export const dailyMetricsJobSchema = z.object({ tenantId: z.uuid(), now, date: z.iso.date().optional() });
export const broadcastStartJobSchema = z.object({ tenantId: z.uuid(), broadcastId: z.uuid() });
