import { sql, type Tx } from "../../db/sql.ts";
import { staffColumns, staffRecordSchema, type StaffMember } from "./staffRecord.ts";

/**
 * The current tenant's active vendor user with this WhatsApp id, or null. Under RLS another
 * tenant's staff are never found, so a phone that is staff at A is not staff at B.
 */
export async function findStaffByPhone(tx: Tx, phone: string): Promise<StaffMember | null> {
  return tx.maybeOne(sql.type(staffRecordSchema)`
    SELECT ${staffColumns} FROM vendor_users
    WHERE phone_number = ${phone} AND deleted_at IS NULL AND COALESCE(is_active, true)
  `);
}
