import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../db/sql.ts";
import { withPlatform } from "../../db/withTenant.ts";
import type { Logger } from "../../logger.ts";
import { hashSecret } from "../auth/passwords.ts";

const countRow = z.object({ count: z.number() });

const idRow = z.object({ id: z.uuid() });

/**
 * Creates the first platform admin from PLATFORM_ADMIN_EMAIL / PLATFORM_ADMIN_PASSWORD when
 * there is no platform admin yet. Nothing is hard-coded: with no env, no admin is created.
 */
export async function ensureFirstPlatformAdmin(
  pool: DatabasePool,
  admin: { email: string; password: string } | undefined,
  log: Logger,
): Promise<void> {
  if (admin === undefined) return;
  const passwordHash = await hashSecret(admin.password);
  const created = await withPlatform(pool, async (tx) => {
    const existing = await tx.oneFirst(sql.type(countRow)`
      SELECT count(*) AS count FROM platform_admins
    `);
    if (existing > 0) return false;
    await tx.query(sql.type(idRow)`
      INSERT INTO platform_admins (email, password_hash, full_name, role)
      VALUES (${admin.email.toLowerCase()}, ${passwordHash}, 'Platform Administrator', 'super_admin')
      ON CONFLICT (email) DO NOTHING
      RETURNING id
    `);
    return true;
  });
  if (created) log.info("first platform admin created from env");
}
