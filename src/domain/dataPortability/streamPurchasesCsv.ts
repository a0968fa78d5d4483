import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../db/sql.ts";
import { withTenant } from "../../db/withTenant.ts";
import { csvLine } from "./csvLine.ts";
import { EXPORT_PAGE_SIZE } from "./streamCustomersCsv.ts";

const purchaseRow = z.object({
  id: z.string(),
  created_at: z.date(),
  customer_id: z.string().nullable(),
  phone_number: z.string().nullable(),
  amount_kobo: z.number().int(),
  points_awarded: z.number().int().nullable(),
  source: z.string().nullable(),
  logged_via: z.string().nullable(),
  staff_name: z.string().nullable(),
  product_name: z.string().nullable(),
});

export const PURCHASE_CSV_HEADER = [
  "id",
  "created_at",
  "customer_id",
  "customer_phone",
  "amount_kobo",
  "points_awarded",
  "source",
  "logged_via",
  "staff",
  "product",
] as const;

/**
 * The tenant's purchases as CSV, streamed in pages like {@link streamCustomersCsv}, oldest
 * first, optionally limited to `[from, to)`.
 */
export async function* streamPurchasesCsv(
  pool: DatabasePool,
  tenantId: string,
  range: { from: Date | null; to: Date | null },
): AsyncGenerator<string> {
  yield csvLine(PURCHASE_CSV_HEADER);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const cursor = after;
    const page: readonly z.infer<typeof purchaseRow>[] = await withTenant(pool, tenantId, (tx) =>
      tx.any(sql.type(purchaseRow)`
        SELECT p.id, p.created_at, p.customer_id, c.phone_number, p.amount_ngn AS amount_kobo, p.points_awarded,
               p.source, p.logged_via, u.full_name AS staff_name, p.product_name
        FROM purchases p
        LEFT JOIN customers c ON c.id = p.customer_id
        LEFT JOIN vendor_users u ON u.id = p.logged_by_user_id
        WHERE true
          ${range.from === null ? sql.fragment`` : sql.fragment`AND p.created_at >= ${sql.timestamp(range.from)}`}
          ${range.to === null ? sql.fragment`` : sql.fragment`AND p.created_at < ${sql.timestamp(range.to)}`}
          ${cursor === null ? sql.fragment`` : sql.fragment`AND (p.created_at, p.id) > (${sql.timestamp(cursor.createdAt)}, ${cursor.id}::uuid)`}
        ORDER BY p.created_at, p.id
        LIMIT ${EXPORT_PAGE_SIZE}
      `),
    );
    for (const row of page) {
      yield csvLine([
        row.id,
        row.created_at.toISOString(),
        row.customer_id,
        row.phone_number,
        row.amount_kobo,
        row.points_awarded ?? 0,
        row.source,
        row.logged_via,
        row.staff_name,
        row.product_name,
      ]);
    }
    const last = page.at(-1);
    if (last === undefined || page.length < EXPORT_PAGE_SIZE) return;
    after = { createdAt: last.created_at, id: last.id };
  }
}
