import { z } from "zod";
import { sql } from "../../db/sql.ts";

export const invoiceRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    invoice_number: z.string(),
    amount_ngn: z.number().int(),
    tax_amount_ngn: z.number().int().nullable(),
    total_amount_ngn: z.number().int(),
    billing_period_start: z.string(),
    billing_period_end: z.string(),
    status: z.string().nullable(),
    payment_method: z.string().nullable(),
    payment_reference: z.string().nullable(),
    paid_at: z.date().nullable(),
    due_date: z.string().nullable(),
    created_at: z.date().nullable(),
    plan_id: z.string().nullable(),
    kind: z.enum(["manual", "renewal", "upgrade"]),
    paystack_reference: z.string().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    invoiceNumber: row.invoice_number,
    amountKobo: row.amount_ngn,
    taxKobo: row.tax_amount_ngn ?? 0,
    totalKobo: row.total_amount_ngn,
    periodStart: row.billing_period_start,
    periodEnd: row.billing_period_end,
    status: row.status ?? "pending",
    paymentMethod: row.payment_method,
    paymentReference: row.payment_reference,
    paidAt: row.paid_at,
    dueDate: row.due_date,
    createdAt: row.created_at,
    /** The plan this invoice buys (renewals and upgrades); null for a manual invoice. */
    planId: row.plan_id,
    kind: row.kind,
    /** The latest Paystack checkout or charge reference made for it. */
    paystackReference: row.paystack_reference,
  }));

export type Invoice = z.output<typeof invoiceRecordSchema>;

export const invoiceColumns = sql.fragment`
  id, tenant_id, invoice_number, amount_ngn, tax_amount_ngn, total_amount_ngn,
  billing_period_start::text AS billing_period_start, billing_period_end::text AS billing_period_end,
  status, payment_method, payment_reference, paid_at, due_date::text AS due_date, created_at,
  plan_id, kind, paystack_reference
`;
