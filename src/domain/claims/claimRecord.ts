import { z } from "zod";
import { sql } from "../../db/sql.ts";

export const claimStatusSchema = z.enum(["pending", "approved", "rejected"]);

export const claimRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    customer_id: z.string(),
    customer_phone: z.string(),
    amount_kobo: z.number().int(),
    receipt_key: z.string(),
    receipt_sha256: z.string(),
    receipt_mime_type: z.string(),
    receipt_bytes: z.number().int(),
    status: claimStatusSchema,
    reviewed_by_user_id: z.string().nullable(),
    reviewed_at: z.date().nullable(),
    rejection_reason: z.string().nullable(),
    purchase_id: z.string().nullable(),
    created_at: z.date(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    customerId: row.customer_id,
    customerPhone: row.customer_phone,
    amountKobo: row.amount_kobo,
    receiptKey: row.receipt_key,
    receiptSha256: row.receipt_sha256,
    receiptMimeType: row.receipt_mime_type,
    receiptBytes: row.receipt_bytes,
    status: row.status,
    reviewedByUserId: row.reviewed_by_user_id,
    reviewedAt: row.reviewed_at,
    rejectionReason: row.rejection_reason,
    purchaseId: row.purchase_id,
    createdAt: row.created_at,
  }));

export type ClaimRecord = z.output<typeof claimRecordSchema>;

/** The claim's columns with its customer's phone (claims are always read joined to customers as `c`). */
export const claimColumns = sql.fragment`
  pc.id, pc.tenant_id, pc.customer_id, c.phone_number AS customer_phone, pc.amount_kobo, pc.receipt_key, pc.receipt_sha256,
  pc.receipt_mime_type, pc.receipt_bytes, pc.status, pc.reviewed_by_user_id, pc.reviewed_at, pc.rejection_reason,
  pc.purchase_id, pc.created_at
`;
