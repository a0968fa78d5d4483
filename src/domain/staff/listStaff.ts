import { sql, type Tx } from "../../db/sql.ts";
import { staffColumns, staffRecordSchema, type StaffMember } from "./staffRecord.ts";

/** The current tenant's vendor users (not deleted), newest first, `limit + 1` rows; one with `id`. */
export async function listStaff(
  tx: Tx,
  input: { id?: string; after: string | null; limit: number },
): Promise<readonly StaffMember[]> {
  const filters = [sql.fragment`deleted_at IS NULL`];
  if (input.id !== undefined) filters.push(sql.fragment`id = ${input.id}`);
  if (input.after !== null)
    filters.push(sql.fragment`(created_at, id) < (SELECT created_at, id FROM vendor_users WHERE id = ${input.after})`);
  return tx.any(sql.type(staffRecordSchema)`
    SELECT ${staffColumns} FROM vendor_users WHERE ${sql.join(filters, sql.fragment` AND `)}
    ORDER BY created_at DESC, id DESC LIMIT ${input.limit + 1}
  `);
}
