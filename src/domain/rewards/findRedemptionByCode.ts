import { sql, type Tx } from "../../db/sql.ts";
import {
  normaliseRedemptionCode,
  redemptionRecordSchema,
  selectRedemptions,
  type Redemption,
} from "./redemptionRecord.ts";

/**
 * The current tenant's redemption with this code (as typed: case, spaces and dashes are
 * forgiven), or null. Another tenant's code is not found (RLS).
 */
export async function findRedemptionByCode(tx: Tx, code: string): Promise<Redemption | null> {
  return tx.maybeOne(sql.type(redemptionRecordSchema)`
    ${selectRedemptions} WHERE rr.redemption_code = ${normaliseRedemptionCode(code)}
  `);
}
