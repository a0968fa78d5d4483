import { sql, type Tx } from "../../db/sql.ts";
import { campaignColumns, campaignRecordSchema, type CampaignRecord } from "./campaignRecord.ts";

/** The current tenant's campaigns, newest first, `limit + 1` rows; one campaign with `id`. */
export async function listCampaigns(
  tx: Tx,
  input: { status?: string; id?: string; after: string | null; limit: number },
): Promise<readonly CampaignRecord[]> {
  const filters = [sql.fragment`TRUE`];
  if (input.status !== undefined) filters.push(sql.fragment`COALESCE(status, 'draft') = ${input.status}`);
  if (input.id !== undefined) filters.push(sql.fragment`id = ${input.id}`);
  if (input.after !== null)
    filters.push(sql.fragment`(created_at, id) < (SELECT created_at, id FROM campaigns WHERE id = ${input.after})`);
  return tx.any(sql.type(campaignRecordSchema)`
    SELECT ${campaignColumns} FROM campaigns WHERE ${sql.join(filters, sql.fragment` AND `)}
    ORDER BY created_at DESC, id DESC LIMIT ${input.limit + 1}
  `);
}
