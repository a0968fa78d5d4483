import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { ledgerColumns, ledgerEntrySchema, type LedgerEntry } from "./ledgerEntry.ts";
import { newTimeOrderedId } from "./newTimeOrderedId.ts";

const jsonValue = z.json();

export type CreditPointsInput = {
  tenantId: string;
  customerId: string;
  type: "earned" | "reversed" | "adjusted";
  /** A positive integer. */
  points: number;
  /** When the lot's unspent rest expires; null never expires. */
  expiresAt: Date | null;
  description: string;
  /** Why the points were given (rule, campaign, reason): the customer's history explains every point. */
  metadata: Record<string, unknown>;
  purchaseId?: string | null;
  rewardRedemptionId?: string | null;
  campaignId?: string | null;
  createdByUserId?: string | null;
};

/**
 * Adds points to a customer as one ledger row that is also a spendable lot
 * (`points_remaining = points`). The balance row moves by trigger in the same transaction.
 * Credits never lock the customer row: they cannot make a balance short.
 * @throws RangeError when `points` is not a positive integer (a caller bug).
 */
export async function creditPoints(tx: Tx, input: CreditPointsInput): Promise<LedgerEntry> {
  if (!Number.isSafeInteger(input.points) || input.points <= 0) {
    throw new RangeError(`credit points must be a positive integer, got ${input.points}`);
  }
  return tx.one(sql.type(ledgerEntrySchema)`
    INSERT INTO points_transactions (
      id, tenant_id, customer_id, transaction_type, points, points_remaining, expires_at,
      description, metadata, purchase_id, reward_redemption_id, campaign_id, created_by_user_id, created_at
    ) VALUES (
      ${newTimeOrderedId()}, ${input.tenantId}, ${input.customerId}, ${input.type}, ${input.points}, ${input.points},
      ${input.expiresAt === null ? null : sql.timestamp(input.expiresAt)},
      ${input.description}, ${sql.jsonb(jsonValue.parse(input.metadata))},
      ${input.purchaseId ?? null}, ${input.rewardRedemptionId ?? null}, ${input.campaignId ?? null},
      ${input.createdByUserId ?? null}, clock_timestamp()
    )
    RETURNING ${ledgerColumns}
  `);
}
