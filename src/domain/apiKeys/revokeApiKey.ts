import { sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { apiKeyColumns, apiKeyRecordSchema, type ApiKey } from "./apiKeyRecord.ts";

/**
 * Revokes one of the current tenant's keys (idempotent: an already revoked key stays revoked
 * at its first time) and writes an audit_logs row (`api_key.revoked`).
 * @returns null when the key is not the tenant's.
 */
export async function revokeApiKey(
  tx: Tx,
  input: { tenantId: string; apiKeyId: string; userId: string; now: Date },
): Promise<ApiKey | null> {
  const apiKey = await tx.maybeOne(sql.type(apiKeyRecordSchema)`
    UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ${sql.timestamp(input.now)})
    WHERE id = ${input.apiKeyId}
    RETURNING ${apiKeyColumns}
  `);
  if (apiKey === null) return null;
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: { userType: "vendor_user", userId: input.userId },
    action: "api_key.revoked",
    entityType: "api_key",
    entityId: apiKey.id,
    newValues: { prefix: apiKey.prefix },
  });
  return apiKey;
}
