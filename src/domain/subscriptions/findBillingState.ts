import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { parsePlanLimits, type PlanLimits } from "../tenants/getPlanLimits.ts";

const planSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  price_ngn: z.number().int(),
  billing_period: z.string(),
  features: z.unknown(),
});

const stateRow = z.object({
  id: z.string(),
  business_name: z.string(),
  subscription_status: z.string().nullable(),
  trial_ends_at: z.date().nullable(),
  subscription_starts_at: z.date().nullable(),
  subscription_ends_at: z.date().nullable(),
  created_at: z.date().nullable(),
  settings: z.unknown(),
  plan: planSchema.nullable(),
  pending_plan: planSchema.nullable(),
  current_period_start: z.date().nullable(),
  authorization_code: z.string().nullable(),
  customer_email: z.string().nullable(),
  card_last4: z.string().nullable(),
  card_brand: z.string().nullable(),
  suspended_for_nonpayment: z.boolean().nullable(),
});

export type BillingPlan = {
  id: string;
  slug: string;
  name: string;
  priceKobo: number;
  billingPeriod: "monthly" | "yearly";
  limits: PlanLimits;
};

export type BillingPeriod = { start: Date; end: Date };

export type BillingState = {
  tenantId: string;
  businessName: string;
  status: "trial" | "active" | "suspended" | "cancelled";
  plan: BillingPlan | null;
  /** A downgrade that takes effect when the current period ends. */
  pendingPlan: BillingPlan | null;
  trialEndsAt: Date | null;
  subscriptionStartsAt: Date | null;
  subscriptionEndsAt: Date | null;
  /** The trial (creation to its end) or the paid period now running; null when neither is known. */
  period: BillingPeriod | null;
  /** True while the tenant is on its trial (it never paid). */
  onTrial: boolean;
  suspendedForNonpayment: boolean;
  /** Paystack's reusable authorization, charged at renewal; null when no card is kept. */
  card: { authorizationCode: string; email: string | null; last4: string | null; brand: string | null } | null;
  timezone: string;
};

const statusSchema = z.enum(["trial", "active", "suspended", "cancelled"]).catch("trial");
const timezoneSchema = z
  .looseObject({ timezone: z.string().min(1).default("Africa/Lagos") })
  .catch({ timezone: "Africa/Lagos" });

/**
 * The tenant's subscription as billing sees it, in one query: plan, status, trial and paid
 * period, the card kept for renewals and a pending downgrade. Works under the tenant's RLS and
 * on the platform path. Null when the tenant is not visible or deleted.
 */
export async function findBillingState(tx: Tx, tenantId: string): Promise<BillingState | null> {
  const row = await tx.maybeOne(sql.type(stateRow)`
    SELECT t.id, t.business_name, t.subscription_status, t.trial_ends_at, t.subscription_starts_at,
           t.subscription_ends_at, t.created_at, t.settings,
           CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object(
             'id', p.id, 'slug', p.slug, 'name', p.name, 'price_ngn', p.price_ngn,
             'billing_period', p.billing_period, 'features', p.features) END AS plan,
           CASE WHEN pp.id IS NULL THEN NULL ELSE json_build_object(
             'id', pp.id, 'slug', pp.slug, 'name', pp.name, 'price_ngn', pp.price_ngn,
             'billing_period', pp.billing_period, 'features', pp.features) END AS pending_plan,
           b.current_period_start, b.paystack_authorization_code AS authorization_code,
           b.paystack_customer_email AS customer_email, b.card_last4, b.card_brand,
           -- Tenants suspended by the older expiry job (no billing row) were suspended for an
           -- ended trial or a lapsed period: that is non-payment too.
           COALESCE(b.suspended_for_nonpayment,
             t.subscription_status = 'suspended' AND COALESCE(t.subscription_ends_at, t.trial_ends_at) <= now()) AS suspended_for_nonpayment
    FROM tenants t
    LEFT JOIN subscription_plans p ON p.id = t.subscription_plan_id
    LEFT JOIN tenant_billing b ON b.tenant_id = t.id
    LEFT JOIN subscription_plans pp ON pp.id = b.pending_plan_id
    WHERE t.id = ${tenantId} AND t.deleted_at IS NULL
  `);
  if (row === null) return null;
  const onTrial = row.subscription_starts_at === null && row.trial_ends_at !== null;
  return {
    tenantId: row.id,
    businessName: row.business_name,
    status: statusSchema.parse(row.subscription_status ?? "trial"),
    plan: toPlan(row.plan),
    pendingPlan: toPlan(row.pending_plan),
    trialEndsAt: row.trial_ends_at,
    subscriptionStartsAt: row.subscription_starts_at,
    subscriptionEndsAt: row.subscription_ends_at,
    period: periodOf(row, onTrial),
    onTrial,
    suspendedForNonpayment: row.suspended_for_nonpayment ?? false,
    card:
      row.authorization_code === null
        ? null
        : {
            authorizationCode: row.authorization_code,
            email: row.customer_email,
            last4: row.card_last4,
            brand: row.card_brand,
          },
    timezone: timezoneSchema.parse(row.settings ?? {}).timezone,
  };
}

/** The plan row as billing uses it (shared with listPlans' readers). */
export function toPlan(plan: z.infer<typeof planSchema> | null): BillingPlan | null {
  if (plan === null) return null;
  return {
    id: plan.id,
    slug: plan.slug,
    name: plan.name,
    priceKobo: plan.price_ngn,
    billingPeriod: plan.billing_period === "yearly" ? "yearly" : "monthly",
    limits: parsePlanLimits(plan.features),
  };
}

export const billingPlanRow = planSchema;

/** The end of a period of `billingPeriod` that starts at `start` (calendar months, UTC). */
export function addBillingPeriod(start: Date, billingPeriod: "monthly" | "yearly"): Date {
  const end = new Date(start.getTime());
  if (billingPeriod === "yearly") end.setUTCFullYear(end.getUTCFullYear() + 1);
  else end.setUTCMonth(end.getUTCMonth() + 1);
  return end;
}

function periodOf(row: z.infer<typeof stateRow>, onTrial: boolean): BillingPeriod | null {
  if (onTrial && row.trial_ends_at !== null) {
    return { start: row.created_at ?? row.trial_ends_at, end: row.trial_ends_at };
  }
  const end = row.subscription_ends_at;
  if (end === null) return null;
  const start = row.current_period_start ?? row.subscription_starts_at;
  if (start !== null && start.getTime() <= end.getTime()) return { start, end };
  const fallback = new Date(end.getTime());
  fallback.setUTCMonth(fallback.getUTCMonth() - 1);
  return { start: fallback, end };
}
