import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { timestampOrNull } from "../rewards/createReward.ts";
import { describeZodError } from "./describeZodError.ts";
import { ruleColumns, ruleRecordSchema, type RuleRecord } from "./ruleRecord.ts";
import { parseRuleConfig, ruleConditionsSchema } from "./ruleConfigs.ts";

const jsonValue = z.json();

export type RuleFields = {
  name: string;
  description: string | null;
  ruleType: string;
  config: unknown;
  priority: number;
  conditions: Record<string, unknown>;
  /** When it awards points, rules of lower priority do not apply. */
  exclusive: boolean;
  isActive: boolean;
  validFrom: Date | null;
  validUntil: Date | null;
};

export type SaveRuleResult =
  | { ok: true; rule: RuleRecord }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; message: string };

/**
 * Creates a points rule (no `ruleId`) or changes one (soft-deleting it with `deleted`), after
 * validating its config for its `rule_type` and its conditions with the same schemas the
 * evaluator uses, so a stored rule always loads. Writes an audit row (`rule.created|updated|deleted`).
 */
export async function saveRule(
  tx: Tx,
  input: { tenantId: string; userId: string | null; ruleId?: string; changes: Partial<RuleFields>; deleted?: boolean },
): Promise<SaveRuleResult> {
  let before: RuleRecord | null = null;
  if (input.ruleId !== undefined) {
    before = await tx.maybeOne(sql.type(ruleRecordSchema)`
      SELECT ${ruleColumns} FROM points_rules WHERE id = ${input.ruleId} AND deleted_at IS NULL
    `);
    if (before === null) return { ok: false, reason: "not_found" };
  }
  const merged = {
    name: input.changes.name ?? before?.name ?? "",
    description: input.changes.description !== undefined ? input.changes.description : (before?.description ?? null),
    ruleType: input.changes.ruleType ?? before?.ruleType ?? "",
    config: input.changes.config ?? before?.config ?? {},
    priority: input.changes.priority ?? before?.priority ?? 0,
    conditions: input.changes.conditions ?? before?.conditions ?? {},
    exclusive: input.changes.exclusive ?? before?.exclusive ?? false,
    isActive: input.changes.isActive ?? before?.isActive ?? true,
    validFrom: input.changes.validFrom !== undefined ? input.changes.validFrom : (before?.validFrom ?? null),
    validUntil: input.changes.validUntil !== undefined ? input.changes.validUntil : (before?.validUntil ?? null),
  };
  const config = parseRuleConfig(merged.ruleType, merged.config);
  if (!config.ok) return { ok: false, reason: "invalid", message: `config: ${config.reason}` };
  const conditions = ruleConditionsSchema.safeParse(merged.conditions);
  if (!conditions.success)
    return { ok: false, reason: "invalid", message: `conditions: ${describeZodError(conditions.error)}` };
  if (merged.validFrom !== null && merged.validUntil !== null && merged.validUntil <= merged.validFrom) {
    return { ok: false, reason: "invalid", message: "valid_until must be after valid_from" };
  }
  const configJson = sql.jsonb(jsonValue.parse(config.value));
  const conditionsJson = sql.jsonb(jsonValue.parse(conditions.data));
  const rule =
    before === null
      ? await tx.one(sql.type(ruleRecordSchema)`
          INSERT INTO points_rules (tenant_id, name, description, rule_type, config, priority, conditions, exclusive, is_active, valid_from, valid_until)
          VALUES (${input.tenantId}, ${merged.name}, ${merged.description}, ${merged.ruleType}, ${configJson}, ${merged.priority},
                  ${conditionsJson}, ${merged.exclusive}, ${merged.isActive}, ${timestampOrNull(merged.validFrom)}, ${timestampOrNull(merged.validUntil)})
          RETURNING ${ruleColumns}
        `)
      : await tx.one(sql.type(ruleRecordSchema)`
          UPDATE points_rules SET name = ${merged.name}, description = ${merged.description}, rule_type = ${merged.ruleType},
                 config = ${configJson}, priority = ${merged.priority}, conditions = ${conditionsJson},
                 exclusive = ${merged.exclusive},
                 is_active = ${input.deleted === true ? false : merged.isActive},
                 valid_from = ${timestampOrNull(merged.validFrom)}, valid_until = ${timestampOrNull(merged.validUntil)},
                 deleted_at = ${input.deleted === true ? sql.fragment`now()` : sql.fragment`NULL`}, updated_at = now()
          WHERE id = ${before.id}
          RETURNING ${ruleColumns}
        `);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.userId),
    action: before === null ? "rule.created" : input.deleted === true ? "rule.deleted" : "rule.updated",
    entityType: "points_rule",
    entityId: rule.id,
    oldValues: before === null ? null : { ruleType: before.ruleType, config: before.config, isActive: before.isActive },
    newValues: { ruleType: rule.ruleType, config: rule.config, isActive: rule.isActive },
  });
  return { ok: true, rule };
}
