import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { getPlanLimits } from "../tenants/getPlanLimits.ts";
import { getTenantSettings } from "../tenants/getTenantSettings.ts";

export type BroadcastAllowance =
  | { ok: true; used: number; limit: number | null }
  | { ok: false; reason: "plan_limit_reached"; used: number; limit: number; message: string };

const usedRow = z.object({ used: z.number() });

/**
 * Whether the tenant's plan lets one more broadcast start this month (`broadcasts_per_month`),
 * the month being the calendar month in the tenant's timezone. Counts broadcasts that started
 * (sending, completed, or cancelled after starting), other than `exceptBroadcastId`.
 */
export async function checkBroadcastAllowance(
  tx: Tx,
  input: { tenantId: string; now: Date; exceptBroadcastId?: string },
): Promise<BroadcastAllowance> {
  const { broadcastsPerMonth } = await getPlanLimits(tx, input.tenantId);
  const { timezone } = await getTenantSettings(tx, input.tenantId);
  const now = sql.timestamp(input.now);
  const used = await tx.oneFirst(sql.type(usedRow)`
    SELECT count(*) AS used FROM broadcasts
    WHERE tenant_id = ${input.tenantId}
      AND started_at IS NOT NULL
      AND started_at >= (date_trunc('month', ${now} AT TIME ZONE ${timezone}) AT TIME ZONE ${timezone})
      AND id IS DISTINCT FROM ${input.exceptBroadcastId ?? null}::uuid
  `);
  if (broadcastsPerMonth === null || used < broadcastsPerMonth) return { ok: true, used, limit: broadcastsPerMonth };
  return {
    ok: false,
    reason: "plan_limit_reached",
    used,
    limit: broadcastsPerMonth,
    message: `Your plan allows ${broadcastsPerMonth} broadcasts a month and ${used} have been sent this month. Upgrade your plan to send more.`,
  };
}
