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
  /** Unspent earned lots, first to be spent first. */
  lots: OpenLot[];
  /** The latest ledger rows, newest first. */
  history: readonly LedgerEntry[];
};

const notesRow = z.object({ notes: z.string().nullable() });

const lotRow = z.object({ id: z.string(), points_remaining: z.number().int(), expires_at: z.date().nullable(), created_at: z.date() });

/** One of the current tenant's customers with balance, open lots and recent history, or null. */
export async function findCustomerDetail(tx: Tx, customerId: string, historyLimit = 50): Promise<CustomerDetail | null> {
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
  `);
  return {
    customer,
    notes,
    balance: await getBalance(tx, customerId),
    lots: lots.map((lot) => ({ id: lot.id, pointsRemaining: lot.points_remaining, expiresAt: lot.expires_at, createdAt: lot.created_at })),
    history: await getHistory(tx, customerId, historyLimit),
  };
}
