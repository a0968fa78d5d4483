import type { DatabasePool } from "slonik";
import { z } from "zod";
import { createReward } from "../../domain/rewards/createReward.ts";
import { findReward } from "../../domain/rewards/findReward.ts";
import { listRewards } from "../../domain/rewards/listRewards.ts";
import { updateReward } from "../../domain/rewards/updateReward.ts";
import { ValidationError } from "../../errors.ts";
import type { ApiRoute } from "../openapi/defineRoute.ts";
import { dateTime, nonNegativeInt4, pageQuery, positiveInt4, text } from "../openapi/fields.ts";
import { optionalDate } from "../platform/tenantRoutes.ts";
import { crudRoutes } from "./crudRoutes.ts";
import { ANY_CALLER, MANAGERS } from "./roles.ts";
import { rewardResponse, serializeReward } from "./vendorSchemas.ts";

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

const listRewardsQuery = pageQuery.extend({ active: z.enum(["true", "false"]).optional() });

/** Vendor: the rewards catalog (`/api/v1/rewards`). Anyone of the vendor reads it; managers change it. */
export function rewardRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  return crudRoutes(deps.pool, {
    path: "/api/v1/rewards",
    tag: "rewards",
    noun: "reward",
    response: rewardResponse,
    serialize: serializeReward,
    readAccess: { roles: ANY_CALLER },
    writeAccess: { roles: MANAGERS, permission: "can_manage_rewards" },
    create: {
      summary: "Add a reward",
      body: createRewardBody,
      handle({ auth, tx }, body) {
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
        return createReward(tx, { tenantId: auth.tenantId, userId: auth.userId, fields });
      },
    },
    list: {
      summary: "List rewards",
      query: listRewardsQuery,
      handle({ tx }, query, after) {
        return listRewards(tx, {
          ...(query.active === undefined ? {} : { active: query.active === "true" }),
          after,
          limit: query.limit,
        });
      },
    },
    read: {
      summary: "Read a reward",
      handle: ({ tx }, id) => findReward(tx, id),
    },
    update: {
      summary: "Update a reward",
      body: updateRewardBody,
      async handle({ auth, tx }, id, body) {
        const before = await findReward(tx, id);
        if (before === null) return null;
        const validFrom = optionalDate(body.valid_from);
        const validUntil = optionalDate(body.valid_until);
        checkWindow(
          validFrom === undefined ? before.validFrom : validFrom,
          validUntil === undefined ? before.validUntil : validUntil,
        );
        return updateReward(tx, {
          tenantId: auth.tenantId,
          rewardId: id,
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
      },
    },
    remove: {
      summary: "Delete a reward (soft: past redemptions keep it)",
      async handle({ auth, tx }, id) {
        const reward = await updateReward(tx, {
          tenantId: auth.tenantId,
          rewardId: id,
          userId: auth.userId,
          changes: {},
          deleted: true,
        });
        return reward !== null;
      },
    },
  });
}

function checkWindow(from: Date | null, until: Date | null): void {
  if (from !== null && until !== null && until <= from)
    throw new ValidationError("valid_until must be after valid_from");
}
