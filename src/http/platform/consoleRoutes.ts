import type { DatabasePool } from "slonik";
import { withPlatform, withTenant } from "../../db/withTenant.ts";
import { listAuditLogs } from "../../domain/audit/listAuditLogs.ts";
import { findTenant } from "../../domain/tenants/findTenant.ts";
import { getSubscriptionUsage } from "../../domain/subscriptions/getSubscriptionUsage.ts";
import { NotFoundError } from "../../errors.ts";
import { auditLogResponse, serializeAuditLog } from "../api/vendorSchemas.ts";
import { serializeSubscription, subscriptionResponse } from "../api/subscriptionRoutes.ts";
import { noBody, noQuery, noParams, platformRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { idParams, pageOf, pageQuery } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";

const auditPage = pageOf(auditLogResponse);

/**
 * What the platform console reads that the platform API lacked: a tenant's subscription and
 * usage against its limits, and the audit log across tenants (platform path, newest first).
 */
export function consoleRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  const { pool } = deps;
  return [
    platformRoute({
      method: "get",
      path: "/api/platform/tenants/{id}/subscription",
      summary: "A tenant's plan, status, period and usage against every limit (as the vendor sees it)",
      tag: "platform",
      write: false,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The subscription and its usage", schema: subscriptionResponse },
        404: { description: "No such tenant" },
      },
      async handle({ params }) {
        const exists = await withPlatform(pool, (tx) => findTenant(tx, params.id));
        if (exists === null) throw new NotFoundError("No such tenant");
        const usage = await withTenant(pool, params.id, (tx) =>
          getSubscriptionUsage(tx, { tenantId: params.id, now: new Date() }),
        );
        return { status: 200, json: serializeSubscription(usage) };
      },
    }),
    platformRoute({
      method: "get",
      path: "/api/platform/audit-logs",
      summary: "The audit log of every tenant, newest first",
      tag: "platform",
      write: false,
      body: noBody,
      query: pageQuery,
      params: noParams,
      responses: { 200: { description: "A page of audit rows", schema: auditPage } },
      async handle({ query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withPlatform(pool, (tx) => listAuditLogs(tx, { after, limit: query.limit }));
        return { status: 200, json: toPage(rows, query.limit, serializeAuditLog) };
      },
    }),
  ];
}
