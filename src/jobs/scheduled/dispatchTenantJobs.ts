import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../db/sql.ts";
import { withPlatform } from "../../db/withTenant.ts";
import { localDateInTimeZone } from "../../domain/rules/localDateInTimeZone.ts";
import { tenantSettingsSchema } from "../../domain/tenants/getTenantSettings.ts";
import type { Logger } from "../../logger.ts";
import type { JobQueue } from "../../queues/queueFactory.ts";
import { JOB } from "./scheduledJobs.ts";

const tenantRow = z.object({ id: z.string(), settings: z.unknown(), serving: z.boolean() });

/**
 * Runs hourly: for every tenant, queues its nightly jobs for the tenant's current local date.
 * The job ids carry that date, so the first run after local midnight queues them and later
 * runs that day add nothing: each tenant's night follows its own timezone. Paused tenants
 * (suspended, cancelled, inactive) get metrics and usage only; their ledgers stay as they are.
 */
export async function dispatchTenantJobs(
  deps: { pool: DatabasePool; queue: JobQueue; log: Logger },
  now: Date,
): Promise<{ tenants: number; queued: number }> {
  const tenants = await withPlatform(deps.pool, (tx) =>
    tx.any(sql.type(tenantRow)`
      SELECT id, settings,
             (COALESCE(is_active, true) AND COALESCE(subscription_status, 'trial') IN ('trial', 'active')) AS serving
      FROM tenants WHERE deleted_at IS NULL
      ORDER BY id
    `),
  );
  const jobs: { name: string; data: Record<string, unknown>; opts: { jobId: string } }[] = [];
  for (const tenant of tenants) {
    const settings = tenantSettingsSchema.safeParse(tenant.settings ?? {});
    const timezone = settings.success ? settings.data.timezone : "Africa/Lagos";
    let date: string;
    try {
      const local = localDateInTimeZone(now, timezone);
      date = `${local.year}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`;
    } catch (err) {
      deps.log.warn({ err, tenantId: tenant.id }, "tenant has an unknown timezone; nightly jobs skipped");
      continue;
    }
    const names = tenant.serving
      ? [
          JOB.pointsExpiry,
          JOB.expiryReminders,
          JOB.staleRedemptions,
          JOB.birthdays,
          JOB.winBack,
          JOB.dailyMetrics,
          JOB.monthlyUsage,
        ]
      : [JOB.dailyMetrics, JOB.monthlyUsage];
    for (const name of names) {
      jobs.push({ name, data: { tenantId: tenant.id }, opts: { jobId: `${name}-${tenant.id}-${date}` } });
    }
  }
  for (let i = 0; i < jobs.length; i += 500) await deps.queue.addBulk(jobs.slice(i, i + 500));
  return { tenants: tenants.length, queued: jobs.length };
}
