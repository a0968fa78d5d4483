import { z } from "zod";
import { sql } from "../../db/sql.ts";

export const ledgerTransactionTypeSchema = z.enum(["earned", "redeemed", "expired", "adjusted", "reversed"]);

export type LedgerTransactionType = z.infer<typeof ledgerTransactionTypeSchema>;

/** One points_transactions row, as the domain sees it. */
export const ledgerEntrySchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    customer_id: z.string(),
    transaction_type: ledgerTransactionTypeSchema,
    points: z.number().int(),
    points_remaining: z.number().int().nullable(),
    purchase_id: z.string().nullable(),
    reward_redemption_id: z.string().nullable(),
    campaign_id: z.string().nullable(),
    description: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    expires_at: z.date().nullable(),
    expired: z.boolean(),
    created_by_user_id: z.string().nullable(),
    created_at: z.date(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    customerId: row.customer_id,
    type: row.transaction_type,
    points: row.points,
    /** Unspent points of a credit lot; null on debits. */
    pointsRemaining: row.points_remaining,
    purchaseId: row.purchase_id,
    rewardRedemptionId: row.reward_redemption_id,
    campaignId: row.campaign_id,
    description: row.description,
    metadata: row.metadata,
    expiresAt: row.expires_at,
    expired: row.expired,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
  }));

export type LedgerEntry = z.output<typeof ledgerEntrySchema>;

/** The column list matching {@link ledgerEntrySchema}, for RETURNING and SELECT. */
export const ledgerColumns = sql.fragment`
  id, tenant_id, customer_id, transaction_type, points, points_remaining, purchase_id,
  reward_redemption_id, campaign_id, description, metadata, expires_at, expired,
  created_by_user_id, created_at
`;
