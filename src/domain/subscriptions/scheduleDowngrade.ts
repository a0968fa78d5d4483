import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog, vendorOrSystem } from "../audit/writeAuditLog.ts";
import { findPaidPlan } from "../billing/createInvoicePaymentLink.ts";
import type { PlanLimits } from "../tenants/getPlanLimits.ts";
import { findBillingState, type BillingPlan } from "./findBillingState.ts";

export type ScheduleDowngradeResult =
  | { ok: true; plan: BillingPlan; effectiveAt: Date }
  /** Choosing the current plan again: any pending downgrade is cancelled. */
  | { ok: true; plan: BillingPlan; effectiveAt: null }
  | { ok: false; reason: "unknown_plan" | "not_a_downgrade" | "not_paying"; message: string }
  | {
      ok: false;
      reason: "over_limit";
      limit: "max_customers" | "max_staff";
      used: number;
      allowed: number;
      message: string;
    };

const usageRow = z.object({ customers: z.number().int(), staff: z.number().int() });

/**
 * Moves a paying, serving tenant to a cheaper plan at the end of its current period (it keeps what it
 * paid for until then). Refused while current usage exceeds the smaller plan, naming the
 * limit; the renewal checks again before switching. Choosing the current plan cancels a
 * pending downgrade. Upgrades are not made here: they take effect when paid
 * (createInvoicePaymentLink with a plan).
 */
export async function scheduleDowngrade(
  tx: Tx,
  input: { tenantId: string; planSlug: string; userId: string | null; now: Date },
): Promise<ScheduleDowngradeResult> {
  const state = await findBillingState(tx, input.tenantId);
  if (state === null || state.plan === null || state.onTrial || state.period === null || state.status !== "active") {
    return {
      ok: false,
      reason: "not_paying",
      message: "Choose a plan and pay for it first; downgrades apply to a paid plan",
    };
  }
  const plan = await findPaidPlan(tx, input.planSlug);
  if (plan === null) return { ok: false, reason: "unknown_plan", message: `There is no plan called ${input.planSlug}` };
  if (plan.id === state.plan.id) {
    await setPendingPlan(tx, input.tenantId, null);
    return { ok: true, plan, effectiveAt: null };
  }
  if (plan.priceKobo >= state.plan.priceKobo) {
    return {
      ok: false,
      reason: "not_a_downgrade",
      message: `${plan.name} is not cheaper than ${state.plan.name}: pay for it to upgrade now`,
    };
  }
  const over = await findExceededLimit(tx, input.tenantId, plan.limits);
  if (over !== null) {
    return {
      ok: false,
      reason: "over_limit",
      ...over,
      message: `${plan.name} allows ${over.allowed} ${over.limit === "max_customers" ? "customers" : "staff"} and you have ${over.used}`,
    };
  }
  await setPendingPlan(tx, input.tenantId, plan.id);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.userId),
    action: "subscription.downgrade_scheduled",
    entityType: "tenant",
    entityId: input.tenantId,
    oldValues: { plan: state.plan.slug },
    newValues: { plan: plan.slug, effectiveAt: state.period.end.toISOString() },
  });
  return { ok: true, plan, effectiveAt: state.period.end };
}

/** The first limit of `limits` the tenant's current customers or active staff exceed, or null. */
export async function findExceededLimit(
  tx: Tx,
  tenantId: string,
  limits: PlanLimits,
): Promise<{ limit: "max_customers" | "max_staff"; used: number; allowed: number } | null> {
  const usage = await tx.one(sql.type(usageRow)`
    SELECT (SELECT count(*) FROM customers WHERE tenant_id = ${tenantId} AND deleted_at IS NULL)::int AS customers,
           (SELECT count(*) FROM vendor_users WHERE tenant_id = ${tenantId} AND deleted_at IS NULL
              AND COALESCE(is_active, true) AND COALESCE(role, 'staff') <> 'owner')::int AS staff
  `);
  if (limits.maxCustomers !== null && usage.customers > limits.maxCustomers) {
    return { limit: "max_customers", used: usage.customers, allowed: limits.maxCustomers };
  }
  if (limits.maxStaff !== null && usage.staff > limits.maxStaff)
    return { limit: "max_staff", used: usage.staff, allowed: limits.maxStaff };
  return null;
}

async function setPendingPlan(tx: Tx, tenantId: string, planId: string | null): Promise<void> {
  await tx.query(sql.type(noRows)`
    INSERT INTO tenant_billing (tenant_id, pending_plan_id) VALUES (${tenantId}, ${planId})
    ON CONFLICT (tenant_id) DO UPDATE SET pending_plan_id = EXCLUDED.pending_plan_id, updated_at = now()
  `);
}
