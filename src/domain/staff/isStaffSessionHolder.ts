import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const existsRow = z.object({ x: z.number() });

/**
 * Whether the staff member of an open chat session may still hold it: not deleted, not disabled,
 * still on the phone the session was opened from, and still with a PIN. The engine asks on every
 * message, so a change made by the owner ends the session at once (DESIGN.md §3).
 * Call it with the session's tenant set (withTenant / enterTenant).
 */
export async function isStaffSessionHolder(tx: Tx, input: { staffUserId: string; phoneNumber: string }): Promise<boolean> {
  return tx.exists(sql.type(existsRow)`
    SELECT 1 AS x FROM vendor_users
    WHERE id = ${input.staffUserId} AND phone_number = ${input.phoneNumber}
      AND deleted_at IS NULL AND COALESCE(is_active, true)
      AND COALESCE(pin_enabled, false) AND staff_pin_hash IS NOT NULL
  `);
}
