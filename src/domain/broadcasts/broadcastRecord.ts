import { z } from "zod";
import { sql } from "../../db/sql.ts";

export const broadcastStatusSchema = z.enum(["draft", "scheduled", "sending", "completed", "failed", "cancelled"]);
export type BroadcastStatus = z.infer<typeof broadcastStatusSchema>;

const jsonObjectOrEmpty = z.record(z.string(), z.unknown()).catch(() => ({}));

/** A broadcasts row as the domain and the vendor API see it. */
export const broadcastRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    name: z.string(),
    message_content: z.string(),
    target_segment: z.unknown(),
    total_recipients: z.number().int().nullable(),
    scheduled_at: z.date().nullable(),
    status: broadcastStatusSchema,
    sent_count: z.number().int().nullable(),
    delivered_count: z.number().int().nullable(),
    read_count: z.number().int().nullable(),
    failed_count: z.number().int().nullable(),
    started_at: z.date().nullable(),
    completed_at: z.date().nullable(),
    cancelled_at: z.date().nullable(),
    failure_reason: z.string().nullable(),
    created_by_user_id: z.string().nullable(),
    created_at: z.date().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    messageContent: row.message_content,
    targetSegment: jsonObjectOrEmpty.parse(row.target_segment),
    totalRecipients: row.total_recipients ?? 0,
    scheduledAt: row.scheduled_at,
    status: row.status,
    sentCount: row.sent_count ?? 0,
    deliveredCount: row.delivered_count ?? 0,
    readCount: row.read_count ?? 0,
    failedCount: row.failed_count ?? 0,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    cancelledAt: row.cancelled_at,
    failureReason: row.failure_reason,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
  }));

export type Broadcast = z.output<typeof broadcastRecordSchema>;

/** The column list matching {@link broadcastRecordSchema}. */
export const broadcastColumns = sql.fragment`
  id, tenant_id, name, message_content, target_segment, total_recipients, scheduled_at, status,
  sent_count, delivered_count, read_count, failed_count, started_at, completed_at, cancelled_at,
  failure_reason, created_by_user_id, created_at
`;
