import { sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { invoiceColumns, invoiceRecordSchema, type Invoice } from "./invoiceRecord.ts";

export type MarkInvoicePaidResult = { ok: true; invoice: Invoice } | { ok: false; reason: "not_found" | "not_pending" };

/** Marks a pending invoice of the tenant paid, with an audit row (`invoice.paid`). */
export async function markInvoicePaid(
  tx: Tx,
  input: {
    tenantId: string;
    invoiceId: string;
    paymentMethod: string | null;
    paymentReference: string | null;
    adminId: string;
    now: Date;
  },
): Promise<MarkInvoicePaidResult> {
  const invoice = await tx.maybeOne(sql.type(invoiceRecordSchema)`
    UPDATE tenant_invoices SET status = 'paid', paid_at = ${sql.timestamp(input.now)},
           payment_method = ${input.paymentMethod}, payment_reference = ${input.paymentReference}, updated_at = now()
    WHERE id = ${input.invoiceId} AND tenant_id = ${input.tenantId} AND COALESCE(status, 'pending') IN ('pending', 'failed')
    RETURNING ${invoiceColumns}
  `);
  if (invoice === null) {
    const exists = await tx.exists(sql.type(invoiceRecordSchema)`
      SELECT ${invoiceColumns} FROM tenant_invoices WHERE id = ${input.invoiceId} AND tenant_id = ${input.tenantId}
    `);
    return { ok: false, reason: exists ? "not_pending" : "not_found" };
  }
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: { userType: "platform_admin", userId: input.adminId },
    action: "invoice.paid",
    entityType: "tenant_invoice",
    entityId: invoice.id,
    newValues: { paymentMethod: invoice.paymentMethod, paymentReference: invoice.paymentReference },
  });
  return { ok: true, invoice };
}
