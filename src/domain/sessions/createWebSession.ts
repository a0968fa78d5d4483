import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { hashSessionSecret, newSessionSecret, WEB_SESSION_TTL_SECONDS } from "./webSession.ts";

const createdRow = z.object({ id: z.uuid(), expires_at: z.date() });
const sweptRow = z.object({ id: z.uuid() });

/** Sessions past their expiry are kept a day (for support questions), then removed. */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

export type NewWebSession = { id: string; secret: string; expiresAt: Date };

/**
 * Starts a browser session for a vendor user or a platform admin (platform path: written before
 * any tenant context exists) and returns the secret for the cookie, which is stored only hashed.
 * Sessions expired more than a day ago are deleted on the way.
 */
export async function createWebSession(
  tx: Tx,
  who: { kind: "vendor"; tenantId: string; userId: string } | { kind: "platform"; adminId: string },
  now: Date,
): Promise<NewWebSession> {
  // Each sign-in sweeps sessions long expired (indexed on expires_at), so the table stays small
  // without a job of its own.
  await tx.query(sql.type(sweptRow)`
    DELETE FROM web_sessions WHERE expires_at < ${sql.timestamp(new Date(now.getTime() - KEEP_EXPIRED_MS))} RETURNING id
  `);
  const secret = newSessionSecret();
  const expiresAt = new Date(now.getTime() + WEB_SESSION_TTL_SECONDS * 1000);
  const row = await tx.one(sql.type(createdRow)`
    INSERT INTO web_sessions (session_hash, kind, tenant_id, vendor_user_id, platform_admin_id, created_at, expires_at)
    VALUES (
      ${hashSessionSecret(secret)}, ${who.kind},
      ${who.kind === "vendor" ? who.tenantId : null},
      ${who.kind === "vendor" ? who.userId : null},
      ${who.kind === "platform" ? who.adminId : null},
      ${sql.timestamp(now)}, ${sql.timestamp(expiresAt)}
    )
    RETURNING id, expires_at
  `);
  return { id: row.id, secret, expiresAt: row.expires_at };
}
