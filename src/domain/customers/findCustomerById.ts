import { sql, type Tx } from "../../db/sql.ts";
import { customerColumns, customerRecordSchema, type Customer } from "./customerRecord.ts";

/** The current tenant's customer with this id (not deleted), or null. */
export async function findCustomerById(tx: Tx, customerId: string): Promise<Customer | null> {
  return tx.maybeOne(sql.type(customerRecordSchema)`
    SELECT ${customerColumns} FROM customers WHERE id = ${customerId} AND deleted_at IS NULL
  `);
}
