import { sql, type Tx } from "../../db/sql.ts";
import { ledgerColumns, ledgerEntrySchema, type LedgerEntry } from "./ledgerEntry.ts";

/**
 * A customer's latest ledger rows, newest first; each row's description and metadata say what
 * caused it.
 * @throws RangeError when `limit` is not a positive integer.
 */
export async function getHistory(tx: Tx, customerId: string, limit: number): Promise<readonly LedgerEntry[]> {
  if (!Number.isSafeInteger(limit) || limit <= 0)
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  return tx.any(sql.type(ledgerEntrySchema)`
    SELECT ${ledgerColumns}
    FROM points_transactions
    WHERE customer_id = ${customerId}
    ORDER BY created_at DESC, id DESC
    LIMIT ${limit}
  `);
}
