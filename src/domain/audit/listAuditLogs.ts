import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

export const auditLogRecordSchema = z
  .object({
    id: z.string(),
    user_id: z.string().nullable(),
    user_type: z.string().nullable(),
    action: z.string(),
    entity_type: z.string().nullable(),
    entity_id: z.string().nullable(),
    old_values: z.unknown(),
    new_values: z.unknown(),
    created_at: z.date().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    userId: row.user_id,
    userType: row.user_type,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    oldValues: row.old_values ?? null,
    newValues: row.new_values ?? null,
    createdAt: row.created_at,
  }));

export type AuditLogRecord = z.output<typeof auditLogRecordSchema>;

export type AuditLogFilters = {
  action?: string;
  entityType?: string;
  entityId?: string;
  userId?: string;
  since?: Date;
  until?: Date;
};

/** The current tenant's audit log, newest first, `limit + 1` rows. */
export async function listAuditLogs(
  tx: Tx,
  input: AuditLogFilters & { after: string | null; limit: number },
): Promise<readonly AuditLogRecord[]> {
  const filters = [sql.fragment`TRUE`];
  if (input.action !== undefined) filters.push(sql.fragment`action = ${input.action}`);
  if (input.entityType !== undefined) filters.push(sql.fragment`entity_type = ${input.entityType}`);
  if (input.entityId !== undefined) filters.push(sql.fragment`entity_id = ${input.entityId}`);
  if (input.userId !== undefined) filters.push(sql.fragment`user_id = ${input.userId}`);
  if (input.since !== undefined) filters.push(sql.fragment`created_at >= ${sql.timestamp(input.since)}`);
  if (input.until !== undefined) filters.push(sql.fragment`created_at < ${sql.timestamp(input.until)}`);
  if (input.after !== null)
    filters.push(sql.fragment`(created_at, id) < (SELECT created_at, id FROM audit_logs WHERE id = ${input.after})`);
  return tx.any(sql.type(auditLogRecordSchema)`
    SELECT id, user_id, user_type, action, entity_type, entity_id, old_values, new_values, created_at
    FROM audit_logs WHERE ${sql.join(filters, sql.fragment` AND `)}
    ORDER BY created_at DESC, id DESC LIMIT ${input.limit + 1}
  `);
}
