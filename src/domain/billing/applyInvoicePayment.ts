import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import type { PaystackTransaction } from "../../paystack/paystackClient.ts";
import { writeAuditLog, type AuditActor } from "../audit/writeAuditLog.ts";
import { addBillingPeriod, billingPlanRow, findBillingState, toPlan } from "../subscriptions/findBillingState.ts";
import { invoiceColumns, invoiceRecordSchema, type Invoice } from "./invoiceRecord.ts";

export type ApplyInvoicePaymentResult =
  | { outcome: "applied"; invoice: Invoice; reactivated: boolean; periodEnd: Date }
  /** This reference was recorded before: nothing changes (a replayed event). */
  | { outcome: "duplicate" }
  | { outcome: "unknown_invoice" }
  /** The charge did not succeed; recorded, the invoice stays unpaid. */
  | { outcome: "failed" }
  /** Paid, but not the invoice's amount or currency: recorded, not applied. */
  | { outcome: "mismatch"; expectedKobo: number; paidKobo: number; currency: string }
  /** Paid for an invoice already paid: recorded for a refund, not applied twice. */
  | { outcome: "already_paid" };

const paymentRow = z.object({ id: z.string() });

/**
 * Applies a transaction Paystack has confirmed (verify or charge_authorization) to the invoice
 * its reference names, in the caller's single transaction on the platform path: the payment row
 * (unique per reference, so the same event twice has one effect), then — only for a success of
 * the exact amount in NGN on an unpaid invoice — the invoice paid, the subscription extended by
 * one period of its plan (an upgrade switches plan and starts a fresh period now; a renewal
 * continues from the end of the paid period), the tenant reactivated if it was suspended for
 * non-payment (an admin's suspension stays), the card kept for renewals, and audit rows.
 */
export async function applyInvoicePayment(
  tx: Tx,
  input: { invoiceId: string; transaction: PaystackTransaction; now: Date },
): Promise<ApplyInvoicePaymentResult> {
  const invoice = await tx.maybeOne(sql.type(invoiceRecordSchema)`
    SELECT ${invoiceColumns} FROM tenant_invoices WHERE id = ${input.invoiceId} FOR UPDATE
  `);
  if (invoice === null) return { outcome: "unknown_invoice" };
  const trx = input.transaction;
  const currency = (trx.currency ?? "NGN").toUpperCase();
  const status =
    trx.status !== "success"
      ? "failed"
      : trx.amount !== invoice.totalKobo || currency !== "NGN"
        ? "mismatch"
        : invoice.status === "paid" || invoice.status === "refunded"
          ? "unapplied"
          : "success";
  const recorded = await tx.maybeOne(sql.type(paymentRow)`
    INSERT INTO billing_payments (tenant_id, invoice_id, reference, amount_kobo, currency, status, gateway_transaction_id, channel, created_at)
    VALUES (${invoice.tenantId}, ${invoice.id}, ${trx.reference}, ${trx.amount}, ${currency.slice(0, 3)}, ${status},
            ${trx.id ?? null}, ${trx.channel ?? null}, ${sql.timestamp(input.now)})
    ON CONFLICT (reference) DO NOTHING
    RETURNING id
  `);
  if (recorded === null) return { outcome: "duplicate" };
  const system: AuditActor = { userType: "system", userId: null };

  if (status === "failed") return { outcome: "failed" };
  if (status === "mismatch") {
    await writeAuditLog(tx, {
      tenantId: invoice.tenantId,
      actor: system,
      action: "invoice.payment_mismatch",
      entityType: "tenant_invoice",
      entityId: invoice.id,
      newValues: { reference: trx.reference, expectedKobo: invoice.totalKobo, paidKobo: trx.amount, currency },
    });
    return { outcome: "mismatch", expectedKobo: invoice.totalKobo, paidKobo: trx.amount, currency };
  }
  if (status === "unapplied") {
    await writeAuditLog(tx, {
      tenantId: invoice.tenantId,
      actor: system,
      action: "invoice.paid_twice",
      entityType: "tenant_invoice",
      entityId: invoice.id,
      newValues: { reference: trx.reference, paidKobo: trx.amount, refundDue: true },
    });
    return { outcome: "already_paid" };
  }

  const paid = await tx.one(sql.type(invoiceRecordSchema)`
    UPDATE tenant_invoices SET status = 'paid', paid_at = ${sql.timestamp(input.now)}, payment_method = 'paystack',
           payment_reference = ${trx.reference}, updated_at = now()
    WHERE id = ${invoice.id}
    RETURNING ${invoiceColumns}
  `);
  const state = await findBillingState(tx, invoice.tenantId);
  if (state === null) return { outcome: "unknown_invoice" };
  const invoicePlan =
    invoice.planId === null
      ? null
      : toPlan(
          await tx.maybeOne(sql.type(billingPlanRow)`
            SELECT id, slug, name, price_ngn, billing_period, features FROM subscription_plans WHERE id = ${invoice.planId}
          `),
        );
  const plan = invoicePlan ?? state.plan;
  const billingPeriod = plan?.billingPeriod ?? "monthly";
  const continues = invoice.kind !== "upgrade" && !state.onTrial && state.subscriptionEndsAt !== null;
  let start = continues && state.subscriptionEndsAt !== null ? state.subscriptionEndsAt : input.now;
  let end = addBillingPeriod(start, billingPeriod);
  if (end.getTime() <= input.now.getTime()) {
    // Paid so late that the whole period is past: the paid period starts now.
    start = input.now;
    end = addBillingPeriod(start, billingPeriod);
  }
  const reactivated = state.status === "suspended" && state.suspendedForNonpayment;
  const newStatus = state.status === "trial" || state.status === "active" || reactivated ? "active" : state.status;
  await tx.query(sql.type(noRows)`
    UPDATE tenants SET
      subscription_plan_id = COALESCE(${invoicePlan?.id ?? null}::uuid, subscription_plan_id),
      subscription_status = ${newStatus},
      subscription_starts_at = COALESCE(subscription_starts_at, ${sql.timestamp(input.now)}),
      subscription_ends_at = ${sql.timestamp(end)},
      updated_at = now()
    WHERE id = ${invoice.tenantId}
  `);
  const card = trx.authorization?.reusable === true ? trx.authorization : null;
  await tx.query(sql.type(noRows)`
    INSERT INTO tenant_billing (tenant_id, current_period_start, paystack_authorization_code, paystack_customer_email,
                                card_last4, card_brand, suspended_for_nonpayment)
    VALUES (${invoice.tenantId}, ${sql.timestamp(start)}, ${card?.authorization_code ?? null}, ${trx.customer?.email ?? null},
            ${card?.last4 ?? null}, ${card?.brand ?? null}, false)
    ON CONFLICT (tenant_id) DO UPDATE SET
      current_period_start = EXCLUDED.current_period_start,
      paystack_authorization_code = COALESCE(EXCLUDED.paystack_authorization_code, tenant_billing.paystack_authorization_code),
      paystack_customer_email = COALESCE(EXCLUDED.paystack_customer_email, tenant_billing.paystack_customer_email),
      card_last4 = CASE WHEN EXCLUDED.paystack_authorization_code IS NULL THEN tenant_billing.card_last4 ELSE EXCLUDED.card_last4 END,
      card_brand = CASE WHEN EXCLUDED.paystack_authorization_code IS NULL THEN tenant_billing.card_brand ELSE EXCLUDED.card_brand END,
      pending_plan_id = CASE WHEN ${invoice.kind === "upgrade"} THEN NULL ELSE tenant_billing.pending_plan_id END,
      suspended_for_nonpayment = CASE WHEN ${newStatus === "suspended"} THEN tenant_billing.suspended_for_nonpayment ELSE false END,
      updated_at = now()
  `);
  await writeAuditLog(tx, {
    tenantId: invoice.tenantId,
    actor: system,
    action: "invoice.paid",
    entityType: "tenant_invoice",
    entityId: invoice.id,
    newValues: {
      paymentMethod: "paystack",
      paymentReference: trx.reference,
      amountKobo: trx.amount,
      plan: plan?.slug ?? null,
      periodStart: start.toISOString(),
      periodEnd: end.toISOString(),
    },
  });
  if (reactivated) {
    await writeAuditLog(tx, {
      tenantId: invoice.tenantId,
      actor: system,
      action: "tenant.reactivated",
      entityType: "tenant",
      entityId: invoice.tenantId,
      oldValues: { status: "suspended" },
      newValues: { status: "active", reason: "invoice paid" },
    });
  }
  return { outcome: "applied", invoice: paid, reactivated, periodEnd: end };
}
