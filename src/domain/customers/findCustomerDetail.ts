import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { getBalance, type Balance } from "../ledger/getBalance.ts";
import { getHistory } from "../ledger/getHistory.ts";
import type { LedgerEntry } from "../ledger/ledgerEntry.ts";
import { customerColumns, customerRecordSchema, type Customer } from "./customerRecord.ts";

export type OpenLot = { id: string; pointsRemaining: number; expiresAt: Date | null; createdAt: Date };

export type CustomerDetail = {
  customer: Customer;
  notes: string | null;
  balance: Balance;
  /** A page of the unspent earned lots, first to be spent first. */
  lots: OpenLot[];
  /** The offset of the next page of lots, or null after the last. */
  lotsNextOffset: number | null;
  /** The latest ledger rows, newest first. */
  history: readonly LedgerEntry[];
};

const notesRow = z.object({ notes: z.string().nullable() });

const lotRow = z.object({
  id: z.string(),
  points_remaining: z.number().int(),
  expires_at: z.date().nullable(),
  created_at: z.date(),
});

/**
 * One of the current tenant's customers with balance, a page of open lots and recent history, or
 * null. A loyal customer can hold thousands of lots: they come a page at a time.
 */
export async function findCustomerDetail(
  tx: Tx,
  customerId: string,
  historyLimit = 50,
  lotsPage: { limit: number; offset: number } = { limit: 50, offset: 0 },
): Promise<CustomerDetail | null> {
  const customer = await tx.maybeOne(sql.type(customerRecordSchema)`
    SELECT ${customerColumns} FROM customers WHERE id = ${customerId} AND deleted_at IS NULL
  `);
  if (customer === null) return null;
  const notes = await tx.oneFirst(sql.type(notesRow)`
    SELECT notes FROM customers WHERE id = ${customerId}
  `);
  const lots = await tx.any(sql.type(lotRow)`
    SELECT id, points_remaining, expires_at, created_at FROM points_transactions
    WHERE customer_id = ${customerId} AND points_remaining > 0 AND expired = false
    ORDER BY expires_at ASC NULLS LAST, created_at ASC, id ASC
    LIMIT ${lotsPage.limit + 1} OFFSET ${lotsPage.offset}
  `);
  const more = lots.length > lotsPage.limit;
  return {
    customer,
    notes,
    balance: await getBalance(tx, customerId),
    lotsNextOffset: more ? lotsPage.offset + lotsPage.limit : null,
    lots: lots.slice(0, lotsPage.limit).map((lot) => ({
      id: lot.id,
      pointsRemaining: lot.points_remaining,
      expiresAt: lot.expires_at,
      createdAt: lot.created_at,
    })),
    history: await getHistory(tx, customerId, historyLimit),
  };
}
