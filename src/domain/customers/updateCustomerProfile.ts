import { sql, type Tx } from "../../db/sql.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { customerColumns, customerRecordSchema, type Customer } from "./customerRecord.ts";

export type CustomerProfileChanges = {
  tags?: string[];
  notes?: string | null;
  birthDate?: string | null;
  /** Blocked customers earn nothing and get no broadcasts; unblocking makes them active again. */
  blocked?: boolean;
};

/**
 * Changes what a vendor keeps about a customer (tags, notes, birth date) or blocks/unblocks
 * them, with an audit row (`customer.updated`, or `customer.blocked` / `customer.unblocked`).
 * @returns null when the customer is not the tenant's.
 */
export async function updateCustomerProfile(
  tx: Tx,
  input: { tenantId: string; customerId: string; userId: string | null; changes: CustomerProfileChanges },
): Promise<Customer | null> {
  const before = await tx.maybeOne(sql.type(customerRecordSchema)`
    SELECT ${customerColumns} FROM customers WHERE id = ${input.customerId} AND deleted_at IS NULL FOR UPDATE
  `);
  if (before === null) return null;
  const c = input.changes;
  const sets = [sql.fragment`updated_at = now()`];
  if (c.tags !== undefined) sets.push(sql.fragment`tags = ${sql.jsonb([...new Set(c.tags)])}`);
  if (c.notes !== undefined) sets.push(sql.fragment`notes = ${c.notes}`);
  if (c.birthDate !== undefined) sets.push(sql.fragment`birth_date = ${c.birthDate}::date`);
  if (c.blocked !== undefined) sets.push(sql.fragment`loyalty_status = ${c.blocked ? "blocked" : "active"}`);
  const customer = await tx.one(sql.type(customerRecordSchema)`
    UPDATE customers SET ${sql.join(sets, sql.fragment`, `)} WHERE id = ${input.customerId} RETURNING ${customerColumns}
  `);
  const action =
    c.blocked === undefined || c.blocked === (before.loyaltyStatus === "blocked")
      ? "customer.updated"
      : c.blocked
        ? "customer.blocked"
        : "customer.unblocked";
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.userId),
    action,
    entityType: "customer",
    entityId: customer.id,
    oldValues: { loyaltyStatus: before.loyaltyStatus, tags: before.tags },
    newValues: { loyaltyStatus: customer.loyaltyStatus, tags: customer.tags, notesChanged: c.notes !== undefined },
  });
  return customer;
}
