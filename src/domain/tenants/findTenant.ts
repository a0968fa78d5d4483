import { sql, type Tx } from "../../db/sql.ts";
import { selectTenants, tenantRecordSchema, type Tenant } from "./tenantRecord.ts";

/** A tenant by id (platform path, or the tenant itself under RLS), or null; soft-deleted ones are not found. */
export async function findTenant(tx: Tx, tenantId: string): Promise<Tenant | null> {
  return tx.maybeOne(sql.type(tenantRecordSchema)`${selectTenants} WHERE t.id = ${tenantId} AND t.deleted_at IS NULL`);
}
