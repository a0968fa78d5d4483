import { randomBytes } from "node:crypto";
import { sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import {
  API_KEY_PREFIX,
  apiKeyColumns,
  apiKeyRecordSchema,
  hashApiKey,
  type ApiKey,
  type ApiKeyKind,
} from "./apiKeyRecord.ts";

/**
 * Creates an API key for the current tenant. The key itself is returned once, here, and only
 * its hash is stored. Writes an audit_logs row (`api_key.created`).
 */
export async function createApiKey(
  tx: Tx,
  input: {
    tenantId: string;
    name: string;
    userId: string;
    scopes?: readonly string[] | null;
    expiresAt?: Date | null;
    kind?: ApiKeyKind;
  },
): Promise<{ apiKey: ApiKey; key: string }> {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const apiKey = await tx.one(sql.type(apiKeyRecordSchema)`
    INSERT INTO api_keys (tenant_id, name, key_hash, prefix, created_by_user_id, scopes, expires_at, kind)
    VALUES (
      ${input.tenantId}, ${input.name}, ${hashApiKey(key)}, ${key.slice(0, 12)}, ${input.userId},
      ${input.scopes === undefined || input.scopes === null ? null : sql.array([...input.scopes], "text")},
      ${input.expiresAt === undefined || input.expiresAt === null ? null : sql.timestamp(input.expiresAt)},
      ${input.kind ?? "api"}
    )
    RETURNING ${apiKeyColumns}
  `);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: { userType: "vendor_user", userId: input.userId },
    action: "api_key.created",
    entityType: "api_key",
    entityId: apiKey.id,
    newValues: {
      name: apiKey.name,
      prefix: apiKey.prefix,
      scopes: input.scopes ?? null,
      expiresAt: input.expiresAt?.toISOString() ?? null,
      kind: apiKey.kind,
    },
  });
  return { apiKey, key };
}
