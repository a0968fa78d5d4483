import { z } from "zod";
import { sql } from "../../db/sql.ts";

export const redemptionStatusSchema = z.enum(["pending", "confirmed", "fulfilled", "cancelled"]);

/** A reward_redemptions row with its reward's name and the customer's phone. */
export const redemptionRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    customer_id: z.string(),
    customer_phone: z.string(),
    reward_id: z.string(),
    reward_name: z.string(),
    points_deducted: z.number().int(),
    status: redemptionStatusSchema,
    redemption_code: z.string(),
    verified_by_user_id: z.string().nullable(),
    verified_at: z.date().nullable(),
    fulfilled_at: z.date().nullable(),
    cancelled_at: z.date().nullable(),
    cancellation_reason: z.string().nullable(),
    created_at: z.date(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    customerId: row.customer_id,
    customerPhone: row.customer_phone,
    rewardId: row.reward_id,
    rewardName: row.reward_name,
    pointsDeducted: row.points_deducted,
    status: row.status,
    code: row.redemption_code,
    verifiedByUserId: row.verified_by_user_id,
    verifiedAt: row.verified_at,
    fulfilledAt: row.fulfilled_at,
    cancelledAt: row.cancelled_at,
    cancellationReason: row.cancellation_reason,
    createdAt: row.created_at,
  }));

export type Redemption = z.output<typeof redemptionRecordSchema>;

/** Selects {@link redemptionRecordSchema} rows; append a WHERE clause. */
export const selectRedemptions = sql.fragment`
  SELECT rr.id, rr.tenant_id, rr.customer_id, c.phone_number AS customer_phone, rr.reward_id,
         r.name AS reward_name, rr.points_deducted, COALESCE(rr.status, 'pending') AS status,
         rr.redemption_code, rr.verified_by_user_id, rr.verified_at, rr.fulfilled_at,
         rr.cancelled_at, rr.cancellation_reason, rr.created_at
  FROM reward_redemptions rr
  JOIN rewards r ON r.id = rr.reward_id
  JOIN customers c ON c.id = rr.customer_id
`;

/** Normalises a typed code: upper case, without spaces or dashes. */
export function normaliseRedemptionCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}
