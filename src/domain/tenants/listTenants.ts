import { sql, type Tx } from "../../db/sql.ts";
import { selectTenants, tenantRecordSchema, type Tenant } from "./tenantRecord.ts";

export type ListTenantsInput = {
  status?: string;
  /** Matches the business name, vendor code or phone number. */
  search?: string;
  /** The id of the last tenant of the previous page. */
  after: string | null;
  /** Rows to return; one more is read to know whether a next page exists. */
  limit: number;
};

/** Tenants newest first (platform path); soft-deleted tenants are left out. */
export async function listTenants(tx: Tx, input: ListTenantsInput): Promise<readonly Tenant[]> {
  const filters = [sql.fragment`t.deleted_at IS NULL`];
  if (input.status !== undefined)
    filters.push(sql.fragment`COALESCE(t.subscription_status, 'trial') = ${input.status}`);
  if (input.search !== undefined) {
    const term = input.search.toLowerCase();
    filters.push(
      sql.fragment`(strpos(lower(t.business_name), ${term}) > 0 OR strpos(lower(t.vendor_code), ${term}) > 0 OR strpos(t.phone_number, ${term}) > 0)`,
    );
  }
  if (input.after !== null) {
    filters.push(sql.fragment`(t.created_at, t.id) < (SELECT created_at, id FROM tenants WHERE id = ${input.after})`);
  }
  return tx.any(sql.type(tenantRecordSchema)`
    ${selectTenants} WHERE ${sql.join(filters, sql.fragment` AND `)}
    ORDER BY t.created_at DESC, t.id DESC
    LIMIT ${input.limit + 1}
  `);
}
