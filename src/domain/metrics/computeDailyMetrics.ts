import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

/** A customer with no purchase for this many days after their last one counts as churned on that day. */
export const CHURN_DAYS = 90;

export const dailyMetricsSchema = z.object({
  new_customers: z.number().int(),
  active_customers: z.number().int(),
  churned_customers: z.number().int(),
  total_purchases: z.number().int(),
  total_revenue_ngn: z.number().int(),
  average_order_value_ngn: z.number().int(),
  points_earned: z.number().int(),
  points_redeemed: z.number().int(),
  points_expired: z.number().int(),
  rewards_redeemed: z.number().int(),
  messages_received: z.number().int(),
  messages_sent: z.number().int(),
});

export type DailyMetrics = z.infer<typeof dailyMetricsSchema>;

/**
 * One tenant's figures for one calendar day in its timezone (`date` is `YYYY-MM-DD`), computed
 * from the raw tables:
 * - new_customers: customers created that day; active_customers: distinct customers who made
 *   a purchase or sent a message that day; churned_customers: customers whose latest purchase
 *   (as of the day's end) was exactly {@link CHURN_DAYS} days before, i.e. who churned that day
 * - total_purchases, total_revenue_ngn (kobo), average_order_value_ngn (kobo, rounded)
 * - points_earned / points_redeemed / points_expired: the day's `earned`, `redeemed` and
 *   `expired` ledger rows (as positive numbers)
 * - rewards_redeemed: redemptions made that day (later cancellations do not change the day)
 * - messages_received: inbound messages routed to the tenant; messages_sent: outbound messages
 *   Meta accepted that day
 */
export async function computeDailyMetrics(
  tx: Tx,
  input: { tenantId: string; date: string; timezone: string },
): Promise<DailyMetrics> {
  const tenantId = input.tenantId;
  const dayStart = sql.fragment`((${input.date}::date)::timestamp AT TIME ZONE ${input.timezone})`;
  const dayEnd = sql.fragment`((${input.date}::date + 1)::timestamp AT TIME ZONE ${input.timezone})`;
  const churn = sql.interval({ days: CHURN_DAYS });
  return tx.one(sql.type(dailyMetricsSchema)`
    WITH day_purchases AS (
      SELECT customer_id, amount_ngn FROM purchases
      WHERE tenant_id = ${tenantId} AND created_at >= ${dayStart} AND created_at < ${dayEnd}
    ),
    day_ledger AS (
      SELECT transaction_type, points FROM points_transactions
      WHERE tenant_id = ${tenantId} AND created_at >= ${dayStart} AND created_at < ${dayEnd}
    ),
    day_messages AS (
      SELECT direction, customer_id, sent_at, created_at FROM whatsapp_messages
      WHERE tenant_id = ${tenantId}
        AND ((direction = 'inbound' AND created_at >= ${dayStart} AND created_at < ${dayEnd})
          OR (direction = 'outbound' AND sent_at >= ${dayStart} AND sent_at < ${dayEnd}))
    ),
    last_purchases AS (
      SELECT customer_id, max(created_at) AS last_at FROM purchases
      WHERE tenant_id = ${tenantId} AND created_at < ${dayEnd}
      GROUP BY customer_id
    )
    SELECT
      (SELECT count(*) FROM customers WHERE tenant_id = ${tenantId} AND created_at >= ${dayStart} AND created_at < ${dayEnd}) AS new_customers,
      (SELECT count(*) FROM (
        SELECT customer_id FROM day_purchases
        UNION SELECT customer_id FROM day_messages WHERE direction = 'inbound' AND customer_id IS NOT NULL
      ) active) AS active_customers,
      (SELECT count(*) FROM last_purchases
        WHERE last_at >= ${dayStart} - ${churn} AND last_at < ${dayEnd} - ${churn}) AS churned_customers,
      (SELECT count(*) FROM day_purchases) AS total_purchases,
      (SELECT COALESCE(sum(amount_ngn), 0) FROM day_purchases) AS total_revenue_ngn,
      (SELECT COALESCE(round(avg(amount_ngn)), 0) FROM day_purchases) AS average_order_value_ngn,
      (SELECT COALESCE(sum(points), 0) FROM day_ledger WHERE transaction_type = 'earned') AS points_earned,
      (SELECT COALESCE(-sum(points), 0) FROM day_ledger WHERE transaction_type = 'redeemed') AS points_redeemed,
      (SELECT COALESCE(-sum(points), 0) FROM day_ledger WHERE transaction_type = 'expired') AS points_expired,
      (SELECT count(*) FROM reward_redemptions WHERE tenant_id = ${tenantId} AND created_at >= ${dayStart} AND created_at < ${dayEnd}) AS rewards_redeemed,
      (SELECT count(*) FROM day_messages WHERE direction = 'inbound') AS messages_received,
      (SELECT count(*) FROM day_messages WHERE direction = 'outbound') AS messages_sent
  `);
}
