import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { localDateInTimeZone } from "../rules/localDateInTimeZone.ts";

export const monthlyUsageSchema = z.object({
  month: z.string(),
  customers_added: z.number().int(),
  purchases_logged: z.number().int(),
  messages_sent: z.number().int(),
  messages_received: z.number().int(),
  broadcasts_sent: z.number().int(),
});

export type MonthlyUsage = z.infer<typeof monthlyUsageSchema>;

const storedUsage = z.looseObject({ month: z.string().optional() }).catch({});

const monthlyCountsRow = monthlyUsageSchema.omit({ month: true });
const monthlyUsageRow = z.object({ monthly_usage: z.unknown() });
const idRow = z.object({ id: z.string() });
const jsonValue = z.json();

/**
 * Recounts the tenant's usage for the calendar month of `now` in its timezone from the raw
 * tables and stores it in `tenants.monthly_usage` (`{ month: "YYYY-MM", … }`). In a new month
 * the counts start again from zero; the finished month's figures are kept under `previous`.
 * Running it again gives the same answer.
 */
export async function countMonthlyUsage(
  tx: Tx,
  input: { tenantId: string; now: Date; timezone: string },
): Promise<MonthlyUsage> {
  const local = localDateInTimeZone(input.now, input.timezone);
  const month = `${local.year}-${String(local.month).padStart(2, "0")}`;
  const monthStart = sql.fragment`((${`${month}-01`}::date)::timestamp AT TIME ZONE ${input.timezone})`;
  const monthEnd = sql.fragment`(((${`${month}-01`}::date) + interval '1 month')::timestamp AT TIME ZONE ${input.timezone})`;
  const t = input.tenantId;
  const counts = await tx.one(sql.type(monthlyCountsRow)`
    SELECT
      (SELECT count(*) FROM customers WHERE tenant_id = ${t} AND created_at >= ${monthStart} AND created_at < ${monthEnd}) AS customers_added,
      (SELECT count(*) FROM purchases WHERE tenant_id = ${t} AND created_at >= ${monthStart} AND created_at < ${monthEnd}) AS purchases_logged,
      (SELECT count(*) FROM whatsapp_messages WHERE tenant_id = ${t} AND direction = 'outbound' AND sent_at >= ${monthStart} AND sent_at < ${monthEnd}) AS messages_sent,
      (SELECT count(*) FROM whatsapp_messages WHERE tenant_id = ${t} AND direction = 'inbound' AND created_at >= ${monthStart} AND created_at < ${monthEnd}) AS messages_received,
      (SELECT count(*) FROM broadcasts WHERE tenant_id = ${t} AND started_at >= ${monthStart} AND started_at < ${monthEnd}) AS broadcasts_sent
  `);
  const usage: MonthlyUsage = { month, ...counts };
  const current = await tx.oneFirst(sql.type(monthlyUsageRow)`
    SELECT monthly_usage FROM tenants WHERE id = ${t} FOR UPDATE
  `);
  const stored = storedUsage.parse(current ?? {});
  const previous =
    stored.month !== undefined && stored.month !== month ? { previous: jsonValue.parse(stripPrevious(stored)) } : {};
  const carried = stored.month === month && "previous" in stored ? { previous: jsonValue.parse(stored.previous) } : {};
  await tx.query(sql.type(idRow)`
    UPDATE tenants SET monthly_usage = ${sql.jsonb({ ...usage, counted_at: input.now.toISOString(), ...carried, ...previous })}
    WHERE id = ${t}
    RETURNING id
  `);
  return usage;
}

function stripPrevious(stored: Record<string, unknown>): Record<string, unknown> {
  const { previous: _previous, ...rest } = stored;
  return rest;
}
