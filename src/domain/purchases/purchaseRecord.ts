import { z } from "zod";
import { sql } from "../../db/sql.ts";

export const purchaseSourceSchema = z.enum(["whatsapp", "api", "manual", "pos_integration", "customer_self"]);

export type PurchaseSource = z.infer<typeof purchaseSourceSchema>;

/** A purchases row as the domain sees it. Amounts are kobo. */
export const purchaseRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    customer_id: z.string(),
    amount_ngn: z.number().int(),
    product_name: z.string().nullable(),
    product_category: z.string().nullable(),
    source: z.string().nullable(),
    logged_by_user_id: z.string().nullable(),
    logged_via: z.string().nullable(),
    points_awarded: z.number().int().nullable(),
    idempotency_key: z.string().nullable(),
    created_at: z.date(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    customerId: row.customer_id,
    amountKobo: row.amount_ngn,
    productName: row.product_name,
    productCategory: row.product_category,
    source: row.source,
    loggedByUserId: row.logged_by_user_id,
    loggedVia: row.logged_via,
    /** Points the buyer earned (a referrer's points are not included). */
    pointsAwarded: row.points_awarded ?? 0,
    idempotencyKey: row.idempotency_key,
    createdAt: row.created_at,
  }));

export type Purchase = z.output<typeof purchaseRecordSchema>;

/** The column list matching {@link purchaseRecordSchema}. */
export const purchaseColumns = sql.fragment`
  id, tenant_id, customer_id, amount_ngn, product_name, product_category, source, logged_by_user_id, logged_via,
  points_awarded, idempotency_key, created_at
`;
