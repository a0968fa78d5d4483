import { z } from "zod";
import { sql, type Tx } from "./sql.ts";

const membershipRow = z.object({ tenant_id: z.uuid(), user_id: z.uuid(), needs_pin: z.boolean() });

export type StaffMembership = { tenantId: string; userId: string; needsPin: boolean };

/**
 * Tenants where this phone may open a staff chat (platform path): an active vendor user with a
 * PIN, or one added in the owner chat who has not chosen a PIN yet and may still do so
 * (`needsPin`). A PIN a manager removed leaves neither, so the staff chat stays shut.
 */
export async function listStaffMembershipsByPhone(tx: Tx, phone: string, now: Date): Promise<StaffMembership[]> {
  const rows = await tx.any(sql.type(membershipRow)`
    SELECT tenant_id, id AS user_id, NOT COALESCE(pin_enabled = true AND staff_pin_hash IS NOT NULL, false) AS needs_pin
    FROM vendor_users
    WHERE phone_number = ${phone} AND is_active = true AND deleted_at IS NULL
      AND (
        (pin_enabled = true AND staff_pin_hash IS NOT NULL)
        OR (staff_pin_hash IS NULL AND pin_setup_until > ${sql.timestamp(now)})
      )
  `);
  return rows.map((row) => ({ tenantId: row.tenant_id, userId: row.user_id, needsPin: row.needs_pin }));
}
