import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withTenant } from "../../db/withTenant.ts";
import { createCampaign } from "../../domain/campaigns/createCampaign.ts";
import { listCampaigns } from "../../domain/campaigns/listCampaigns.ts";
import { transitionCampaign } from "../../domain/campaigns/transitionCampaign.ts";
import { campaignStatusSchema } from "../../domain/rules/campaignConfigs.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.ts";
import { noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { dateTime, idParams, jsonObject, pageQuery, text } from "../openapi/fields.ts";
import { crudRoutes } from "./crudRoutes.ts";
import { MANAGERS } from "./roles.ts";
import { campaignResponse, serializeCampaign } from "./vendorSchemas.ts";

const createCampaignBody = z
  .strictObject({
    name: text(255),
    campaign_type: z.enum(["bonus_points", "double_points", "reward_discount", "referral", "reactivation"]),
    config: jsonObject,
    description: text(2000).optional(),
    target_segment: jsonObject.optional(),
    starts_at: dateTime,
    ends_at: dateTime,
  })
  .meta({ id: "CreateCampaign" });

const listCampaignsQuery = pageQuery.extend({ status: campaignStatusSchema.optional() });

const campaignTransitionBody = z.strictObject({ status: campaignStatusSchema }).meta({ id: "CampaignTransition" });

/**
 * Vendor: campaigns (`/api/v1/campaigns`), managed by managers. A campaign is not edited or
 * deleted: it moves through its statuses (`POST /api/v1/campaigns/{id}/status`).
 */
export function campaignRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  const { pool } = deps;
  const managers = { roles: MANAGERS, permission: "can_manage_campaigns" };
  return [
    ...crudRoutes(pool, {
      path: "/api/v1/campaigns",
      tag: "campaigns",
      noun: "campaign",
      response: campaignResponse,
      serialize: serializeCampaign,
      readAccess: managers,
      writeAccess: managers,
      create: {
        summary: "Create a campaign (in draft)",
        body: createCampaignBody,
        async handle({ auth, tx }, body) {
          const result = await createCampaign(tx, {
            tenantId: auth.tenantId,
            userId: auth.userId,
            name: body.name,
            description: body.description ?? null,
            campaignType: body.campaign_type,
            config: body.config,
            targetSegment: body.target_segment ?? {},
            startsAt: new Date(body.starts_at),
            endsAt: new Date(body.ends_at),
          });
          if (!result.ok) throw new ValidationError(result.message);
          return result.campaign;
        },
      },
      list: {
        summary: "List campaigns",
        query: listCampaignsQuery,
        handle: ({ tx }, query, after) => listCampaigns(tx, { status: query.status, after, limit: query.limit }),
      },
      read: {
        summary: "Read a campaign",
        async handle({ tx }, id) {
          const [campaign] = await listCampaigns(tx, { id, after: null, limit: 1 });
          return campaign ?? null;
        },
      },
    }),
    vendorRoute({
      ...managers,
      method: "post",
      path: "/api/v1/campaigns/{id}/status",
      summary: "Move a campaign: draft → scheduled → active ⇄ paused → completed, or cancelled",
      tag: "campaigns",
      body: campaignTransitionBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The campaign", schema: campaignResponse },
        404: { description: "No such campaign" },
        409: { description: "Not allowed from the current status" },
      },
      async handle({ auth, body, params }) {
        const result = await withTenant(pool, auth.tenantId, (tx) =>
          transitionCampaign(tx, {
            tenantId: auth.tenantId,
            campaignId: params.id,
            to: body.status,
            userId: auth.userId,
          }),
        );
        if (!result.ok) {
          if (result.reason === "not_found") throw new NotFoundError("No such campaign");
          throw new ConflictError(
            `A ${result.from} campaign can become ${result.allowed.join(", ") || "nothing else"}, not ${body.status}`,
            "invalid_transition",
          );
        }
        return { status: 200, json: serializeCampaign(result.campaign) };
      },
    }),
  ];
}
