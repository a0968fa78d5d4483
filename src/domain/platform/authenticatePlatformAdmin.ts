import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { DUMMY_HASH } from "../auth/dummyHash.ts";
import { verifySecret } from "../auth/passwords.ts";

export type PlatformAdminRole = "super_admin" | "admin" | "support";

export type AuthenticatePlatformAdminResult =
  | { ok: true; adminId: string; role: PlatformAdminRole; tokenVersion: number }
  | { ok: false; reason: "invalid_credentials" };

const adminRow = z.object({
  id: z.string(),
  password_hash: z.string(),
  role: z.enum(["super_admin", "admin", "support"]),
  token_version: z.int(),
});

/**
 * Checks a platform admin's password on the platform path. An unknown email, a disabled admin
 * and a wrong password are one result with the same cost (one scrypt verification).
 * Success records `last_login_at`.
 */
export async function authenticatePlatformAdmin(
  tx: Tx,
  input: { email: string; password: string; now: Date },
): Promise<AuthenticatePlatformAdminResult> {
  const admin = await tx.maybeOne(sql.type(adminRow)`
    SELECT id, password_hash, COALESCE(role, 'admin') AS role, token_version FROM platform_admins
    WHERE email = ${input.email.trim().toLowerCase()} AND COALESCE(is_active, true)
  `);
  const matches = await verifySecret(input.password, admin?.password_hash ?? DUMMY_HASH);
  if (admin === null || !matches) return { ok: false, reason: "invalid_credentials" };
  await tx.query(sql.type(noRows)`
    UPDATE platform_admins SET last_login_at = ${sql.timestamp(input.now)} WHERE id = ${admin.id}
  `);
  return { ok: true, adminId: admin.id, role: admin.role, tokenVersion: admin.token_version };
}
