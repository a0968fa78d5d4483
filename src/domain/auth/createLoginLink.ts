import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";

/** A sign-in link from the owner chat is good for this long, and once (docs/chat.md, LOGIN). */
export const LOGIN_LINK_TTL_MS = 10 * 60 * 1000;

const idRow = z.object({ id: z.string() });

/**
 * Makes a one-time sign-in token for a vendor user, on the tenant's transaction: 32 random bytes
 * (base64url) given to the caller once; only their SHA-256 is stored (see sql/0016). An audit
 * row (`auth.login_link_created`) records it without the token.
 */
export async function createLoginLink(
  tx: Tx,
  input: { tenantId: string; userId: string; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + LOGIN_LINK_TTL_MS);
  const id = await tx.oneFirst(sql.type(idRow)`
    INSERT INTO login_links (tenant_id, vendor_user_id, token_hash, expires_at, created_at)
    VALUES (${input.tenantId}, ${input.userId}, ${hashLoginToken(token)}, ${sql.timestamp(expiresAt)}, ${sql.timestamp(input.now)})
    RETURNING id
  `);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: { userType: "vendor_user", userId: input.userId },
    action: "auth.login_link_created",
    entityType: "vendor_user",
    entityId: input.userId,
    newValues: { linkId: id, expiresAt: expiresAt.toISOString() },
  });
  return { token, expiresAt };
}

/** The stored form of a sign-in token: its SHA-256, hex. */
export function hashLoginToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
