import { sql, type Tx } from "../../db/sql.ts";
import { customerColumns, customerRecordSchema, type Customer } from "./customerRecord.ts";

/**
 * The current tenant's customer with this WhatsApp id (`2348012345678`, already normalised),
 * or null. Soft-deleted customers are not found.
 */
export async function findCustomerByPhone(tx: Tx, phone: string): Promise<Customer | null> {
  return tx.maybeOne(sql.type(customerRecordSchema)`
    SELECT ${customerColumns} FROM customers WHERE phone_number = ${phone} AND deleted_at IS NULL
  `);
}
