import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { getPlanLimits } from "../tenants/getPlanLimits.ts";
import { getTenantSettings } from "../tenants/getTenantSettings.ts";

export type MessageAllowance =
  | { ok: true; used: number; limit: number | null }
  | { ok: false; reason: "plan_limit_reached"; used: number; limit: number; message: string };

const usedRow = z.object({ used: z.number().int() });

/**
 * The plan's monthly message allowance (`messages_per_month`), for marketing only: whether
 * `additional` more messages (a broadcast's audience) fit in this calendar month (tenant's
 * timezone), counting every outbound message of the month. Service messages — replies, purchase
 * and redemption notices, points-expiry reminders, billing notices — are never checked against
 * it, so a customer is always answered (docs/billing.md).
 */
export async function checkMessageAllowance(
  tx: Tx,
  input: { tenantId: string; now: Date; additional: number },
): Promise<MessageAllowance> {
  const { messagesPerMonth } = await getPlanLimits(tx, input.tenantId);
  if (messagesPerMonth === null) return { ok: true, used: 0, limit: null };
  const { timezone } = await getTenantSettings(tx, input.tenantId);
  const now = sql.timestamp(input.now);
  const used = await tx.oneFirst(sql.type(usedRow)`
    SELECT count(*)::int AS used FROM whatsapp_messages
    WHERE tenant_id = ${input.tenantId} AND direction = 'outbound'
      AND created_at >= (date_trunc('month', ${now} AT TIME ZONE ${timezone}) AT TIME ZONE ${timezone})
  `);
  if (used + input.additional <= messagesPerMonth) return { ok: true, used, limit: messagesPerMonth };
  const left = Math.max(0, messagesPerMonth - used);
  return {
    ok: false,
    reason: "plan_limit_reached",
    used,
    limit: messagesPerMonth,
    message:
      `Your plan allows ${messagesPerMonth} messages a month; ${used} are used and this broadcast needs ${input.additional} ` +
      `(${left} left). Upgrade your plan or narrow the audience. Replies to customers are never blocked.`,
  };
}
