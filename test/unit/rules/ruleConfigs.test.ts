import { describe, expect, it } from "vitest";
import { parseRuleConfig, pointsRuleSchema } from "../../../src/domain/rules/ruleConfigs.ts";
import { ruleRow } from "./builders.ts";

describe("parseRuleConfig", () => {
  it("when the seed per_amount_spent config is given, then it is accepted as is", () => {
    expect(parseRuleConfig("per_amount_spent", { points_per_ngn: 1, minimum_purchase: 100_000 })).toEqual({
      ok: true,
      value: { points_per_ngn: 1, minimum_purchase: 100_000 },
    });
  });

  it("when points_per_ngn is fractional, then it is accepted", () => {
    expect(parseRuleConfig("per_amount_spent", { points_per_ngn: 0.01 })).toEqual({
      ok: true,
      value: { points_per_ngn: 0.01 },
    });
  });

  it("when a birthday config omits window_days, then it defaults to 0", () => {
    expect(parseRuleConfig("birthday", { bonus_points: 100 })).toEqual({
      ok: true,
      value: { bonus_points: 100, window_days: 0 },
    });
  });

  it("when every rule type gets its seed-style config, then each is accepted", () => {
    const valid: [string, unknown][] = [
      ["per_purchase", { points_per_purchase: 10 }],
      ["first_purchase_bonus", { bonus_points: 50 }],
      ["referral", { referrer_points: 100, referred_points: 0 }],
      ["milestone", { milestone_purchases: 5, bonus_points: 50 }],
    ];
    for (const [ruleType, config] of valid) {
      expect(parseRuleConfig(ruleType, config)).toEqual({ ok: true, value: config });
    }
  });

  it("when points are zero, negative, fractional or missing, then the config is rejected with the field named", () => {
    const invalid: [string, unknown, string][] = [
      ["per_purchase", { points_per_purchase: 0 }, "points_per_purchase"],
      ["per_purchase", { points_per_purchase: 2.5 }, "points_per_purchase"],
      ["per_amount_spent", { points_per_ngn: 0 }, "points_per_ngn"],
      ["per_amount_spent", { points_per_ngn: 1, minimum_purchase: 99.5 }, "minimum_purchase"],
      ["first_purchase_bonus", {}, "bonus_points"],
      ["referral", { referrer_points: 100, referred_points: -1 }, "referred_points"],
      ["birthday", { bonus_points: 10, window_days: -1 }, "window_days"],
      ["milestone", { milestone_purchases: 0, bonus_points: 10 }, "milestone_purchases"],
      ["milestone", "5", "(root)"],
    ];
    for (const [ruleType, config, field] of invalid) {
      const result = parseRuleConfig(ruleType, config);
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.reason).toContain(field);
    }
  });

  it("when the rule type is unknown, then the reason says so", () => {
    expect(parseRuleConfig("cashback", { percent: 5 })).toEqual({ ok: false, reason: 'unknown rule_type "cashback"' });
  });
});

describe("pointsRuleSchema", () => {
  it("when priority and conditions are null, then they load as 0 and no conditions", () => {
    const parsed = pointsRuleSchema.parse(
      ruleRow("per_purchase", { points_per_purchase: 1 }, { priority: null, conditions: null }),
    );
    expect(parsed.priority).toBe(0);
    expect(parsed.conditions).toEqual({});
  });

  it("when conditions have min_amount above max_amount, then the row is rejected", () => {
    const row = ruleRow("per_purchase", { points_per_purchase: 1 }, { conditions: { min_amount: 5, max_amount: 4 } });
    expect(pointsRuleSchema.safeParse(row).success).toBe(false);
  });

  it("when days_of_week holds a day outside 0-6, then the row is rejected", () => {
    const row = ruleRow("per_purchase", { points_per_purchase: 1 }, { conditions: { days_of_week: [7] } });
    expect(pointsRuleSchema.safeParse(row).success).toBe(false);
  });

  it("when the row has unknown conditions keys, then they are kept", () => {
    const row = ruleRow("per_purchase", { points_per_purchase: 1 }, { conditions: { product_categories: ["food"] } });
    expect(pointsRuleSchema.parse(row).conditions).toEqual({ product_categories: ["food"] });
  });
});
