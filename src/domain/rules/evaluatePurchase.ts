import { z } from "zod";
import {
  earningCampaignSchema,
  nonEarningCampaignTypes,
  type EarningCampaign,
  type EarningCampaignType,
  type TargetSegment,
} from "./campaignConfigs.ts";
import { describeZodError } from "./describeZodError.ts";
import { localDateInTimeZone, type LocalDate } from "./localDateInTimeZone.ts";
import { pointsRuleSchema, type PointsRule, type RuleConditions, type RuleType } from "./ruleConfigs.ts";

/** The customer as they were just before this purchase. */
export type EvaluatedCustomer = {
  id: string;
  /** Purchases logged before this one (0 on a first purchase). */
  purchasesBefore: number;
  /** The previous purchase, not this one. */
  lastPurchaseAt: Date | null;
  /** `YYYY-MM-DD`; a malformed date earns no birthday bonus. */
  birthDate: string | null;
  /** Whether a birthday bonus was already awarded in the current calendar year in the tenant's timezone. */
  birthdayAwardedThisYear: boolean;
  tags: readonly string[];
  loyaltyStatus: string;
  /** Points balance before this purchase. */
  balance: number;
  referredByCustomerId: string | null;
};

export type EvaluatePurchaseInput = {
  /** `productCategory` is null for a purchase logged in chat (no category is asked there). */
  purchase: { amountKobo: number; productName?: string | null; productCategory?: string | null };
  customer: EvaluatedCustomer;
  /** Raw `points_rules` rows of the tenant; each is parsed with `pointsRuleSchema`. */
  rules: readonly unknown[];
  /** Raw `campaigns` rows of the tenant; each earning one is parsed with `earningCampaignSchema`. */
  campaigns: readonly unknown[];
  now: Date;
  /** The tenant's IANA timezone, e.g. `Africa/Lagos`. */
  timezone: string;
  /** The customer's VIP tier before this purchase, if the tenant has tiers and they reached one. */
  tier?: { name: string; multiplier: number } | null;
};

type AwardCommon = {
  /** A positive integer: evaluators never return zero-point awards. */
  points: number;
  sourceName: string;
  /** `referrer` means `customer.referredByCustomerId` earns the points, not the buyer. */
  beneficiary: "customer" | "referrer";
  /** A sentence for the customer's history. */
  description: string;
};

/** Points from a rule; `sourceId` is null for the default rule, which has no row. */
export type RuleAward = AwardCommon & { source: "rule"; sourceId: string | null; ruleType: RuleType };

export type CampaignAward = AwardCommon & { source: "campaign"; sourceId: string; campaignType: EarningCampaignType };

/** One `earned` ledger row to write. */
export type Award = RuleAward | CampaignAward;

/** A rule or campaign row that failed validation and was left out; `id` is null if the row has none. */
export type SkippedSource = { kind: "rule" | "campaign"; id: string | null; reason: string };

/**
 * `awards` in the order to write them: rule awards by rule priority (higher first, ties by id),
 * then campaign awards by campaign id. `skipped` lists invalid rows so the caller can log them.
 */
export type PurchaseEvaluation = { awards: Award[]; skipped: SkippedSource[] };

/**
 * What a tenant without any active rule earns, so a new vendor's customers earn from day one.
 */
export const DEFAULT_RULE: Readonly<{
  name: string;
  description: string;
  ruleType: "per_amount_spent";
  pointsPerNgn: number;
}> = Object.freeze({
  name: "Default: 1 point per ₦100",
  description: "The tenant has no active points rule, so every ₦100 spent earns 1 point (rounded down).",
  ruleType: "per_amount_spent",
  pointsPerNgn: 0.01,
});

/**
 * Works out the points one purchase earns. Pure: no I/O, and time comes only from `input.now`.
 *
 * - Rules apply when `is_active`, `valid_from <= now < valid_until` (null bounds are open) and
 *   their conditions hold (amount bounds inclusive, weekday in the tenant's timezone, product
 *   category case-insensitive). Every applicable rule fires, highest priority first, except
 *   that an `exclusive` rule that awards points stops the rules of lower priority. When no
 *   rule is active (invalid rows do not count), {@link DEFAULT_RULE} applies instead.
 * - A referral rule fires on the referred customer's first purchase unless they referred
 *   themselves. It yields a `referrer` award and, when `referred_points > 0`, a second award
 *   for the buyer: two ledger rows for two customers.
 * - Birthday: within `window_days` of the birthday in the tenant's timezone, not yet awarded
 *   this year. A 29 February birthday falls on 28 February in other years. The window does not
 *   reach across New Year, since the award is once per calendar year.
 * - Campaigns apply when `status = 'active'`, `starts_at <= now < ends_at` and the customer is
 *   in the target segment. A `double_points` campaign multiplies only the spending points from
 *   `per_purchase` and `per_amount_spent` rules (or the default rule). Fixed bonuses (first
 *   purchase, milestone, birthday, referral, other campaigns) are not multiplied, so a
 *   vendor's cost for them stays what the vendor typed. Several multiplier campaigns each add
 *   `base × (multiplier − 1)`; they do not compound.
 * - Fractional results are floored; anything that comes to 0 points yields no award.
 * - Conditions not listed in `ruleConditionsSchema` are ignored.
 *
 * @throws RangeError when `timezone` is unknown, `now` is an invalid date, or the amount or
 * purchase count is not a non-negative integer (caller bugs, not customer mistakes).
 */
export function evaluatePurchase(input: EvaluatePurchaseInput): PurchaseEvaluation {
  assertValidInput(input);
  const { purchase, customer, now } = input;
  const today = localDateInTimeZone(now, input.timezone);
  const skipped: SkippedSource[] = [];

  const activeRules = parseRows(input.rules, pointsRuleSchema, "rule", skipped)
    .filter((rule) => rule.is_active && isWithin(now, rule.valid_from, rule.valid_until))
    .sort(byPriorityThenId);
  const ruleAwards =
    activeRules.length === 0 ? defaultRuleAwards(purchase.amountKobo) : applicableRuleAwards(activeRules, input, today);

  const spendingPoints = ruleAwards
    .filter((award) => award.beneficiary === "customer" && SPENDING_RULE_TYPES.includes(award.ruleType))
    .reduce((sum, award) => sum + award.points, 0);
  const earningCampaignRows = input.campaigns.filter((row) => !isNonEarningCampaign(row));
  const campaignAwards = parseRows(earningCampaignRows, earningCampaignSchema, "campaign", skipped)
    .filter(
      (campaign) =>
        campaign.status === "active" &&
        isWithin(now, campaign.starts_at, campaign.ends_at) &&
        isInSegment(campaign.target_segment, customer),
    )
    .sort(byId)
    .flatMap((campaign) => campaignAwardsFor(campaign, input, spendingPoints));

  const tier = input.tier ?? null;
  const tieredRuleAwards = tier === null ? ruleAwards : ruleAwards.map((award) => withTierMultiplier(award, tier));
  return { awards: [...tieredRuleAwards, ...campaignAwards].filter((award) => award.points > 0), skipped };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A tier multiplies the buyer's spending points (per purchase, per amount, or the default rule)
 * in integer hundredths, rounded down, and says so in the ledger description. Fixed bonuses and
 * campaign awards are not multiplied (a campaign's multiplier works on the untiered points).
 */
function withTierMultiplier(award: RuleAward, tier: { name: string; multiplier: number }): RuleAward {
  if (award.beneficiary !== "customer" || !SPENDING_RULE_TYPES.includes(award.ruleType)) return award;
  const hundredths = Math.round(tier.multiplier * 100);
  if (hundredths <= 100) return award;
  return {
    ...award,
    points: Math.floor((award.points * hundredths) / 100),
    description: `${award.description} (${tier.name} ×${hundredths / 100})`,
  };
}

const SPENDING_RULE_TYPES: readonly RuleType[] = ["per_purchase", "per_amount_spent"];

function assertValidInput(input: EvaluatePurchaseInput): void {
  if (Number.isNaN(input.now.getTime())) {
    throw new RangeError("now is an invalid date");
  }
  if (!Number.isSafeInteger(input.purchase.amountKobo) || input.purchase.amountKobo < 0) {
    throw new RangeError(`amountKobo must be a non-negative integer, got ${input.purchase.amountKobo}`);
  }
  if (!Number.isSafeInteger(input.customer.purchasesBefore) || input.customer.purchasesBefore < 0) {
    throw new RangeError(`purchasesBefore must be a non-negative integer, got ${input.customer.purchasesBefore}`);
  }
}

function parseRows<T>(
  rows: readonly unknown[],
  schema: z.ZodType<T>,
  kind: SkippedSource["kind"],
  skipped: SkippedSource[],
): T[] {
  const parsedRows: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) {
      parsedRows.push(parsed.data);
    } else {
      skipped.push({ kind, id: idOf(row), reason: describeZodError(parsed.error) });
    }
  }
  return parsedRows;
}

const rowWithId = z.object({ id: z.string() });

function idOf(row: unknown): string | null {
  const parsed = rowWithId.safeParse(row);
  return parsed.success ? parsed.data.id : null;
}

const rowWithCampaignType = z.object({ campaign_type: z.string() });

function isNonEarningCampaign(row: unknown): boolean {
  const parsed = rowWithCampaignType.safeParse(row);
  return parsed.success && nonEarningCampaignTypes.includes(parsed.data.campaign_type);
}

function isWithin(now: Date, from: Date | null, until: Date | null): boolean {
  return (from === null || from.getTime() <= now.getTime()) && (until === null || now.getTime() < until.getTime());
}

function byPriorityThenId(a: PointsRule, b: PointsRule): number {
  return b.priority - a.priority || byId(a, b);
}

function byId(a: { id: string }, b: { id: string }): number {
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * The awards of the rules whose conditions hold, highest priority first. An exclusive rule
 * that awards something stops every rule of lower priority (rules of its own priority still apply).
 */
function applicableRuleAwards(
  rules: readonly PointsRule[],
  input: EvaluatePurchaseInput,
  today: LocalDate,
): RuleAward[] {
  const awards: RuleAward[] = [];
  let stopBelow: number | null = null;
  for (const rule of rules) {
    if (stopBelow !== null && rule.priority < stopBelow) break;
    if (!conditionsHold(rule.conditions, input.purchase, today)) continue;
    const ruleAwards = ruleAwardsFor(rule, input, today).filter((award) => award.points > 0);
    awards.push(...ruleAwards);
    if (rule.exclusive && ruleAwards.length > 0) stopBelow = rule.priority;
  }
  return awards;
}

function conditionsHold(
  conditions: RuleConditions,
  purchase: EvaluatePurchaseInput["purchase"],
  today: LocalDate,
): boolean {
  const { amountKobo } = purchase;
  if (conditions.min_amount !== undefined && amountKobo < conditions.min_amount) return false;
  if (conditions.max_amount !== undefined && amountKobo > conditions.max_amount) return false;
  if (conditions.days_of_week !== undefined && !conditions.days_of_week.includes(today.weekday)) return false;
  if (conditions.product_categories !== undefined) {
    const category = normalCategory(purchase.productCategory);
    if (category === null || !conditions.product_categories.some((listed) => normalCategory(listed) === category))
      return false;
  }
  return true;
}

/** A category as compared: trimmed and lower case; empty means none. */
export function normalCategory(category: string | null | undefined): string | null {
  const trimmed = category?.trim().toLowerCase() ?? "";
  return trimmed === "" ? null : trimmed;
}

function defaultRuleAwards(amountKobo: number): RuleAward[] {
  return [
    {
      points: floorPoints((amountKobo / 100) * DEFAULT_RULE.pointsPerNgn),
      source: "rule",
      sourceId: null,
      sourceName: DEFAULT_RULE.name,
      ruleType: DEFAULT_RULE.ruleType,
      beneficiary: "customer",
      description: `Points for spending ${formatNaira(amountKobo)}`,
    },
  ];
}

function ruleAwardsFor(rule: PointsRule, input: EvaluatePurchaseInput, today: LocalDate): RuleAward[] {
  const { purchase, customer } = input;
  const award = (
    points: number,
    description: string,
    beneficiary: RuleAward["beneficiary"] = "customer",
  ): RuleAward => ({
    points,
    source: "rule",
    sourceId: rule.id,
    sourceName: rule.name,
    ruleType: rule.rule_type,
    beneficiary,
    description,
  });

  switch (rule.rule_type) {
    case "per_purchase":
      return [award(rule.config.points_per_purchase, "Points for your purchase")];
    case "per_amount_spent": {
      const { minimum_purchase: minimum, points_per_ngn: rate } = rule.config;
      if (minimum !== undefined && purchase.amountKobo < minimum) return [];
      return [
        award(
          floorPoints((purchase.amountKobo / 100) * rate),
          `Points for spending ${formatNaira(purchase.amountKobo)}`,
        ),
      ];
    }
    case "first_purchase_bonus":
      return customer.purchasesBefore === 0 ? [award(rule.config.bonus_points, "First purchase bonus")] : [];
    case "referral": {
      const referrerId = customer.referredByCustomerId;
      if (customer.purchasesBefore !== 0 || referrerId === null || referrerId === customer.id) return [];
      return [
        award(
          rule.config.referrer_points,
          "Referral bonus: a customer you referred made their first purchase",
          "referrer",
        ),
        award(rule.config.referred_points ?? 0, "Welcome bonus for joining through a referral"),
      ];
    }
    case "birthday":
      return !customer.birthdayAwardedThisYear &&
        isWithinBirthdayWindow(customer.birthDate, today, rule.config.window_days)
        ? [award(rule.config.bonus_points, "Happy birthday bonus")]
        : [];
    case "milestone": {
      const purchaseNumber = customer.purchasesBefore + 1;
      return purchaseNumber % rule.config.milestone_purchases === 0
        ? [award(rule.config.bonus_points, `Milestone bonus for your purchase number ${purchaseNumber}`)]
        : [];
    }
  }
}

function campaignAwardsFor(
  campaign: EarningCampaign,
  input: EvaluatePurchaseInput,
  spendingPoints: number,
): CampaignAward[] {
  const award = (points: number, description: string): CampaignAward => ({
    points,
    source: "campaign",
    sourceId: campaign.id,
    sourceName: campaign.name,
    campaignType: campaign.campaign_type,
    beneficiary: "customer",
    description,
  });

  switch (campaign.campaign_type) {
    case "double_points": {
      const { multiplier } = campaign.config;
      return [award(floorPoints(spendingPoints * (multiplier - 1)), `×${multiplier} points promotion`)];
    }
    case "bonus_points": {
      const { min_amount: minimum, bonus_points: points } = campaign.config;
      return minimum === undefined || input.purchase.amountKobo >= minimum ? [award(points, "Promotion bonus")] : [];
    }
    case "reactivation": {
      const last = input.customer.lastPurchaseAt;
      const inactiveMs = campaign.config.inactive_days * DAY_MS;
      return last !== null && input.now.getTime() - last.getTime() > inactiveMs
        ? [award(campaign.config.bonus_points, "Welcome back bonus")]
        : [];
    }
  }
}

function isInSegment(segment: TargetSegment, customer: EvaluatedCustomer): boolean {
  if (segment.loyalty_status !== undefined && segment.loyalty_status !== customer.loyaltyStatus) return false;
  const tags = segment.customer_tags;
  if (tags !== undefined && tags.length > 0 && !tags.some((tag) => customer.tags.includes(tag))) return false;
  if (segment.min_purchases !== undefined && customer.purchasesBefore < segment.min_purchases) return false;
  if (segment.min_points !== undefined && customer.balance < segment.min_points) return false;
  if (segment.max_points !== undefined && customer.balance > segment.max_points) return false;
  return true;
}

const BIRTH_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isWithinBirthdayWindow(birthDate: string | null, today: LocalDate, windowDays: number): boolean {
  const match = birthDate === null ? null : BIRTH_DATE.exec(birthDate);
  if (match === null) return false;
  const birthYear = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(birthYear, month)) return false;

  const dayThisYear = Math.min(day, daysInMonth(today.year, month));
  const birthdayMs = Date.UTC(today.year, month - 1, dayThisYear);
  const todayMs = Date.UTC(today.year, today.month - 1, today.day);
  return Math.abs(todayMs - birthdayMs) / DAY_MS <= windowDays;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Floors points, first rounding to 15 significant digits: fractional rates are not exact in
 * binary, e.g. ₦100 × 0.29 is 28.999999999999996 and must earn 29, not 28.
 */
function floorPoints(points: number): number {
  return Math.floor(Number(points.toPrecision(15)));
}

const nairaFormat = new Intl.NumberFormat("en-NG", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

function formatNaira(amountKobo: number): string {
  return `₦${nairaFormat.format(amountKobo / 100)}`;
}
