import { z } from "zod";
import { sql } from "../../db/sql.ts";

const jsonObjectOrEmpty = z.record(z.string(), z.unknown()).catch(() => ({}));

/** A points_rules row as the API sees it (config and conditions as stored). */
export const ruleRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    rule_type: z.string(),
    config: z.unknown(),
    priority: z.number().int().nullable(),
    conditions: z.unknown(),
    exclusive: z.boolean().nullable(),
    is_active: z.boolean().nullable(),
    valid_from: z.date().nullable(),
    valid_until: z.date().nullable(),
    created_at: z.date().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    description: row.description,
    ruleType: row.rule_type,
    config: jsonObjectOrEmpty.parse(row.config),
    priority: row.priority ?? 0,
    conditions: jsonObjectOrEmpty.parse(row.conditions ?? {}),
    exclusive: row.exclusive ?? false,
    isActive: row.is_active ?? false,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    createdAt: row.created_at,
  }));

export type RuleRecord = z.output<typeof ruleRecordSchema>;

export const ruleColumns = sql.fragment`
  id, tenant_id, name, description, rule_type, config, priority, conditions, exclusive, is_active, valid_from, valid_until, created_at
`;
