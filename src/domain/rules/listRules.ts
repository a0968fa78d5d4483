import { sql, type Tx } from "../../db/sql.ts";
import { ruleColumns, ruleRecordSchema, type RuleRecord } from "./ruleRecord.ts";

/** The current tenant's rules (not deleted), newest first, `limit + 1` rows; one rule with `id`. */
export async function listRules(
  tx: Tx,
  input: { id?: string; after: string | null; limit: number },
): Promise<readonly RuleRecord[]> {
  const filters = [sql.fragment`TRUE`];
  if (input.id !== undefined) filters.push(sql.fragment`id = ${input.id}`);
  if (input.after !== null)
    filters.push(sql.fragment`(created_at, id) < (SELECT created_at, id FROM points_rules WHERE id = ${input.after})`);
  const after = sql.join(filters, sql.fragment` AND `);
  return tx.any(sql.type(ruleRecordSchema)`
    SELECT ${ruleColumns} FROM points_rules WHERE deleted_at IS NULL AND ${after}
    ORDER BY created_at DESC, id DESC LIMIT ${input.limit + 1}
  `);
}
