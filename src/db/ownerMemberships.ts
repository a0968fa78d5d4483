import { z } from "zod";
import { sql, type Tx } from "./sql.ts";

const ownerRow = z.object({
  tenant_id: z.uuid(),
  user_id: z.uuid(),
  vendor_code: z.string(),
  business_name: z.string(),
});

export type OwnerMembership = { tenantId: string; userId: string; vendorCode: string; businessName: string };

/**
 * The businesses this phone owns (platform path): active owners with a PIN whose tenant still
 * exists. Owners of a paused tenant are included (they may still sign in to pay).
 */
export async function listOwnerMembershipsByPhone(tx: Tx, phone: string): Promise<OwnerMembership[]> {
  const rows = await tx.any(sql.type(ownerRow)`
    SELECT u.tenant_id, u.id AS user_id, t.vendor_code, t.business_name
    FROM vendor_users u JOIN tenants t ON t.id = u.tenant_id
    WHERE u.phone_number = ${phone} AND u.role = 'owner' AND u.is_active = true AND u.deleted_at IS NULL
      AND u.pin_enabled = true AND u.staff_pin_hash IS NOT NULL AND t.deleted_at IS NULL
    ORDER BY t.business_name, u.tenant_id
  `);
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    userId: row.user_id,
    vendorCode: row.vendor_code,
    businessName: row.business_name,
  }));
}

const sessionOwnerRow = z.object({ ok: z.boolean() });

/**
 * Whether an owner session may go on (tenant path): the user is still an active owner with a
 * PIN and still has this phone. A disabled user, a removed PIN or a changed phone ends it.
 */
export async function isOwnerSessionValid(tx: Tx, input: { ownerUserId: string; phone: string }): Promise<boolean> {
  const row = await tx.maybeOne(sql.type(sessionOwnerRow)`
    SELECT COALESCE(role = 'owner' AND is_active = true AND deleted_at IS NULL AND pin_enabled = true
            AND staff_pin_hash IS NOT NULL AND phone_number = ${input.phone}, false) AS ok
    FROM vendor_users WHERE id = ${input.ownerUserId}
  `);
  return row?.ok ?? false;
}
