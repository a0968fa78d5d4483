/** A parsed naira amount in kobo, or why the text is not one. */
export type AmountResult = { ok: true; value: number } | { ok: false; reason: string };

/** Purchases above this are typing mistakes, not sales (₦100,000,000 in kobo). */
export const MAX_AMOUNT_KOBO = 10_000_000_000;

const CURRENCY_PREFIX = /^(?:₦|NGN|N)\s*/i;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Parses what a person types as a naira amount (`5000`, `5,000`, `N5000`, `₦5,000.50`,
 * `NGN 5000`) into integer kobo, using string arithmetic so no float rounding creeps in.
 */
export function parseAmount(text: string): AmountResult {
  const trimmed = text.trim();
  if (trimmed.startsWith("-")) return { ok: false, reason: "The amount must be more than zero." };
  const digits = trimmed.replace(CURRENCY_PREFIX, "").trim();
  if (digits.startsWith("-")) return { ok: false, reason: "The amount must be more than zero." };
  if (!PLAIN_NUMBER.test(digits) && !GROUPED_NUMBER.test(digits)) {
    return { ok: false, reason: "That is not an amount, for example 5000 or ₦5,000.50." };
  }
  const [whole = "", fraction = ""] = digits.replaceAll(",", "").split(".");
  if (fraction.length > 2) return { ok: false, reason: "Use at most 2 decimals, for example 5000.50." };
  const significantWhole = whole.replace(/^0+(?=\d)/, "");
  if (significantWhole.length > 12) return { ok: false, reason: "That amount is too large." };
  const kobo = Number(significantWhole) * 100 + Number(fraction.padEnd(2, "0"));
  if (kobo === 0) return { ok: false, reason: "The amount must be more than zero." };
  if (kobo > MAX_AMOUNT_KOBO) return { ok: false, reason: "That amount is too large." };
  return { ok: true, value: kobo };
}
