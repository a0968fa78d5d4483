import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { describeZodError } from "../rules/describeZodError.ts";
import { nonEarningCampaignTypes, parseCampaignConfig, targetSegmentSchema } from "../rules/campaignConfigs.ts";
import { campaignColumns, campaignRecordSchema, type CampaignRecord } from "./campaignRecord.ts";

const jsonValue = z.json();

export type CreateCampaignInput = {
  tenantId: string;
  userId: string | null;
  name: string;
  description: string | null;
  campaignType: string;
  config: Record<string, unknown>;
  targetSegment: Record<string, unknown>;
  startsAt: Date;
  endsAt: Date;
};

export type CreateCampaignResult =
  | { ok: true; campaign: CampaignRecord }
  | { ok: false; reason: "invalid"; message: string };

/**
 * Creates a campaign in `draft`. An earning campaign's config is validated for its type with
 * the evaluator's schemas; the target segment likewise. Writes an audit row (`campaign.created`).
 */
export async function createCampaign(tx: Tx, input: CreateCampaignInput): Promise<CreateCampaignResult> {
  // Reward discounts and referral campaigns have no behaviour yet (a stored campaign that does
  // nothing would mislead the vendor), so they are refused until they do; referral points come
  // from the `referral` earning rule.
  if (nonEarningCampaignTypes.includes(input.campaignType)) {
    return {
      ok: false,
      reason: "invalid",
      message: `campaign_type: ${input.campaignType} campaigns are not available yet; use double_points, bonus_points or reactivation (referral points: the referral earning rule)`,
    };
  }
  const parsed = parseCampaignConfig(input.campaignType, input.config);
  if (!parsed.ok) return { ok: false, reason: "invalid", message: `config: ${parsed.reason}` };
  const config: unknown = parsed.value;
  const segment = targetSegmentSchema.safeParse(input.targetSegment);
  if (!segment.success)
    return { ok: false, reason: "invalid", message: `target_segment: ${describeZodError(segment.error)}` };
  if (input.endsAt <= input.startsAt)
    return { ok: false, reason: "invalid", message: "ends_at must be after starts_at" };
  const campaign = await tx.one(sql.type(campaignRecordSchema)`
    INSERT INTO campaigns (tenant_id, name, description, campaign_type, config, target_segment, starts_at, ends_at, status)
    VALUES (${input.tenantId}, ${input.name}, ${input.description}, ${input.campaignType},
            ${sql.jsonb(jsonValue.parse(config))}, ${sql.jsonb(jsonValue.parse(segment.data))},
            ${sql.timestamp(input.startsAt)}, ${sql.timestamp(input.endsAt)}, 'draft')
    RETURNING ${campaignColumns}
  `);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.userId),
    action: "campaign.created",
    entityType: "campaign",
    entityId: campaign.id,
    newValues: { name: campaign.name, campaignType: campaign.campaignType },
  });
  return { ok: true, campaign };
}
