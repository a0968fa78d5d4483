import { describe, expect, it } from "vitest";
import { DEFAULT_RULE, evaluatePurchase } from "../../../src/domain/rules/evaluatePurchase.ts";
import { campaignRow, customer, input, LAGOS, NOW, ruleRow } from "./builders.ts";

const perAmount = ruleRow(
  "per_amount_spent",
  { points_per_ngn: 1, minimum_purchase: 100_000 },
  { name: "₦1 = 1 point" },
);

describe("evaluatePurchase rule types", () => {
  it("when a per_purchase rule is active, then every purchase earns its fixed points", () => {
    const result = evaluatePurchase(
      input({ rules: [ruleRow("per_purchase", { points_per_purchase: 10 }, { name: "Visit" })] }),
    );
    expect(result).toEqual({
      awards: [
        {
          points: 10,
          source: "rule",
          sourceId: "rule-per_purchase",
          sourceName: "Visit",
          ruleType: "per_purchase",
          beneficiary: "customer",
          description: "Points for your purchase",
        },
      ],
      skipped: [],
    });
  });

  it("when a purchase meets the seed per_amount_spent minimum, then it earns one point per naira", () => {
    const { awards } = evaluatePurchase(input({ purchase: { amountKobo: 150_000 }, rules: [perAmount] }));
    expect(awards).toEqual([
      {
        points: 1500,
        source: "rule",
        sourceId: "rule-per_amount_spent",
        sourceName: "₦1 = 1 point",
        ruleType: "per_amount_spent",
        beneficiary: "customer",
        description: "Points for spending ₦1,500",
      },
    ]);
  });

  it("when a purchase is exactly the minimum_purchase, then it earns", () => {
    const { awards } = evaluatePurchase(input({ purchase: { amountKobo: 100_000 }, rules: [perAmount] }));
    expect(awards.map((award) => award.points)).toEqual([1000]);
  });

  it("when a purchase is below minimum_purchase, then it earns nothing and the default rule does not step in", () => {
    const { awards } = evaluatePurchase(input({ purchase: { amountKobo: 99_999 }, rules: [perAmount] }));
    expect(awards).toEqual([]);
  });

  it("when points_per_ngn is fractional, then the points are floored", () => {
    const rule = ruleRow("per_amount_spent", { points_per_ngn: 0.01 });
    const { awards } = evaluatePurchase(input({ purchase: { amountKobo: 159_950 }, rules: [rule] }));
    expect(awards.map((award) => award.points)).toEqual([15]);
  });

  it("when a fractional rate is inexact in binary (₦100 × 0.29), then the award is 29, not 28", () => {
    const rule = ruleRow("per_amount_spent", { points_per_ngn: 0.29 });
    const { awards } = evaluatePurchase(input({ purchase: { amountKobo: 10_000 }, rules: [rule] }));
    expect(awards.map((award) => award.points)).toEqual([29]);
  });

  it("when a rule works out to zero points, then it yields no award", () => {
    const rule = ruleRow("per_amount_spent", { points_per_ngn: 0.01 });
    const { awards } = evaluatePurchase(input({ purchase: { amountKobo: 9_999 }, rules: [rule] }));
    expect(awards).toEqual([]);
  });

  it("when a customer makes their first purchase, then first_purchase_bonus fires", () => {
    const rule = ruleRow("first_purchase_bonus", { bonus_points: 50 }, { name: "Welcome" });
    const { awards } = evaluatePurchase(
      input({ customer: customer({ purchasesBefore: 0, lastPurchaseAt: null }), rules: [rule] }),
    );
    expect(awards).toEqual([
      {
        points: 50,
        source: "rule",
        sourceId: "rule-first_purchase_bonus",
        sourceName: "Welcome",
        ruleType: "first_purchase_bonus",
        beneficiary: "customer",
        description: "First purchase bonus",
      },
    ]);
  });

  it("when a customer already has a purchase, then first_purchase_bonus does not fire", () => {
    const rule = ruleRow("first_purchase_bonus", { bonus_points: 50 });
    const { awards } = evaluatePurchase(input({ customer: customer({ purchasesBefore: 1 }), rules: [rule] }));
    expect(awards).toEqual([]);
  });

  it("when a milestone is every 5 purchases, then the 5th and 10th earn the bonus and the 6th does not", () => {
    const rule = ruleRow("milestone", { milestone_purchases: 5, bonus_points: 40 }, { name: "Every 5th" });
    const pointsOnPurchase = (purchaseNumber: number): number[] =>
      evaluatePurchase(
        input({ customer: customer({ purchasesBefore: purchaseNumber - 1 }), rules: [rule] }),
      ).awards.map((award) => award.points);
    expect(pointsOnPurchase(4)).toEqual([]);
    expect(pointsOnPurchase(5)).toEqual([40]);
    expect(pointsOnPurchase(6)).toEqual([]);
    expect(pointsOnPurchase(10)).toEqual([40]);
    const fifth = evaluatePurchase(input({ customer: customer({ purchasesBefore: 4 }), rules: [rule] })).awards;
    expect(fifth).toEqual([
      {
        points: 40,
        source: "rule",
        sourceId: "rule-milestone",
        sourceName: "Every 5th",
        ruleType: "milestone",
        beneficiary: "customer",
        description: "Milestone bonus for your purchase number 5",
      },
    ]);
  });
});

describe("evaluatePurchase referral", () => {
  const referral = ruleRow("referral", { referrer_points: 100, referred_points: 20 }, { name: "Refer a friend" });
  const referredNewcomer = customer({
    purchasesBefore: 0,
    lastPurchaseAt: null,
    referredByCustomerId: "customer-referrer",
  });

  it("when a referred customer makes their first purchase, then the referrer and the newcomer each get an award", () => {
    const { awards } = evaluatePurchase(input({ customer: referredNewcomer, rules: [referral] }));
    expect(awards).toEqual([
      {
        points: 100,
        source: "rule",
        sourceId: "rule-referral",
        sourceName: "Refer a friend",
        ruleType: "referral",
        beneficiary: "referrer",
        description: "Referral bonus: a customer you referred made their first purchase",
      },
      {
        points: 20,
        source: "rule",
        sourceId: "rule-referral",
        sourceName: "Refer a friend",
        ruleType: "referral",
        beneficiary: "customer",
        description: "Welcome bonus for joining through a referral",
      },
    ]);
  });

  it("when referred_points is absent, then only the referrer earns", () => {
    const rule = ruleRow("referral", { referrer_points: 100 });
    const { awards } = evaluatePurchase(input({ customer: referredNewcomer, rules: [rule] }));
    expect(awards.map((award) => [award.beneficiary, award.points])).toEqual([["referrer", 100]]);
  });

  it("when a referred customer makes a second purchase, then nobody earns the referral again", () => {
    const { awards } = evaluatePurchase(
      input({ customer: { ...referredNewcomer, purchasesBefore: 1 }, rules: [referral] }),
    );
    expect(awards).toEqual([]);
  });

  it("when a customer names themselves as referrer, then no referral is awarded", () => {
    const selfReferred = { ...referredNewcomer, referredByCustomerId: referredNewcomer.id };
    const { awards } = evaluatePurchase(input({ customer: selfReferred, rules: [referral] }));
    expect(awards).toEqual([]);
  });

  it("when a first-time customer was not referred, then the referral rule does not fire", () => {
    const { awards } = evaluatePurchase(
      input({ customer: { ...referredNewcomer, referredByCustomerId: null }, rules: [referral] }),
    );
    expect(awards).toEqual([]);
  });
});

describe("evaluatePurchase birthday", () => {
  const birthday = ruleRow("birthday", { bonus_points: 200 }, { name: "Birthday treat" });

  it("when it is the customer's birthday, then the birthday bonus fires", () => {
    const { awards } = evaluatePurchase(input({ customer: customer({ birthDate: "1990-03-12" }), rules: [birthday] }));
    expect(awards).toEqual([
      {
        points: 200,
        source: "rule",
        sourceId: "rule-birthday",
        sourceName: "Birthday treat",
        ruleType: "birthday",
        beneficiary: "customer",
        description: "Happy birthday bonus",
      },
    ]);
  });

  it("when the bonus was already awarded this year, then it does not fire again", () => {
    const who = customer({ birthDate: "1990-03-12", birthdayAwardedThisYear: true });
    expect(evaluatePurchase(input({ customer: who, rules: [birthday] })).awards).toEqual([]);
  });

  it("when it is 23:30 UTC the day before but already the birthday in Lagos, then the bonus fires", () => {
    const now = new Date("2025-03-14T23:30:00Z");
    const who = customer({ birthDate: "1990-03-15" });
    const points = (timezone: string): number[] =>
      evaluatePurchase(input({ customer: who, rules: [birthday], now, timezone })).awards.map((award) => award.points);
    expect(points(LAGOS)).toEqual([200]);
    expect(points("UTC")).toEqual([]);
  });

  it("when it is still the birthday in UTC but already the next day in Lagos, then the bonus does not fire", () => {
    const now = new Date("2025-03-14T23:30:00Z");
    const who = customer({ birthDate: "1990-03-14" });
    expect(evaluatePurchase(input({ customer: who, rules: [birthday], now })).awards).toEqual([]);
  });

  it("when window_days is 3, then 3 days before the birthday earns and 4 days after does not", () => {
    const rule = ruleRow("birthday", { bonus_points: 200, window_days: 3 });
    const points = (birthDate: string): number[] =>
      evaluatePurchase(input({ customer: customer({ birthDate }), rules: [rule] })).awards.map((award) => award.points);
    expect(points("1990-03-15")).toEqual([200]);
    expect(points("1990-03-09")).toEqual([200]);
    expect(points("1990-03-08")).toEqual([]);
    expect(points("1990-03-16")).toEqual([]);
  });

  it("when the window would reach across New Year, then it stays within the calendar year", () => {
    const rule = ruleRow("birthday", { bonus_points: 200, window_days: 5 });
    const now = new Date("2025-12-30T12:00:00Z");
    const points = (birthDate: string): number[] =>
      evaluatePurchase(input({ customer: customer({ birthDate }), rules: [rule], now })).awards.map(
        (award) => award.points,
      );
    expect(points("1990-01-02")).toEqual([]);
    expect(points("1990-12-31")).toEqual([200]);
  });

  it("when a 29 February birthday falls in a non-leap year, then it is celebrated on 28 February", () => {
    const now = new Date("2025-02-28T12:00:00Z");
    const who = customer({ birthDate: "1992-02-29" });
    expect(
      evaluatePurchase(input({ customer: who, rules: [birthday], now })).awards.map((award) => award.points),
    ).toEqual([200]);
  });

  it("when the birth date is missing or malformed, then no birthday bonus fires", () => {
    for (const birthDate of [null, "12/03/1990", "1990-02-30", "1990-13-12"]) {
      expect(evaluatePurchase(input({ customer: customer({ birthDate }), rules: [birthday] })).awards).toEqual([]);
    }
  });
});

describe("evaluatePurchase default rule", () => {
  it("when the tenant has no rules, then the default 1 point per ₦100 applies", () => {
    const result = evaluatePurchase(input({ purchase: { amountKobo: 159_950 } }));
    expect(result).toEqual({
      awards: [
        {
          points: 15,
          source: "rule",
          sourceId: null,
          sourceName: "Default: 1 point per ₦100",
          ruleType: "per_amount_spent",
          beneficiary: "customer",
          description: "Points for spending ₦1,599.5",
        },
      ],
      skipped: [],
    });
    expect(DEFAULT_RULE.name).toBe("Default: 1 point per ₦100");
  });

  it("when every rule is inactive or outside its validity window, then the default rule applies", () => {
    const rules = [
      ruleRow("per_purchase", { points_per_purchase: 10 }, { id: "off", is_active: false }),
      ruleRow(
        "per_purchase",
        { points_per_purchase: 10 },
        { id: "ended", valid_until: new Date("2025-03-01T00:00:00Z") },
      ),
    ];
    const { awards } = evaluatePurchase(input({ purchase: { amountKobo: 150_000 }, rules }));
    expect(awards.map((award) => [award.sourceId, award.points])).toEqual([[null, 15]]);
  });

  it("when the only rule is invalid, then it is skipped and the default rule applies", () => {
    const rules = [ruleRow("per_purchase", { points_per_purchase: 0 }, { id: "broken" })];
    const result = evaluatePurchase(input({ purchase: { amountKobo: 150_000 }, rules }));
    expect(result.awards.map((award) => [award.sourceId, award.points])).toEqual([[null, 15]]);
    expect(result.skipped.map((skip) => [skip.kind, skip.id])).toEqual([["rule", "broken"]]);
  });

  it("when the default rule works out to zero points, then there is no award", () => {
    expect(evaluatePurchase(input({ purchase: { amountKobo: 9_999 } })).awards).toEqual([]);
  });
});

describe("evaluatePurchase ordering, validity and conditions", () => {
  it("when rules have priorities, then awards come highest priority first and ties by id", () => {
    const rules = [
      ruleRow("per_purchase", { points_per_purchase: 1 }, { id: "low", priority: 1 }),
      ruleRow("per_purchase", { points_per_purchase: 3 }, { id: "high", priority: 10 }),
      ruleRow("per_purchase", { points_per_purchase: 2 }, { id: "mid-b", priority: 5 }),
      ruleRow("per_purchase", { points_per_purchase: 2 }, { id: "mid-a", priority: 5 }),
      ruleRow("per_purchase", { points_per_purchase: 4 }, { id: "unset", priority: null }),
    ];
    const { awards } = evaluatePurchase(input({ rules }));
    expect(awards.map((award) => award.sourceId)).toEqual(["high", "mid-a", "mid-b", "low", "unset"]);
  });

  it("when now is before valid_from or at valid_until, then the rule does not apply", () => {
    const rules = [
      ruleRow("per_purchase", { points_per_purchase: 1 }, { id: "starts-now", valid_from: NOW }),
      ruleRow("per_purchase", { points_per_purchase: 2 }, { id: "not-yet", valid_from: new Date(NOW.getTime() + 1) }),
      ruleRow("per_purchase", { points_per_purchase: 3 }, { id: "ends-now", valid_until: NOW }),
      ruleRow(
        "per_purchase",
        { points_per_purchase: 4 },
        { id: "ends-later", valid_until: new Date(NOW.getTime() + 1) },
      ),
      ruleRow(
        "per_purchase",
        { points_per_purchase: 5 },
        {
          id: "iso-window",
          valid_from: "2025-03-01T00:00:00Z",
          valid_until: "2025-04-01T00:00:00Z",
        },
      ),
    ];
    const { awards } = evaluatePurchase(input({ rules }));
    expect(awards.map((award) => award.sourceId)).toEqual(["ends-later", "iso-window", "starts-now"]);
  });

  it("when min_amount and max_amount are set, then both bounds are inclusive", () => {
    const rule = ruleRow(
      "per_purchase",
      { points_per_purchase: 5 },
      { conditions: { min_amount: 50_000, max_amount: 200_000 } },
    );
    const points = (amountKobo: number): number[] =>
      evaluatePurchase(input({ purchase: { amountKobo }, rules: [rule] })).awards.map((award) => award.points);
    expect(points(49_999)).toEqual([]);
    expect(points(50_000)).toEqual([5]);
    expect(points(200_000)).toEqual([5]);
    expect(points(200_001)).toEqual([]);
  });

  it("when days_of_week is set, then the weekday is taken in the tenant's timezone", () => {
    // Friday 23:30 UTC is Saturday 00:30 in Lagos.
    const now = new Date("2025-03-14T23:30:00Z");
    const saturdayOnly = ruleRow("per_purchase", { points_per_purchase: 7 }, { conditions: { days_of_week: [6] } });
    const points = (timezone: string): number[] =>
      evaluatePurchase(input({ rules: [saturdayOnly], now, timezone })).awards.map((award) => award.points);
    expect(points(LAGOS)).toEqual([7]);
    expect(points("UTC")).toEqual([]);
  });

  it("when conditions carry unknown keys, then the rule still loads and they are ignored", () => {
    const rule = ruleRow("per_purchase", { points_per_purchase: 5 }, { conditions: { brand: ["Acme"] } });
    expect(evaluatePurchase(input({ rules: [rule] })).awards.map((award) => award.points)).toEqual([5]);
  });

  it("when some rules are invalid, then they are reported and the valid ones still apply", () => {
    const rules = [
      ruleRow("per_purchase", { points_per_purchase: -1 }, { id: "negative" }),
      ruleRow("per_amount_spent", { points_per_naira: 1 }, { id: "typo" }),
      ruleRow("loyalty_magic", {}, { id: "unknown-type" }),
      { rule_type: "per_purchase", config: { points_per_purchase: 1 } },
      "not a row",
      ruleRow("per_purchase", { points_per_purchase: 10 }, { id: "good" }),
    ];
    const result = evaluatePurchase(input({ rules }));
    expect(result.awards.map((award) => [award.sourceId, award.points])).toEqual([["good", 10]]);
    expect(result.skipped.map((skip) => [skip.kind, skip.id])).toEqual([
      ["rule", "negative"],
      ["rule", "typo"],
      ["rule", "unknown-type"],
      ["rule", null],
      ["rule", null],
    ]);
    expect(result.skipped[0]?.reason).toContain("config.points_per_purchase");
    expect(result.skipped[1]?.reason).toContain("config.points_per_ngn");
    expect(result.skipped[2]?.reason).toContain("rule_type");
  });
});

describe("evaluatePurchase campaigns", () => {
  it("when a double_points campaign runs, then an extra award equals the spending points", () => {
    const campaign = campaignRow("double_points", {}, { name: "Double weekend" });
    const { awards } = evaluatePurchase(
      input({ purchase: { amountKobo: 150_000 }, rules: [perAmount], campaigns: [campaign] }),
    );
    expect(awards).toEqual([
      {
        points: 1500,
        source: "rule",
        sourceId: "rule-per_amount_spent",
        sourceName: "₦1 = 1 point",
        ruleType: "per_amount_spent",
        beneficiary: "customer",
        description: "Points for spending ₦1,500",
      },
      {
        points: 1500,
        source: "campaign",
        sourceId: "campaign-double_points",
        sourceName: "Double weekend",
        campaignType: "double_points",
        beneficiary: "customer",
        description: "×2 points promotion",
      },
    ]);
  });

  it("when the multiplier is 1.5, then the extra half is floored", () => {
    const rule = ruleRow("per_purchase", { points_per_purchase: 15 });
    const campaign = campaignRow("double_points", { multiplier: 1.5 });
    const { awards } = evaluatePurchase(input({ rules: [rule], campaigns: [campaign] }));
    expect(awards.map((award) => award.points)).toEqual([15, 7]);
  });

  it("when double_points runs, then fixed bonuses from first purchase, referral and birthday are not multiplied", () => {
    const rules = [
      ruleRow("per_purchase", { points_per_purchase: 10 }),
      ruleRow("first_purchase_bonus", { bonus_points: 50 }),
      ruleRow("referral", { referrer_points: 100, referred_points: 20 }),
      ruleRow("birthday", { bonus_points: 200 }),
      ruleRow("milestone", { milestone_purchases: 1, bonus_points: 30 }),
    ];
    const who = customer({
      purchasesBefore: 0,
      lastPurchaseAt: null,
      referredByCustomerId: "r",
      birthDate: "2000-03-12",
    });
    const { awards } = evaluatePurchase(
      input({ customer: who, rules, campaigns: [campaignRow("double_points", { multiplier: 3 })] }),
    );
    const campaignAward = awards.find((award) => award.source === "campaign");
    expect(campaignAward?.points).toBe(20);
  });

  it("when only the default rule applies, then double_points multiplies the default points", () => {
    const { awards } = evaluatePurchase(
      input({ purchase: { amountKobo: 150_000 }, campaigns: [campaignRow("double_points", {})] }),
    );
    expect(awards.map((award) => [award.source, award.sourceId, award.points])).toEqual([
      ["rule", null, 15],
      ["campaign", "campaign-double_points", 15],
    ]);
  });

  it("when two multiplier campaigns overlap, then each adds to the base without compounding", () => {
    const rule = ruleRow("per_purchase", { points_per_purchase: 10 });
    const campaigns = [
      campaignRow("double_points", { multiplier: 2 }, { id: "a" }),
      campaignRow("double_points", { multiplier: 3 }, { id: "b" }),
    ];
    const { awards } = evaluatePurchase(input({ rules: [rule], campaigns }));
    expect(awards.map((award) => [award.sourceId, award.points])).toEqual([
      ["rule-per_purchase", 10],
      ["a", 10],
      ["b", 20],
    ]);
  });

  it("when no points were earned from spending, then double_points yields no award", () => {
    const rule = ruleRow("per_amount_spent", { points_per_ngn: 1, minimum_purchase: 500_000 });
    const { awards } = evaluatePurchase(input({ rules: [rule], campaigns: [campaignRow("double_points", {})] }));
    expect(awards).toEqual([]);
  });

  it("when a bonus_points campaign has min_amount, then a purchase of at least that amount gets the bonus", () => {
    const campaign = campaignRow("bonus_points", { bonus_points: 25, min_amount: 100_000 }, { name: "Big basket" });
    const rules = [ruleRow("per_purchase", { points_per_purchase: 1 })];
    const awardsFor = (amountKobo: number) =>
      evaluatePurchase(input({ purchase: { amountKobo }, rules, campaigns: [campaign] })).awards.filter(
        (award) => award.source === "campaign",
      );
    expect(awardsFor(99_999)).toEqual([]);
    expect(awardsFor(100_000)).toEqual([
      {
        points: 25,
        source: "campaign",
        sourceId: "campaign-bonus_points",
        sourceName: "Big basket",
        campaignType: "bonus_points",
        beneficiary: "customer",
        description: "Promotion bonus",
      },
    ]);
  });

  it("when the previous purchase is older than inactive_days, then the reactivation bonus fires", () => {
    const campaign = campaignRow("reactivation", { inactive_days: 30, bonus_points: 60 }, { name: "We miss you" });
    const awardsFor = (lastPurchaseAt: Date | null) =>
      evaluatePurchase(input({ customer: customer({ lastPurchaseAt }), campaigns: [campaign] })).awards.filter(
        (award) => award.source === "campaign",
      );
    const thirtyDays = 30 * 24 * 60 * 60 * 1000;
    expect(awardsFor(new Date(NOW.getTime() - thirtyDays - 1))).toEqual([
      {
        points: 60,
        source: "campaign",
        sourceId: "campaign-reactivation",
        sourceName: "We miss you",
        campaignType: "reactivation",
        beneficiary: "customer",
        description: "Welcome back bonus",
      },
    ]);
    expect(awardsFor(new Date(NOW.getTime() - thirtyDays))).toEqual([]);
    expect(awardsFor(new Date(NOW.getTime() - 29 * 24 * 60 * 60 * 1000))).toEqual([]);
  });

  it("when a customer has no previous purchase, then reactivation does not fire", () => {
    const campaign = campaignRow("reactivation", { inactive_days: 30, bonus_points: 60 });
    const who = customer({ purchasesBefore: 0, lastPurchaseAt: null });
    const { awards } = evaluatePurchase(input({ customer: who, campaigns: [campaign] }));
    expect(awards.filter((award) => award.source === "campaign")).toEqual([]);
  });

  it("when a campaign is not active or outside starts_at <= now < ends_at, then it does not apply", () => {
    const bonus = { bonus_points: 5 };
    const campaigns = [
      campaignRow("bonus_points", bonus, { id: "paused", status: "paused" }),
      campaignRow("bonus_points", bonus, { id: "scheduled", status: "scheduled" }),
      campaignRow("bonus_points", bonus, { id: "starts-now", starts_at: NOW }),
      campaignRow("bonus_points", bonus, { id: "ends-now", ends_at: NOW }),
      campaignRow("bonus_points", bonus, { id: "future", starts_at: new Date(NOW.getTime() + 1) }),
      campaignRow("bonus_points", bonus, {
        id: "iso-dates",
        starts_at: "2025-03-01T00:00:00Z",
        ends_at: "2025-04-01T00:00:00Z",
      }),
    ];
    const { awards } = evaluatePurchase(input({ campaigns }));
    expect(awards.filter((award) => award.source === "campaign").map((award) => award.sourceId)).toEqual([
      "iso-dates",
      "starts-now",
    ]);
  });

  it("when a campaign targets a segment, then only matching customers get it", () => {
    const targeted = (target_segment: unknown) => campaignRow("bonus_points", { bonus_points: 5 }, { target_segment });
    const gets = (segment: unknown, who = customer()): boolean =>
      evaluatePurchase(input({ customer: who, campaigns: [targeted(segment)] })).awards.some(
        (award) => award.source === "campaign",
      );

    expect(gets(null)).toBe(true);
    expect(gets({ customer_tags: [] })).toBe(true);
    expect(gets({ customer_tags: ["vip", "staff"] }, customer({ tags: ["staff"] }))).toBe(true);
    expect(gets({ customer_tags: ["vip"] }, customer({ tags: ["frequent_buyer"] }))).toBe(false);
    expect(gets({ loyalty_status: "active" })).toBe(true);
    expect(gets({ loyalty_status: "inactive" })).toBe(false);
    // min_purchases counts purchases before this one.
    expect(gets({ min_purchases: 3 }, customer({ purchasesBefore: 3 }))).toBe(true);
    expect(gets({ min_purchases: 3 }, customer({ purchasesBefore: 2 }))).toBe(false);
    expect(gets({ min_points: 100, max_points: 500 }, customer({ balance: 100 }))).toBe(true);
    expect(gets({ min_points: 100, max_points: 500 }, customer({ balance: 500 }))).toBe(true);
    expect(gets({ min_points: 100 }, customer({ balance: 99 }))).toBe(false);
    expect(gets({ max_points: 500 }, customer({ balance: 501 }))).toBe(false);
  });

  it("when a campaign type does not award points, then it is ignored rather than reported", () => {
    const campaigns = [campaignRow("reward_discount", { percent: 10 }), campaignRow("referral", {})];
    expect(evaluatePurchase(input({ campaigns }))).toEqual(evaluatePurchase(input()));
  });

  it("when a campaign config is invalid, then it is skipped and reported", () => {
    const campaigns = [
      campaignRow("double_points", { multiplier: 1 }, { id: "flat" }),
      campaignRow("bonus_points", { bonus_points: 5 }, { id: "ok" }),
    ];
    const result = evaluatePurchase(input({ campaigns }));
    expect(result.awards.filter((award) => award.source === "campaign").map((award) => award.sourceId)).toEqual(["ok"]);
    expect(result.skipped).toEqual([
      { kind: "campaign", id: "flat", reason: expect.stringContaining("config.multiplier") },
    ]);
  });
});

describe("evaluatePurchase combined", () => {
  it("when a referred newcomer's first purchase meets rules and campaigns, then every source gets its own award", () => {
    const rules = [
      ruleRow("per_amount_spent", { points_per_ngn: 0.1 }, { id: "spend", name: "Spend", priority: 10 }),
      ruleRow("first_purchase_bonus", { bonus_points: 50 }, { id: "welcome", name: "Welcome", priority: 5 }),
      ruleRow("referral", { referrer_points: 100, referred_points: 20 }, { id: "refer", name: "Refer", priority: 1 }),
      ruleRow("milestone", { milestone_purchases: 5, bonus_points: 40 }, { id: "five", name: "Five", priority: 0 }),
    ];
    const campaigns = [
      campaignRow("double_points", { multiplier: 2 }, { id: "double", name: "Double" }),
      campaignRow(
        "bonus_points",
        { bonus_points: 30 },
        { id: "promo", name: "Promo", target_segment: { max_points: 0 } },
      ),
      campaignRow("reactivation", { inactive_days: 30, bonus_points: 60 }, { id: "back", name: "Back" }),
    ];
    const who = customer({ purchasesBefore: 0, lastPurchaseAt: null, referredByCustomerId: "friend" });
    const { awards, skipped } = evaluatePurchase(
      input({ purchase: { amountKobo: 255_550 }, customer: who, rules, campaigns }),
    );
    expect(skipped).toEqual([]);
    expect(awards.map((award) => [award.sourceId, award.beneficiary, award.points])).toEqual([
      ["spend", "customer", 255],
      ["welcome", "customer", 50],
      ["refer", "referrer", 100],
      ["refer", "customer", 20],
      ["double", "customer", 255],
      ["promo", "customer", 30],
    ]);
  });
});

describe("evaluatePurchase input errors", () => {
  it("when the timezone is unknown, then it throws a RangeError", () => {
    expect(() => evaluatePurchase(input({ timezone: "Mars/Olympus" }))).toThrow(RangeError);
  });

  it("when the amount is negative or fractional kobo, then it throws a RangeError", () => {
    expect(() => evaluatePurchase(input({ purchase: { amountKobo: -1 } }))).toThrow(RangeError);
    expect(() => evaluatePurchase(input({ purchase: { amountKobo: 10.5 } }))).toThrow(RangeError);
  });

  it("when now is an invalid date, then it throws a RangeError", () => {
    expect(() => evaluatePurchase(input({ now: new Date("nope") }))).toThrow(RangeError);
  });
});
