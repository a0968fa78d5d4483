import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { computeDailyMetrics, type DailyMetrics } from "./computeDailyMetrics.ts";

const idRow = z.object({ id: z.string() });

/**
 * Computes a tenant's figures for one local day and writes them to its one daily_metrics row
 * (inserted, or replaced on a rerun), so the row always equals what the raw tables say.
 */
export async function upsertDailyMetrics(
  tx: Tx,
  input: { tenantId: string; date: string; timezone: string },
): Promise<DailyMetrics> {
  const m = await computeDailyMetrics(tx, input);
  await tx.query(sql.type(idRow)`
    INSERT INTO daily_metrics (
      tenant_id, metric_date, new_customers, active_customers, churned_customers, total_purchases,
      total_revenue_ngn, average_order_value_ngn, points_earned, points_redeemed, points_expired,
      rewards_redeemed, messages_received, messages_sent
    ) VALUES (
      ${input.tenantId}, ${input.date}::date, ${m.new_customers}, ${m.active_customers}, ${m.churned_customers},
      ${m.total_purchases}, ${m.total_revenue_ngn}, ${m.average_order_value_ngn}, ${m.points_earned},
      ${m.points_redeemed}, ${m.points_expired}, ${m.rewards_redeemed}, ${m.messages_received}, ${m.messages_sent}
    )
    ON CONFLICT (tenant_id, metric_date) DO UPDATE SET
      new_customers = EXCLUDED.new_customers, active_customers = EXCLUDED.active_customers,
      churned_customers = EXCLUDED.churned_customers, total_purchases = EXCLUDED.total_purchases,
      total_revenue_ngn = EXCLUDED.total_revenue_ngn, average_order_value_ngn = EXCLUDED.average_order_value_ngn,
      points_earned = EXCLUDED.points_earned, points_redeemed = EXCLUDED.points_redeemed,
      points_expired = EXCLUDED.points_expired, rewards_redeemed = EXCLUDED.rewards_redeemed,
      messages_received = EXCLUDED.messages_received, messages_sent = EXCLUDED.messages_sent
    RETURNING id
  `);
  return m;
}
