import { randomBytes } from "node:crypto";

const REFERENCE = /^inv_([0-9a-f]{32})_[0-9a-z]{10}$/;

/**
 * A new Paystack transaction reference for an invoice: `inv_<invoice id hex>_<random>`.
 * Paystack wants a fresh reference per transaction; carrying the invoice id in it lets an older
 * checkout link, paid late, still find its invoice.
 */
export function newPaymentReference(invoiceId: string): string {
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .padStart(13, "0")
    .slice(-10);
  return `inv_${invoiceId.replaceAll("-", "")}_${random}`;
}

/** The invoice id a reference of ours names, or null for anything else. */
export function findInvoiceIdInReference(reference: string): string | null {
  const hex = REFERENCE.exec(reference)?.[1];
  if (hex === undefined) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
