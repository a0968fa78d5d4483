import { createHash } from "node:crypto";
import { z } from "zod";
import { sql } from "../../db/sql.ts";

/** What a key is for: `pos` (a till system: purchases are `pos_integration`) or `api` (any other client). */
export const apiKeyKindSchema = z.enum(["api", "pos"]);
export type ApiKeyKind = z.infer<typeof apiKeyKindSchema>;

/** Every API key starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = "llk_";

/** An api_keys row, never with its hash. */
export const apiKeyRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    name: z.string(),
    prefix: z.string(),
    created_by_user_id: z.string().nullable(),
    last_used_at: z.date().nullable(),
    created_at: z.date(),
    revoked_at: z.date().nullable(),
    expires_at: z.date().nullable(),
    scopes: z.array(z.string()).nullable(),
    kind: apiKeyKindSchema,
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    prefix: row.prefix,
    createdByUserId: row.created_by_user_id,
    lastUsedAt: row.last_used_at,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
    scopes: row.scopes,
    kind: row.kind,
  }));

export type ApiKey = z.output<typeof apiKeyRecordSchema>;

export const apiKeyColumns = sql.fragment`id, tenant_id, name, prefix, created_by_user_id, last_used_at, created_at, revoked_at, expires_at, scopes, kind`;

/** SHA-256 hex of a key: keys are 256 random bits, so a fast unsalted hash is enough. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}
