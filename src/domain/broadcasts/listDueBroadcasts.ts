import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const dueBroadcastRow = z.object({ id: z.string(), tenant_id: z.string() });

/**
 * Broadcasts across all tenants that are scheduled for `now` or earlier and not started yet
 * (platform path, for the scan that starts them), oldest first.
 */
export async function listDueBroadcasts(
  tx: Tx,
  input: { now: Date; limit: number },
): Promise<readonly { id: string; tenantId: string }[]> {
  const rows = await tx.any(sql.type(dueBroadcastRow)`
    SELECT id, tenant_id FROM broadcasts
    WHERE status = 'scheduled' AND scheduled_at <= ${sql.timestamp(input.now)}
    ORDER BY scheduled_at, id
    LIMIT ${input.limit}
  `);
  return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id }));
}
