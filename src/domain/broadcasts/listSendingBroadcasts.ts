import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const sendingBroadcastRow = z.object({ id: z.string(), tenant_id: z.string() });

/** Broadcasts across all tenants still `sending` (platform path, for the periodic recount). */
export async function listSendingBroadcasts(
  tx: Tx,
  input: { limit: number },
): Promise<readonly { id: string; tenantId: string }[]> {
  const rows = await tx.any(sql.type(sendingBroadcastRow)`
    SELECT id, tenant_id FROM broadcasts WHERE status = 'sending' ORDER BY started_at, id LIMIT ${input.limit}
  `);
  return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id }));
}
