import { z } from "zod";
import { sql } from "../../db/sql.ts";
import { campaignStatusSchema } from "../rules/campaignConfigs.ts";

const jsonObjectOrEmpty = z.record(z.string(), z.unknown()).catch(() => ({}));

export const campaignRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    campaign_type: z.string(),
    config: z.unknown(),
    target_segment: z.unknown(),
    starts_at: z.date(),
    ends_at: z.date(),
    status: campaignStatusSchema,
    created_at: z.date().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    description: row.description,
    campaignType: row.campaign_type,
    config: jsonObjectOrEmpty.parse(row.config),
    targetSegment: jsonObjectOrEmpty.parse(row.target_segment ?? {}),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status,
    createdAt: row.created_at,
  }));

export type CampaignRecord = z.output<typeof campaignRecordSchema>;

export const campaignColumns = sql.fragment`
  id, tenant_id, name, description, campaign_type, config, target_segment, starts_at, ends_at,
  COALESCE(status, 'draft') AS status, created_at
`;
