import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const movedRow = z.object({ id: z.string(), tenant_id: z.string(), from_status: z.string(), to_status: z.string() });

export type CampaignMove = { campaignId: string; tenantId: string; from: string; to: string };

/**
 * Campaigns run themselves (every minute, all tenants, on the platform path): a `scheduled`
 * campaign becomes `active` once its `starts_at` has come, and a `scheduled`, `active` or
 * `paused` one becomes `completed` once its `ends_at` has passed. `starts_at` and `ends_at`
 * are instants; a campaign created with local dates gets the tenant's local midnights (see
 * campaignWindowFromDates). Each move writes an audit row. Running it twice moves nothing twice:
 * every update is guarded by the status it moves from.
 */
export async function advanceCampaignSchedules(tx: Tx, input: { now: Date }): Promise<CampaignMove[]> {
  const now = sql.timestamp(input.now);
  const rows = await tx.any(sql.type(movedRow)`
    WITH ended AS (
      UPDATE campaigns c SET status = 'completed', updated_at = now()
      FROM (SELECT id, status FROM campaigns WHERE status IN ('scheduled', 'active', 'paused') AND ends_at <= ${now} FOR UPDATE) old
      WHERE c.id = old.id
      RETURNING c.id, c.tenant_id, old.status AS from_status, c.status AS to_status
    ),
    started AS (
      UPDATE campaigns c SET status = 'active', updated_at = now()
      WHERE c.status = 'scheduled' AND c.starts_at <= ${now} AND c.ends_at > ${now}
      RETURNING c.id, c.tenant_id, 'scheduled'::varchar AS from_status, c.status AS to_status
    ),
    moved AS (SELECT * FROM ended UNION ALL SELECT * FROM started),
    audited AS (
      INSERT INTO audit_logs (tenant_id, user_type, action, entity_type, entity_id, old_values, new_values)
      SELECT tenant_id, 'system', 'campaign.status_changed', 'campaign', id,
             jsonb_build_object('status', from_status), jsonb_build_object('status', to_status, 'by', 'schedule')
      FROM moved
      RETURNING 1
    )
    SELECT id, tenant_id, from_status, to_status FROM moved ORDER BY id
  `);
  return rows.map((row) => ({ campaignId: row.id, tenantId: row.tenant_id, from: row.from_status, to: row.to_status }));
}
