import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withPlatform } from "../../db/withTenant.ts";
import { getPlatformMetrics } from "../../domain/platform/getPlatformMetrics.ts";
import { noBody, noParams, platformRoute, type ApiRoute } from "../openapi/defineRoute.ts";

const metricsQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(90).default(30) });

const figures = { messages_in: z.int(), messages_out: z.int(), failed_sends: z.int() };

const metricsResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    days: z.array(z.object({ date: z.string(), ...figures })),
    totals: z.object(figures),
    tenants: z.object({ serving: z.int(), suspended: z.int(), with_traffic: z.int() }),
  })
  .meta({ id: "PlatformMetrics" });

/** `GET /api/platform/metrics`: messages per day in and out, failed sends, tenants (the console's overview). */
export function platformMetricsRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  return [
    platformRoute({
      method: "get",
      path: "/api/platform/metrics",
      summary:
        "Platform figures: WhatsApp messages per UTC day in and out, failed sends, tenants serving, suspended and with traffic",
      tag: "platform",
      write: false,
      body: noBody,
      query: metricsQuery,
      params: noParams,
      responses: { 200: { description: "The figures", schema: metricsResponse } },
      async handle({ query }) {
        const m = await withPlatform(deps.pool, (tx) => getPlatformMetrics(tx, { now: new Date(), days: query.days }));
        const out = (d: { messagesIn: number; messagesOut: number; failedSends: number }) => ({
          messages_in: d.messagesIn,
          messages_out: d.messagesOut,
          failed_sends: d.failedSends,
        });
        return {
          status: 200,
          json: {
            from: m.from,
            to: m.to,
            days: m.days.map((d) => ({ date: d.date, ...out(d) })),
            totals: out(m.totals),
            tenants: {
              serving: m.tenants.serving,
              suspended: m.tenants.suspended,
              with_traffic: m.tenants.withTraffic,
            },
          },
        };
      },
    }),
  ];
}
