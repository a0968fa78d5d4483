import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { hashApiKey } from "./apiKeyRecord.ts";

const apiKeyTenantRow = z.object({ id: z.string(), tenant_id: z.string() });

/**
 * The live (not revoked) key matching a presented key, with its tenant, or null. Runs on the
 * platform path: the tenant is not known until the key is found. Records when it was used.
 */
export async function findApiKeyByToken(
  tx: Tx,
  key: string,
  now: Date,
): Promise<{ id: string; tenantId: string } | null> {
  const found = await tx.maybeOne(sql.type(apiKeyTenantRow)`
    UPDATE api_keys SET last_used_at = ${sql.timestamp(now)}
    WHERE key_hash = ${hashApiKey(key)} AND revoked_at IS NULL
    RETURNING id, tenant_id
  `);
  return found === null ? null : { id: found.id, tenantId: found.tenant_id };
}
