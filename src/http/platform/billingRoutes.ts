import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withPlatform } from "../../db/withTenant.ts";
import { createInvoice } from "../../domain/billing/createInvoice.ts";
import { listInvoices } from "../../domain/billing/listInvoices.ts";
import { listPlans } from "../../domain/billing/listPlans.ts";
import { markInvoicePaid } from "../../domain/billing/markInvoicePaid.ts";
import { findTenant } from "../../domain/tenants/findTenant.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.ts";
import { noBody, noParams, noQuery, platformRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { date, idParams, nonNegativeInt4, pageOf, pageQuery, positiveInt4, text } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";
import { invoiceResponse, planResponse, serializeInvoice, serializePlan } from "./platformSchemas.ts";

const createInvoiceBody = z
  .strictObject({
    amount_kobo: positiveInt4,
    tax_kobo: nonNegativeInt4.optional(),
    period_start: date,
    period_end: date,
    due_date: date.optional(),
  })
  .meta({ id: "CreateInvoice" });

const markPaidBody = z.strictObject({
  payment_method: z.enum(["paystack", "flutterwave", "bank_transfer", "cash", "other"]).optional(),
  payment_reference: text(255).optional(),
});

const invoiceParams = z.strictObject({ id: z.uuid(), invoiceId: z.uuid() });

const plansResponse = z.object({ data: z.array(planResponse) });

const listInvoicesQuery = pageQuery.extend({ status: z.enum(["pending", "paid", "failed", "refunded"]).optional() });

const invoicesPage = pageOf(invoiceResponse);

/** Platform admin: subscription plans and tenant invoices. */
export function billingRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  const { pool } = deps;
  return [
    platformRoute({
      method: "get",
      path: "/api/platform/plans",
      summary: "List subscription plans",
      tag: "platform",
      write: false,
      body: noBody,
      query: noQuery,
      params: noParams,
      responses: { 200: { description: "The plans", schema: plansResponse } },
      async handle() {
        const plans = await withPlatform(pool, (tx) => listPlans(tx));
        return { status: 200, json: { data: plans.map(serializePlan) } };
      },
    }),
    platformRoute({
      method: "post",
      path: "/api/platform/tenants/{id}/invoices",
      summary: "Issue an invoice to a tenant",
      tag: "platform",
      write: true,
      body: createInvoiceBody,
      query: noQuery,
      params: idParams,
      responses: {
        201: { description: "The invoice", schema: invoiceResponse },
        404: { description: "No such tenant" },
      },
      async handle({ auth, body, params }) {
        const result = await withPlatform(pool, async (tx) => {
          if ((await findTenant(tx, params.id)) === null) return null;
          return createInvoice(tx, {
            tenantId: params.id,
            amountKobo: body.amount_kobo,
            taxKobo: body.tax_kobo ?? 0,
            periodStart: body.period_start,
            periodEnd: body.period_end,
            dueDate: body.due_date ?? null,
            adminId: auth.adminId,
            now: new Date(),
          });
        });
        if (result === null) throw new NotFoundError("No such tenant");
        if (!result.ok) {
          throw new ValidationError(
            result.reason === "invalid_period" ? "period_end is before period_start" : "The total is too large",
          );
        }
        return { status: 201, json: serializeInvoice(result.invoice) };
      },
    }),
    platformRoute({
      method: "get",
      path: "/api/platform/tenants/{id}/invoices",
      summary: "List a tenant's invoices",
      tag: "platform",
      write: false,
      body: noBody,
      query: listInvoicesQuery,
      params: idParams,
      responses: { 200: { description: "A page of invoices", schema: invoicesPage } },
      async handle({ params, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withPlatform(pool, async (tx) => {
          if ((await findTenant(tx, params.id)) === null) return null;
          return listInvoices(tx, { tenantId: params.id, status: query.status, after, limit: query.limit });
        });
        if (rows === null) throw new NotFoundError("No such tenant");
        return { status: 200, json: toPage(rows, query.limit, serializeInvoice) };
      },
    }),
    platformRoute({
      method: "post",
      path: "/api/platform/tenants/{id}/invoices/{invoiceId}/mark-paid",
      summary: "Mark a tenant's invoice paid",
      tag: "platform",
      write: true,
      body: markPaidBody,
      query: noQuery,
      params: invoiceParams,
      responses: {
        200: { description: "The invoice", schema: invoiceResponse },
        404: { description: "No such invoice" },
      },
      async handle({ auth, body, params }) {
        const result = await withPlatform(pool, (tx) =>
          markInvoicePaid(tx, {
            tenantId: params.id,
            invoiceId: params.invoiceId,
            paymentMethod: body.payment_method ?? null,
            paymentReference: body.payment_reference ?? null,
            adminId: auth.adminId,
            now: new Date(),
          }),
        );
        if (!result.ok) {
          if (result.reason === "not_found") throw new NotFoundError("No such invoice");
          throw new ConflictError("The invoice is not pending", "invoice_not_pending");
        }
        return { status: 200, json: serializeInvoice(result.invoice) };
      },
    }),
  ];
}
