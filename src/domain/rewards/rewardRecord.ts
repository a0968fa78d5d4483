import { z } from "zod";
import { sql } from "../../db/sql.ts";

/** A reward of the catalog as the domain sees it. */
export const rewardRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    points_required: z.number().int(),
    is_active: z.boolean().nullable(),
    stock_quantity: z.number().int().nullable(),
    max_redemptions_per_customer: z.number().int().nullable(),
    valid_from: z.date().nullable(),
    valid_until: z.date().nullable(),
    total_redemptions: z.number().int().nullable(),
    deleted_at: z.date().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    description: row.description,
    pointsRequired: row.points_required,
    isActive: row.is_active ?? false,
    /** null is unlimited. */
    stockQuantity: row.stock_quantity,
    /** null is unlimited. */
    maxRedemptionsPerCustomer: row.max_redemptions_per_customer,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    totalRedemptions: row.total_redemptions ?? 0,
    deletedAt: row.deleted_at,
  }));

export type Reward = z.output<typeof rewardRecordSchema>;

/** The column list matching {@link rewardRecordSchema}. */
export const rewardColumns = sql.fragment`
  id, tenant_id, name, description, points_required, is_active, stock_quantity,
  max_redemptions_per_customer, valid_from, valid_until, total_redemptions, deleted_at
`;

/** Whether the reward can be redeemed at `now`, stock and per-customer limits aside. */
export function isRewardAvailable(reward: Reward, now: Date): boolean {
  const t = now.getTime();
  return (
    reward.isActive &&
    reward.deletedAt === null &&
    (reward.validFrom === null || reward.validFrom.getTime() <= t) &&
    (reward.validUntil === null || t < reward.validUntil.getTime())
  );
}
