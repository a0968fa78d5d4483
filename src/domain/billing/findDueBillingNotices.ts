import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { localDateInTimeZone } from "../rules/localDateInTimeZone.ts";
import { findBillingState } from "../subscriptions/findBillingState.ts";
import { isOpenInvoice } from "./isOpenInvoice.ts";

/** Days before a trial ends that the owner is told (issue #16). */
export const TRIAL_REMINDER_DAYS: readonly number[] = [7, 3, 1];
/** Days after an invoice's due date that the owner is reminded. */
export const DUNNING_REMINDER_DAYS: readonly number[] = [0, 3, 6];

/** A paid plan as the trial reminder lists it. */
export type PlanOffer = { name: string; priceKobo: number; period: "monthly" | "yearly" };

/**
 * What a notice says, as data for the `billing.*` catalog messages (see billingNoticeText): the
 * key of the message without a pay link, and its values unformatted, so the words, amounts and
 * dates come out in the language of whoever reads them.
 */
export type BillingNoticeMessage =
  | {
      key: "billing.trial.reminder";
      params: { days: number; endsAt: Date; plans: PlanOffer[]; cheapestPlan: string };
    }
  | { key: "billing.trial.reminderNoPlans"; params: { days: number; endsAt: Date } }
  | {
      key: "billing.payment.reminder";
      params: { invoiceNumber: string; amountKobo: number; daysOverdue: number; pausesOn: Date };
    }
  | { key: "billing.payment.paused"; params: { invoiceNumber: string; amountKobo: number; daysOverdue: number } }
  | { key: "billing.customers.nearLimit"; params: { customers: number; limit: number } }
  | { key: "billing.customers.full"; params: { customers: number; limit: number; turnedAway: number } };

/** A notice to send the owner, unless its key was sent before; `pay` says what its pay link is for. */
export type DueBillingNotice = {
  key: string;
  kind: "trial_reminder" | "payment_reminder" | "customer_limit";
  /** What to say (the job adds the pay link). */
  message: BillingNoticeMessage;
  /** The tenant's time zone, for the dates in `message`. */
  timezone: string;
  pay: { invoiceId: string } | { planSlug: string } | null;
};

const planRow = z.object({
  slug: z.string(),
  name: z.string(),
  price_ngn: z.number().int(),
  billing_period: z.enum(["monthly", "yearly"]),
});
const unpaidRow = z.object({
  id: z.string(),
  invoice_number: z.string(),
  total_amount_ngn: z.number().int(),
  due_date: z.string(),
});
const countsRow = z.object({ customers: z.number().int(), turned_away: z.number().int() });
const sentRow = z.object({ notice_key: z.string() });

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The billing notices due for the tenant's owner now, not sent before: the trial reminder for
 * the nearest of 7, 3 and 1 days left; a payment reminder on the due date of an unpaid invoice
 * and 3 and 6 days after (naming the day the programme pauses, `graceDays` after the due date);
 * and the 80 % and 100 % customer-limit warnings, once per period. At most one of each kind per
 * occasion, so a job that missed days sends the latest reminder, not all of them.
 */
export async function findDueBillingNotices(
  tx: Tx,
  input: { tenantId: string; now: Date; graceDays: number },
): Promise<DueBillingNotice[]> {
  const state = await findBillingState(tx, input.tenantId);
  if (state === null || state.status === "cancelled") return [];
  const sent = new Set(
    await tx.anyFirst(sql.type(sentRow)`SELECT notice_key FROM billing_notices WHERE tenant_id = ${input.tenantId}`),
  );
  const notices: DueBillingNotice[] = [];
  const today = localIso(input.now, state.timezone);

  if (
    state.status === "trial" &&
    state.onTrial &&
    state.trialEndsAt !== null &&
    state.trialEndsAt.getTime() > input.now.getTime()
  ) {
    const daysLeft = Math.ceil((state.trialEndsAt.getTime() - input.now.getTime()) / DAY_MS);
    const threshold = [...TRIAL_REMINDER_DAYS].sort((a, b) => a - b).find((days) => daysLeft <= days);
    const key = `trial:${threshold ?? 0}:${state.trialEndsAt.toISOString().slice(0, 10)}`;
    if (threshold !== undefined && !sent.has(key)) {
      const plans = await tx.any(sql.type(planRow)`
        SELECT slug, name, price_ngn, billing_period FROM subscription_plans
        WHERE COALESCE(is_active, true) AND price_ngn > 0 ORDER BY price_ngn, name
      `);
      const cheapest = plans[0];
      const endsAt = state.trialEndsAt;
      notices.push({
        key,
        kind: "trial_reminder",
        message:
          cheapest === undefined
            ? { key: "billing.trial.reminderNoPlans", params: { days: daysLeft, endsAt } }
            : {
                key: "billing.trial.reminder",
                params: {
                  days: daysLeft,
                  endsAt,
                  plans: plans.map((p) => ({ name: p.name, priceKobo: p.price_ngn, period: p.billing_period })),
                  cheapestPlan: cheapest.name,
                },
              },
        timezone: state.timezone,
        pay: cheapest === undefined ? null : { planSlug: cheapest.slug },
      });
    }
  }

  if (!state.onTrial) {
    const unpaid = await tx.any(sql.type(unpaidRow)`
      SELECT i.id, i.invoice_number, i.total_amount_ngn, i.due_date::text AS due_date FROM tenant_invoices i
      WHERE i.tenant_id = ${input.tenantId} AND ${isOpenInvoice}
        AND i.kind IN ('renewal', 'manual') AND i.due_date IS NOT NULL AND i.due_date <= ${today}::date
      ORDER BY i.due_date, i.created_at
    `);
    for (const invoice of unpaid) {
      const overdue = daysBetween(invoice.due_date, today);
      const step = [...DUNNING_REMINDER_DAYS].sort((a, b) => b - a).find((days) => overdue >= days);
      const key = `dunning:${invoice.id}:${step ?? 0}`;
      if (step === undefined || sent.has(key)) continue;
      const invoiceParams = {
        invoiceNumber: invoice.invoice_number,
        amountKobo: invoice.total_amount_ngn,
        daysOverdue: overdue,
      };
      notices.push({
        key,
        kind: "payment_reminder",
        message:
          state.status === "suspended"
            ? { key: "billing.payment.paused", params: invoiceParams }
            : {
                key: "billing.payment.reminder",
                params: {
                  ...invoiceParams,
                  // Noon UTC of the day the programme pauses: the same date in the tenant's time zone.
                  pausesOn: new Date(Date.parse(`${invoice.due_date}T12:00:00Z`) + input.graceDays * DAY_MS),
                },
              },
        timezone: state.timezone,
        pay: { invoiceId: invoice.id },
      });
    }
  }

  const limit = state.plan?.limits.maxCustomers ?? null;
  if (limit !== null && limit > 0 && state.period !== null && state.status !== "suspended") {
    const periodStart = sql.timestamp(state.period.start);
    const counts = await tx.one(sql.type(countsRow)`
      SELECT (SELECT count(*) FROM customers WHERE tenant_id = ${input.tenantId} AND deleted_at IS NULL)::int AS customers,
             (SELECT count(*) FROM customer_limit_refusals WHERE tenant_id = ${input.tenantId} AND last_refused_at >= ${periodStart})::int AS turned_away
    `);
    const period = state.period.start.toISOString().slice(0, 10);
    const full = counts.customers >= limit;
    const key = full ? `customers100:${period}` : `customers80:${period}`;
    if ((full || counts.customers * 100 >= limit * 80) && !sent.has(key)) {
      notices.push({
        key,
        kind: "customer_limit",
        message: full
          ? {
              key: "billing.customers.full",
              params: { customers: counts.customers, limit, turnedAway: counts.turned_away },
            }
          : { key: "billing.customers.nearLimit", params: { customers: counts.customers, limit } },
        timezone: state.timezone,
        pay: null,
      });
    }
  }
  return notices;
}

function localIso(instant: Date, timezone: string): string {
  const d = localDateInTimeZone(instant, timezone);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}
