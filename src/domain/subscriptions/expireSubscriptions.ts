import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";

const idRow = z.object({ id: z.string() });

export type ExpireSubscriptionsResult = { trialsEnded: string[]; subscriptionsLapsed: string[] };

/** Days an unpaid period may run before suspension when the caller does not say (BILLING_GRACE_DAYS). */
export const DEFAULT_GRACE_DAYS = 7;

/**
 * Suspends, for non-payment, tenants whose trial ended without a payment (`trial`,
 * `trial_ends_at` passed) and paying tenants whose paid period ended more than `graceDays` ago
 * (`active`, `subscription_ends_at` + grace passed: the renewal invoice, due that day, is still
 * unpaid). Never a tenant with a paid invoice whose period covers today. The owner is warned
 * before (trial reminders, payment reminders) and can still log in to pay; paying reactivates at
 * once. One audit_logs row per tenant (`tenant.trial_ended`, `tenant.subscription_lapsed`).
 * Runs on the platform path across tenants, or for one (`tenantId`); running it again changes
 * nothing.
 */
export async function expireSubscriptions(
  tx: Tx,
  input: { now: Date; graceDays?: number; tenantId?: string },
): Promise<ExpireSubscriptionsResult> {
  const now = sql.timestamp(input.now);
  const graceDays = input.graceDays ?? DEFAULT_GRACE_DAYS;
  const onlyTenant = input.tenantId === undefined ? sql.fragment`TRUE` : sql.fragment`t.id = ${input.tenantId}`;
  // The invariant: a paid invoice for the period in progress keeps the tenant serving.
  const notPaidForToday = sql.fragment`NOT EXISTS (
    SELECT 1 FROM tenant_invoices i
    WHERE i.tenant_id = t.id AND i.status = 'paid'
      AND i.billing_period_start <= (${now})::date AND i.billing_period_end >= (${now})::date
  )`;
  const trialsEnded = await tx.anyFirst(sql.type(idRow)`
    UPDATE tenants t SET subscription_status = 'suspended', updated_at = now()
    WHERE t.subscription_status = 'trial' AND t.trial_ends_at IS NOT NULL AND t.trial_ends_at <= ${now}
      AND t.deleted_at IS NULL AND ${onlyTenant} AND ${notPaidForToday}
    RETURNING t.id
  `);
  const subscriptionsLapsed = await tx.anyFirst(sql.type(idRow)`
    UPDATE tenants t SET subscription_status = 'suspended', updated_at = now()
    WHERE t.subscription_status = 'active' AND t.subscription_ends_at IS NOT NULL
      AND t.subscription_ends_at + make_interval(days => ${graceDays}) <= ${now}
      AND t.deleted_at IS NULL AND ${onlyTenant} AND ${notPaidForToday}
    RETURNING t.id
  `);
  const suspended = [...trialsEnded, ...subscriptionsLapsed];
  if (suspended.length > 0) {
    await tx.query(sql.type(noRows)`
      INSERT INTO tenant_billing (tenant_id, suspended_for_nonpayment)
      SELECT unnest(${sql.array(suspended, "uuid")}), true
      ON CONFLICT (tenant_id) DO UPDATE SET suspended_for_nonpayment = true, updated_at = now()
    `);
  }
  const moves: { ids: readonly string[]; action: string; from: string }[] = [
    { ids: trialsEnded, action: "tenant.trial_ended", from: "trial" },
    { ids: subscriptionsLapsed, action: "tenant.subscription_lapsed", from: "active" },
  ];
  for (const { ids, action, from } of moves) {
    for (const tenantId of ids) {
      await writeAuditLog(tx, {
        tenantId,
        actor: { userType: "system", userId: null },
        action,
        entityType: "tenant",
        entityId: tenantId,
        oldValues: { subscription_status: from },
        newValues: { subscription_status: "suspended", reason: "non-payment" },
      });
    }
  }
  return { trialsEnded: [...trialsEnded], subscriptionsLapsed: [...subscriptionsLapsed] };
}
