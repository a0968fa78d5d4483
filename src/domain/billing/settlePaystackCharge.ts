import type { DatabasePool } from "slonik";
import { withPlatform } from "../../db/withTenant.ts";
import type { PaystackClient } from "../../paystack/paystackClient.ts";
import { applyInvoicePayment, type ApplyInvoicePaymentResult } from "./applyInvoicePayment.ts";
import { findInvoiceIdInReference } from "./paymentReference.ts";

export type SettlePaystackChargeResult =
  | ApplyInvoicePaymentResult
  /** Not a reference of ours: nothing to do (answered 200 so Paystack stops retrying). */
  | { outcome: "unknown_reference" }
  /** Paystack could not confirm it now: answered 5xx so Paystack delivers the event again. */
  | { outcome: "verify_failed"; message: string };

/**
 * Settles a `charge.success` Paystack told us about: the event is only a hint, so the
 * transaction is fetched again from Paystack's verify endpoint, and what Paystack answers there
 * (status, amount, currency, card) is applied to the invoice in one transaction.
 */
export async function settlePaystackCharge(
  deps: { pool: DatabasePool; paystack: PaystackClient },
  input: { reference: string; now: Date },
): Promise<SettlePaystackChargeResult> {
  const invoiceId = findInvoiceIdInReference(input.reference);
  if (invoiceId === null) return { outcome: "unknown_reference" };
  const verified = await deps.paystack.verifyTransaction(input.reference);
  if (!verified.ok) {
    // A reference Paystack does not know is not ours to retry; anything else may pass.
    if (verified.status === 400 || verified.status === 404) return { outcome: "unknown_reference" };
    return { outcome: "verify_failed", message: verified.message };
  }
  if (verified.value.reference !== input.reference)
    return { outcome: "verify_failed", message: "verify answered another reference" };
  const applied = await withPlatform(deps.pool, (tx) =>
    applyInvoicePayment(tx, { invoiceId, transaction: verified.value, now: input.now }),
  );
  return applied.outcome === "unknown_invoice" ? { outcome: "unknown_reference" } : applied;
}
