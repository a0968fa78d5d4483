import { sql, type Tx } from "../../db/sql.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import type { campaignStatusSchema } from "../rules/campaignConfigs.ts";
import type { z } from "zod";
import { campaignColumns, campaignRecordSchema, type CampaignRecord } from "./campaignRecord.ts";

export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** The lifecycle: draft → scheduled → active ⇄ paused → completed; anything unfinished may be cancelled. */
const NEXT: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ["scheduled", "cancelled"],
  scheduled: ["active", "draft", "cancelled"],
  active: ["paused", "completed", "cancelled"],
  paused: ["active", "completed", "cancelled"],
  completed: [],
  cancelled: [],
};

export function canTransitionCampaign(from: CampaignStatus, to: CampaignStatus): boolean {
  return NEXT[from].includes(to);
}

export type TransitionCampaignResult =
  | { ok: true; campaign: CampaignRecord }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid_transition"; from: CampaignStatus; allowed: readonly CampaignStatus[] };

/** Moves a campaign along its lifecycle (row locked), with an audit row (`campaign.status_changed`). */
export async function transitionCampaign(
  tx: Tx,
  input: { tenantId: string; campaignId: string; to: CampaignStatus; userId: string | null },
): Promise<TransitionCampaignResult> {
  const current = await tx.maybeOne(sql.type(campaignRecordSchema)`
    SELECT ${campaignColumns} FROM campaigns WHERE id = ${input.campaignId} FOR UPDATE
  `);
  if (current === null) return { ok: false, reason: "not_found" };
  if (!canTransitionCampaign(current.status, input.to)) {
    return { ok: false, reason: "invalid_transition", from: current.status, allowed: NEXT[current.status] };
  }
  const campaign = await tx.one(sql.type(campaignRecordSchema)`
    UPDATE campaigns SET status = ${input.to}, updated_at = now() WHERE id = ${current.id} RETURNING ${campaignColumns}
  `);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.userId),
    action: "campaign.status_changed",
    entityType: "campaign",
    entityId: campaign.id,
    oldValues: { status: current.status },
    newValues: { status: campaign.status },
  });
  return { ok: true, campaign };
}
