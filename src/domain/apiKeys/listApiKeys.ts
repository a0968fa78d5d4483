import { sql, type Tx } from "../../db/sql.ts";
import { apiKeyColumns, apiKeyRecordSchema, type ApiKey } from "./apiKeyRecord.ts";

/** The current tenant's API keys, revoked ones included, newest first. */
export async function listApiKeys(tx: Tx): Promise<readonly ApiKey[]> {
  return tx.any(sql.type(apiKeyRecordSchema)`
    SELECT ${apiKeyColumns} FROM api_keys ORDER BY created_at DESC, id DESC
  `);
}
