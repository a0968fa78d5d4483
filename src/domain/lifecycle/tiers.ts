import { z } from "zod";

/** At most this many tiers: more levels than a customer can remember blur the reward. */
export const MAX_TIERS = 5;
/** A tier name fits a WhatsApp line and the `customers.tier_name` column. */
export const MAX_TIER_NAME = 20;
/** The most lifetime points a threshold may ask for (far inside a bigint and a safe integer). */
const MAX_THRESHOLD = 1_000_000_000;

/** One VIP level: reached once lifetime points earned (not the balance) reach `min_points`. */
export const tierSchema = z.strictObject({
  name: z.string().trim().min(1).max(MAX_TIER_NAME),
  min_points: z.int().min(1).max(MAX_THRESHOLD),
  /** Multiplies the spending points of every purchase at this tier; two decimals at most. */
  multiplier: z
    .number()
    .min(1)
    .max(5)
    .refine((multiplier) => Math.abs(multiplier * 100 - Math.round(multiplier * 100)) < 1e-9, {
      message: "at most two decimals, e.g. 1.25",
    }),
});

export type Tier = z.infer<typeof tierSchema>;

/** The tenant setting `tiers`: ascending thresholds, distinct names, at most {@link MAX_TIERS}. */
export const tiersSettingSchema = z
  .array(tierSchema)
  .max(MAX_TIERS)
  .superRefine((tiers, ctx) => {
    for (let index = 1; index < tiers.length; index += 1) {
      const previous = tiers[index - 1];
      const tier = tiers[index];
      if (previous === undefined || tier === undefined) continue;
      if (tier.min_points <= previous.min_points) {
        ctx.addIssue({
          code: "custom",
          message: "min_points must go up from tier to tier",
          path: [index, "min_points"],
        });
      }
      if (tier.multiplier < previous.multiplier) {
        ctx.addIssue({ code: "custom", message: "a higher tier cannot earn less", path: [index, "multiplier"] });
      }
    }
    const names = tiers.map((tier) => tier.name.toLowerCase());
    if (new Set(names).size !== names.length) {
      ctx.addIssue({ code: "custom", message: "tier names must differ" });
    }
  });

export type TierStanding = {
  /** The tier the customer is at, or null below the first. */
  current: Tier | null;
  /** The next tier up and the lifetime points still to earn for it; null at the top. */
  next: { tier: Tier; pointsToGo: number } | null;
};

/**
 * Where a customer stands. The tier is the higher of the one their lifetime points earn and the
 * one recorded on them (`storedName`), so it never goes down: spending points does not lower
 * lifetime points, and a void or a changed threshold does not take a reached tier away.
 * A stored name the tenant no longer has counts for nothing.
 */
export function tierStanding(tiers: readonly Tier[], lifetimeEarned: number, storedName: string | null): TierStanding {
  const earnedIndex = lastIndexWhere(tiers, (tier) => tier.min_points <= lifetimeEarned);
  const storedIndex =
    storedName === null ? -1 : tiers.findIndex((tier) => tier.name.toLowerCase() === storedName.toLowerCase());
  const index = Math.max(earnedIndex, storedIndex);
  const next = tiers[index + 1];
  return {
    current: tiers[index] ?? null,
    next: next === undefined ? null : { tier: next, pointsToGo: Math.max(0, next.min_points - lifetimeEarned) },
  };
}

/**
 * The tier a customer moves up to now that their lifetime points are `after`, or null when
 * they were already recorded at or above it (so the "moved up" message goes once).
 */
export function tierReached(tiers: readonly Tier[], after: number, storedName: string | null): Tier | null {
  const reached = tierStanding(tiers, after, null).current;
  if (reached === null) return null;
  const stored = tierStanding(tiers, 0, storedName).current;
  if (stored !== null && tiers.indexOf(stored) >= tiers.indexOf(reached)) return null;
  return reached;
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item !== undefined && test(item)) return index;
  }
  return -1;
}
