/**
 * VIP tiers as the settings form edits them, checked by the API's own rules (tiersSettingSchema
 * in src/domain/lifecycle/tiers.ts) before anything is sent, so a person sees which row to fix.
 */
export const MAX_TIERS = 5;
export const MAX_TIER_NAME = 20;
const MAX_THRESHOLD = 1_000_000_000;

/** One row of the form: what the person typed. */
export type TierDraft = { name: string; minPoints: string; multiplier: string };
/** A tier as `PATCH /api/v1/settings` takes it. */
export type TierInput = { name: string; min_points: number; multiplier: number };

export type TierCheck = { ok: true; tiers: TierInput[] } | { ok: false; message: string };

/** The rows as the API's tiers, or the first problem in words (rows counted from 1). */
export function checkTiers(rows: readonly TierDraft[]): TierCheck {
  if (rows.length > MAX_TIERS) return { ok: false, message: `At most ${MAX_TIERS} tiers.` };
  const tiers: TierInput[] = [];
  for (const [index, row] of rows.entries()) {
    const label = `Tier ${index + 1}`;
    const name = row.name.trim();
    if (name.length === 0) return { ok: false, message: `${label}: give it a name.` };
    if (name.length > MAX_TIER_NAME)
      return { ok: false, message: `${label}: the name is at most ${MAX_TIER_NAME} characters.` };
    const minPoints = row.minPoints.replace(/[,\s]/g, "");
    if (!/^\d+$/.test(minPoints) || Number(minPoints) < 1 || Number(minPoints) > MAX_THRESHOLD)
      return { ok: false, message: `${label}: points needed is a whole number from 1 to 1,000,000,000.` };
    const multiplierText = row.multiplier.trim().replace(/^[x×]/i, "");
    const multiplier = Number(multiplierText);
    if (!/^\d+(\.\d{1,2})?$/.test(multiplierText) || multiplier < 1 || multiplier > 5)
      return { ok: false, message: `${label}: the multiplier is from 1 to 5 with at most two decimals, e.g. 1.25.` };
    const previous = tiers[tiers.length - 1];
    if (previous !== undefined && Number(minPoints) <= previous.min_points)
      return { ok: false, message: `${label}: needs more points than tier ${index} (lowest tier first).` };
    if (previous !== undefined && multiplier < previous.multiplier)
      return { ok: false, message: `${label}: a higher tier cannot have a smaller multiplier than tier ${index}.` };
    if (tiers.some((tier) => tier.name.toLowerCase() === name.toLowerCase()))
      return { ok: false, message: `${label}: another tier is already called “${name}”.` };
    tiers.push({ name, min_points: Number(minPoints), multiplier });
  }
  return { ok: true, tiers };
}
