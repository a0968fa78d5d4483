import { createHmac, timingSafeEqual } from "node:crypto";

export type PaystackSignatureCheck = { ok: true } | { ok: false; reason: "missing" | "malformed" | "mismatch" };

const SIGNATURE = /^[0-9a-f]{128}$/i;

/**
 * Checks Paystack's `x-paystack-signature` header: the hex HMAC-SHA512 of the raw request body
 * with the secret key (https://paystack.com/docs/payments/webhooks/#verify-event-origin).
 * Computed over the bytes as received, never a re-serialised object, and compared in constant
 * time after a length check.
 */
export function verifyPaystackSignature(
  rawBody: Buffer,
  header: string | undefined,
  secretKey: string,
): PaystackSignatureCheck {
  if (header === undefined || header === "") return { ok: false, reason: "missing" };
  if (!SIGNATURE.test(header)) return { ok: false, reason: "malformed" };
  const received = Buffer.from(header, "hex");
  const expected = createHmac("sha512", secretKey).update(rawBody).digest();
  if (received.length !== expected.length) return { ok: false, reason: "malformed" };
  return timingSafeEqual(received, expected) ? { ok: true } : { ok: false, reason: "mismatch" };
}

/** The header value Paystack would send for this body (fakes and tests). */
export function signPaystackBody(rawBody: Buffer | string, secretKey: string): string {
  return createHmac("sha512", secretKey).update(rawBody).digest("hex");
}
