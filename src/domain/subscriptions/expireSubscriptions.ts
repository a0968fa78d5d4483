import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";

const idRow = z.object({ id: z.string() });

export type ExpireSubscriptionsResult = { trialsEnded: string[]; subscriptionsLapsed: string[] };

/**
 * Moves tenants whose trial ended (`trial`, `trial_ends_at` passed) or whose paid period lapsed
 * (`active`, `subscription_ends_at` passed) to `suspended`: their bot then answers politely
 * and records nothing until the platform reactivates them. One audit_logs row per tenant
 * (`tenant.trial_ended`, `tenant.subscription_lapsed`). Runs on the platform path across
 * tenants; running it again changes nothing.
 */
export async function expireSubscriptions(tx: Tx, input: { now: Date }): Promise<ExpireSubscriptionsResult> {
  const now = sql.timestamp(input.now);
  const trialsEnded = await tx.anyFirst(sql.type(idRow)`
    UPDATE tenants SET subscription_status = 'suspended'
    WHERE subscription_status = 'trial' AND trial_ends_at IS NOT NULL AND trial_ends_at <= ${now} AND deleted_at IS NULL
    RETURNING id
  `);
  const subscriptionsLapsed = await tx.anyFirst(sql.type(idRow)`
    UPDATE tenants SET subscription_status = 'suspended'
    WHERE subscription_status = 'active' AND subscription_ends_at IS NOT NULL AND subscription_ends_at <= ${now} AND deleted_at IS NULL
    RETURNING id
  `);
  const moves: { ids: readonly string[]; action: string; from: string }[] = [
    { ids: trialsEnded, action: "tenant.trial_ended", from: "trial" },
    { ids: subscriptionsLapsed, action: "tenant.subscription_lapsed", from: "active" },
  ];
  for (const { ids, action, from } of moves) {
    for (const tenantId of ids) {
      await writeAuditLog(tx, {
        tenantId,
        actor: { userType: "system", userId: null },
        action,
        entityType: "tenant",
        entityId: tenantId,
        oldValues: { subscription_status: from },
        newValues: { subscription_status: "suspended" },
      });
    }
  }
  return { trialsEnded: [...trialsEnded], subscriptionsLapsed: [...subscriptionsLapsed] };
}
