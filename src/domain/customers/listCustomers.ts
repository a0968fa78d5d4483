import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { customerColumns, customerRecordSchema, type Customer } from "./customerRecord.ts";

export type CustomerFilters = {
  loyaltyStatus?: string;
  /** Customers carrying this tag. */
  tag?: string;
  optedIn?: boolean;
  minPoints?: number;
  maxPoints?: number;
  minPurchases?: number;
  lastPurchaseBefore?: Date;
  lastPurchaseAfter?: Date;
  /** Part of the phone number or of the WhatsApp name. */
  search?: string;
};

export type CustomerWithBalance = Customer & { balance: number };

const balanceRow = z.object({ customer_id: z.string(), current_balance: z.number().int() });

/**
 * The current tenant's customers (not deleted) matching the filters, newest first, `limit + 1`
 * rows, each with its balance.
 */
export async function listCustomers(
  tx: Tx,
  input: CustomerFilters & { after: string | null; limit: number },
): Promise<CustomerWithBalance[]> {
  const balance = sql.fragment`COALESCE((SELECT b.current_balance FROM customer_points_balance b WHERE b.customer_id = customers.id), 0)`;
  const filters = [sql.fragment`deleted_at IS NULL`];
  if (input.loyaltyStatus !== undefined)
    filters.push(sql.fragment`COALESCE(loyalty_status, 'active') = ${input.loyaltyStatus}`);
  if (input.tag !== undefined) filters.push(sql.fragment`tags @> ${sql.jsonb([input.tag])}`);
  if (input.optedIn !== undefined) filters.push(sql.fragment`COALESCE(opted_in, false) = ${input.optedIn}`);
  if (input.minPoints !== undefined) filters.push(sql.fragment`${balance} >= ${input.minPoints}`);
  if (input.maxPoints !== undefined) filters.push(sql.fragment`${balance} <= ${input.maxPoints}`);
  if (input.minPurchases !== undefined)
    filters.push(sql.fragment`COALESCE(total_purchases, 0) >= ${input.minPurchases}`);
  if (input.lastPurchaseBefore !== undefined)
    filters.push(sql.fragment`last_purchase_at < ${sql.timestamp(input.lastPurchaseBefore)}`);
  if (input.lastPurchaseAfter !== undefined)
    filters.push(sql.fragment`last_purchase_at > ${sql.timestamp(input.lastPurchaseAfter)}`);
  if (input.search !== undefined) {
    const term = input.search.toLowerCase();
    filters.push(
      sql.fragment`(strpos(phone_number, ${term.replace(/\D/g, "") || term}) > 0 OR strpos(lower(COALESCE(whatsapp_name, '')), ${term}) > 0)`,
    );
  }
  if (input.after !== null)
    filters.push(sql.fragment`(created_at, id) < (SELECT created_at, id FROM customers WHERE id = ${input.after})`);
  const customers = await tx.any(sql.type(customerRecordSchema)`
    SELECT ${customerColumns} FROM customers WHERE ${sql.join(filters, sql.fragment` AND `)}
    ORDER BY created_at DESC, id DESC LIMIT ${input.limit + 1}
  `);
  if (customers.length === 0) return [];
  const balances = await tx.any(sql.type(balanceRow)`
    SELECT customer_id, current_balance FROM customer_points_balance
    WHERE customer_id = ANY(${sql.array(
      customers.map((c) => c.id),
      "uuid",
    )})
  `);
  const byId = new Map(balances.map((b) => [b.customer_id, b.current_balance]));
  return customers.map((c) => ({ ...c, balance: byId.get(c.id) ?? 0 }));
}
