import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const reviewerRow = z.object({ role: z.string().nullable(), permissions: z.unknown() });
const permissionsSchema = z.record(z.string(), z.unknown()).catch({});

/**
 * Whether a vendor user may approve or reject receipt claims in chat, by the same rule as the
 * API's approve route: owners always; admins and staff unless their permissions say
 * `can_log_purchases: false` (approval logs a purchase). Read on the tenant's transaction, so
 * another tenant's user is never found.
 */
export async function mayReviewClaims(tx: Tx, userId: string): Promise<boolean> {
  const row = await tx.maybeOne(sql.type(reviewerRow)`
    SELECT role, permissions FROM vendor_users WHERE id = ${userId} AND is_active = true AND deleted_at IS NULL
  `);
  if (row === null) return false;
  if (row.role === "owner") return true;
  return permissionsSchema.parse(row.permissions ?? {})["can_log_purchases"] !== false;
}
