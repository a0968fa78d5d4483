import { createHmac, timingSafeEqual } from "node:crypto";

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "malformed" | "mismatch" };

const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/;

/**
 * Checks Meta's `X-Hub-Signature-256` header against the webhook body exactly as received.
 *
 * Meta signs the bytes it sends (non-ASCII already escaped as `\uXXXX`), so the HMAC must be
 * computed over the raw body, never over a re-serialised JSON object.
 * See https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads
 */
export function verifyWebhookSignature(rawBody: Buffer, header: string | undefined, appSecret: string): SignatureCheck {
  if (header === undefined || header === "") return { ok: false, reason: "missing" };
  const match = SIGNATURE_HEADER.exec(header);
  const hex = match?.[1];
  if (hex === undefined) return { ok: false, reason: "malformed" };

  const received = Buffer.from(hex, "hex");
  const expected = hmacSha256(rawBody, appSecret);
  // timingSafeEqual throws on different lengths; the regex already pins 32 bytes, this keeps it explicit.
  if (received.length !== expected.length) return { ok: false, reason: "malformed" };
  return timingSafeEqual(received, expected) ? { ok: true } : { ok: false, reason: "mismatch" };
}

/** The `X-Hub-Signature-256` header value Meta would send for this body (tests and sandbox). */
export function signWebhookBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${hmacSha256(rawBody, appSecret).toString("hex")}`;
}

/**
 * Escapes every non-ASCII UTF-16 code unit as lowercase `\uXXXX`, the way Meta serialises the
 * bodies it signs (an emoji becomes its surrogate pair, e.g. `\ud83d\udc4b`).
 */
export function escapeLikeMeta(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function hmacSha256(body: Buffer | string, secret: string): Buffer {
  return createHmac("sha256", secret).update(body).digest();
}
