import type { DatabasePool } from "slonik";
import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { withPlatform } from "../../db/withTenant.ts";
import type { PaystackClient } from "../../paystack/paystackClient.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { localDateInTimeZone } from "../rules/localDateInTimeZone.ts";
import { findBillingState, type BillingPlan } from "../subscriptions/findBillingState.ts";
import { findExceededLimit } from "../subscriptions/scheduleDowngrade.ts";
import { applyInvoicePayment } from "./applyInvoicePayment.ts";
import { findBillingEmail } from "./createInvoicePaymentLink.ts";
import type { Invoice } from "./invoiceRecord.ts";
import { issuePlanInvoice } from "./issuePlanInvoice.ts";
import { newPaymentReference } from "./paymentReference.ts";

export type RenewSubscriptionResult =
  | { outcome: "not_due" | "free_plan" }
  | { outcome: "invoiced"; invoice: Invoice; downgradeRefused: string | null }
  | { outcome: "paid"; invoice: Invoice; downgradeRefused: string | null }
  | { outcome: "charge_failed"; invoice: Invoice; downgradeRefused: string | null; message: string };

type Prepared =
  | { outcome: "not_due" | "free_plan" }
  | {
      outcome: "invoice";
      invoice: Invoice;
      charge: { authorizationCode: string; email: string } | null;
      downgradeRefused: string | null;
    };

const attemptRow = z.object({ attempts: z.number().int() });

/**
 * At the start of a paying tenant's new period (its `subscription_ends_at` has come): applies a
 * pending downgrade if usage still fits the smaller plan, issues the period's renewal invoice
 * (once per period, due that day) and, if a card is kept and not yet tried for this invoice,
 * charges it with Paystack's charge_authorization. A success is applied at once (the later
 * `charge.success` webhook then changes nothing); a declined card is recorded and dunning
 * follows (reminders, then suspension after the grace period). An unreachable Paystack records
 * nothing, so the next run tries again.
 */
export async function renewSubscription(
  deps: { pool: DatabasePool; paystack: PaystackClient | null },
  input: { tenantId: string; now: Date },
): Promise<RenewSubscriptionResult> {
  const prepared = await withPlatform(deps.pool, (tx) => prepareRenewal(tx, input));
  if (prepared.outcome !== "invoice") return prepared;
  const { invoice, charge, downgradeRefused } = prepared;
  if (charge === null || deps.paystack === null || invoice.status === "paid") {
    return { outcome: invoice.status === "paid" ? "paid" : "invoiced", invoice, downgradeRefused };
  }
  const reference = newPaymentReference(invoice.id);
  await withPlatform(deps.pool, (tx) =>
    tx.query(
      sql.type(
        noRows,
      )`UPDATE tenant_invoices SET paystack_reference = ${reference}, updated_at = now() WHERE id = ${invoice.id}`,
    ),
  );
  const charged = await deps.paystack.chargeAuthorization({
    email: charge.email,
    amountKobo: invoice.totalKobo,
    currency: "NGN",
    reference,
    authorizationCode: charge.authorizationCode,
    metadata: { invoice_id: invoice.id, tenant_id: input.tenantId, invoice_number: invoice.invoiceNumber },
  });
  if (!charged.ok) {
    if (charged.reason === "unreachable")
      return { outcome: "charge_failed", invoice, downgradeRefused, message: charged.message };
    // Refused outright (e.g. an authorization no longer valid): recorded as this invoice's attempt.
    await withPlatform(deps.pool, (tx) =>
      applyInvoicePayment(tx, {
        invoiceId: invoice.id,
        transaction: { reference, status: "failed", amount: invoice.totalKobo, currency: "NGN" },
        now: input.now,
      }),
    );
    return { outcome: "charge_failed", invoice, downgradeRefused, message: charged.message };
  }
  const applied = await withPlatform(deps.pool, (tx) =>
    applyInvoicePayment(tx, { invoiceId: invoice.id, transaction: charged.value, now: input.now }),
  );
  if (applied.outcome === "applied") return { outcome: "paid", invoice: applied.invoice, downgradeRefused };
  return {
    outcome: "charge_failed",
    invoice,
    downgradeRefused,
    message: charged.value.gateway_response ?? applied.outcome,
  };
}

async function prepareRenewal(tx: Tx, input: { tenantId: string; now: Date }): Promise<Prepared> {
  // One renewal at a time per tenant, whichever worker runs it.
  await tx.query(sql.type(noRows)`SELECT pg_advisory_xact_lock(hashtextextended(${`renewal:${input.tenantId}`}, 0))`);
  const state = await findBillingState(tx, input.tenantId);
  if (state === null || state.status !== "active" || state.onTrial || state.subscriptionEndsAt === null)
    return { outcome: "not_due" };
  if (state.subscriptionEndsAt.getTime() > input.now.getTime()) return { outcome: "not_due" };
  let plan: BillingPlan | null = state.plan;
  let downgradeRefused: string | null = null;
  if (state.pendingPlan !== null) {
    const over = await findExceededLimit(tx, input.tenantId, state.pendingPlan.limits);
    if (over === null) plan = state.pendingPlan;
    else
      downgradeRefused = `${state.pendingPlan.name} allows ${over.allowed} ${over.limit === "max_customers" ? "customers" : "staff"} and you have ${over.used}`;
    await tx.query(
      sql.type(
        noRows,
      )`UPDATE tenant_billing SET pending_plan_id = NULL, updated_at = now() WHERE tenant_id = ${input.tenantId}`,
    );
    if (plan !== state.plan && plan !== null) {
      await tx.query(
        sql.type(
          noRows,
        )`UPDATE tenants SET subscription_plan_id = ${plan.id}, updated_at = now() WHERE id = ${input.tenantId}`,
      );
    }
    await writeAuditLog(tx, {
      tenantId: input.tenantId,
      actor: { userType: "system", userId: null },
      action: downgradeRefused === null ? "subscription.downgraded" : "subscription.downgrade_refused",
      entityType: "tenant",
      entityId: input.tenantId,
      oldValues: { plan: state.plan?.slug ?? null },
      newValues: { plan: plan?.slug ?? null, ...(downgradeRefused === null ? {} : { reason: downgradeRefused }) },
    });
  }
  if (plan === null || plan.priceKobo <= 0) return { outcome: "free_plan" };
  const local = localDateInTimeZone(state.subscriptionEndsAt, state.timezone);
  const dueDate = `${local.year}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`;
  const { invoice } = await issuePlanInvoice(tx, {
    tenantId: input.tenantId,
    plan,
    kind: "renewal",
    periodStart: state.subscriptionEndsAt,
    dueDate,
    now: input.now,
  });
  if (invoice.status !== "pending" && invoice.status !== "failed")
    return { outcome: "invoice", invoice, charge: null, downgradeRefused };
  const attempts = await tx.oneFirst(sql.type(attemptRow)`
    SELECT count(*)::int AS attempts FROM billing_payments WHERE invoice_id = ${invoice.id}
  `);
  const card = state.card;
  if (card === null || attempts > 0) return { outcome: "invoice", invoice, charge: null, downgradeRefused };
  const email = card.email ?? (await findBillingEmail(tx, input.tenantId));
  if (email === null) return { outcome: "invoice", invoice, charge: null, downgradeRefused };
  return {
    outcome: "invoice",
    invoice,
    charge: { authorizationCode: card.authorizationCode, email },
    downgradeRefused,
  };
}
