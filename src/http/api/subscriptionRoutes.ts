import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../db/sql.ts";
import { withTenant } from "../../db/withTenant.ts";
import {
  createInvoicePaymentLink,
  type CreateInvoicePaymentLinkResult,
} from "../../domain/billing/createInvoicePaymentLink.ts";
import { listInvoices } from "../../domain/billing/listInvoices.ts";
import { billingPlanRow, toPlan, type BillingPlan } from "../../domain/subscriptions/findBillingState.ts";
import {
  getSubscriptionUsage,
  type SubscriptionUsage,
  type UsageAgainstLimit,
} from "../../domain/subscriptions/getSubscriptionUsage.ts";
import { scheduleDowngrade } from "../../domain/subscriptions/scheduleDowngrade.ts";
import { AppError, ConflictError, NotFoundError, ServiceUnavailableError, ValidationError } from "../../errors.ts";
import type { PaystackClient } from "../../paystack/paystackClient.ts";
import { noBody, noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { idParams, pageOf, pageQuery } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";
import { invoiceResponse, serializeInvoice } from "../platform/platformSchemas.ts";
import { MANAGERS, OWNER_ONLY } from "./roles.ts";

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
      .object({
        id: z.uuid(),
        invoice_number: z.string(),
        total_kobo: z.number().int(),
        due_date: z.string().nullable(),
        status: z.string(),
      })
      .nullable(),
  })
  .meta({ id: "Subscription" });

const paymentLinkResponse = z
  .object({
    authorization_url: z.url().meta({ description: "Paystack's checkout page: send the payer there" }),
    reference: z.string(),
    invoice_id: z.uuid(),
    total_kobo: z.number().int(),
  })
  .meta({ id: "PaymentLink" });

const changePlanBody = z
  .strictObject({ plan: z.string().regex(/^[a-z0-9_-]{1,50}$/, "a plan slug, e.g. growth") })
  .meta({ id: "ChangePlan" });

const changePlanResponse = z
  .object({
    action: z.enum(["pay", "downgrade_scheduled", "downgrade_cancelled"]),
    payment: paymentLinkResponse.nullable().meta({ description: "For an upgrade: pay this to switch at once" }),
    effective_at: z.string().nullable().meta({ description: "For a downgrade: when the cheaper plan starts" }),
  })
  .meta({ id: "ChangePlanResult" });

const plansResponse = z.object({ data: z.array(planSummary) });

const invoicesPage = pageOf(invoiceResponse);

const listInvoicesQuery = pageQuery.extend({ status: z.enum(["pending", "paid", "failed", "refunded"]).optional() });

/** Vendor: the subscription, its limits and what is used of them; plans, invoices and paying them. */
export function subscriptionRoutes(deps: { pool: DatabasePool; paystack?: PaystackClient | null }): ApiRoute[] {
  const { pool } = deps;
  const billing = { pool, paystack: deps.paystack ?? null };
  return [
    vendorRoute({
      method: "get",
      path: "/api/v1/subscription",
      summary: "The plan, status, trial or current period, and usage against every plan limit",
      tag: "billing",
      roles: MANAGERS,
      allowWhileSuspended: true,
      body: noBody,
      query: noQuery,
      params: noParams,
      responses: { 200: { description: "The subscription and its usage", schema: subscriptionResponse } },
      async handle({ auth }) {
        const usage = await withTenant(pool, auth.tenantId, (tx) =>
          getSubscriptionUsage(tx, { tenantId: auth.tenantId, now: new Date() }),
        );
        return { status: 200, json: serializeSubscription(usage) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/plans",
      summary: "The plans a business can buy, with their limits, cheapest first",
      tag: "billing",
      roles: MANAGERS,
      allowWhileSuspended: true,
      body: noBody,
      query: noQuery,
      params: noParams,
      responses: { 200: { description: "The plans", schema: plansResponse } },
      async handle({ auth }) {
        const rows = await withTenant(pool, auth.tenantId, (tx) =>
          tx.any(sql.type(billingPlanRow)`
            SELECT id, slug, name, price_ngn, billing_period, features FROM subscription_plans
            WHERE COALESCE(is_active, true) AND price_ngn > 0 ORDER BY price_ngn, name
          `),
        );
        return { status: 200, json: { data: rows.map((row) => serializePlanSummary(toPlan(row))) } };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/invoices",
      summary: "The business's invoices, newest first",
      tag: "billing",
      roles: MANAGERS,
      allowWhileSuspended: true,
      body: noBody,
      query: listInvoicesQuery,
      params: noParams,
      responses: { 200: { description: "A page of invoices", schema: invoicesPage } },
      async handle({ auth, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withTenant(pool, auth.tenantId, (tx) =>
          listInvoices(tx, { tenantId: auth.tenantId, status: query.status, after, limit: query.limit }),
        );
        return { status: 200, json: toPage(rows, query.limit, serializeInvoice) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/invoices/{id}/pay",
      summary: "Start paying an invoice: a Paystack checkout link (applied when Paystack confirms the charge)",
      tag: "billing",
      roles: MANAGERS,
      allowWhileSuspended: true,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The checkout link and the transaction reference", schema: paymentLinkResponse },
        404: { description: "No such invoice" },
        409: { description: "The invoice is already paid" },
        502: { description: "Paystack could not start a checkout" },
        503: { description: "Online payments are not configured" },
      },
      async handle({ auth, params }) {
        const link = await createInvoicePaymentLink(billing, {
          tenantId: auth.tenantId,
          invoiceId: params.id,
          now: new Date(),
        });
        return { status: 200, json: serializePaymentLink(link) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/subscription/plan",
      summary:
        "Change plan: an upgrade answers a checkout link and takes effect when paid; a downgrade takes effect at the period's end",
      tag: "billing",
      roles: OWNER_ONLY,
      allowWhileSuspended: true,
      body: changePlanBody,
      query: noQuery,
      params: noParams,
      responses: {
        200: { description: "What happens next", schema: changePlanResponse },
        409: { description: "Refused: usage exceeds the smaller plan (the message names the limit), or not a change" },
      },
      async handle({ auth, body }) {
        const now = new Date();
        const downgrade = await withTenant(pool, auth.tenantId, (tx) =>
          scheduleDowngrade(tx, { tenantId: auth.tenantId, planSlug: body.plan, userId: auth.userId, now }),
        );
        if (downgrade.ok) {
          return {
            status: 200,
            json: {
              action: downgrade.effectiveAt === null ? "downgrade_cancelled" : "downgrade_scheduled",
              payment: null,
              effective_at: downgrade.effectiveAt?.toISOString() ?? null,
            },
          };
        }
        if (downgrade.reason === "over_limit") throw new ConflictError(downgrade.message, "plan_usage_exceeds_limit");
        if (downgrade.reason === "unknown_plan") throw new ValidationError(downgrade.message);
        // Not a downgrade (or not paying yet): buying the plan is an upgrade, paid now.
        const link = await createInvoicePaymentLink(billing, { tenantId: auth.tenantId, planSlug: body.plan, now });
        return { status: 200, json: { action: "pay", payment: serializePaymentLink(link), effective_at: null } };
      },
    }),
  ];
}

/** A payment link as JSON, or the HTTP error its failure means. */
function serializePaymentLink(link: CreateInvoicePaymentLinkResult): z.input<typeof paymentLinkResponse> {
  if (link.ok) {
    return {
      authorization_url: link.authorizationUrl,
      reference: link.reference,
      invoice_id: link.invoice.id,
      total_kobo: link.invoice.totalKobo,
    };
  }
  switch (link.reason) {
    case "not_found":
      throw new NotFoundError(link.message);
    case "unknown_plan":
      throw new ValidationError(link.message);
    case "already_paid":
    case "no_open_invoice":
      throw new ConflictError(link.message, "invoice_not_payable");
    case "not_an_upgrade":
      throw new ConflictError(link.message, "not_an_upgrade");
    case "payments_unavailable":
      throw new ServiceUnavailableError(link.message);
    case "gateway_error":
      throw new AppError(502, "payment_gateway_error", link.message);
  }
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
    current_period:
      usage.period === null ? null : { start: usage.period.start.toISOString(), end: usage.period.end.toISOString() },
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
