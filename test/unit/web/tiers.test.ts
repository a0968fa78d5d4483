import { describe, expect, it } from "vitest";
import { tiersSettingSchema } from "../../../src/domain/lifecycle/tiers.ts";
import { checkTiers, type TierDraft } from "../../../web/src/lib/tiers.ts";

const row = (name: string, minPoints: string, multiplier: string): TierDraft => ({ name, minPoints, multiplier });

describe("the settings page's tier rows", () => {
  it("when the rows are valid, then they become the API's tiers, which the API's own schema accepts", () => {
    const checked = checkTiers([
      row(" Silver ", "500", "1.25"),
      row("Gold", "2,000", "×1.5"),
      row("VIP", "10000", "2"),
    ]);
    expect(checked).toEqual({
      ok: true,
      tiers: [
        { name: "Silver", min_points: 500, multiplier: 1.25 },
        { name: "Gold", min_points: 2000, multiplier: 1.5 },
        { name: "VIP", min_points: 10_000, multiplier: 2 },
      ],
    });
    if (checked.ok) expect(tiersSettingSchema.safeParse(checked.tiers).success).toBe(true);
    expect(checkTiers([])).toEqual({ ok: true, tiers: [] });
  });

  it("when a row breaks one of the API's rules, then the form names the row and the rule, as the API would refuse it", () => {
    const cases: [TierDraft[], string][] = [
      [[row("", "500", "1")], "Tier 1: give it a name."],
      [[row("A name far too long for it", "500", "1")], "Tier 1: the name is at most 20 characters."],
      [[row("Silver", "0", "1")], "Tier 1: points needed"],
      [[row("Silver", "1.5", "1")], "Tier 1: points needed"],
      [[row("Silver", "500", "0.5")], "Tier 1: the multiplier"],
      [[row("Silver", "500", "5.5")], "Tier 1: the multiplier"],
      [[row("Silver", "500", "1.255")], "Tier 1: the multiplier"],
      [[row("Gold", "2000", "1.5"), row("Silver", "500", "1.25")], "Tier 2: needs more points than tier 1"],
      [[row("Silver", "500", "1.5"), row("Gold", "2000", "1.25")], "Tier 2: a higher tier cannot have a smaller"],
      [[row("Gold", "500", "1"), row("gold", "2000", "1.5")], "Tier 2: another tier is already called"],
      [Array.from({ length: 6 }, (_, i) => row(`T${i}`, String((i + 1) * 100), "1")), "At most 5 tiers."],
    ];
    for (const [rows, message] of cases) {
      const checked = checkTiers(rows);
      expect(checked.ok ? "accepted" : checked.message).toContain(message);
      const asTyped = rows.map((r) => ({
        name: r.name,
        min_points: Number(r.minPoints),
        multiplier: Number(r.multiplier),
      }));
      expect(tiersSettingSchema.safeParse(asTyped).success).toBe(false);
    }
  });
});
