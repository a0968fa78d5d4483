import type { DatabasePool } from "slonik";
import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { withTenant } from "../../db/withTenant.ts";
import type { PaystackClient } from "../../paystack/paystackClient.ts";
import { billingPlanRow, findBillingState, toPlan, type BillingPlan } from "../subscriptions/findBillingState.ts";
import { invoiceColumns, invoiceRecordSchema, type Invoice } from "./invoiceRecord.ts";
import { isOpenInvoice } from "./isOpenInvoice.ts";
import { issuePlanInvoice } from "./issuePlanInvoice.ts";
import { newPaymentReference } from "./paymentReference.ts";

export type BillingDeps = {
  pool: DatabasePool;
  /** Null when online payments are not configured (no PAYSTACK_SECRET_KEY in production). */
  paystack: PaystackClient | null;
};

export type CreateInvoicePaymentLinkInput = {
  tenantId: string;
  /** Pay this invoice. */
  invoiceId?: string;
  /** Or buy this plan (an upgrade, or the first plan after the trial). */
  planSlug?: string;
  now: Date;
};

export type PaymentLinkFailure =
  | "not_found"
  | "already_paid"
  | "no_open_invoice"
  | "unknown_plan"
  | "not_an_upgrade"
  | "payments_unavailable"
  | "gateway_error";

export type CreateInvoicePaymentLinkResult =
  | { ok: true; authorizationUrl: string; reference: string; invoice: Invoice }
  | { ok: false; reason: PaymentLinkFailure; message: string };

const emailRow = z.object({ email: z.string() });

/**
 * A Paystack checkout link for one of the tenant's invoices: the invoice named, else an invoice
 * for the plan named (an upgrade takes effect when it is paid), else the oldest unpaid one.
 * Each link has a fresh transaction reference, kept on the invoice; the payment itself is
 * applied when Paystack's `charge.success` arrives (handlePaystackEvent). Used by
 * `POST /api/v1/invoices/{id}/pay`, the subscription routes and the owner chat's `PLAN`.
 */
export async function createInvoicePaymentLink(
  deps: BillingDeps,
  input: CreateInvoicePaymentLinkInput,
): Promise<CreateInvoicePaymentLinkResult> {
  const chosen = await withTenant(deps.pool, input.tenantId, (tx) => chooseInvoice(tx, input));
  if (!chosen.ok) return chosen;
  if (deps.paystack === null) {
    return {
      ok: false,
      reason: "payments_unavailable",
      message: "Online payments are not set up on this platform yet",
    };
  }
  const reference = newPaymentReference(chosen.invoice.id);
  const initialized = await deps.paystack.initializeTransaction({
    email: chosen.email,
    amountKobo: chosen.invoice.totalKobo,
    currency: "NGN",
    reference,
    metadata: {
      invoice_id: chosen.invoice.id,
      tenant_id: input.tenantId,
      invoice_number: chosen.invoice.invoiceNumber,
    },
  });
  if (!initialized.ok) {
    return {
      ok: false,
      reason: "gateway_error",
      message: "The payment provider could not start a checkout; try again shortly",
    };
  }
  await withTenant(deps.pool, input.tenantId, (tx) =>
    tx.query(sql.type(noRows)`
      UPDATE tenant_invoices SET paystack_reference = ${reference}, updated_at = now()
      WHERE id = ${chosen.invoice.id} AND COALESCE(status, 'pending') IN ('pending', 'failed')
    `),
  );
  return { ok: true, authorizationUrl: initialized.value.authorization_url, reference, invoice: chosen.invoice };
}

type Chosen =
  | { ok: true; invoice: Invoice; email: string }
  | { ok: false; reason: PaymentLinkFailure; message: string };

async function chooseInvoice(tx: Tx, input: CreateInvoicePaymentLinkInput): Promise<Chosen> {
  let invoice: Invoice | null;
  if (input.invoiceId !== undefined) {
    invoice = await tx.maybeOne(
      sql.type(invoiceRecordSchema)`SELECT ${invoiceColumns} FROM tenant_invoices WHERE id = ${input.invoiceId}`,
    );
    if (invoice === null) return { ok: false, reason: "not_found", message: "No such invoice" };
  } else if (input.planSlug !== undefined) {
    const upgrade = await findOrIssueUpgradeInvoice(tx, input.tenantId, input.planSlug, input.now);
    if (!upgrade.ok) return upgrade;
    invoice = upgrade.invoice;
  } else {
    invoice = await tx.maybeOne(sql.type(invoiceRecordSchema)`
      SELECT ${invoiceColumns} FROM tenant_invoices i WHERE ${isOpenInvoice}
      ORDER BY billing_period_start, created_at LIMIT 1
    `);
    if (invoice === null)
      return { ok: false, reason: "no_open_invoice", message: "There is no invoice to pay; choose a plan instead" };
  }
  if (invoice.status !== "pending" && invoice.status !== "failed") {
    return { ok: false, reason: "already_paid", message: `Invoice ${invoice.invoiceNumber} is ${invoice.status}` };
  }
  if (invoice.totalKobo <= 0)
    return { ok: false, reason: "already_paid", message: `Invoice ${invoice.invoiceNumber} has nothing to pay` };
  const email = await findBillingEmail(tx, input.tenantId);
  if (email === null) return { ok: false, reason: "not_found", message: "The business has no billing email" };
  return { ok: true, invoice, email };
}

async function findOrIssueUpgradeInvoice(
  tx: Tx,
  tenantId: string,
  planSlug: string,
  now: Date,
): Promise<{ ok: true; invoice: Invoice } | { ok: false; reason: PaymentLinkFailure; message: string }> {
  const plan = await findPaidPlan(tx, planSlug);
  if (plan === null) return { ok: false, reason: "unknown_plan", message: `There is no plan called ${planSlug}` };
  const state = await findBillingState(tx, tenantId);
  if (state === null) return { ok: false, reason: "not_found", message: "No such business" };
  // A suspended business may buy any plan, a cheaper one too: it starts a fresh period when paid.
  const paying = !state.onTrial && state.plan !== null && state.status === "active";
  if (paying && state.plan !== null && plan.priceKobo <= state.plan.priceKobo) {
    return {
      ok: false,
      reason: "not_an_upgrade",
      message:
        plan.id === state.plan.id
          ? `You are already on ${plan.name}`
          : `${plan.name} is not an upgrade from ${state.plan.name}; a downgrade takes effect at the end of the period`,
    };
  }
  const open = await tx.maybeOne(sql.type(invoiceRecordSchema)`
    SELECT ${invoiceColumns} FROM tenant_invoices
    WHERE kind = 'upgrade' AND plan_id = ${plan.id} AND COALESCE(status, 'pending') IN ('pending', 'failed')
    ORDER BY created_at DESC LIMIT 1
  `);
  if (open !== null) return { ok: true, invoice: open };
  const issued = await issuePlanInvoice(tx, {
    tenantId,
    plan,
    kind: "upgrade",
    periodStart: now,
    dueDate: now.toISOString().slice(0, 10),
    now,
  });
  return { ok: true, invoice: issued.invoice };
}

/** An active plan with a price (the trial cannot be bought). */
export async function findPaidPlan(tx: Tx, slug: string): Promise<BillingPlan | null> {
  const row = await tx.maybeOne(sql.type(billingPlanRow)`
    SELECT id, slug, name, price_ngn, billing_period, features FROM subscription_plans
    WHERE slug = ${slug} AND COALESCE(is_active, true) AND price_ngn > 0
  `);
  return toPlan(row);
}

/** The business's billing email, else its owner's (Paystack requires one for the receipt). */
export async function findBillingEmail(tx: Tx, tenantId: string): Promise<string | null> {
  return tx.maybeOneFirst(sql.type(emailRow)`
    SELECT COALESCE(NULLIF(t.email, ''), (
      SELECT u.email FROM vendor_users u
      WHERE u.tenant_id = t.id AND u.role = 'owner' AND u.deleted_at IS NULL ORDER BY u.created_at LIMIT 1
    )) AS email
    FROM tenants t WHERE t.id = ${tenantId}
  `);
}
