import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { computeDailyMetrics } from "../metrics/computeDailyMetrics.ts";
import { localDateInTimeZone } from "../rules/localDateInTimeZone.ts";
import { getTenantSettings } from "../tenants/getTenantSettings.ts";

export type DailyFigures = {
  date: string;
  newCustomers: number;
  totalPurchases: number;
  revenueKobo: number;
  pointsEarned: number;
  pointsRedeemed: number;
  pointsExpired: number;
  rewardsRedeemed: number;
  /** Distinct customers who bought or wrote that day. */
  activeCustomers: number;
  /** Customers whose last purchase became 90 days old that day (see computeDailyMetrics). */
  churnedCustomers: number;
  /** Revenue ÷ purchases, in kobo, rounded; 0 without purchases. */
  averageOrderValueKobo: number;
  /** Messages customers sent the vendor, and messages WhatsApp accepted from it. */
  messagesIn: number;
  messagesOut: number;
};

export type AnalyticsSummary = {
  from: string;
  to: string;
  totals: Omit<DailyFigures, "date"> & { customers: number; activeCustomers30d: number };
  days: DailyFigures[];
  topCustomers: {
    id: string;
    phoneNumber: string;
    whatsappName: string | null;
    totalSpentKobo: number;
    totalPurchases: number;
  }[];
};

const figures = z.object({
  date: z.string(),
  new_customers: z.number().int(),
  total_purchases: z.number().int(),
  revenue: z.number().int(),
  points_earned: z.number().int(),
  points_redeemed: z.number().int(),
  points_expired: z.number().int(),
  rewards_redeemed: z.number().int(),
  active_customers: z.number().int(),
  churned_customers: z.number().int(),
  average_order_value: z.number().int(),
  messages_received: z.number().int(),
  messages_sent: z.number().int(),
});

const customerCountsRow = z.object({ customers: z.number().int(), active: z.number().int() });

const topCustomerRow = z.object({
  id: z.string(),
  phone_number: z.string(),
  whatsapp_name: z.string().nullable(),
  total_spent_ngn: z.number().int(),
  total_purchases: z.number().int(),
});

/**
 * The tenant's figures for `from`..`to` (local dates, inclusive): past days from the
 * `daily_metrics` rows the nightly job writes, today computed live (the job has not run yet),
 * plus overall counts and the top customers by spend.
 */
export async function getAnalyticsSummary(
  tx: Tx,
  input: { tenantId: string; from: string; to: string; now: Date; topLimit?: number },
): Promise<AnalyticsSummary> {
  const settings = await getTenantSettings(tx, input.tenantId);
  const local = localDateInTimeZone(input.now, settings.timezone);
  const today = `${local.year}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`;
  const past = await tx.any(sql.type(figures)`
    SELECT metric_date::text AS date, COALESCE(new_customers, 0) AS new_customers, COALESCE(total_purchases, 0) AS total_purchases,
           COALESCE(total_revenue_ngn, 0) AS revenue, COALESCE(points_earned, 0) AS points_earned,
           COALESCE(points_redeemed, 0) AS points_redeemed, COALESCE(points_expired, 0) AS points_expired,
           COALESCE(rewards_redeemed, 0) AS rewards_redeemed, COALESCE(active_customers, 0) AS active_customers,
           COALESCE(churned_customers, 0) AS churned_customers, COALESCE(average_order_value_ngn, 0) AS average_order_value,
           COALESCE(messages_received, 0) AS messages_received, COALESCE(messages_sent, 0) AS messages_sent
    FROM daily_metrics
    WHERE metric_date BETWEEN ${input.from}::date AND ${input.to}::date AND metric_date < ${today}::date
    ORDER BY metric_date
  `);
  const days = past.map(toFigures);
  if (input.from <= today && today <= input.to) {
    // Today is computed the way the nightly job will write it.
    const live = await computeDailyMetrics(tx, { tenantId: input.tenantId, date: today, timezone: settings.timezone });
    days.push(
      toFigures({
        date: today,
        new_customers: live.new_customers,
        total_purchases: live.total_purchases,
        revenue: live.total_revenue_ngn,
        points_earned: live.points_earned,
        points_redeemed: live.points_redeemed,
        points_expired: live.points_expired,
        rewards_redeemed: live.rewards_redeemed,
        active_customers: live.active_customers,
        churned_customers: live.churned_customers,
        average_order_value: live.average_order_value_ngn,
        messages_received: live.messages_received,
        messages_sent: live.messages_sent,
      }),
    );
  }
  // Active over the whole range is distinct customers, not the sum of each day's.
  const tz = settings.timezone;
  const rangeStart = sql.fragment`(${input.from}::date::timestamp AT TIME ZONE ${tz})`;
  const rangeEnd = sql.fragment`((${input.to}::date + 1)::timestamp AT TIME ZONE ${tz})`;
  const activeInRange = await tx.oneFirst(sql.type(z.object({ active: z.number().int() }))`
    SELECT count(*) AS active FROM (
      SELECT customer_id FROM purchases WHERE tenant_id = ${input.tenantId} AND created_at >= ${rangeStart} AND created_at < ${rangeEnd}
      UNION
      SELECT customer_id FROM whatsapp_messages
      WHERE tenant_id = ${input.tenantId} AND direction = 'inbound' AND customer_id IS NOT NULL
        AND created_at >= ${rangeStart} AND created_at < ${rangeEnd}
    ) active
  `);
  const overall = await tx.one(sql.type(customerCountsRow)`
    SELECT count(*) AS customers,
           count(*) FILTER (WHERE last_purchase_at >= ${sql.timestamp(input.now)}::timestamptz - interval '30 days') AS active
    FROM customers WHERE deleted_at IS NULL
  `);
  const top = await tx.any(sql.type(topCustomerRow)`
    SELECT id, phone_number, whatsapp_name, COALESCE(total_spent_ngn, 0) AS total_spent_ngn, COALESCE(total_purchases, 0) AS total_purchases
    FROM customers WHERE deleted_at IS NULL AND COALESCE(total_spent_ngn, 0) > 0
    ORDER BY total_spent_ngn DESC, id LIMIT ${input.topLimit ?? 10}
  `);
  const sum = (pick: (d: DailyFigures) => number) => days.reduce((total, d) => total + pick(d), 0);
  return {
    from: input.from,
    to: input.to,
    totals: {
      newCustomers: sum((d) => d.newCustomers),
      totalPurchases: sum((d) => d.totalPurchases),
      revenueKobo: sum((d) => d.revenueKobo),
      pointsEarned: sum((d) => d.pointsEarned),
      pointsRedeemed: sum((d) => d.pointsRedeemed),
      pointsExpired: sum((d) => d.pointsExpired),
      rewardsRedeemed: sum((d) => d.rewardsRedeemed),
      activeCustomers: activeInRange,
      churnedCustomers: sum((d) => d.churnedCustomers),
      averageOrderValueKobo: averageOf(
        sum((d) => d.revenueKobo),
        sum((d) => d.totalPurchases),
      ),
      messagesIn: sum((d) => d.messagesIn),
      messagesOut: sum((d) => d.messagesOut),
      customers: overall.customers,
      activeCustomers30d: overall.active,
    },
    days,
    topCustomers: top.map((c) => ({
      id: c.id,
      phoneNumber: c.phone_number,
      whatsappName: c.whatsapp_name,
      totalSpentKobo: c.total_spent_ngn,
      totalPurchases: c.total_purchases,
    })),
  };
}

function toFigures(row: z.infer<typeof figures>): DailyFigures {
  return {
    date: row.date,
    newCustomers: row.new_customers,
    totalPurchases: row.total_purchases,
    revenueKobo: row.revenue,
    pointsEarned: row.points_earned,
    pointsRedeemed: row.points_redeemed,
    pointsExpired: row.points_expired,
    rewardsRedeemed: row.rewards_redeemed,
    activeCustomers: row.active_customers,
    churnedCustomers: row.churned_customers,
    averageOrderValueKobo: row.average_order_value,
    messagesIn: row.messages_received,
    messagesOut: row.messages_sent,
  };
}

/** Integer kobo per order, rounded half up; 0 without orders. */
export function averageOf(revenueKobo: number, purchases: number): number {
  return purchases === 0 ? 0 : Math.round(revenueKobo / purchases);
}
