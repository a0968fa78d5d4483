import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { getTenantSettings } from "../tenants/getTenantSettings.ts";
import { cancelRedemption } from "./cancelRedemption.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

const idRow = z.object({ id: z.string() });

/**
 * Cancels and refunds every redemption still pending (unverified) after the tenant's
 * `redemption_window_days` (default 7). Run by the daily job; running it again changes nothing.
 * @returns the ids of the redemptions it cancelled.
 */
export async function cancelStaleRedemptions(
  tx: Tx,
  input: { tenantId: string; now: Date },
): Promise<{ cancelled: string[] }> {
  const settings = await getTenantSettings(tx, input.tenantId);
  const cutoff = new Date(input.now.getTime() - settings.redemption_window_days * DAY_MS);
  const stale = await tx.anyFirst(sql.type(idRow)`
    SELECT id FROM reward_redemptions
    WHERE tenant_id = ${input.tenantId} AND status IN ('pending', 'confirmed') AND created_at <= ${sql.timestamp(cutoff)}
    ORDER BY created_at, id
  `);
  const cancelled: string[] = [];
  for (const redemptionId of stale) {
    const result = await cancelRedemption(tx, {
      redemptionId,
      reason: `Not collected within ${settings.redemption_window_days} days`,
      userId: null,
      now: input.now,
    });
    if (result.ok) cancelled.push(redemptionId);
  }
  return { cancelled };
}
