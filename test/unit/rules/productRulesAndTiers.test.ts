import { describe, expect, it } from "vitest";
import { evaluatePurchase } from "../../../src/domain/rules/evaluatePurchase.ts";
import { campaignRow, input, ruleRow } from "./builders.ts";

const pointsOf = (result: ReturnType<typeof evaluatePurchase>): number[] => result.awards.map((award) => award.points);

const drinks = ruleRow(
  "per_purchase",
  { points_per_purchase: 50 },
  { id: "drinks", conditions: { product_categories: ["Drinks", "Juice"] }, priority: 10 },
);
const spend = ruleRow("per_amount_spent", { points_per_ngn: 0.01 }, { id: "spend", priority: 0 });

describe("product category conditions", () => {
  it("when the purchase's category is listed (any case, spaces around), then the rule applies", () => {
    for (const productCategory of ["Drinks", "drinks", "  JUICE "]) {
      expect(
        pointsOf(evaluatePurchase(input({ purchase: { amountKobo: 150_000, productCategory }, rules: [drinks] }))),
      ).toEqual([50]);
    }
  });

  it("when the category is another one, empty, or absent (a chat-logged purchase), then a category-only rule does not apply", () => {
    for (const productCategory of ["Food", "", "   ", null, undefined]) {
      expect(
        pointsOf(evaluatePurchase(input({ purchase: { amountKobo: 150_000, productCategory }, rules: [drinks] }))),
      ).toEqual([]);
    }
  });

  it("when a rule lists no categories, then it applies to purchases with and without one", () => {
    expect(
      pointsOf(evaluatePurchase(input({ purchase: { amountKobo: 150_000, productCategory: "Food" }, rules: [spend] }))),
    ).toEqual([15]);
    expect(pointsOf(evaluatePurchase(input({ purchase: { amountKobo: 150_000 }, rules: [spend] })))).toEqual([15]);
  });

  it("when the category list is empty or holds a non-string, then the rule is skipped as invalid (and, no valid rule left, the default applies)", () => {
    const empty = ruleRow(
      "per_purchase",
      { points_per_purchase: 5 },
      { id: "empty", conditions: { product_categories: [] } },
    );
    const number = ruleRow(
      "per_purchase",
      { points_per_purchase: 5 },
      { id: "num", conditions: { product_categories: [7] } },
    );
    const result = evaluatePurchase(
      input({ purchase: { amountKobo: 150_000, productCategory: "7" }, rules: [empty, number] }),
    );
    expect(result.awards.map((award) => award.sourceId)).toEqual([null]);
    expect(result.skipped.map((skip) => skip.id)).toEqual(["empty", "num"]);
  });
});

describe("exclusive rules", () => {
  const exclusiveDrinks = { ...drinks, exclusive: true };

  it("when an exclusive rule awards points, then rules of lower priority do not apply", () => {
    const result = evaluatePurchase(
      input({ purchase: { amountKobo: 150_000, productCategory: "Drinks" }, rules: [spend, exclusiveDrinks] }),
    );
    expect(result.awards.map((award) => award.sourceId)).toEqual(["drinks"]);
  });

  it("when an exclusive rule's conditions do not hold, then the lower rules apply as usual", () => {
    const result = evaluatePurchase(
      input({ purchase: { amountKobo: 150_000, productCategory: "Food" }, rules: [spend, exclusiveDrinks] }),
    );
    expect(result.awards.map((award) => award.sourceId)).toEqual(["spend"]);
  });

  it("when an exclusive rule matches but awards nothing (first purchase bonus on a later purchase), then it stops nothing", () => {
    const welcome = ruleRow(
      "first_purchase_bonus",
      { bonus_points: 100 },
      { id: "welcome", priority: 5, exclusive: true },
    );
    expect(evaluatePurchase(input({ rules: [welcome, spend] })).awards.map((award) => award.sourceId)).toEqual([
      "spend",
    ]);
  });

  it("when rules share the exclusive rule's priority, then they still apply; higher ones apply too", () => {
    const same = ruleRow("per_purchase", { points_per_purchase: 3 }, { id: "same", priority: 10 });
    const higher = ruleRow("per_purchase", { points_per_purchase: 7 }, { id: "higher", priority: 20 });
    const result = evaluatePurchase(
      input({
        purchase: { amountKobo: 150_000, productCategory: "Juice" },
        rules: [spend, same, exclusiveDrinks, higher],
      }),
    );
    expect(result.awards.map((award) => award.sourceId)).toEqual(["higher", "drinks", "same"]);
  });

  it("when exclusive is null (an older row), then the rule is not exclusive", () => {
    const legacy = { ...drinks, exclusive: null };
    const result = evaluatePurchase(
      input({ purchase: { amountKobo: 150_000, productCategory: "Drinks" }, rules: [spend, legacy] }),
    );
    expect(pointsOf(result)).toEqual([50, 15]);
  });
});

describe("tier multiplier", () => {
  const silver = { name: "Silver", multiplier: 1.5 };

  it("when the customer is at a tier, then spending points are multiplied, rounded down, and the ledger says so", () => {
    const result = evaluatePurchase(input({ purchase: { amountKobo: 110_000 }, rules: [spend], tier: silver }));
    expect(result.awards).toEqual([
      expect.objectContaining({ points: 16, description: "Points for spending ₦1,100 (Silver ×1.5)" }),
    ]);
  });

  it("when the tenant has no rule, then the default rule's points are multiplied too", () => {
    const result = evaluatePurchase(
      input({ purchase: { amountKobo: 1_000_000 }, tier: { name: "Gold", multiplier: 2 } }),
    );
    expect(result.awards).toEqual([
      expect.objectContaining({ points: 200, description: "Points for spending ₦10,000 (Gold ×2)" }),
    ]);
  });

  it("when awards are fixed bonuses or campaigns, then the tier leaves them alone and a campaign multiplies the untiered points", () => {
    const welcome = ruleRow("milestone", { milestone_purchases: 4, bonus_points: 40 }, { id: "fourth" });
    const double = campaignRow("double_points", { multiplier: 2 });
    const result = evaluatePurchase(
      input({ purchase: { amountKobo: 1_000_000 }, rules: [spend, welcome], campaigns: [double], tier: silver }),
    );
    expect(result.awards.map((award) => [award.sourceId, award.points])).toEqual([
      ["fourth", 40],
      ["spend", 150],
      ["campaign-double_points", 100],
    ]);
  });

  it("when the multiplier is 1 or there is no tier, then the points and description are plain", () => {
    for (const tier of [{ name: "Bronze", multiplier: 1 }, null, undefined]) {
      const result = evaluatePurchase(input({ purchase: { amountKobo: 110_000 }, rules: [spend], tier }));
      expect(result.awards).toEqual([
        expect.objectContaining({ points: 11, description: "Points for spending ₦1,100" }),
      ]);
    }
  });

  it("when the biggest award meets the biggest multiplier, then the result is still a safe integer", () => {
    const huge = ruleRow("per_purchase", { points_per_purchase: 1_000_000 });
    const [award] = evaluatePurchase(input({ rules: [huge], tier: { name: "Top", multiplier: 5 } })).awards;
    expect(award?.points).toBe(5_000_000);
    expect(Number.isSafeInteger(award?.points)).toBe(true);
  });
});
