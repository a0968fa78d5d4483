import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { NotFoundError } from "../../errors.ts";

/** A plan limit: a non-negative count, or null for unlimited (stored as -1 or absent). */
export type PlanLimit = number | null;

export type PlanLimits = {
  maxCustomers: PlanLimit;
  maxStaff: PlanLimit;
  broadcastsPerMonth: PlanLimit;
  messagesPerMonth: PlanLimit;
};

const limit = z
  .int()
  .optional()
  .transform((value) => (value === undefined || value < 0 ? null : value));

const featuresSchema = z.looseObject({
  max_customers: limit,
  max_staff: limit,
  broadcasts_per_month: limit,
  messages_per_month: limit,
});

const featuresRow = z.object({ features: z.unknown() });

/**
 * The limits of the tenant's subscription plan (`subscription_plans.features`). A tenant with
 * no plan has no limits. subscription_plans is platform-level and readable by the app role.
 * @throws NotFoundError when the tenant is not visible in this transaction.
 */
export async function getPlanLimits(tx: Tx, tenantId: string): Promise<PlanLimits> {
  const row = await tx.maybeOne(sql.type(featuresRow)`
    SELECT p.features
    FROM tenants t LEFT JOIN subscription_plans p ON p.id = t.subscription_plan_id
    WHERE t.id = ${tenantId}
  `);
  if (row === null) throw new NotFoundError(`tenant ${tenantId} not found in this transaction`);
  return parsePlanLimits(row.features);
}

/** A plan's `features` JSON as limits (null or absent: unlimited). */
export function parsePlanLimits(features: unknown): PlanLimits {
  const parsed = featuresSchema.parse(features ?? {});
  return {
    maxCustomers: parsed.max_customers,
    maxStaff: parsed.max_staff,
    broadcastsPerMonth: parsed.broadcasts_per_month,
    messagesPerMonth: parsed.messages_per_month,
  };
}
