import { sql, type Tx } from "../../db/sql.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { rewardColumns, rewardRecordSchema, type Reward } from "./rewardRecord.ts";

export type RewardFields = {
  name: string;
  description: string | null;
  pointsRequired: number;
  stockQuantity: number | null;
  maxRedemptionsPerCustomer: number | null;
  validFrom: Date | null;
  validUntil: Date | null;
  isActive: boolean;
};

/** Adds a reward to the current tenant's catalog, with an audit row (`reward.created`). */
export async function createReward(
  tx: Tx,
  input: { tenantId: string; userId: string | null; fields: RewardFields },
): Promise<Reward> {
  const f = input.fields;
  const reward = await tx.one(sql.type(rewardRecordSchema)`
    INSERT INTO rewards (tenant_id, name, description, points_required, stock_quantity, max_redemptions_per_customer,
                         valid_from, valid_until, is_active)
    VALUES (${input.tenantId}, ${f.name}, ${f.description}, ${f.pointsRequired}, ${f.stockQuantity},
            ${f.maxRedemptionsPerCustomer}, ${timestampOrNull(f.validFrom)}, ${timestampOrNull(f.validUntil)}, ${f.isActive})
    RETURNING ${rewardColumns}
  `);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.userId),
    action: "reward.created",
    entityType: "reward",
    entityId: reward.id,
    newValues: { name: reward.name, pointsRequired: reward.pointsRequired },
  });
  return reward;
}

export function timestampOrNull(date: Date | null) {
  return date === null ? null : sql.timestamp(date);
}
