import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

/** Who did it: a vendor user, a platform admin, or the system (a job, the bot itself). */
export type AuditActor =
  | { userType: "vendor_user"; userId: string }
  | { userType: "platform_admin"; userId: string }
  | { userType: "system"; userId: null };

export type AuditEntry = {
  tenantId: string;
  actor: AuditActor;
  /** Dotted verb, e.g. `points.adjusted`, `redemption.cancelled`, `staff.pin_locked`. */
  action: string;
  entityType: string;
  entityId: string | null;
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
};

const idRow = z.object({ id: z.string() });
const jsonValue = z.json();

/**
 * Appends one audit_logs row on the caller's transaction, so the record commits or rolls back
 * with the action it describes. Never put PINs, passwords or message bodies in the values.
 * @returns the new row's id.
 */
export async function writeAuditLog(tx: Tx, entry: AuditEntry): Promise<string> {
  return tx.oneFirst(sql.type(idRow)`
    INSERT INTO audit_logs (tenant_id, user_id, user_type, action, entity_type, entity_id, old_values, new_values)
    VALUES (
      ${entry.tenantId}, ${entry.actor.userId}, ${entry.actor.userType}, ${entry.action},
      ${entry.entityType}, ${entry.entityId},
      ${jsonOrNull(entry.oldValues)}, ${jsonOrNull(entry.newValues)}
    )
    RETURNING id
  `);
}

function jsonOrNull(values: Record<string, unknown> | null | undefined) {
  return values === null || values === undefined ? null : sql.jsonb(jsonValue.parse(values));
}

/** The actor for an optional vendor user id: the system when there is none. */
export function vendorOrSystem(userId: string | null): AuditActor {
  return userId === null ? { userType: "system", userId: null } : { userType: "vendor_user", userId };
}
