import { z } from "zod";
import { describeZodError } from "./describeZodError.ts";

// Zod schemas are values, so the parts come before the rule schema built from them
// (`pointsRuleSchema` and `parseRuleConfig` are the main exports, at the bottom).

// Upper bounds keep every award, and so every balance, far inside a bigint and JavaScript's
// safe integers (issue #13): no rule can mint more than a million points at once, and amounts
// stop at the largest purchase the app accepts.
/** The most points one rule or campaign may award on one purchase. */
export const MAX_AWARD_POINTS = 1_000_000;
/** ₦100,000,000 in kobo, as flows/parsers/parseAmount.ts. */
const MAX_KOBO = 10_000_000_000;
const kobo = z.int().nonnegative().max(MAX_KOBO);
const positiveInt = z.int().positive().max(MAX_AWARD_POINTS);

/** `{ points_per_purchase }`: a fixed number of points for every purchase. */
export const perPurchaseConfigSchema = z.object({ points_per_purchase: positiveInt });

/**
 * `{ points_per_ngn, minimum_purchase? }`: points per naira spent, may be fractional
 * (0.01 is one point per ₦100); the result is floored. `minimum_purchase` is in kobo.
 */
export const perAmountSpentConfigSchema = z.object({
  // 1 point per naira is generous; 100 leaves room, and ₦100 M × 100 is still a safe integer.
  points_per_ngn: z.number().positive().max(100),
  minimum_purchase: kobo.optional(),
});

/** `{ bonus_points }`: awarded on the customer's first purchase. */
export const firstPurchaseBonusConfigSchema = z.object({ bonus_points: positiveInt });

/**
 * `{ referrer_points, referred_points? }`: when a referred customer's first purchase is logged,
 * the referrer earns `referrer_points` and the new customer `referred_points`.
 */
export const referralConfigSchema = z.object({
  referrer_points: positiveInt,
  referred_points: z.int().nonnegative().max(MAX_AWARD_POINTS).optional(),
});

/**
 * `{ bonus_points, window_days }`: once per calendar year, on a purchase made within
 * `window_days` days either side of the birthday (0 means on the day itself).
 */
export const birthdayConfigSchema = z.object({
  bonus_points: positiveInt,
  window_days: z.int().nonnegative().max(183).default(0),
});

/** `{ milestone_purchases, bonus_points }`: on the Nth, 2Nth, 3Nth… purchase. */
export const milestoneConfigSchema = z.object({
  milestone_purchases: positiveInt,
  bonus_points: positiveInt,
});

/** The longest product category a purchase or rule may name (the `purchases.product_category` column). */
export const MAX_CATEGORY_LENGTH = 100;
/** Categories one rule may list. */
export const MAX_RULE_CATEGORIES = 50;

/**
 * Conditions every rule type honours. Amounts are kobo and inclusive; `days_of_week` uses
 * 0 = Sunday … 6 = Saturday in the tenant's timezone; `product_categories` matches a purchase
 * whose category is one of them (trimmed, case-insensitive), so a purchase without a category
 * (every chat-logged one) never matches. Unknown keys are kept but not evaluated.
 */
export const ruleConditionsSchema = z
  .looseObject({
    min_amount: kobo.optional(),
    max_amount: kobo.optional(),
    days_of_week: z.array(z.int().min(0).max(6)).optional(),
    product_categories: z
      .array(z.string().trim().min(1).max(MAX_CATEGORY_LENGTH))
      .min(1)
      .max(MAX_RULE_CATEGORIES)
      .optional(),
  })
  .refine(
    (conditions) =>
      conditions.min_amount === undefined ||
      conditions.max_amount === undefined ||
      conditions.min_amount <= conditions.max_amount,
    { message: "min_amount must not exceed max_amount", path: ["max_amount"] },
  );

export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

export const ruleTypeSchema = z.enum([
  "per_purchase",
  "per_amount_spent",
  "first_purchase_bonus",
  "referral",
  "birthday",
  "milestone",
]);

export type RuleType = z.infer<typeof ruleTypeSchema>;

const ruleConfigSchemas = {
  per_purchase: perPurchaseConfigSchema,
  per_amount_spent: perAmountSpentConfigSchema,
  first_purchase_bonus: firstPurchaseBonusConfigSchema,
  referral: referralConfigSchema,
  birthday: birthdayConfigSchema,
  milestone: milestoneConfigSchema,
};

export type RuleConfig = z.infer<(typeof ruleConfigSchemas)[RuleType]>;

const ruleRowBase = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  // The columns have defaults but are nullable, so a null means the default.
  priority: z
    .int()
    .nullish()
    .transform((priority) => priority ?? 0),
  conditions: z.preprocess((conditions) => conditions ?? {}, ruleConditionsSchema),
  /** When it applies, rules of lower priority do not. */
  exclusive: z
    .boolean()
    .nullish()
    .transform((exclusive) => exclusive ?? false),
  is_active: z.boolean(),
  valid_from: z.coerce.date().nullable().default(null),
  valid_until: z.coerce.date().nullable().default(null),
});

/**
 * A points rule as loaded from `points_rules` (extra columns such as `tenant_id` are stripped).
 * The variant is chosen by `rule_type`, so `rule.config` is typed for its rule.
 *
 * Configs tolerate (and drop) unknown keys so rows written by older clients still load; a
 * missing or mistyped required key is still an error. `conditions` keeps unknown keys, but only the keys in {@link ruleConditionsSchema} are evaluated.
 * Timestamps are coerced, so a `Date`, an ISO string or epoch milliseconds all load.
 */
export const pointsRuleSchema = z.discriminatedUnion("rule_type", [
  ruleRowBase.extend({ rule_type: z.literal("per_purchase"), config: perPurchaseConfigSchema }),
  ruleRowBase.extend({ rule_type: z.literal("per_amount_spent"), config: perAmountSpentConfigSchema }),
  ruleRowBase.extend({ rule_type: z.literal("first_purchase_bonus"), config: firstPurchaseBonusConfigSchema }),
  ruleRowBase.extend({ rule_type: z.literal("referral"), config: referralConfigSchema }),
  ruleRowBase.extend({ rule_type: z.literal("birthday"), config: birthdayConfigSchema }),
  ruleRowBase.extend({ rule_type: z.literal("milestone"), config: milestoneConfigSchema }),
]);

export type PointsRule = z.infer<typeof pointsRuleSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Validates a rule config for its rule type, e.g. an API body before it is stored.
 * A wrong type or config is a result, not an exception, so the API can answer 400 with `reason`.
 */
export function parseRuleConfig(ruleType: string, config: unknown): ParseResult<RuleConfig> {
  const type = ruleTypeSchema.safeParse(ruleType);
  if (!type.success) {
    return { ok: false, reason: `unknown rule_type "${ruleType}"` };
  }
  const parsed = ruleConfigSchemas[type.data].safeParse(config);
  if (!parsed.success) {
    return { ok: false, reason: describeZodError(parsed.error) };
  }
  return { ok: true, value: parsed.data };
}
