import { z } from "zod";
import { sql } from "../../db/sql.ts";

/**
 * A purchase as lists and corrections show it: the purchases row with its void (if any) and the
 * buyer's phone number. Amounts are kobo; points of a void are bigint columns read as numbers.
 */
export const purchaseDetailSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    customer_id: z.string(),
    customer_phone: z.string(),
    amount_ngn: z.number().int(),
    product_name: z.string().nullable(),
    source: z.string().nullable(),
    logged_by_user_id: z.string().nullable(),
    logged_via: z.string().nullable(),
    points_awarded: z.number().int().nullable(),
    idempotency_key: z.string().nullable(),
    created_at: z.date(),
    voided_at: z.date().nullable(),
    voided_by_user_id: z.string().nullable(),
    void_reason: z.string().nullable(),
    points_reversed: z.number().int().nullable(),
    points_shortfall: z.number().int().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    customerId: row.customer_id,
    customerPhone: row.customer_phone,
    amountKobo: row.amount_ngn,
    productName: row.product_name,
    source: row.source,
    loggedByUserId: row.logged_by_user_id,
    loggedVia: row.logged_via,
    /** Points the buyer earned (a referrer's points are not included). */
    pointsAwarded: row.points_awarded ?? 0,
    idempotencyKey: row.idempotency_key,
    createdAt: row.created_at,
    voidedAt: row.voided_at,
    voidedByUserId: row.voided_by_user_id,
    voidReason: row.void_reason,
    pointsReversed: row.points_reversed,
    pointsShortfall: row.points_shortfall,
  }));

export type PurchaseDetail = z.output<typeof purchaseDetailSchema>;

/** The column list matching {@link purchaseDetailSchema}, from `purchases p JOIN customers c`. */
export const purchaseDetailColumns = sql.fragment`
  p.id, p.tenant_id, p.customer_id, c.phone_number AS customer_phone, p.amount_ngn, p.product_name,
  p.source, p.logged_by_user_id, p.logged_via, p.points_awarded, p.idempotency_key, p.created_at,
  p.voided_at, p.voided_by_user_id, p.void_reason, p.points_reversed, p.points_shortfall
`;
