import { sql, type Tx } from "../../db/sql.ts";
import { invoiceColumns, invoiceRecordSchema, type Invoice } from "./invoiceRecord.ts";

/** A tenant's invoices, newest first, one more than `limit` (to know whether a next page exists). */
export async function listInvoices(
  tx: Tx,
  input: { tenantId: string; status?: string; after: string | null; limit: number },
): Promise<readonly Invoice[]> {
  const filters = [sql.fragment`tenant_id = ${input.tenantId}`];
  if (input.status !== undefined) filters.push(sql.fragment`COALESCE(status, 'pending') = ${input.status}`);
  if (input.after !== null) {
    filters.push(
      sql.fragment`(created_at, id) < (SELECT created_at, id FROM tenant_invoices WHERE id = ${input.after})`,
    );
  }
  return tx.any(sql.type(invoiceRecordSchema)`
    SELECT ${invoiceColumns} FROM tenant_invoices WHERE ${sql.join(filters, sql.fragment` AND `)}
    ORDER BY created_at DESC, id DESC LIMIT ${input.limit + 1}
  `);
}
