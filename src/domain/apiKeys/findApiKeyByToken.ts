import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { apiKeyKindSchema, hashApiKey, type ApiKeyKind } from "./apiKeyRecord.ts";

const apiKeyTenantRow = z.object({
  id: z.string(),
  tenant_id: z.string(),
  scopes: z.array(z.string()).nullable(),
  kind: apiKeyKindSchema,
});

/**
 * The live key (not revoked, not expired) matching a presented key, with its tenant and scopes,
 * or null. Runs on the platform path: the tenant is not known until the key is found. Records
 * when it was used at most once a minute, so a busy POS does not write a row per request.
 */
export async function findApiKeyByToken(
  tx: Tx,
  key: string,
  now: Date,
): Promise<{ id: string; tenantId: string; scopes: string[] | null; kind: ApiKeyKind } | null> {
  const at = sql.timestamp(now);
  const found = await tx.maybeOne(sql.type(apiKeyTenantRow)`
    WITH live AS (
      SELECT id, tenant_id, scopes, kind, last_used_at FROM api_keys
      WHERE key_hash = ${hashApiKey(key)} AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ${at})
    ), touched AS (
      UPDATE api_keys SET last_used_at = ${at}
      FROM live WHERE api_keys.id = live.id AND (live.last_used_at IS NULL OR live.last_used_at < ${at}::timestamptz - interval '1 minute')
    )
    SELECT id, tenant_id, scopes, kind FROM live
  `);
  return found === null ? null : { id: found.id, tenantId: found.tenant_id, scopes: found.scopes, kind: found.kind };
}
