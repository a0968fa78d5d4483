import { sql, type Tx } from "../../db/sql.ts";
import { getBalance } from "../ledger/getBalance.ts";
import { rewardColumns, rewardRecordSchema, type Reward } from "./rewardRecord.ts";

export type RewardsForCustomer = {
  balance: number;
  /** Rewards the customer can redeem now, cheapest first. */
  affordable: Reward[];
  /** The next rewards to aim for (not yet affordable), cheapest first, at most `nextLimit`. */
  next: Reward[];
};

/**
 * The rewards a customer may redeem: active, in their validity window, in stock, and under
 * the per-customer maximum (counting redemptions that were not cancelled).
 */
export async function listRewardsForCustomer(
  tx: Tx,
  input: { customerId: string; now: Date; nextLimit?: number },
): Promise<RewardsForCustomer> {
  const at = sql.timestamp(input.now);
  const rewards = await tx.any(sql.type(rewardRecordSchema)`
    SELECT ${rewardColumns}
    FROM rewards r
    WHERE is_active AND deleted_at IS NULL
      AND (valid_from IS NULL OR valid_from <= ${at})
      AND (valid_until IS NULL OR valid_until > ${at})
      AND (stock_quantity IS NULL OR stock_quantity > 0)
      AND (max_redemptions_per_customer IS NULL OR max_redemptions_per_customer > (
        SELECT count(*) FROM reward_redemptions rr
        WHERE rr.reward_id = r.id AND rr.customer_id = ${input.customerId} AND rr.status <> 'cancelled'
      ))
    ORDER BY points_required, name, id
  `);
  const { balance } = await getBalance(tx, input.customerId);
  return {
    balance,
    affordable: rewards.filter((reward) => reward.pointsRequired <= balance),
    next: rewards.filter((reward) => reward.pointsRequired > balance).slice(0, input.nextLimit ?? 3),
  };
}
