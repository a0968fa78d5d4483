import { sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { generateShortCode } from "../customers/generateShortCode.ts";
import { addBillingPeriod, type BillingPlan } from "../subscriptions/findBillingState.ts";
import { invoiceColumns, invoiceRecordSchema, type Invoice } from "./invoiceRecord.ts";

export type IssuePlanInvoiceInput = {
  tenantId: string;
  plan: BillingPlan;
  kind: "renewal" | "upgrade";
  /** When the period it pays for begins (a renewal: the end of the period before). */
  periodStart: Date;
  /** The day it falls due (`YYYY-MM-DD`). */
  dueDate: string;
  now: Date;
};

export type IssuePlanInvoiceResult = { invoice: Invoice; created: boolean };

/**
 * Issues the invoice for one period of a plan (price in kobo, no tax), on the caller's
 * transaction, with an audit row (`invoice.created`, by the system). A renewal is unique per
 * tenant and period start: issuing it again returns the one that exists, so the job that
 * issues them may run any number of times.
 */
export async function issuePlanInvoice(tx: Tx, input: IssuePlanInvoiceInput): Promise<IssuePlanInvoiceResult> {
  const start = utcDate(input.periodStart);
  const end = utcDate(
    new Date(addBillingPeriod(input.periodStart, input.plan.billingPeriod).getTime() - 24 * 60 * 60 * 1000),
  );
  const month = input.now.toISOString().slice(0, 7).replace("-", "");
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const invoice = await tx.maybeOne(sql.type(invoiceRecordSchema)`
      INSERT INTO tenant_invoices (tenant_id, invoice_number, amount_ngn, tax_amount_ngn, total_amount_ngn,
                                   billing_period_start, billing_period_end, status, due_date, plan_id, kind)
      VALUES (${input.tenantId}, ${`INV-${month}-${generateShortCode(6)}`}, ${input.plan.priceKobo}, 0, ${input.plan.priceKobo},
              ${start}::date, ${end}::date, 'pending', ${input.dueDate}::date, ${input.plan.id}, ${input.kind})
      ON CONFLICT DO NOTHING
      RETURNING ${invoiceColumns}
    `);
    if (invoice !== null) {
      await writeAuditLog(tx, {
        tenantId: input.tenantId,
        actor: { userType: "system", userId: null },
        action: "invoice.created",
        entityType: "tenant_invoice",
        entityId: invoice.id,
        newValues: {
          invoiceNumber: invoice.invoiceNumber,
          totalKobo: invoice.totalKobo,
          kind: input.kind,
          plan: input.plan.slug,
        },
      });
      return { invoice, created: true };
    }
    if (input.kind === "renewal") {
      const existing = await tx.maybeOne(sql.type(invoiceRecordSchema)`
        SELECT ${invoiceColumns} FROM tenant_invoices
        WHERE tenant_id = ${input.tenantId} AND kind = 'renewal' AND billing_period_start = ${start}::date
      `);
      if (existing !== null) return { invoice: existing, created: false };
    }
    // Otherwise the invoice number collided: draw another.
  }
  throw new Error("could not issue an invoice with a unique number");
}

function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
