import { sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { generateShortCode } from "../customers/generateShortCode.ts";
import { invoiceColumns, invoiceRecordSchema, type Invoice } from "./invoiceRecord.ts";

export type CreateInvoiceInput = {
  tenantId: string;
  amountKobo: number;
  taxKobo: number;
  periodStart: string;
  periodEnd: string;
  dueDate: string | null;
  adminId: string;
  now: Date;
};

export type CreateInvoiceResult =
  | { ok: true; invoice: Invoice }
  | { ok: false; reason: "invalid_period" | "total_too_large" };

const INT4_MAX = 2_147_483_647;

/**
 * Issues a pending invoice to a tenant with a unique number (`INV-YYYYMM-XXXXXX`), on the
 * caller's transaction, and writes an audit row (`invoice.created`).
 */
export async function createInvoice(tx: Tx, input: CreateInvoiceInput): Promise<CreateInvoiceResult> {
  if (input.periodEnd < input.periodStart) return { ok: false, reason: "invalid_period" };
  const total = input.amountKobo + input.taxKobo;
  if (total > INT4_MAX) return { ok: false, reason: "total_too_large" };
  const month = input.now.toISOString().slice(0, 7).replace("-", "");
  for (;;) {
    const invoice = await tx.maybeOne(sql.type(invoiceRecordSchema)`
      INSERT INTO tenant_invoices (tenant_id, invoice_number, amount_ngn, tax_amount_ngn, total_amount_ngn,
                                   billing_period_start, billing_period_end, status, due_date)
      VALUES (${input.tenantId}, ${`INV-${month}-${generateShortCode(6)}`}, ${input.amountKobo}, ${input.taxKobo}, ${total},
              ${input.periodStart}::date, ${input.periodEnd}::date, 'pending', ${input.dueDate}::date)
      ON CONFLICT (invoice_number) DO NOTHING
      RETURNING ${invoiceColumns}
    `);
    if (invoice === null) continue;
    await writeAuditLog(tx, {
      tenantId: input.tenantId,
      actor: { userType: "platform_admin", userId: input.adminId },
      action: "invoice.created",
      entityType: "tenant_invoice",
      entityId: invoice.id,
      newValues: { invoiceNumber: invoice.invoiceNumber, totalKobo: invoice.totalKobo },
    });
    return { ok: true, invoice };
  }
}
