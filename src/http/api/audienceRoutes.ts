import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withTenant } from "../../db/withTenant.ts";
import { countBroadcastAudience } from "../../domain/broadcasts/countBroadcastAudience.ts";
import { noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { targetSegmentBody } from "./broadcastRoutes.ts";
import { MANAGERS } from "./roles.ts";

const audienceBody = z.strictObject({ target_segment: targetSegmentBody }).meta({ id: "AudienceQuery" });

const audienceResponse = z.object({ count: z.int() }).meta({ id: "AudienceCount" });

/** `POST /api/v1/broadcasts/audience`: how many customers a segment reaches now (the composer's live count). */
export function audienceRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  return [
    vendorRoute({
      method: "post",
      path: "/api/v1/broadcasts/audience",
      summary: "Count the customers a target segment reaches now (opted-in and unblocked only); changes nothing",
      tag: "broadcasts",
      roles: MANAGERS,
      permission: "can_broadcast",
      body: audienceBody,
      query: noQuery,
      params: noParams,
      responses: { 200: { description: "The audience size", schema: audienceResponse } },
      async handle({ auth, body }) {
        const count = await withTenant(deps.pool, auth.tenantId, (tx) =>
          countBroadcastAudience(tx, { tenantId: auth.tenantId, segment: body.target_segment }),
        );
        return { status: 200, json: { count } };
      },
    }),
  ];
}
