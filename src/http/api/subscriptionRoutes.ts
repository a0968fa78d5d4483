import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withTenant } from "../../db/withTenant.ts";
import type { BillingPlan } from "../../domain/subscriptions/findBillingState.ts";
import { getSubscriptionUsage, type SubscriptionUsage, type UsageAgainstLimit } from "../../domain/subscriptions/getSubscriptionUsage.ts";
import { noBody, noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { MANAGERS } from "./roles.ts";

const limitUsage = z.object({
  used: z.number().int(),
  limit: z.number().int().nullable().meta({ description: "null: unlimited" }),
});

const planSummary = z
  .object({
    slug: z.string(),
    name: z.string(),
    price_kobo: z.number().int(),
    billing_period: z.enum(["monthly", "yearly"]),
    limits: z.object({
      max_customers: z.number().int().nullable(),
      max_staff: z.number().int().nullable(),
      broadcasts_per_month: z.number().int().nullable(),
      messages_per_month: z.number().int().nullable(),
    }),
  })
  .meta({ id: "PlanSummary" });

export const subscriptionResponse = z
  .object({
    plan: planSummary.nullable(),
    pending_plan: planSummary.nullable().meta({ description: "A downgrade that takes effect at the period's end" }),
    status: z.enum(["trial", "active", "suspended", "cancelled"]),
    on_trial: z.boolean(),
    suspended_for_nonpayment: z.boolean(),
    trial_ends_at: z.string().nullable(),
    current_period: z.object({ start: z.string(), end: z.string() }).nullable(),
    month: z.string().meta({ description: "The calendar month (tenant's timezone) of the monthly counts, YYYY-MM" }),
    usage: z.object({
      customers: limitUsage,
      staff: limitUsage,
      broadcasts_this_month: limitUsage,
      messages_this_month: limitUsage,
    }),
    customers_turned_away: z.number().int().meta({ description: "People refused by the customer limit this period" }),
    card: z.object({ last4: z.string().nullable(), brand: z.string().nullable() }).nullable(),
    open_invoice: z
      .object({ id: z.uuid(), invoice_number: z.string(), total_kobo: z.number().int(), due_date: z.string().nullable(), status: z.string() })
      .nullable(),
  })
  .meta({ id: "Subscription" });

/** Vendor: the subscription, its limits and what is used of them. */
export function subscriptionRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  const { pool } = deps;
  return [
    vendorRoute({
      method: "get",
      path: "/api/v1/subscription",
      summary: "The plan, status, trial or current period, and usage against every plan limit",
      tag: "billing",
      roles: MANAGERS,
      body: noBody,
      query: noQuery,
      params: noParams,
      responses: { 200: { description: "The subscription and its usage", schema: subscriptionResponse } },
      async handle({ auth }) {
        const usage = await withTenant(pool, auth.tenantId, (tx) => getSubscriptionUsage(tx, { tenantId: auth.tenantId, now: new Date() }));
        return { status: 200, json: serializeSubscription(usage) };
      },
    }),
  ];
}

export function serializeSubscription(usage: SubscriptionUsage): z.input<typeof subscriptionResponse> {
  const limit = (u: UsageAgainstLimit) => ({ used: u.used, limit: u.limit });
  return {
    plan: serializePlanSummary(usage.plan),
    pending_plan: serializePlanSummary(usage.pendingPlan),
    status: usage.status,
    on_trial: usage.onTrial,
    suspended_for_nonpayment: usage.suspendedForNonpayment,
    trial_ends_at: usage.trialEndsAt?.toISOString() ?? null,
    current_period: usage.period === null ? null : { start: usage.period.start.toISOString(), end: usage.period.end.toISOString() },
    month: usage.month,
    usage: {
      customers: limit(usage.usage.customers),
      staff: limit(usage.usage.staff),
      broadcasts_this_month: limit(usage.usage.broadcastsThisMonth),
      messages_this_month: limit(usage.usage.messagesThisMonth),
    },
    customers_turned_away: usage.customersTurnedAway,
    card: usage.card,
    open_invoice:
      usage.openInvoice === null
        ? null
        : {
            id: usage.openInvoice.id,
            invoice_number: usage.openInvoice.invoiceNumber,
            total_kobo: usage.openInvoice.totalKobo,
            due_date: usage.openInvoice.dueDate,
            status: usage.openInvoice.status,
          },
  };
}

export function serializePlanSummary(plan: BillingPlan | null): z.input<typeof planSummary> | null {
  if (plan === null) return null;
  return {
    slug: plan.slug,
    name: plan.name,
    price_kobo: plan.priceKobo,
    billing_period: plan.billingPeriod,
    limits: {
      max_customers: plan.limits.maxCustomers,
      max_staff: plan.limits.maxStaff,
      broadcasts_per_month: plan.limits.broadcastsPerMonth,
      messages_per_month: plan.limits.messagesPerMonth,
    },
  };
}
