import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../db/sql.ts";
import { withTenant } from "../../db/withTenant.ts";
import { csvLine } from "./csvLine.ts";

/** Rows read per transaction: memory stays bounded whatever the tenant's size. */
export const EXPORT_PAGE_SIZE = 1000;

const customerRow = z.object({
  id: z.string(),
  phone_number: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  whatsapp_name: z.string().nullable(),
  email: z.string().nullable(),
  loyalty_status: z.string().nullable(),
  opted_in: z.boolean().nullable(),
  birth_date: z.string().nullable(),
  total_purchases: z.number().int().nullable(),
  total_spent_kobo: z.number().int().nullable(),
  balance: z.number().int(),
  tags: z.array(z.string()).catch([]),
  created_at: z.date().nullable(),
  last_purchase_at: z.date().nullable(),
});

export const CUSTOMER_CSV_HEADER = [
  "id",
  "phone",
  "first_name",
  "last_name",
  "whatsapp_name",
  "email",
  "status",
  "marketing_consent",
  "birth_date",
  "purchases",
  "spent_kobo",
  "points_balance",
  "tags",
  "joined_at",
  "last_purchase_at",
] as const;

/**
 * The tenant's customers (not deleted) as CSV, streamed: a header line, then pages of
 * {@link EXPORT_PAGE_SIZE} rows in id order, each page read in its own tenant transaction (RLS
 * on), so another tenant's rows cannot appear and a large export holds no long transaction.
 * Times are ISO 8601 in UTC; money in kobo.
 */
export async function* streamCustomersCsv(pool: DatabasePool, tenantId: string): AsyncGenerator<string> {
  yield csvLine(CUSTOMER_CSV_HEADER);
  let after: string | null = null;
  for (;;) {
    const page: readonly z.infer<typeof customerRow>[] = await withTenant(pool, tenantId, (tx) =>
      tx.any(sql.type(customerRow)`
        SELECT c.id, c.phone_number, c.first_name, c.last_name, c.whatsapp_name, c.email, c.loyalty_status, c.opted_in,
               to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.total_purchases, c.total_spent_ngn AS total_spent_kobo,
               COALESCE(b.current_balance, 0) AS balance, COALESCE(c.tags, '[]'::jsonb) AS tags, c.created_at, c.last_purchase_at
        FROM customers c LEFT JOIN customer_points_balance b ON b.customer_id = c.id
        WHERE c.deleted_at IS NULL ${after === null ? sql.fragment`` : sql.fragment`AND c.id > ${after}`}
        ORDER BY c.id
        LIMIT ${EXPORT_PAGE_SIZE}
      `),
    );
    for (const row of page) {
      yield csvLine([
        row.id,
        row.phone_number,
        row.first_name,
        row.last_name,
        row.whatsapp_name,
        row.email,
        row.loyalty_status,
        row.opted_in === true ? "yes" : "no",
        row.birth_date,
        row.total_purchases ?? 0,
        row.total_spent_kobo ?? 0,
        row.balance,
        row.tags.join(";"),
        row.created_at?.toISOString() ?? null,
        row.last_purchase_at?.toISOString() ?? null,
      ]);
    }
    const last = page.at(-1);
    if (last === undefined || page.length < EXPORT_PAGE_SIZE) return;
    after = last.id;
  }
}
