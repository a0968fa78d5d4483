import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
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
           COALESCE(rewards_redeemed, 0) AS rewards_redeemed
    FROM daily_metrics
    WHERE metric_date BETWEEN ${input.from}::date AND ${input.to}::date AND metric_date < ${today}::date
    ORDER BY metric_date
  `);
  const days = past.map(toFigures);
  if (input.from <= today && today <= input.to) {
    const tz = settings.timezone;
    const start = sql.fragment`(${today}::date::timestamp AT TIME ZONE ${tz})`;
    const live = await tx.one(sql.type(figures)`
      SELECT ${today} AS date,
        (SELECT count(*) FROM customers WHERE created_at >= ${start} AND deleted_at IS NULL) AS new_customers,
        (SELECT count(*) FROM purchases WHERE created_at >= ${start}) AS total_purchases,
        (SELECT COALESCE(sum(amount_ngn), 0) FROM purchases WHERE created_at >= ${start}) AS revenue,
        (SELECT COALESCE(sum(points), 0) FROM points_transactions WHERE created_at >= ${start} AND transaction_type = 'earned') AS points_earned,
        (SELECT COALESCE(-sum(points), 0) FROM points_transactions WHERE created_at >= ${start} AND transaction_type = 'redeemed') AS points_redeemed,
        (SELECT COALESCE(-sum(points), 0) FROM points_transactions WHERE created_at >= ${start} AND transaction_type = 'expired') AS points_expired,
        (SELECT count(*) FROM reward_redemptions WHERE created_at >= ${start}) AS rewards_redeemed
    `);
    days.push(toFigures(live));
  }
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
  };
}
