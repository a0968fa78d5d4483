import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { NotFoundError } from "../../errors.ts";
import { tiersSettingSchema } from "../lifecycle/tiers.ts";

/**
 * `tenants.settings`, with defaults for every key a tenant has not set. Unknown keys are kept
 * (other features store their own settings there) but not typed here.
 */
export const tenantSettingsSchema = z.looseObject({
  timezone: z.string().min(1).default("Africa/Lagos"),
  currency: z.string().min(1).default("NGN"),
  /** Days an earned lot stays spendable; absent means points never expire. */
  points_expiry_days: z.int().positive().optional(),
  /** Days a redemption code stays valid before it is cancelled and refunded. */
  redemption_window_days: z.int().positive().default(7),
  country: z.string().length(2).default("NG"),
  /** Days without a purchase after which a customer becomes `inactive` (win-back). */
  inactive_after_days: z.int().positive().default(45),
  /** VIP tiers on lifetime points earned, lowest first; none by default. */
  tiers: tiersSettingSchema.default([]),
  /** Receipt-photo claims: on by default, always approved by a person, limited per customer. */
  claims: z
    .object({
      enabled: z.boolean().default(true),
      max_per_day: z.int().min(1).max(50).default(3),
      /** The largest amount one claim may carry, in kobo (default ₦100,000). */
      max_amount_kobo: z.int().min(100).max(100_000_000_000).default(10_000_000),
    })
    .default({ enabled: true, max_per_day: 3, max_amount_kobo: 10_000_000 }),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

const settingsRow = z.object({ settings: z.unknown() });

/**
 * Reads and parses the current tenant's settings (the row is visible under the tenant's RLS).
 * @throws NotFoundError when the tenant is not visible (not found or not the transaction's tenant).
 * @throws Error when its settings are malformed (an operator must fix them; guessing would misprice points).
 */
export async function getTenantSettings(tx: Tx, tenantId: string): Promise<TenantSettings> {
  const raw = await tx.maybeOneFirst(sql.type(settingsRow)`
    SELECT settings FROM tenants WHERE id = ${tenantId}
  `);
  if (raw === null) throw new NotFoundError(`tenant ${tenantId} not found in this transaction`);
  return parseTenantSettings(tenantId, raw);
}

/**
 * Parses a `tenants.settings` value read by another query (one that loads the settings along
 * with other things in a single round trip); a null column means no settings at all.
 * @throws Error when the settings are malformed, as {@link getTenantSettings} does.
 */
export function parseTenantSettings(tenantId: string, raw: unknown): TenantSettings {
  const parsed = tenantSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new Error(`tenant ${tenantId} has invalid settings: ${parsed.error.message}`);
  return parsed.data;
}
