import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../db/sql.ts";
import { withPlatform } from "../../db/withTenant.ts";
import { tenantSettingsSchema } from "../../domain/tenants/getTenantSettings.ts";
import type { Logger } from "../../logger.ts";
import type { JobQueue } from "../../queues/queueFactory.ts";
import { JOB } from "./scheduledJobs.ts";

const tenantRow = z.object({ id: z.string(), settings: z.unknown() });

/** Owners hear about billing in the morning of their own timezone, not at midnight. */
export const BILLING_LOCAL_HOUR = 9;

/**
 * Runs hourly: queues each tenant's daily billing round (runTenantBilling) once its local time
 * has reached {@link BILLING_LOCAL_HOUR}. The job id carries the tenant's local date, so later
 * runs that day add nothing. Cancelled and deleted tenants are left out; suspended ones are
 * kept (they still get payment reminders).
 */
export async function dispatchTenantBilling(
  deps: { pool: DatabasePool; queue: JobQueue; log: Logger },
  now: Date,
): Promise<{ queued: number }> {
  const tenants = await withPlatform(deps.pool, (tx) =>
    tx.any(sql.type(tenantRow)`
      SELECT id, settings FROM tenants
      WHERE deleted_at IS NULL AND COALESCE(subscription_status, 'trial') <> 'cancelled'
      ORDER BY id
    `),
  );
  const jobs: { name: string; data: Record<string, unknown>; opts: { jobId: string } }[] = [];
  for (const tenant of tenants) {
    const settings = tenantSettingsSchema.safeParse(tenant.settings ?? {});
    const timezone = settings.success ? settings.data.timezone : "Africa/Lagos";
    let parts: Intl.DateTimeFormatPart[];
    try {
      parts = new Intl.DateTimeFormat("en-CA", {
        timeZone: timezone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        hourCycle: "h23",
      }).formatToParts(now);
    } catch (err) {
      deps.log.warn({ err, tenantId: tenant.id }, "tenant has an unknown timezone; billing round skipped");
      continue;
    }
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    if (Number(part("hour")) < BILLING_LOCAL_HOUR) continue;
    const date = `${part("year")}-${part("month")}-${part("day")}`;
    jobs.push({
      name: JOB.tenantBilling,
      data: { tenantId: tenant.id },
      opts: { jobId: `${JOB.tenantBilling}-${tenant.id}-${date}` },
    });
  }
  for (let i = 0; i < jobs.length; i += 500) await deps.queue.addBulk(jobs.slice(i, i + 500));
  return { queued: jobs.length };
}
