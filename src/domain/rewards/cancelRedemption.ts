import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { creditPoints } from "../ledger/creditPoints.ts";
import { getBalance } from "../ledger/getBalance.ts";

export type CancelRedemptionResult =
  | { ok: true; redemptionId: string; pointsRefunded: number; balance: number }
  | { ok: false; reason: "not_found" | "not_cancellable" };

const redemptionRow = z.object({
  id: z.string(),
  tenant_id: z.string(),
  customer_id: z.string(),
  reward_id: z.string(),
  points_deducted: z.number().int(),
  status: z.string().nullable(),
});

const consumedLotsSchema = z
  .object({
    consumedLots: z.array(z.object({ points: z.number().int().positive(), expiresAt: z.string().nullable() })),
  })
  .catch({ consumedLots: [] });

const rewardIdRow = z.object({ reward_id: z.string() });

const lockedRewardRow = z.object({ id: z.string() });

const metadataRow = z.object({ metadata: z.unknown() });

/**
 * Cancels a pending (or confirmed) redemption: refunds its points with `reversed` rows, restores
 * the reward's stock, and writes an audit_logs row (`redemption.cancelled`). The refund puts
 * back the lots the redemption consumed with their original expiry (one row per expiry date),
 * so cancelling cannot extend points' life; refunded points already past their expiry are
 * expired by the next expiry run.
 *
 * Locks the reward row before the redemption row, the same order as a redemption, so a
 * cancellation and a redemption of one reward cannot deadlock.
 */
export async function cancelRedemption(
  tx: Tx,
  input: { redemptionId: string; reason: string; userId: string | null; now?: Date },
): Promise<CancelRedemptionResult> {
  const rewardId = await tx.maybeOneFirst(sql.type(rewardIdRow)`
    SELECT reward_id FROM reward_redemptions WHERE id = ${input.redemptionId}
  `);
  if (rewardId === null) return { ok: false, reason: "not_found" };
  await tx.query(sql.type(lockedRewardRow)`SELECT id FROM rewards WHERE id = ${rewardId} FOR UPDATE`);
  const redemption = await tx.one(sql.type(redemptionRow)`
    SELECT id, tenant_id, customer_id, reward_id, points_deducted, status
    FROM reward_redemptions WHERE id = ${input.redemptionId} FOR UPDATE
  `);
  if (redemption.status !== "pending" && redemption.status !== "confirmed")
    return { ok: false, reason: "not_cancellable" };

  await tx.query(sql.type(noRows)`
    UPDATE reward_redemptions SET status = 'cancelled', cancelled_at = ${sql.timestamp(input.now ?? new Date())},
           cancellation_reason = ${input.reason}
    WHERE id = ${redemption.id}
  `);
  await tx.query(sql.type(noRows)`
    UPDATE rewards SET
      stock_quantity = CASE WHEN stock_quantity IS NULL THEN NULL ELSE stock_quantity + 1 END,
      total_redemptions = GREATEST(COALESCE(total_redemptions, 0) - 1, 0)
    WHERE id = ${redemption.reward_id}
  `);

  for (const refund of await refundLots(tx, redemption.id, redemption.points_deducted)) {
    await creditPoints(tx, {
      tenantId: redemption.tenant_id,
      customerId: redemption.customer_id,
      type: "reversed",
      points: refund.points,
      expiresAt: refund.expiresAt,
      description: "Refund: redemption cancelled",
      metadata: { reason: input.reason, rewardId: redemption.reward_id },
      rewardRedemptionId: redemption.id,
      createdByUserId: input.userId,
    });
  }
  const { balance } = await getBalance(tx, redemption.customer_id);
  await writeAuditLog(tx, {
    tenantId: redemption.tenant_id,
    actor: vendorOrSystem(input.userId),
    action: "redemption.cancelled",
    entityType: "reward_redemption",
    entityId: redemption.id,
    oldValues: { status: redemption.status },
    newValues: { status: "cancelled", reason: input.reason, pointsRefunded: redemption.points_deducted },
  });
  return { ok: true, redemptionId: redemption.id, pointsRefunded: redemption.points_deducted, balance };
}

/** The refund grouped by the expiry of the lots the redemption consumed, oldest first. */
async function refundLots(
  tx: Tx,
  redemptionId: string,
  points: number,
): Promise<{ points: number; expiresAt: Date | null }[]> {
  const metadata = await tx.maybeOneFirst(sql.type(metadataRow)`
    SELECT metadata FROM points_transactions
    WHERE reward_redemption_id = ${redemptionId} AND transaction_type = 'redeemed'
  `);
  const byExpiry = new Map<string | null, number>();
  for (const lot of consumedLotsSchema.parse(metadata).consumedLots) {
    byExpiry.set(lot.expiresAt, (byExpiry.get(lot.expiresAt) ?? 0) + lot.points);
  }
  const total = [...byExpiry.values()].reduce((sum, p) => sum + p, 0);
  if (total !== points) return [{ points, expiresAt: null }];
  return [...byExpiry.entries()].map(([expiresAt, lotPoints]) => ({
    points: lotPoints,
    expiresAt: expiresAt === null ? null : new Date(expiresAt),
  }));
}
