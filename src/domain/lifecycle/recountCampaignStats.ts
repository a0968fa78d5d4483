import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const countRow = z.object({ count: z.number().int() });

/**
 * Keeps `campaigns.total_participants` (distinct customers the campaign awarded points to) and
 * `total_conversions` (purchases it awarded points on) in step with the ledger, for the campaigns
 * that can still change: active or paused ones, and those ended within the last day (their last
 * awards land before the end). The ledger rows name their campaign, so the counts are derived,
 * never incremented, and a rerun gives the same numbers.
 */
export async function recountCampaignStats(tx: Tx, input: { now: Date }): Promise<{ campaignsRecounted: number }> {
  const since = sql.timestamp(new Date(input.now.getTime() - 24 * 60 * 60 * 1000));
  const campaignsRecounted = await tx.oneFirst(sql.type(countRow)`
    WITH recounted AS (
      UPDATE campaigns c SET
        total_participants = s.participants,
        total_conversions = s.conversions
      FROM (
        SELECT c2.id,
               (SELECT count(DISTINCT t.customer_id) FROM points_transactions t
                 WHERE t.campaign_id = c2.id AND t.transaction_type = 'earned')::int AS participants,
               (SELECT count(DISTINCT t.purchase_id) FROM points_transactions t
                 WHERE t.campaign_id = c2.id AND t.transaction_type = 'earned' AND t.purchase_id IS NOT NULL)::int AS conversions
        FROM campaigns c2
        WHERE c2.status IN ('active', 'paused') OR (c2.status = 'completed' AND c2.ends_at > ${since})
      ) s
      WHERE c.id = s.id AND (c.total_participants IS DISTINCT FROM s.participants OR c.total_conversions IS DISTINCT FROM s.conversions)
      RETURNING 1
    )
    SELECT count(*)::int AS count FROM recounted
  `);
  return { campaignsRecounted };
}
