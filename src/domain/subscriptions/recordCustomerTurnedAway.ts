import { createHash } from "node:crypto";
import { noRows, sql, type Tx } from "../../db/sql.ts";

/**
 * Counts a person refused because the plan's customer limit is reached, on the caller's
 * transaction: one row per phone (stored as a hash salted with the tenant id — no number is
 * kept for someone who is not a customer), its latest attempt dating it into a billing period.
 */
export async function recordCustomerTurnedAway(
  tx: Tx,
  input: { tenantId: string; phone: string; now: Date },
): Promise<void> {
  const phoneHash = createHash("sha256").update(`${input.tenantId}:${input.phone}`).digest("hex");
  const at = sql.timestamp(input.now);
  await tx.query(sql.type(noRows)`
    INSERT INTO customer_limit_refusals (tenant_id, phone_hash, first_refused_at, last_refused_at)
    VALUES (${input.tenantId}, ${phoneHash}, ${at}, ${at})
    ON CONFLICT (tenant_id, phone_hash)
    DO UPDATE SET last_refused_at = GREATEST(customer_limit_refusals.last_refused_at, EXCLUDED.last_refused_at),
                  attempts = customer_limit_refusals.attempts + 1
  `);
}
