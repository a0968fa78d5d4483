import { describe, expect, it } from "vitest";
import { earningCampaignSchema, parseCampaignConfig } from "../../../src/domain/rules/campaignConfigs.ts";
import { campaignRow } from "./builders.ts";

describe("parseCampaignConfig", () => {
  it("when a double_points config omits the multiplier, then it defaults to 2", () => {
    expect(parseCampaignConfig("double_points", {})).toEqual({ ok: true, value: { multiplier: 2 } });
  });

  it("when the seed config carries a stray target_segment string, then it is dropped", () => {
    expect(parseCampaignConfig("double_points", { multiplier: 2, target_segment: "inactive_30_days" })).toEqual({
      ok: true,
      value: { multiplier: 2 },
    });
  });

  it("when the multiplier is 1 or less, then the config is rejected", () => {
    const result = parseCampaignConfig("double_points", { multiplier: 1 });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain("multiplier");
  });

  it("when bonus_points or reactivation numbers are not positive integers, then the config is rejected", () => {
    expect(parseCampaignConfig("bonus_points", { bonus_points: 0 }).ok).toBe(false);
    expect(parseCampaignConfig("bonus_points", { bonus_points: 5, min_amount: -1 }).ok).toBe(false);
    expect(parseCampaignConfig("reactivation", { inactive_days: 1.5, bonus_points: 10 }).ok).toBe(false);
    expect(parseCampaignConfig("reactivation", { inactive_days: 30, bonus_points: 10 })).toEqual({
      ok: true,
      value: { inactive_days: 30, bonus_points: 10 },
    });
  });

  it("when the campaign type does not award points, then the reason says so", () => {
    expect(parseCampaignConfig("reward_discount", {})).toEqual({
      ok: false,
      reason: 'campaign_type "reward_discount" does not award points',
    });
  });
});

describe("earningCampaignSchema", () => {
  it("when the status is not a known status, then the row is rejected", () => {
    expect(
      earningCampaignSchema.safeParse(campaignRow("bonus_points", { bonus_points: 5 }, { status: "live" })).success,
    ).toBe(false);
  });

  it("when target_segment has a wrong loyalty_status, then the row is rejected", () => {
    const row = campaignRow("bonus_points", { bonus_points: 5 }, { target_segment: { loyalty_status: "gold" } });
    expect(earningCampaignSchema.safeParse(row).success).toBe(false);
  });
});
