import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withTenant } from "../../db/withTenant.ts";
import { importCustomersCsv, MAX_IMPORT_ROWS } from "../../domain/dataPortability/importCustomersCsv.ts";
import { streamCustomersCsv } from "../../domain/dataPortability/streamCustomersCsv.ts";
import { streamPurchasesCsv } from "../../domain/dataPortability/streamPurchasesCsv.ts";
import { getTenantSettings } from "../../domain/tenants/getTenantSettings.ts";
import { AppError } from "../../errors.ts";
import { noBody, noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { MANAGERS } from "./roles.ts";

const csvResponse = z.string().meta({
  id: "CsvFile",
  description: "RFC 4180 CSV with a header line; UTF-8; times in UTC (ISO 8601); money in kobo",
});

const purchasesExportQuery = z.strictObject({
  from: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
  to: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
});

const importBody = z
  .strictObject({
    /** The CSV text (the JSON body is limited to 256 kB: about 3,000 rows; split larger lists). */
    csv: z
      .string()
      .min(1)
      .max(256 * 1024),
    dry_run: z.boolean().default(true),
  })
  .meta({ id: "ImportCustomers" });

const importProblem = z.object({ line: z.int(), message: z.string() });

const importReport = z
  .object({
    dry_run: z.boolean(),
    rows: z.int(),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    kept_opted_out: z.int(),
  })
  .meta({ id: "ImportCustomersReport" });

const importRefused = z
  .object({ error: z.object({ code: z.literal("invalid_rows"), message: z.string(), rows: z.array(importProblem) }) })
  .meta({ id: "ImportCustomersRefused" });

/**
 * Vendor data portability: customers and purchases exported as streamed CSV, and customers
 * imported from CSV with a dry run first (the default). Owners and admins only: an export holds
 * every customer's phone number.
 */
export function dataPortabilityRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  const { pool } = deps;
  return [
    vendorRoute({
      method: "get",
      path: "/api/v1/exports/customers.csv",
      summary: "Export the customers as CSV (streamed)",
      tag: "data",
      roles: MANAGERS,
      body: noBody,
      query: noQuery,
      params: noParams,
      responses: {
        200: { description: "Every customer, one line each", contentType: "text/csv", schema: csvResponse },
      },
      async handle({ auth }) {
        return {
          status: 200,
          contentType: "text/csv; charset=utf-8",
          filename: "customers.csv",
          stream: streamCustomersCsv(pool, auth.tenantId),
        };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/exports/purchases.csv",
      summary: "Export purchases as CSV (streamed), optionally from/to an instant",
      tag: "data",
      roles: MANAGERS,
      body: noBody,
      query: purchasesExportQuery,
      params: noParams,
      responses: { 200: { description: "Purchases, oldest first", contentType: "text/csv", schema: csvResponse } },
      async handle({ auth, query }) {
        const range = { from: query.from ?? null, to: query.to ?? null };
        return {
          status: 200,
          contentType: "text/csv; charset=utf-8",
          filename: "purchases.csv",
          stream: streamPurchasesCsv(pool, auth.tenantId, range),
        };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/imports/customers",
      summary: `Import customers from CSV (columns phone, consent required; first_name, last_name, email, birth_date, tags optional; at most ${MAX_IMPORT_ROWS} rows). dry_run (default true) checks and reports without writing`,
      tag: "data",
      roles: MANAGERS,
      body: importBody,
      query: noQuery,
      params: noParams,
      responses: {
        200: { description: "What the import did (or would do on a dry run)", schema: importReport },
        422: { description: "Rows that are wrong, with their line numbers; nothing written", schema: importRefused },
      },
      async handle({ auth, body }) {
        const result = await withTenant(pool, auth.tenantId, async (tx) => {
          const { country } = await getTenantSettings(tx, auth.tenantId);
          return importCustomersCsv(tx, {
            tenantId: auth.tenantId,
            userId: auth.userId,
            csv: body.csv,
            dryRun: body.dry_run,
            country,
            now: new Date(),
          });
        });
        if (!result.ok) {
          throw new AppError(
            422,
            "invalid_rows",
            `${result.problems.length} row(s) need fixing; nothing was imported`,
            { rows: result.problems },
          );
        }
        const report = result.report;
        return {
          status: 200,
          json: {
            dry_run: report.dryRun,
            rows: report.rows,
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged,
            kept_opted_out: report.keptOptedOut,
          },
        };
      },
    }),
  ];
}
