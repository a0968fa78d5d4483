import { MAX_AMOUNT_KOBO } from "../../../flows/parsers/parseAmount.ts";
import { z } from "zod";

/**
 * Field schemas for request bodies and queries. Every string has a maximum length within its
 * column, refuses NUL and unpaired surrogates (PostgreSQL rejects both, so they would surface
 * as a 500), and every integer fits an int4 column: malformed input is always a 400.
 */
const INT4_MAX = 2_147_483_647;

export function isSafeText(value: string): boolean {
  return value.isWellFormed() && !value.includes("\u0000");
}

/** A string of at most `max` characters; `min` defaults to 1 after trimming. */
export function text(max: number, min = 1) {
  return z.string().trim().min(min).max(max).refine(isSafeText, "must not contain NUL or unpaired surrogates");
}

export const int4 = z.int().min(-INT4_MAX).max(INT4_MAX);
export const positiveInt4 = z.int().min(1).max(INT4_MAX);
export const nonNegativeInt4 = z.int().min(0).max(INT4_MAX);
/** A purchase amount in kobo: a bigint column, bounded by the largest sale the chat accepts too. */
export const amountKobo = z.int().min(1).max(MAX_AMOUNT_KOBO);

export const uuid = z.uuid();

export const email = z.email().max(255);

/** An instant with its offset, e.g. `2026-12-01T09:00:00Z`. */
export const dateTime = z.iso.datetime({ offset: true });

/** A calendar date, `YYYY-MM-DD`. */
export const date = z.iso.date();

/** A phone number as typed (`0801 234 5678`, `+234…`); normalised with the tenant's country. */
export const phoneInput = z
  .string()
  .trim()
  .min(6)
  .max(25)
  .regex(/^\+?[\d\s().-]+$/, "must be a phone number");

/** A password a person sets: long enough to resist guessing, short enough to hash cheaply. */
export const newPassword = z
  .string()
  .min(10)
  .max(200)
  .refine(isSafeText, "must not contain NUL or unpaired surrogates");

/** A JSON object stored in a jsonb column: small, and every string in it storable. */
export const jsonObject = z
  .record(z.string().max(100), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 10_000, "must be at most 10,000 characters as JSON")
  .refine((value) => isStorableJson(value, 0), "must not contain NUL, unpaired surrogates or nesting deeper than 8");

/**
 * Whether every string (and key) in a JSON value can be stored: no NUL, no unpaired surrogate,
 * nesting at most 8 deep below `depth`.
 */
export function isStorableJson(value: unknown, depth = 0): boolean {
  if (depth > 8) return false;
  if (typeof value === "string") return isSafeText(value);
  if (Array.isArray(value)) return value.every((item) => isStorableJson(item, depth + 1));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).every(([key, item]) => isSafeText(key) && isStorableJson(item, depth + 1));
  }
  return true;
}

/** Cursor pagination query: `?limit=&cursor=`. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

/** `{ data, next_cursor }`: pass `next_cursor` back as `cursor` until it is null. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next_cursor: z.string().nullable() });
}

export const idParams = z.strictObject({ id: z.uuid() });

export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .meta({ id: "Error" });
