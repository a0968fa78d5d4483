import { sql, type Tx } from "../../db/sql.ts";
import { customerColumns, customerRecordSchema, type Customer } from "./customerRecord.ts";

export type SetOptInResult = { ok: true; customer: Customer } | { ok: false; reason: "not_found" };

/**
 * Records marketing consent (`START`) or its withdrawal (`STOP`) with its time. Service replies
 * are not affected; broadcasts skip customers who are not opted in.
 */
export async function setOptIn(
  tx: Tx,
  input: { customerId: string; optedIn: boolean; now: Date },
): Promise<SetOptInResult> {
  const at = sql.timestamp(input.now);
  const customer = await tx.maybeOne(sql.type(customerRecordSchema)`
    UPDATE customers SET
      opted_in = ${input.optedIn},
      opted_in_at = CASE WHEN ${input.optedIn} THEN ${at} ELSE opted_in_at END,
      opted_out_at = CASE WHEN ${input.optedIn} THEN opted_out_at ELSE ${at} END
    WHERE id = ${input.customerId} AND deleted_at IS NULL
    RETURNING ${customerColumns}
  `);
  return customer === null ? { ok: false, reason: "not_found" } : { ok: true, customer };
}
