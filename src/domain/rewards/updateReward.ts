import { sql, type Tx } from "../../db/sql.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { timestampOrNull, type RewardFields } from "./createReward.ts";
import { findReward } from "./findReward.ts";
import { rewardColumns, rewardRecordSchema, type Reward } from "./rewardRecord.ts";

/**
 * Changes some fields of a reward, or soft-deletes it (`deleted: true`; redemptions keep
 * pointing at it), with an audit row (`reward.updated` / `reward.deleted`).
 * @returns null when the reward is not the tenant's or already deleted.
 */
export async function updateReward(
  tx: Tx,
  input: {
    tenantId: string;
    rewardId: string;
    userId: string | null;
    changes: Partial<RewardFields>;
    deleted?: boolean;
  },
): Promise<Reward | null> {
  const before = await findReward(tx, input.rewardId);
  if (before === null) return null;
  const c = input.changes;
  const sets = [sql.fragment`updated_at = now()`];
  if (c.name !== undefined) sets.push(sql.fragment`name = ${c.name}`);
  if (c.description !== undefined) sets.push(sql.fragment`description = ${c.description}`);
  if (c.pointsRequired !== undefined) sets.push(sql.fragment`points_required = ${c.pointsRequired}`);
  if (c.stockQuantity !== undefined) sets.push(sql.fragment`stock_quantity = ${c.stockQuantity}`);
  if (c.maxRedemptionsPerCustomer !== undefined)
    sets.push(sql.fragment`max_redemptions_per_customer = ${c.maxRedemptionsPerCustomer}`);
  if (c.validFrom !== undefined) sets.push(sql.fragment`valid_from = ${timestampOrNull(c.validFrom)}`);
  if (c.validUntil !== undefined) sets.push(sql.fragment`valid_until = ${timestampOrNull(c.validUntil)}`);
  if (c.isActive !== undefined) sets.push(sql.fragment`is_active = ${c.isActive}`);
  if (input.deleted === true) sets.push(sql.fragment`deleted_at = now(), is_active = false`);
  const reward = await tx.one(sql.type(rewardRecordSchema)`
    UPDATE rewards SET ${sql.join(sets, sql.fragment`, `)} WHERE id = ${input.rewardId} RETURNING ${rewardColumns}
  `);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.userId),
    action: input.deleted === true ? "reward.deleted" : "reward.updated",
    entityType: "reward",
    entityId: reward.id,
    oldValues: {
      name: before.name,
      pointsRequired: before.pointsRequired,
      stockQuantity: before.stockQuantity,
      isActive: before.isActive,
    },
    newValues: {
      name: reward.name,
      pointsRequired: reward.pointsRequired,
      stockQuantity: reward.stockQuantity,
      isActive: reward.isActive,
    },
  });
  return reward;
}
