import { describe, expect, it } from "vitest";
import { tierReached, tierStanding, tiersSettingSchema, type Tier } from "../../../src/domain/lifecycle/tiers.ts";

const TIERS: Tier[] = [
  { name: "Silver", min_points: 500, multiplier: 1.5 },
  { name: "Gold", min_points: 2000, multiplier: 2 },
  { name: "Platinum", min_points: 10000, multiplier: 3 },
];

describe("tierStanding", () => {
  it("when lifetime points are below, inside and above the tiers, then the current and next tier follow", () => {
    expect(tierStanding(TIERS, 0, null)).toEqual({ current: null, next: { tier: TIERS[0], pointsToGo: 500 } });
    expect(tierStanding(TIERS, 500, null)).toEqual({ current: TIERS[0], next: { tier: TIERS[1], pointsToGo: 1500 } });
    expect(tierStanding(TIERS, 1999, null)).toEqual({ current: TIERS[0], next: { tier: TIERS[1], pointsToGo: 1 } });
    expect(tierStanding(TIERS, 50_000, null)).toEqual({ current: TIERS[2], next: null });
  });

  it("when the recorded tier is above what the points earn (a void, a raised threshold), then the recorded tier stands", () => {
    expect(tierStanding(TIERS, 100, "gold").current).toEqual(TIERS[1]);
    expect(tierStanding(TIERS, 100, "Gold").next).toEqual({ tier: TIERS[2], pointsToGo: 9900 });
  });

  it("when the recorded tier no longer exists, then it counts for nothing", () => {
    expect(tierStanding(TIERS, 600, "Diamond").current).toEqual(TIERS[0]);
  });

  it("when the tenant has no tiers, then there is no current or next tier", () => {
    expect(tierStanding([], 10_000, "Gold")).toEqual({ current: null, next: null });
  });
});

describe("tierReached", () => {
  it("when the points reach a tier above the recorded one, then that tier is reached (skipping a level is one move)", () => {
    expect(tierReached(TIERS, 500, null)).toEqual(TIERS[0]);
    expect(tierReached(TIERS, 12_000, "Silver")).toEqual(TIERS[2]);
  });

  it("when the recorded tier is the same or higher, or no tier is reached, then nothing moves", () => {
    expect(tierReached(TIERS, 600, "Silver")).toBeNull();
    expect(tierReached(TIERS, 600, "Gold")).toBeNull();
    expect(tierReached(TIERS, 499, null)).toBeNull();
    expect(tierReached([], 10_000, null)).toBeNull();
  });
});

describe("tiersSettingSchema", () => {
  it("when tiers are ascending with sensible multipliers, then they parse", () => {
    expect(tiersSettingSchema.parse(TIERS)).toEqual(TIERS);
    expect(tiersSettingSchema.parse([])).toEqual([]);
  });

  it("when thresholds do not go up, a multiplier goes down or out of 1–5, names clash or are too long, or there are too many, then it fails", () => {
    const bad: unknown[] = [
      [TIERS[1], TIERS[0]],
      [TIERS[0], { ...TIERS[1], min_points: 500 }],
      [TIERS[1], { ...TIERS[2], multiplier: 1.5 }],
      [{ ...TIERS[0], multiplier: 5.01 }],
      [{ ...TIERS[0], multiplier: 0.99 }],
      [{ ...TIERS[0], multiplier: 1.005 }],
      [{ ...TIERS[0], name: "x".repeat(21) }],
      [{ ...TIERS[0], name: "   " }],
      [TIERS[0], { ...TIERS[1], name: "SILVER" }],
      [{ ...TIERS[0], min_points: 0 }],
      [{ ...TIERS[0], min_points: 1.5 }],
      Array.from({ length: 6 }, (_, n) => ({ name: `L${n}`, min_points: (n + 1) * 10, multiplier: 1 })),
    ];
    for (const tiers of bad) expect(tiersSettingSchema.safeParse(tiers).success, JSON.stringify(tiers)).toBe(false);
  });
});
