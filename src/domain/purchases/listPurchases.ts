import { sql, type Tx } from "../../db/sql.ts";
import { purchaseDetailColumns, purchaseDetailSchema, type PurchaseDetail } from "./purchaseDetail.ts";
import type { PurchaseSource } from "./purchaseRecord.ts";

export type ListPurchasesInput = {
  /** One purchase by id (a page of at most one). */
  id?: string;
  customerId?: string;
  /** The vendor user who logged them (`logged_by_user_id`). */
  loggedByUserId?: string;
  source?: PurchaseSource;
  /** Logged at or after. */
  from?: Date;
  /** Logged before. */
  to?: Date;
  /** true: only voided ones; false: only standing ones; omitted: both. */
  voided?: boolean;
  /** The id of the last row of the previous page (newest first), or null. */
  after: string | null;
  limit: number;
};

/**
 * The current tenant's purchases, newest first, `limit + 1` rows (the extra one says a next page
 * exists), each with its buyer's phone and its void. Row-level security keeps it to the tenant.
 */
export async function listPurchases(tx: Tx, input: ListPurchasesInput): Promise<readonly PurchaseDetail[]> {
  const filters = [sql.fragment`TRUE`];
  if (input.id !== undefined) filters.push(sql.fragment`p.id = ${input.id}`);
  if (input.customerId !== undefined) filters.push(sql.fragment`p.customer_id = ${input.customerId}`);
  if (input.loggedByUserId !== undefined) filters.push(sql.fragment`p.logged_by_user_id = ${input.loggedByUserId}`);
  if (input.source !== undefined) filters.push(sql.fragment`p.source = ${input.source}`);
  if (input.from !== undefined) filters.push(sql.fragment`p.created_at >= ${sql.timestamp(input.from)}`);
  if (input.to !== undefined) filters.push(sql.fragment`p.created_at < ${sql.timestamp(input.to)}`);
  if (input.voided === true) filters.push(sql.fragment`p.voided_at IS NOT NULL`);
  if (input.voided === false) filters.push(sql.fragment`p.voided_at IS NULL`);
  if (input.after !== null) {
    filters.push(sql.fragment`(p.created_at, p.id) < (SELECT created_at, id FROM purchases WHERE id = ${input.after})`);
  }
  return tx.any(sql.type(purchaseDetailSchema)`
    SELECT ${purchaseDetailColumns}
    FROM purchases p JOIN customers c ON c.id = p.customer_id
    WHERE ${sql.join(filters, sql.fragment` AND `)}
    ORDER BY p.created_at DESC, p.id DESC
    LIMIT ${input.limit + 1}
  `);
}
