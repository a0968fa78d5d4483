import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { NotFoundError } from "../../errors.ts";
import type { PlanLimit } from "../tenants/getPlanLimits.ts";
import { isOpenInvoice } from "../billing/isOpenInvoice.ts";
import { findBillingState, type BillingPeriod, type BillingPlan, type BillingState } from "./findBillingState.ts";

export type UsageAgainstLimit = { used: number; limit: PlanLimit };

export type SubscriptionUsage = {
  plan: BillingPlan | null;
  pendingPlan: BillingPlan | null;
  status: BillingState["status"];
  onTrial: boolean;
  suspendedForNonpayment: boolean;
  trialEndsAt: Date | null;
  period: BillingPeriod | null;
  /** The calendar month (tenant's timezone) the monthly counts cover, `YYYY-MM`. */
  month: string;
  usage: {
    customers: UsageAgainstLimit;
    staff: UsageAgainstLimit;
    broadcastsThisMonth: UsageAgainstLimit;
    messagesThisMonth: UsageAgainstLimit;
  };
  /** Distinct people refused because the customer limit was reached, during the current period. */
  customersTurnedAway: number;
  card: { last4: string | null; brand: string | null } | null;
  /** The oldest unpaid invoice, the one to pay first. */
  openInvoice: { id: string; invoiceNumber: string; totalKobo: number; dueDate: string | null; status: string } | null;
};

const countsRow = z.object({
  month: z.string(),
  customers: z.number().int(),
  staff: z.number().int(),
  broadcasts: z.number().int(),
  messages: z.number().int(),
  turned_away: z.number().int(),
});

const openInvoiceRow = z.object({
  id: z.string(),
  invoice_number: z.string(),
  total_amount_ngn: z.number().int(),
  due_date: z.string().nullable(),
  status: z.string(),
});

/**
 * The tenant's plan, status, trial or paid period and its usage against every plan limit:
 * customers (not deleted), staff (active, not deleted, owners excluded — as max_staff counts
 * them), broadcasts started and messages sent this calendar month in the tenant's timezone,
 * and the people turned away by the customer limit this period. Reads only; one round trip for
 * the counts.
 * @throws NotFoundError when the tenant is not visible in this transaction.
 */
export async function getSubscriptionUsage(tx: Tx, input: { tenantId: string; now: Date }): Promise<SubscriptionUsage> {
  const state = await findBillingState(tx, input.tenantId);
  if (state === null) throw new NotFoundError("No such tenant");
  const t = input.tenantId;
  const tz = state.timezone;
  const now = sql.timestamp(input.now);
  const monthStart = sql.fragment`(date_trunc('month', ${now} AT TIME ZONE ${tz}) AT TIME ZONE ${tz})`;
  const periodStart = state.period === null ? monthStart : sql.fragment`${sql.timestamp(state.period.start)}`;
  const counts = await tx.one(sql.type(countsRow)`
    SELECT
      to_char(${now} AT TIME ZONE ${tz}, 'YYYY-MM') AS month,
      (SELECT count(*) FROM customers WHERE tenant_id = ${t} AND deleted_at IS NULL)::int AS customers,
      (SELECT count(*) FROM vendor_users
        WHERE tenant_id = ${t} AND deleted_at IS NULL AND COALESCE(is_active, true) AND COALESCE(role, 'staff') <> 'owner')::int AS staff,
      (SELECT count(*) FROM broadcasts WHERE tenant_id = ${t} AND started_at IS NOT NULL AND started_at >= ${monthStart})::int AS broadcasts,
      (SELECT count(*) FROM whatsapp_messages
        WHERE tenant_id = ${t} AND direction = 'outbound' AND created_at >= ${monthStart})::int AS messages,
      (SELECT count(*) FROM customer_limit_refusals WHERE tenant_id = ${t} AND last_refused_at >= ${periodStart})::int AS turned_away
  `);
  const open = await tx.maybeOne(sql.type(openInvoiceRow)`
    SELECT i.id, i.invoice_number, i.total_amount_ngn, i.due_date::text AS due_date, COALESCE(i.status, 'pending') AS status
    FROM tenant_invoices i WHERE i.tenant_id = ${t} AND ${isOpenInvoice}
    ORDER BY i.billing_period_start, i.created_at LIMIT 1
  `);
  const limits = state.plan?.limits ?? null;
  return {
    plan: state.plan,
    pendingPlan: state.pendingPlan,
    status: state.status,
    onTrial: state.onTrial,
    suspendedForNonpayment: state.suspendedForNonpayment,
    trialEndsAt: state.trialEndsAt,
    period: state.period,
    month: counts.month,
    usage: {
      customers: { used: counts.customers, limit: limits?.maxCustomers ?? null },
      staff: { used: counts.staff, limit: limits?.maxStaff ?? null },
      broadcastsThisMonth: { used: counts.broadcasts, limit: limits?.broadcastsPerMonth ?? null },
      messagesThisMonth: { used: counts.messages, limit: limits?.messagesPerMonth ?? null },
    },
    customersTurnedAway: counts.turned_away,
    card: state.card === null ? null : { last4: state.card.last4, brand: state.card.brand },
    openInvoice:
      open === null
        ? null
        : {
            id: open.id,
            invoiceNumber: open.invoice_number,
            totalKobo: open.total_amount_ngn,
            dueDate: open.due_date,
            status: open.status,
          },
  };
}
