import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const ownedRow = z.object({ id: z.uuid(), business_name: z.string() });

/**
 * The tenant this phone already owns (an active owner user with this phone, or the tenant's own
 * contact phone), or null. Platform path: the phone has no tenant context yet.
 */
export async function findOwnedTenant(
  tx: Tx,
  phoneNumber: string,
): Promise<{ id: string; businessName: string } | null> {
  const row = await tx.maybeOne(sql.type(ownedRow)`
    SELECT t.id, t.business_name FROM tenants t
    WHERE t.deleted_at IS NULL AND (
      t.phone_number = ${phoneNumber}
      OR EXISTS (
        SELECT 1 FROM vendor_users u
        WHERE u.tenant_id = t.id AND u.phone_number = ${phoneNumber} AND u.role = 'owner'
          AND u.deleted_at IS NULL AND u.is_active IS NOT FALSE
      )
    )
    ORDER BY t.created_at
    LIMIT 1
  `);
  return row === null ? null : { id: row.id, businessName: row.business_name };
}
