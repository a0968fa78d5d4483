import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withTenant } from "../../db/withTenant.ts";
import { createCampaign } from "../../domain/campaigns/createCampaign.ts";
import { listCampaigns } from "../../domain/campaigns/listCampaigns.ts";
import { transitionCampaign } from "../../domain/campaigns/transitionCampaign.ts";
import { createReward } from "../../domain/rewards/createReward.ts";
import { findReward } from "../../domain/rewards/findReward.ts";
import { listRewards } from "../../domain/rewards/listRewards.ts";
import { updateReward } from "../../domain/rewards/updateReward.ts";
import { campaignStatusSchema } from "../../domain/rules/campaignConfigs.ts";
import { listRules } from "../../domain/rules/listRules.ts";
import { ruleTypeSchema } from "../../domain/rules/ruleConfigs.ts";
import { saveRule, type SaveRuleResult } from "../../domain/rules/saveRule.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.ts";
import { noBody, noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { dateTime, idParams, int4, jsonObject, nonNegativeInt4, pageOf, pageQuery, positiveInt4, text } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";
import { optionalDate } from "../platform/tenantRoutes.ts";
import { ANY_CALLER, MANAGERS } from "./roles.ts";
import { campaignResponse, rewardResponse, ruleResponse, serializeCampaign, serializeReward, serializeRule } from "./vendorSchemas.ts";

const rewardFields = {
  name: text(255),
  description: text(2000).nullable(),
  points_required: positiveInt4,
  stock_quantity: nonNegativeInt4.nullable(),
  max_redemptions_per_customer: positiveInt4.nullable(),
  valid_from: dateTime.nullable(),
  valid_until: dateTime.nullable(),
  is_active: z.boolean(),
};

const createRewardBody = z
  .strictObject({
    name: rewardFields.name,
    points_required: rewardFields.points_required,
    description: rewardFields.description.optional(),
    stock_quantity: rewardFields.stock_quantity.optional(),
    max_redemptions_per_customer: rewardFields.max_redemptions_per_customer.optional(),
    valid_from: rewardFields.valid_from.optional(),
    valid_until: rewardFields.valid_until.optional(),
    is_active: rewardFields.is_active.optional(),
  })
  .meta({ id: "CreateReward" });

const updateRewardBody = z
  .strictObject({
    name: rewardFields.name.optional(),
    points_required: rewardFields.points_required.optional(),
    description: rewardFields.description.optional(),
    stock_quantity: rewardFields.stock_quantity.optional(),
    max_redemptions_per_customer: rewardFields.max_redemptions_per_customer.optional(),
    valid_from: rewardFields.valid_from.optional(),
    valid_until: rewardFields.valid_until.optional(),
    is_active: rewardFields.is_active.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "name at least one field to change")
  .meta({ id: "UpdateReward" });

const createRuleBody = z
  .strictObject({
    name: text(255),
    rule_type: ruleTypeSchema,
    config: jsonObject,
    description: text(2000).optional(),
    priority: int4.optional(),
    conditions: jsonObject.optional(),
    is_active: z.boolean().optional(),
    valid_from: dateTime.optional(),
    valid_until: dateTime.optional(),
  })
  .meta({ id: "CreatePointsRule", description: "config is validated per rule_type (see the rule types in the README)" });

const updateRuleBody = z
  .strictObject({
    name: text(255).optional(),
    rule_type: ruleTypeSchema.optional(),
    config: jsonObject.optional(),
    description: text(2000).nullable().optional(),
    priority: int4.optional(),
    conditions: jsonObject.optional(),
    is_active: z.boolean().optional(),
    valid_from: dateTime.nullable().optional(),
    valid_until: dateTime.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "name at least one field to change")
  .meta({ id: "UpdatePointsRule" });

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

const listRewardsQuery = pageQuery.extend({ active: z.enum(["true", "false"]).optional() });

const rewardsPage = pageOf(rewardResponse);

const rulesPage = pageOf(ruleResponse);

const listCampaignsQuery = pageQuery.extend({ status: campaignStatusSchema.optional() });

const campaignsPage = pageOf(campaignResponse);

const campaignTransitionBody = z.strictObject({ status: campaignStatusSchema }).meta({ id: "CampaignTransition" });

/** Vendor: the rewards catalog, points rules and campaigns. */
export function catalogRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  const { pool } = deps;
  return [
    vendorRoute({
      method: "post",
      path: "/api/v1/rewards",
      summary: "Add a reward",
      tag: "rewards",
      roles: MANAGERS,
      permission: "can_manage_rewards",
      body: createRewardBody,
      query: noQuery,
      params: noParams,
      responses: { 201: { description: "The reward", schema: rewardResponse } },
      async handle({ auth, body }) {
        const fields = {
          name: body.name,
          description: body.description ?? null,
          pointsRequired: body.points_required,
          stockQuantity: body.stock_quantity ?? null,
          maxRedemptionsPerCustomer: body.max_redemptions_per_customer ?? null,
          validFrom: optionalDate(body.valid_from) ?? null,
          validUntil: optionalDate(body.valid_until) ?? null,
          isActive: body.is_active ?? true,
        };
        checkWindow(fields.validFrom, fields.validUntil);
        const reward = await withTenant(pool, auth.tenantId, (tx) => createReward(tx, { tenantId: auth.tenantId, userId: auth.userId, fields }));
        return { status: 201, json: serializeReward(reward) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/rewards",
      summary: "List rewards",
      tag: "rewards",
      roles: ANY_CALLER,
      body: noBody,
      query: listRewardsQuery,
      params: noParams,
      responses: { 200: { description: "A page of rewards", schema: rewardsPage } },
      async handle({ auth, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withTenant(pool, auth.tenantId, (tx) =>
          listRewards(tx, { ...(query.active === undefined ? {} : { active: query.active === "true" }), after, limit: query.limit }),
        );
        return { status: 200, json: toPage(rows, query.limit, serializeReward) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/rewards/{id}",
      summary: "Read a reward",
      tag: "rewards",
      roles: ANY_CALLER,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: { 200: { description: "The reward", schema: rewardResponse }, 404: { description: "No such reward" } },
      async handle({ auth, params }) {
        const reward = await withTenant(pool, auth.tenantId, (tx) => findReward(tx, params.id));
        if (reward === null) throw new NotFoundError("No such reward");
        return { status: 200, json: serializeReward(reward) };
      },
    }),
    vendorRoute({
      method: "patch",
      path: "/api/v1/rewards/{id}",
      summary: "Update a reward",
      tag: "rewards",
      roles: MANAGERS,
      permission: "can_manage_rewards",
      body: updateRewardBody,
      query: noQuery,
      params: idParams,
      responses: { 200: { description: "The reward", schema: rewardResponse }, 404: { description: "No such reward" } },
      async handle({ auth, body, params }) {
        const reward = await withTenant(pool, auth.tenantId, async (tx) => {
          const before = await findReward(tx, params.id);
          if (before === null) return null;
          const validFrom = optionalDate(body.valid_from);
          const validUntil = optionalDate(body.valid_until);
          checkWindow(validFrom === undefined ? before.validFrom : validFrom, validUntil === undefined ? before.validUntil : validUntil);
          return updateReward(tx, {
            tenantId: auth.tenantId,
            rewardId: params.id,
            userId: auth.userId,
            changes: {
              name: body.name,
              description: body.description,
              pointsRequired: body.points_required,
              stockQuantity: body.stock_quantity,
              maxRedemptionsPerCustomer: body.max_redemptions_per_customer,
              validFrom,
              validUntil,
              isActive: body.is_active,
            },
          });
        });
        if (reward === null) throw new NotFoundError("No such reward");
        return { status: 200, json: serializeReward(reward) };
      },
    }),
    vendorRoute({
      method: "delete",
      path: "/api/v1/rewards/{id}",
      summary: "Delete a reward (soft: past redemptions keep it)",
      tag: "rewards",
      roles: MANAGERS,
      permission: "can_manage_rewards",
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: { 204: { description: "Deleted" }, 404: { description: "No such reward" } },
      async handle({ auth, params }) {
        const reward = await withTenant(pool, auth.tenantId, (tx) =>
          updateReward(tx, { tenantId: auth.tenantId, rewardId: params.id, userId: auth.userId, changes: {}, deleted: true }),
        );
        if (reward === null) throw new NotFoundError("No such reward");
        return { status: 204, contentType: "text/plain", body: "" };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/rules",
      summary: "Add a points rule (config validated for its rule_type)",
      tag: "rules",
      roles: MANAGERS,
      permission: "can_manage_rules",
      body: createRuleBody,
      query: noQuery,
      params: noParams,
      responses: { 201: { description: "The rule", schema: ruleResponse } },
      async handle({ auth, body }) {
        const result = await withTenant(pool, auth.tenantId, (tx) =>
          saveRule(tx, {
            tenantId: auth.tenantId,
            userId: auth.userId,
            changes: {
              name: body.name,
              description: body.description ?? null,
              ruleType: body.rule_type,
              config: body.config,
              priority: body.priority ?? 0,
              conditions: body.conditions ?? {},
              isActive: body.is_active ?? true,
              validFrom: optionalDate(body.valid_from) ?? null,
              validUntil: optionalDate(body.valid_until) ?? null,
            },
          }),
        );
        return { status: 201, json: serializeRule(unwrapRule(result)) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/rules",
      summary: "List points rules",
      tag: "rules",
      roles: MANAGERS,
      permission: "can_manage_rules",
      body: noBody,
      query: pageQuery,
      params: noParams,
      responses: { 200: { description: "A page of rules", schema: rulesPage } },
      async handle({ auth, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withTenant(pool, auth.tenantId, (tx) => listRules(tx, { after, limit: query.limit }));
        return { status: 200, json: toPage(rows, query.limit, serializeRule) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/rules/{id}",
      summary: "Read a points rule",
      tag: "rules",
      roles: MANAGERS,
      permission: "can_manage_rules",
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: { 200: { description: "The rule", schema: ruleResponse }, 404: { description: "No such rule" } },
      async handle({ auth, params }) {
        const [rule] = await withTenant(pool, auth.tenantId, (tx) => listRules(tx, { id: params.id, after: null, limit: 1 }));
        if (rule === undefined) throw new NotFoundError("No such rule");
        return { status: 200, json: serializeRule(rule) };
      },
    }),
    vendorRoute({
      method: "patch",
      path: "/api/v1/rules/{id}",
      summary: "Update a points rule",
      tag: "rules",
      roles: MANAGERS,
      permission: "can_manage_rules",
      body: updateRuleBody,
      query: noQuery,
      params: idParams,
      responses: { 200: { description: "The rule", schema: ruleResponse }, 404: { description: "No such rule" } },
      async handle({ auth, body, params }) {
        const result = await withTenant(pool, auth.tenantId, (tx) =>
          saveRule(tx, {
            tenantId: auth.tenantId,
            userId: auth.userId,
            ruleId: params.id,
            changes: {
              name: body.name,
              description: body.description,
              ruleType: body.rule_type,
              config: body.config,
              priority: body.priority,
              conditions: body.conditions,
              isActive: body.is_active,
              validFrom: optionalDate(body.valid_from),
              validUntil: optionalDate(body.valid_until),
            },
          }),
        );
        return { status: 200, json: serializeRule(unwrapRule(result)) };
      },
    }),
    vendorRoute({
      method: "delete",
      path: "/api/v1/rules/{id}",
      summary: "Delete a points rule (soft)",
      tag: "rules",
      roles: MANAGERS,
      permission: "can_manage_rules",
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: { 204: { description: "Deleted" }, 404: { description: "No such rule" } },
      async handle({ auth, params }) {
        const result = await withTenant(pool, auth.tenantId, (tx) =>
          saveRule(tx, { tenantId: auth.tenantId, userId: auth.userId, ruleId: params.id, changes: {}, deleted: true }),
        );
        unwrapRule(result);
        return { status: 204, contentType: "text/plain", body: "" };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/campaigns",
      summary: "Create a campaign (in draft)",
      tag: "campaigns",
      roles: MANAGERS,
      permission: "can_manage_campaigns",
      body: createCampaignBody,
      query: noQuery,
      params: noParams,
      responses: { 201: { description: "The campaign", schema: campaignResponse } },
      async handle({ auth, body }) {
        const result = await withTenant(pool, auth.tenantId, (tx) =>
          createCampaign(tx, {
            tenantId: auth.tenantId,
            userId: auth.userId,
            name: body.name,
            description: body.description ?? null,
            campaignType: body.campaign_type,
            config: body.config,
            targetSegment: body.target_segment ?? {},
            startsAt: new Date(body.starts_at),
            endsAt: new Date(body.ends_at),
          }),
        );
        if (!result.ok) throw new ValidationError(result.message);
        return { status: 201, json: serializeCampaign(result.campaign) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/campaigns",
      summary: "List campaigns",
      tag: "campaigns",
      roles: MANAGERS,
      permission: "can_manage_campaigns",
      body: noBody,
      query: listCampaignsQuery,
      params: noParams,
      responses: { 200: { description: "A page of campaigns", schema: campaignsPage } },
      async handle({ auth, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withTenant(pool, auth.tenantId, (tx) => listCampaigns(tx, { status: query.status, after, limit: query.limit }));
        return { status: 200, json: toPage(rows, query.limit, serializeCampaign) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/campaigns/{id}",
      summary: "Read a campaign",
      tag: "campaigns",
      roles: MANAGERS,
      permission: "can_manage_campaigns",
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: { 200: { description: "The campaign", schema: campaignResponse }, 404: { description: "No such campaign" } },
      async handle({ auth, params }) {
        const [campaign] = await withTenant(pool, auth.tenantId, (tx) => listCampaigns(tx, { id: params.id, after: null, limit: 1 }));
        if (campaign === undefined) throw new NotFoundError("No such campaign");
        return { status: 200, json: serializeCampaign(campaign) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/campaigns/{id}/status",
      summary: "Move a campaign: draft → scheduled → active ⇄ paused → completed, or cancelled",
      tag: "campaigns",
      roles: MANAGERS,
      permission: "can_manage_campaigns",
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
          transitionCampaign(tx, { tenantId: auth.tenantId, campaignId: params.id, to: body.status, userId: auth.userId }),
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

function checkWindow(from: Date | null, until: Date | null): void {
  if (from !== null && until !== null && until <= from) throw new ValidationError("valid_until must be after valid_from");
}

function unwrapRule(result: SaveRuleResult) {
  if (result.ok) return result.rule;
  if (result.reason === "not_found") throw new NotFoundError("No such rule");
  throw new ValidationError(result.message);
}
