import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { getTenantSettings } from "../tenants/getTenantSettings.ts";
import { claimColumns, claimRecordSchema, type ClaimRecord } from "./claimRecord.ts";

/** The largest photo accepted as a receipt (WhatsApp's own image limit is 5 MB). */
export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;
export const RECEIPT_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

export type FileReceiptClaimResult =
  | { ok: true; claim: ClaimRecord }
  | {
      ok: false;
      reason: "claims_off" | "duplicate_photo" | "daily_limit" | "over_max_amount" | "invalid_amount";
      limit?: number;
    };

const countRow = z.object({ count: z.number().int() });
const idRow = z.object({ id: z.string() });

/**
 * Files a customer's receipt claim (the photo already stored under `receipt.key`) for staff to
 * approve, on the caller's tenant transaction. Refused, as a result the chat turns into a reply:
 * claims turned off by the vendor, the same photo claimed before at this vendor (same SHA-256),
 * more claims today than the vendor allows (today in the tenant's timezone, counted under the
 * customer's row lock so two photos sent together cannot both pass), or an amount over the
 * vendor's maximum. Nothing is awarded until a person approves it.
 */
export async function fileReceiptClaim(
  tx: Tx,
  input: {
    tenantId: string;
    customerId: string;
    amountKobo: number;
    receipt: { key: string; sha256: string; mimeType: string; bytes: number };
    now: Date;
  },
): Promise<FileReceiptClaimResult> {
  const settings = await getTenantSettings(tx, input.tenantId);
  if (!settings.claims.enabled) return { ok: false, reason: "claims_off" };
  if (!Number.isSafeInteger(input.amountKobo) || input.amountKobo <= 0) return { ok: false, reason: "invalid_amount" };
  if (input.amountKobo > settings.claims.max_amount_kobo)
    return { ok: false, reason: "over_max_amount", limit: settings.claims.max_amount_kobo };
  await tx.query(sql.type(idRow)`SELECT id FROM customers WHERE id = ${input.customerId} FOR UPDATE`);
  const today = await tx.oneFirst(sql.type(countRow)`
    SELECT count(*)::int AS count FROM purchase_claims
    WHERE customer_id = ${input.customerId}
      AND (created_at AT TIME ZONE ${settings.timezone})::date = (${sql.timestamp(input.now)}::timestamptz AT TIME ZONE ${settings.timezone})::date
  `);
  if (today >= settings.claims.max_per_day)
    return { ok: false, reason: "daily_limit", limit: settings.claims.max_per_day };
  const inserted = await tx.maybeOneFirst(sql.type(idRow)`
    INSERT INTO purchase_claims (tenant_id, customer_id, amount_kobo, receipt_key, receipt_sha256, receipt_mime_type, receipt_bytes, created_at)
    VALUES (${input.tenantId}, ${input.customerId}, ${input.amountKobo}, ${input.receipt.key}, ${input.receipt.sha256},
            ${input.receipt.mimeType}, ${input.receipt.bytes}, ${sql.timestamp(input.now)})
    ON CONFLICT (tenant_id, receipt_sha256) DO NOTHING
    RETURNING id
  `);
  if (inserted === null) return { ok: false, reason: "duplicate_photo" };
  const claim = await tx.one(sql.type(claimRecordSchema)`
    SELECT ${claimColumns} FROM purchase_claims pc JOIN customers c ON c.id = pc.customer_id WHERE pc.id = ${inserted}
  `);
  return { ok: true, claim };
}
