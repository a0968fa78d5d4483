import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

export type PlatformMetrics = {
  from: string;
  to: string;
  days: { date: string; messagesIn: number; messagesOut: number; failedSends: number }[];
  totals: { messagesIn: number; messagesOut: number; failedSends: number };
  tenants: { serving: number; suspended: number; withTraffic: number };
};

const dayRow = z.object({ day: z.string(), messages_in: z.number(), messages_out: z.number(), failed: z.number() });
const tenantsRow = z.object({ serving: z.number(), suspended: z.number(), with_traffic: z.number() });

/**
 * Platform-wide figures for the console (platform path): WhatsApp messages received and sent
 * per UTC day over the last `days` days (every day present, zero when quiet), outbound sends
 * that failed, and how many tenants are serving, suspended, and had traffic in that window.
 */
export async function getPlatformMetrics(tx: Tx, input: { now: Date; days: number }): Promise<PlatformMetrics> {
  const to = input.now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(to) - (input.days - 1) * 86_400_000).toISOString().slice(0, 10);
  const start = new Date(`${from}T00:00:00Z`);
  const rows = await tx.any(sql.type(dayRow)`
    WITH counts AS (
      SELECT (created_at AT TIME ZONE 'UTC')::date AS day,
             count(*) FILTER (WHERE direction = 'inbound') AS messages_in,
             count(*) FILTER (WHERE direction = 'outbound' AND whatsapp_status IS DISTINCT FROM 'failed') AS messages_out,
             count(*) FILTER (WHERE direction = 'outbound' AND whatsapp_status = 'failed') AS failed
      FROM whatsapp_messages
      WHERE created_at >= ${sql.timestamp(start)}
      GROUP BY 1
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           COALESCE(c.messages_in, 0)::int AS messages_in,
           COALESCE(c.messages_out, 0)::int AS messages_out,
           COALESCE(c.failed, 0)::int AS failed
    FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS d(day)
    LEFT JOIN counts c ON c.day = d.day::date
    ORDER BY d.day
  `);
  const tenants = await tx.one(sql.type(tenantsRow)`
    SELECT
      count(*) FILTER (WHERE COALESCE(is_active, true) AND COALESCE(subscription_status, 'trial') NOT IN ('suspended', 'cancelled'))::int AS serving,
      count(*) FILTER (WHERE subscription_status = 'suspended')::int AS suspended,
      (SELECT count(DISTINCT tenant_id) FROM whatsapp_messages WHERE created_at >= ${sql.timestamp(start)} AND tenant_id IS NOT NULL)::int AS with_traffic
    FROM tenants WHERE deleted_at IS NULL
  `);
  const days = rows.map((r) => ({
    date: r.day,
    messagesIn: r.messages_in,
    messagesOut: r.messages_out,
    failedSends: r.failed,
  }));
  return {
    from,
    to,
    days,
    totals: {
      messagesIn: days.reduce((sum, d) => sum + d.messagesIn, 0),
      messagesOut: days.reduce((sum, d) => sum + d.messagesOut, 0),
      failedSends: days.reduce((sum, d) => sum + d.failedSends, 0),
    },
    tenants: { serving: tenants.serving, suspended: tenants.suspended, withTraffic: tenants.with_traffic },
  };
}
