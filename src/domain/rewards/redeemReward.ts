import { randomUUID } from "node:crypto";
import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { generateShortCode } from "../customers/generateShortCode.ts";
import { debitPoints } from "../ledger/debitPoints.ts";
import { expireLots } from "../ledger/expireLots.ts";
import { isRewardAvailable, rewardColumns, rewardRecordSchema } from "./rewardRecord.ts";

export type RedeemRewardInput = { tenantId: string; customerId: string; rewardId: string; now: Date };

export type RedeemRewardResult =
  | { ok: true; redemptionId: string; code: string; rewardName: string; pointsDeducted: number; balance: number }
  | { ok: false; reason: "insufficient_points" | "out_of_stock" | "limit_reached" | "unavailable" };

const CODE_LENGTH = 8;
const MAX_CODE_ATTEMPTS = 8;

const countRow = z.object({ count: z.number().int() });

const redemptionCodeRow = z.object({ redemption_code: z.string() });

/**
 * Redeems a reward for a customer on the caller's transaction: locks the reward row (so racing
 * redemptions of one reward serialise and stock can't go below zero), checks it is active, in
 * its validity window, in stock and under the per-customer maximum, expires the customer's
 * overdue lots (expired points can't be spent), debits the points first-in first-out (which
 * locks the customer row: a customer's racing redemptions serialise), decrements stock, and
 * stores the redemption with a unique 8-character code of unambiguous characters.
 *
 * Everything a person can cause is a result; nothing is written unless it succeeds.
 * @throws Error when no unique code is found after several attempts.
 */
export async function redeemReward(tx: Tx, input: RedeemRewardInput): Promise<RedeemRewardResult> {
  const reward = await tx.maybeOne(sql.type(rewardRecordSchema)`
    SELECT ${rewardColumns} FROM rewards WHERE id = ${input.rewardId} FOR UPDATE
  `);
  if (reward === null || !isRewardAvailable(reward, input.now)) return { ok: false, reason: "unavailable" };
  if (reward.stockQuantity !== null && reward.stockQuantity <= 0) return { ok: false, reason: "out_of_stock" };
  if (reward.maxRedemptionsPerCustomer !== null) {
    const used = await tx.oneFirst(sql.type(countRow)`
      SELECT count(*) AS count FROM reward_redemptions
      WHERE reward_id = ${reward.id} AND customer_id = ${input.customerId} AND status <> 'cancelled'
    `);
    if (used >= reward.maxRedemptionsPerCustomer) return { ok: false, reason: "limit_reached" };
  }

  await expireLots(tx, { tenantId: input.tenantId, now: input.now, customerId: input.customerId });
  const redemptionId = randomUUID();
  const debit = await debitPoints(tx, {
    tenantId: input.tenantId,
    customerId: input.customerId,
    type: "redeemed",
    points: reward.pointsRequired,
    description: `Redeemed ${reward.name}`,
    metadata: { rewardId: reward.id, rewardName: reward.name },
    rewardRedemptionId: redemptionId,
  });
  if (!debit.ok) return { ok: false, reason: "insufficient_points" };

  await tx.query(sql.type(noRows)`
    UPDATE rewards SET
      stock_quantity = CASE WHEN stock_quantity IS NULL THEN NULL ELSE stock_quantity - 1 END,
      total_redemptions = COALESCE(total_redemptions, 0) + 1
    WHERE id = ${reward.id}
  `);
  const code = await insertRedemption(tx, {
    id: redemptionId,
    tenantId: input.tenantId,
    customerId: input.customerId,
    rewardId: reward.id,
    points: reward.pointsRequired,
  });
  return {
    ok: true,
    redemptionId,
    code,
    rewardName: reward.name,
    pointsDeducted: reward.pointsRequired,
    balance: debit.balance,
  };
}

async function insertRedemption(
  tx: Tx,
  row: { id: string; tenantId: string; customerId: string; rewardId: string; points: number },
): Promise<string> {
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
    const code = await tx.maybeOneFirst(sql.type(redemptionCodeRow)`
      INSERT INTO reward_redemptions (id, tenant_id, customer_id, reward_id, points_deducted, status, redemption_code)
      VALUES (${row.id}, ${row.tenantId}, ${row.customerId}, ${row.rewardId}, ${row.points}, 'pending', ${generateShortCode(CODE_LENGTH)})
      ON CONFLICT (redemption_code) DO NOTHING
      RETURNING redemption_code
    `);
    if (code !== null) return code;
  }
  throw new Error("could not generate a unique redemption code");
}
