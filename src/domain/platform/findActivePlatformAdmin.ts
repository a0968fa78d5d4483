import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import type { PlatformAdminRole } from "./authenticatePlatformAdmin.ts";

const activeAdminRow = z.object({
  id: z.string(),
  role: z.enum(["super_admin", "admin", "support"]),
  token_version: z.int(),
});

/** An active platform admin's current role (platform path), or null when gone or disabled. */
export async function findActivePlatformAdmin(
  tx: Tx,
  adminId: string,
): Promise<{ id: string; role: PlatformAdminRole; token_version: number } | null> {
  return tx.maybeOne(sql.type(activeAdminRow)`
    SELECT id, COALESCE(role, 'admin') AS role, token_version FROM platform_admins WHERE id = ${adminId} AND COALESCE(is_active, true)
  `);
}
