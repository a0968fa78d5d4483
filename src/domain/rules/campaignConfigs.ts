import { z } from "zod";
import { describeZodError } from "./describeZodError.ts";
import type { ParseResult } from "./ruleConfigs.ts";

// Zod schemas are values, so the parts come before the campaign schema built from them
// (`earningCampaignSchema` and `parseCampaignConfig` are the main exports, at the bottom).

// Bounded like ruleConfigs.ts: no campaign can mint unbounded points (issue #13).
const kobo = z.int().nonnegative().max(10_000_000_000);
const positiveInt = z.int().positive().max(1_000_000);

/**
 * `{ multiplier }` (default 2): the customer earns `base × (multiplier − 1)` extra points as a
 * separate award, where base is what the purchase earned from spending rules.
 */
export const doublePointsConfigSchema = z.object({
  multiplier: z.number().gt(1).max(10).default(2),
});

/** `{ bonus_points, min_amount? }`: a flat bonus on a purchase of at least `min_amount` kobo. */
export const bonusPointsConfigSchema = z.object({
  bonus_points: positiveInt,
  min_amount: kobo.optional(),
});

/**
 * `{ inactive_days, bonus_points }`: a bonus for a returning customer whose previous purchase
 * is more than `inactive_days` days old. A customer with no previous purchase is new, not
 * returning, and gets nothing from it.
 */
export const reactivationConfigSchema = z.object({
  inactive_days: positiveInt,
  bonus_points: positiveInt,
});

/**
 * Who a campaign targets; every key given must match, an absent key matches everyone.
 * `customer_tags` matches a customer with any of the tags (an empty list matches everyone).
 * Counts and points are the customer's state before the purchase being evaluated.
 */
export const targetSegmentSchema = z.looseObject({
  loyalty_status: z.enum(["active", "inactive", "blocked"]).optional(),
  customer_tags: z.array(z.string()).optional(),
  min_purchases: z.int().nonnegative().optional(),
  min_points: z.int().nonnegative().optional(),
  max_points: z.int().nonnegative().optional(),
});

export type TargetSegment = z.infer<typeof targetSegmentSchema>;

export const campaignStatusSchema = z.enum(["draft", "scheduled", "active", "paused", "completed", "cancelled"]);

export const earningCampaignTypeSchema = z.enum(["double_points", "bonus_points", "reactivation"]);

export type EarningCampaignType = z.infer<typeof earningCampaignTypeSchema>;

/**
 * Campaign types stored in `campaigns` that never award points on a purchase (a reward
 * discount acts on redemption). The evaluator ignores them rather than reporting them invalid.
 */
export const nonEarningCampaignTypes: readonly string[] = ["reward_discount", "referral"];

const campaignConfigSchemas = {
  double_points: doublePointsConfigSchema,
  bonus_points: bonusPointsConfigSchema,
  reactivation: reactivationConfigSchema,
};

export type CampaignConfig = z.infer<(typeof campaignConfigSchemas)[EarningCampaignType]>;

const campaignRowBase = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  target_segment: z.preprocess((segment) => segment ?? {}, targetSegmentSchema),
  starts_at: z.coerce.date(),
  ends_at: z.coerce.date(),
  status: campaignStatusSchema,
});

/**
 * A campaign that can award points on a purchase, as loaded from `campaigns` (extra columns are
 * stripped, unknown config keys such as the seed's `target_segment` string are dropped).
 * It applies only while `status = 'active'` and `starts_at <= now < ends_at`.
 */
export const earningCampaignSchema = z.discriminatedUnion("campaign_type", [
  campaignRowBase.extend({ campaign_type: z.literal("double_points"), config: doublePointsConfigSchema }),
  campaignRowBase.extend({ campaign_type: z.literal("bonus_points"), config: bonusPointsConfigSchema }),
  campaignRowBase.extend({ campaign_type: z.literal("reactivation"), config: reactivationConfigSchema }),
]);

export type EarningCampaign = z.infer<typeof earningCampaignSchema>;

/**
 * Validates the config of an earning campaign type, e.g. an API body before it is stored.
 * Returns a result rather than throwing so the API can answer 400 with `reason`.
 */
export function parseCampaignConfig(campaignType: string, config: unknown): ParseResult<CampaignConfig> {
  const type = earningCampaignTypeSchema.safeParse(campaignType);
  if (!type.success) {
    return { ok: false, reason: `campaign_type "${campaignType}" does not award points` };
  }
  const parsed = campaignConfigSchemas[type.data].safeParse(config);
  if (!parsed.success) {
    return { ok: false, reason: describeZodError(parsed.error) };
  }
  return { ok: true, value: parsed.data };
}
