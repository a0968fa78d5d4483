import { z } from "zod";
import type { ApiKey } from "../../domain/apiKeys/apiKeyRecord.ts";
import type { AuditLogRecord } from "../../domain/audit/listAuditLogs.ts";
import type { Broadcast } from "../../domain/broadcasts/broadcastRecord.ts";
import type { CampaignRecord } from "../../domain/campaigns/campaignRecord.ts";
import type { Customer } from "../../domain/customers/customerRecord.ts";
import type { LedgerEntry } from "../../domain/ledger/ledgerEntry.ts";
import type { Purchase } from "../../domain/purchases/purchaseRecord.ts";
import type { Redemption } from "../../domain/rewards/redemptionRecord.ts";
import type { Reward } from "../../domain/rewards/rewardRecord.ts";
import type { RuleRecord } from "../../domain/rules/ruleRecord.ts";
import type { StaffMember } from "../../domain/staff/staffRecord.ts";
import { isoOrNull } from "../platform/platformSchemas.ts";

const iso = z.string().meta({ format: "date-time" });
const json = z.record(z.string(), z.unknown());

export const staffResponse = z
  .object({
    id: z.uuid(),
    email: z.string(),
    full_name: z.string(),
    phone_number: z.string().nullable(),
    role: z.enum(["owner", "admin", "staff"]),
    pin_enabled: z.boolean(),
    is_active: z.boolean(),
    created_at: iso.nullable(),
  })
  .meta({ id: "StaffMember" });

export function serializeStaff(s: StaffMember): z.infer<typeof staffResponse> {
  return {
    id: s.id,
    email: s.email,
    full_name: s.fullName,
    phone_number: s.phoneNumber,
    role: s.role,
    pin_enabled: s.pinEnabled,
    is_active: s.isActive,
    created_at: isoOrNull(s.createdAt),
  };
}

export const rewardResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    points_required: z.int(),
    stock_quantity: z.int().nullable(),
    max_redemptions_per_customer: z.int().nullable(),
    valid_from: iso.nullable(),
    valid_until: iso.nullable(),
    is_active: z.boolean(),
    total_redemptions: z.int(),
  })
  .meta({ id: "Reward" });

export function serializeReward(r: Reward): z.infer<typeof rewardResponse> {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    points_required: r.pointsRequired,
    stock_quantity: r.stockQuantity,
    max_redemptions_per_customer: r.maxRedemptionsPerCustomer,
    valid_from: isoOrNull(r.validFrom),
    valid_until: isoOrNull(r.validUntil),
    is_active: r.isActive,
    total_redemptions: r.totalRedemptions,
  };
}

export const ruleResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    rule_type: z.string(),
    config: json,
    priority: z.int(),
    conditions: json,
    exclusive: z.boolean(),
    is_active: z.boolean(),
    valid_from: iso.nullable(),
    valid_until: iso.nullable(),
    created_at: iso.nullable(),
  })
  .meta({ id: "PointsRule" });

export function serializeRule(r: RuleRecord): z.infer<typeof ruleResponse> {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    rule_type: r.ruleType,
    config: r.config,
    priority: r.priority,
    conditions: r.conditions,
    exclusive: r.exclusive,
    is_active: r.isActive,
    valid_from: isoOrNull(r.validFrom),
    valid_until: isoOrNull(r.validUntil),
    created_at: isoOrNull(r.createdAt),
  };
}

export const campaignResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    campaign_type: z.string(),
    config: json,
    target_segment: json,
    starts_at: iso,
    ends_at: iso,
    status: z.string(),
    created_at: iso.nullable(),
  })
  .meta({ id: "Campaign" });

export function serializeCampaign(c: CampaignRecord): z.infer<typeof campaignResponse> {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    campaign_type: c.campaignType,
    config: c.config,
    target_segment: c.targetSegment,
    starts_at: c.startsAt.toISOString(),
    ends_at: c.endsAt.toISOString(),
    status: c.status,
    created_at: isoOrNull(c.createdAt),
  };
}

export const customerResponse = z
  .object({
    id: z.uuid(),
    phone_number: z.string(),
    whatsapp_name: z.string().nullable(),
    loyalty_status: z.string(),
    opted_in: z.boolean(),
    total_purchases: z.int(),
    total_spent_kobo: z.int(),
    last_purchase_at: iso.nullable(),
    birth_date: z.string().nullable(),
    referral_code: z.string().nullable(),
    tags: z.array(z.string()),
    balance: z.int(),
    created_at: iso.nullable(),
    /** The highest VIP tier the customer has reached (tiers never go down); null without one. */
    tier: z.string().nullable(),
  })
  .meta({ id: "Customer" });

export function serializeCustomer(c: Customer & { balance: number }): z.infer<typeof customerResponse> {
  return {
    id: c.id,
    phone_number: c.phoneNumber,
    whatsapp_name: c.whatsappName,
    loyalty_status: c.loyaltyStatus,
    opted_in: c.optedIn,
    total_purchases: c.totalPurchases,
    total_spent_kobo: c.totalSpentKobo,
    last_purchase_at: isoOrNull(c.lastPurchaseAt),
    birth_date: c.birthDate,
    referral_code: c.referralCode,
    tags: c.tags,
    tier: c.tierName,
    balance: c.balance,
    created_at: isoOrNull(c.createdAt),
  };
}

export const ledgerEntryResponse = z
  .object({
    id: z.uuid(),
    customer_id: z.uuid(),
    transaction_type: z.string(),
    points: z.int(),
    points_remaining: z.int().nullable(),
    description: z.string().nullable(),
    metadata: json,
    purchase_id: z.uuid().nullable(),
    reward_redemption_id: z.uuid().nullable(),
    campaign_id: z.uuid().nullable(),
    expires_at: iso.nullable(),
    created_by_user_id: z.uuid().nullable(),
    created_at: iso,
  })
  .meta({ id: "LedgerEntry" });

export function serializeLedgerEntry(e: LedgerEntry): z.infer<typeof ledgerEntryResponse> {
  return {
    id: e.id,
    customer_id: e.customerId,
    transaction_type: e.type,
    points: e.points,
    points_remaining: e.pointsRemaining,
    description: e.description,
    metadata: e.metadata,
    purchase_id: e.purchaseId,
    reward_redemption_id: e.rewardRedemptionId,
    campaign_id: e.campaignId,
    expires_at: isoOrNull(e.expiresAt),
    created_by_user_id: e.createdByUserId,
    created_at: e.createdAt.toISOString(),
  };
}

export const purchaseResponse = z
  .object({
    id: z.uuid(),
    customer_id: z.uuid(),
    customer_phone: z.string(),
    amount_kobo: z.int(),
    product_name: z.string().nullable(),
    product_category: z.string().nullable(),
    source: z.string().nullable(),
    points_awarded: z.int(),
    idempotency_key: z.string().nullable(),
    balance: z.int(),
    created_at: iso,
  })
  .meta({ id: "Purchase" });

export function serializePurchase(
  p: Purchase,
  customerPhone: string,
  balance: number,
): z.infer<typeof purchaseResponse> {
  return {
    id: p.id,
    customer_id: p.customerId,
    customer_phone: customerPhone,
    amount_kobo: p.amountKobo,
    product_name: p.productName,
    product_category: p.productCategory,
    source: p.source,
    points_awarded: p.pointsAwarded,
    idempotency_key: p.idempotencyKey,
    balance,
    created_at: p.createdAt.toISOString(),
  };
}

export const redemptionResponse = z
  .object({
    id: z.uuid(),
    customer_id: z.uuid(),
    customer_phone: z.string(),
    reward_id: z.uuid(),
    reward_name: z.string(),
    points_deducted: z.int(),
    status: z.string(),
    code: z.string(),
    verified_at: iso.nullable(),
    fulfilled_at: iso.nullable(),
    cancelled_at: iso.nullable(),
    cancellation_reason: z.string().nullable(),
    created_at: iso,
  })
  .meta({ id: "Redemption" });

export function serializeRedemption(r: Redemption): z.infer<typeof redemptionResponse> {
  return {
    id: r.id,
    customer_id: r.customerId,
    customer_phone: r.customerPhone,
    reward_id: r.rewardId,
    reward_name: r.rewardName,
    points_deducted: r.pointsDeducted,
    status: r.status,
    code: r.code,
    verified_at: isoOrNull(r.verifiedAt),
    fulfilled_at: isoOrNull(r.fulfilledAt),
    cancelled_at: isoOrNull(r.cancelledAt),
    cancellation_reason: r.cancellationReason,
    created_at: r.createdAt.toISOString(),
  };
}

export const apiKeyResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    last_used_at: iso.nullable(),
    created_at: iso,
    revoked_at: iso.nullable(),
    expires_at: iso.nullable(),
    scopes: z.array(z.string()).nullable(),
    kind: z.enum(["api", "pos"]),
  })
  .meta({ id: "ApiKey" });

export function serializeApiKey(k: ApiKey): z.infer<typeof apiKeyResponse> {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    last_used_at: isoOrNull(k.lastUsedAt),
    created_at: k.createdAt.toISOString(),
    revoked_at: isoOrNull(k.revokedAt),
    expires_at: isoOrNull(k.expiresAt),
    scopes: k.scopes,
    kind: k.kind,
  };
}

export const auditLogResponse = z
  .object({
    id: z.uuid(),
    user_id: z.uuid().nullable(),
    user_type: z.string().nullable(),
    action: z.string(),
    entity_type: z.string().nullable(),
    entity_id: z.uuid().nullable(),
    old_values: z.unknown(),
    new_values: z.unknown(),
    created_at: iso.nullable(),
  })
  .meta({ id: "AuditLog" });

export function serializeAuditLog(a: AuditLogRecord): z.infer<typeof auditLogResponse> {
  return {
    id: a.id,
    user_id: a.userId,
    user_type: a.userType,
    action: a.action,
    entity_type: a.entityType,
    entity_id: a.entityId,
    old_values: a.oldValues,
    new_values: a.newValues,
    created_at: isoOrNull(a.createdAt),
  };
}

export const broadcastResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    message_content: z.string(),
    target_segment: json,
    status: z.enum(["draft", "scheduled", "sending", "completed", "failed", "cancelled"]),
    scheduled_at: iso.nullable(),
    total_recipients: z.int(),
    sent_count: z.int(),
    delivered_count: z.int(),
    read_count: z.int(),
    failed_count: z.int(),
    started_at: iso.nullable(),
    completed_at: iso.nullable(),
    cancelled_at: iso.nullable(),
    failure_reason: z.string().nullable(),
    created_by_user_id: z.uuid().nullable(),
    created_at: iso.nullable(),
  })
  .meta({
    id: "Broadcast",
    description:
      "sent_count includes delivered and read; delivered_count includes read. Complete when sent + failed = total_recipients.",
  });

export function serializeBroadcast(b: Broadcast): z.infer<typeof broadcastResponse> {
  return {
    id: b.id,
    name: b.name,
    message_content: b.messageContent,
    target_segment: b.targetSegment,
    status: b.status,
    scheduled_at: isoOrNull(b.scheduledAt),
    total_recipients: b.totalRecipients,
    sent_count: b.sentCount,
    delivered_count: b.deliveredCount,
    read_count: b.readCount,
    failed_count: b.failedCount,
    started_at: isoOrNull(b.startedAt),
    completed_at: isoOrNull(b.completedAt),
    cancelled_at: isoOrNull(b.cancelledAt),
    failure_reason: b.failureReason,
    created_by_user_id: b.createdByUserId,
    created_at: isoOrNull(b.createdAt),
  };
}
