import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

/** Figures for one period: purchases that stand (voided ones left out), what they earned, newcomers, redemptions. */
export type PeriodStats = {
  purchases: number;
  amountKobo: number;
  points: number;
  newCustomers: number;
  redemptions: number;
};

const statsRow = z.object({
  today_purchases: z.number(),
  today_amount: z.number(),
  today_points: z.number(),
  today_customers: z.number(),
  today_redemptions: z.number(),
  week_purchases: z.number(),
  week_amount: z.number(),
  week_points: z.number(),
  week_customers: z.number(),
  week_redemptions: z.number(),
});

/**
 * The owner's TODAY: figures for today and for the last 7 days (today and the 6 days before),
 * days being calendar days in the tenant's timezone. Voided purchases and cancelled
 * redemptions do not count. One statement, on the tenant's transaction.
 */
export async function getTodayStats(
  tx: Tx,
  input: { now: Date; timezone: string },
): Promise<{ today: PeriodStats; week: PeriodStats }> {
  const now = sql.timestamp(input.now);
  const row = await tx.one(sql.type(statsRow)`
    WITH bounds AS (
      SELECT (date_trunc('day', ${now} AT TIME ZONE ${input.timezone}) AT TIME ZONE ${input.timezone}) AS today_start
    ), week AS (
      SELECT today_start, (today_start - interval '6 days') AS week_start FROM bounds
    )
    SELECT
      (SELECT count(*) FROM purchases, week WHERE voided_at IS NULL AND created_at >= today_start AND created_at <= ${now}) AS today_purchases,
      (SELECT COALESCE(sum(amount_ngn), 0) FROM purchases, week WHERE voided_at IS NULL AND created_at >= today_start AND created_at <= ${now}) AS today_amount,
      (SELECT COALESCE(sum(points_awarded), 0) FROM purchases, week WHERE voided_at IS NULL AND created_at >= today_start AND created_at <= ${now}) AS today_points,
      (SELECT count(*) FROM customers, week WHERE deleted_at IS NULL AND created_at >= today_start AND created_at <= ${now}) AS today_customers,
      (SELECT count(*) FROM reward_redemptions, week WHERE status <> 'cancelled' AND created_at >= today_start AND created_at <= ${now}) AS today_redemptions,
      (SELECT count(*) FROM purchases, week WHERE voided_at IS NULL AND created_at >= week_start AND created_at <= ${now}) AS week_purchases,
      (SELECT COALESCE(sum(amount_ngn), 0) FROM purchases, week WHERE voided_at IS NULL AND created_at >= week_start AND created_at <= ${now}) AS week_amount,
      (SELECT COALESCE(sum(points_awarded), 0) FROM purchases, week WHERE voided_at IS NULL AND created_at >= week_start AND created_at <= ${now}) AS week_points,
      (SELECT count(*) FROM customers, week WHERE deleted_at IS NULL AND created_at >= week_start AND created_at <= ${now}) AS week_customers,
      (SELECT count(*) FROM reward_redemptions, week WHERE status <> 'cancelled' AND created_at >= week_start AND created_at <= ${now}) AS week_redemptions
  `);
  return {
    today: {
      purchases: row.today_purchases,
      amountKobo: row.today_amount,
      points: row.today_points,
      newCustomers: row.today_customers,
      redemptions: row.today_redemptions,
    },
    week: {
      purchases: row.week_purchases,
      amountKobo: row.week_amount,
      points: row.week_points,
      newCustomers: row.week_customers,
      redemptions: row.week_redemptions,
    },
  };
}
