import { z } from "zod";
import { sql, type Tx } from "./sql.ts";

const phoneNumberRow = z.object({ phone_number: z.string() });
const jsonValue = z.json();

/**
 * Starts, extends or (with null) ends an owner session on the sender's contact row (platform
 * level, no tenant_id) and stores the owner flow's state, like saveStaffSession does for staff.
 */
export async function saveOwnerSession(
  tx: Tx,
  phone: string,
  session: { tenantId: string; ownerUserId: string; expiresAt: Date; state: unknown } | null,
): Promise<void> {
  await tx.query(sql.type(phoneNumberRow)`
    UPDATE contacts SET
      owner_tenant_id = ${session?.tenantId ?? null},
      owner_user_id = ${session?.ownerUserId ?? null},
      owner_session_expires_at = ${session === null ? null : sql.timestamp(session.expiresAt)},
      owner_state = ${sql.jsonb(jsonValue.parse(session?.state ?? {}))}
    WHERE phone_number = ${phone}
    RETURNING phone_number
  `);
}

/**
 * Ends every staff session a vendor user holds (a staff member removed by the owner loses the
 * chat at once, not when the session times out). The contacts table is platform-level without
 * tenant policies; the user id names one tenant's user.
 */
export async function endStaffSessionsOf(tx: Tx, staffUserId: string): Promise<number> {
  const rows = await tx.any(sql.type(phoneNumberRow)`
    UPDATE contacts SET staff_tenant_id = NULL, staff_user_id = NULL, staff_session_expires_at = NULL, staff_state = '{}'
    WHERE staff_user_id = ${staffUserId}
    RETURNING phone_number
  `);
  return rows.length;
}
