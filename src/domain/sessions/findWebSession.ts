import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { hashSessionSecret, type WebSession, type WebSessionKind } from "./webSession.ts";

const sessionRow = z.object({
  id: z.uuid(),
  kind: z.enum(["vendor", "platform"]),
  tenant_id: z.uuid().nullable(),
  vendor_user_id: z.uuid().nullable(),
  platform_admin_id: z.uuid().nullable(),
  expires_at: z.date(),
});

/**
 * The live session of `kind` whose cookie secret is `secret`, or null when it is unknown, ended
 * or expired. Platform path: the tenant is not known until the session is found.
 */
export async function findWebSession(
  tx: Tx,
  kind: WebSessionKind,
  secret: string,
  now: Date,
): Promise<WebSession | null> {
  const row = await tx.maybeOne(sql.type(sessionRow)`
    SELECT id, kind, tenant_id, vendor_user_id, platform_admin_id, expires_at
    FROM web_sessions
    WHERE session_hash = ${hashSessionSecret(secret)} AND kind = ${kind}
      AND ended_at IS NULL AND expires_at > ${sql.timestamp(now)}
  `);
  if (row === null) return null;
  if (row.kind === "vendor" && row.tenant_id !== null && row.vendor_user_id !== null) {
    return {
      id: row.id,
      kind: "vendor",
      tenantId: row.tenant_id,
      userId: row.vendor_user_id,
      expiresAt: row.expires_at,
    };
  }
  if (row.kind === "platform" && row.platform_admin_id !== null) {
    return { id: row.id, kind: "platform", adminId: row.platform_admin_id, expiresAt: row.expires_at };
  }
  return null;
}
