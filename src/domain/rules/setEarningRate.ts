import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { saveRule, type SaveRuleResult } from "./saveRule.ts";

const defaultRuleRow = z.object({ id: z.string(), config: z.record(z.string(), z.unknown()) });
const rateConfig = z.looseObject({ points_per_ngn: z.number() });

export type SetEarningRateResult =
  | { ok: true; pointsPer100: number; previousPer100: number | null; ruleId: string }
  | { ok: false; reason: "invalid"; message: string };

/**
 * The owner's RATE: points per ₦100 spent, as the tenant's default earning rule — its first
 * active `per_amount_spent` rule (lowest priority, oldest), created when there is none. The
 * rule's other settings (a minimum purchase) are kept. Goes through {@link saveRule}, so it is
 * validated and audited like a change made over the API.
 */
export async function setEarningRate(
  tx: Tx,
  input: { tenantId: string; userId: string | null; pointsPer100: number },
): Promise<SetEarningRateResult> {
  if (!Number.isFinite(input.pointsPer100) || input.pointsPer100 <= 0)
    return { ok: false, reason: "invalid", message: "The rate must be more than zero." };
  const pointsPerNaira = Number((input.pointsPer100 / 100).toPrecision(12));
  const current = await tx.maybeOne(sql.type(defaultRuleRow)`
    SELECT id, config FROM points_rules
    WHERE rule_type = 'per_amount_spent' AND is_active AND deleted_at IS NULL
    ORDER BY COALESCE(priority, 0), created_at, id
    LIMIT 1
    FOR UPDATE
  `);
  let saved: SaveRuleResult;
  let previousPer100: number | null = null;
  if (current === null) {
    saved = await saveRule(tx, {
      tenantId: input.tenantId,
      userId: input.userId,
      changes: { name: "Points per ₦100", ruleType: "per_amount_spent", config: { points_per_ngn: pointsPerNaira } },
    });
  } else {
    const before = rateConfig.safeParse(current.config);
    previousPer100 = before.success ? Number((before.data.points_per_ngn * 100).toPrecision(12)) : null;
    saved = await saveRule(tx, {
      tenantId: input.tenantId,
      userId: input.userId,
      ruleId: current.id,
      changes: { config: { ...current.config, points_per_ngn: pointsPerNaira } },
    });
  }
  if (!saved.ok)
    return {
      ok: false,
      reason: "invalid",
      message: saved.reason === "invalid" ? saved.message : "The earning rule is gone.",
    };
  return { ok: true, pointsPer100: input.pointsPer100, previousPer100, ruleId: saved.rule.id };
}
