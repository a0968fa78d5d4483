import type { DatabasePool } from "slonik";
import { z } from "zod";
import { listRules } from "../../domain/rules/listRules.ts";
import { ruleTypeSchema } from "../../domain/rules/ruleConfigs.ts";
import { saveRule, type SaveRuleResult } from "../../domain/rules/saveRule.ts";
import { NotFoundError, ValidationError } from "../../errors.ts";
import type { ApiRoute } from "../openapi/defineRoute.ts";
import { dateTime, int4, jsonObject, pageQuery, text } from "../openapi/fields.ts";
import { optionalDate } from "../platform/tenantRoutes.ts";
import { crudRoutes } from "./crudRoutes.ts";
import { MANAGERS } from "./roles.ts";
import { ruleResponse, serializeRule } from "./vendorSchemas.ts";

const createRuleBody = z
  .strictObject({
    name: text(255),
    rule_type: ruleTypeSchema,
    config: jsonObject,
    description: text(2000).optional(),
    priority: int4.optional().meta({ description: "Higher applies first (default 0)" }),
    conditions: jsonObject
      .optional()
      .meta({ description: "min_amount, max_amount (kobo), days_of_week (0 = Sunday), product_categories" }),
    exclusive: z
      .boolean()
      .optional()
      .meta({ description: "When this rule awards points, rules of lower priority do not apply (default false)" }),
    is_active: z.boolean().optional(),
    valid_from: dateTime.optional(),
    valid_until: dateTime.optional(),
  })
  .meta({
    id: "CreatePointsRule",
    description: "config is validated per rule_type (see the rule types in docs/api.md)",
  });

const updateRuleBody = z
  .strictObject({
    name: text(255).optional(),
    rule_type: ruleTypeSchema.optional(),
    config: jsonObject.optional(),
    description: text(2000).nullable().optional(),
    priority: int4.optional(),
    conditions: jsonObject.optional(),
    exclusive: z.boolean().optional(),
    is_active: z.boolean().optional(),
    valid_from: dateTime.nullable().optional(),
    valid_until: dateTime.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "name at least one field to change")
  .meta({ id: "UpdatePointsRule" });

/** Vendor: the points rules (`/api/v1/rules`), read and changed by managers. */
export function ruleRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  const managers = { roles: MANAGERS, permission: "can_manage_rules" };
  return crudRoutes(deps.pool, {
    path: "/api/v1/rules",
    tag: "rules",
    noun: "rule",
    response: ruleResponse,
    serialize: serializeRule,
    readAccess: managers,
    writeAccess: managers,
    create: {
      summary: "Add a points rule (config validated for its rule_type)",
      body: createRuleBody,
      async handle({ auth, tx }, body) {
        const result = await saveRule(tx, {
          tenantId: auth.tenantId,
          userId: auth.userId,
          changes: {
            name: body.name,
            description: body.description ?? null,
            ruleType: body.rule_type,
            config: body.config,
            priority: body.priority ?? 0,
            conditions: body.conditions ?? {},
            exclusive: body.exclusive ?? false,
            isActive: body.is_active ?? true,
            validFrom: optionalDate(body.valid_from) ?? null,
            validUntil: optionalDate(body.valid_until) ?? null,
          },
        });
        return unwrapRule(result);
      },
    },
    list: {
      summary: "List points rules",
      query: pageQuery,
      handle: ({ tx }, query, after) => listRules(tx, { after, limit: query.limit }),
    },
    read: {
      summary: "Read a points rule",
      async handle({ tx }, id) {
        const [rule] = await listRules(tx, { id, after: null, limit: 1 });
        return rule ?? null;
      },
    },
    update: {
      summary: "Update a points rule",
      body: updateRuleBody,
      async handle({ auth, tx }, id, body) {
        const result = await saveRule(tx, {
          tenantId: auth.tenantId,
          userId: auth.userId,
          ruleId: id,
          changes: {
            name: body.name,
            description: body.description,
            ruleType: body.rule_type,
            config: body.config,
            priority: body.priority,
            conditions: body.conditions,
            exclusive: body.exclusive,
            isActive: body.is_active,
            validFrom: optionalDate(body.valid_from),
            validUntil: optionalDate(body.valid_until),
          },
        });
        return unwrapRule(result);
      },
    },
    remove: {
      summary: "Delete a points rule (soft)",
      async handle({ auth, tx }, id) {
        unwrapRule(
          await saveRule(tx, { tenantId: auth.tenantId, userId: auth.userId, ruleId: id, changes: {}, deleted: true }),
        );
        return true;
      },
    },
  });
}

/** The saved rule; a missing one is a 404 and an invalid config for its type a 400 (the transaction rolls back). */
function unwrapRule(result: SaveRuleResult) {
  if (result.ok) return result.rule;
  if (result.reason === "not_found") throw new NotFoundError("No such rule");
  throw new ValidationError(result.message);
}
