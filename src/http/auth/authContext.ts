import { z } from "zod";

/** Roles of a vendor caller: a person's role, or `api` for a machine client with an API key. */
export const vendorRoleSchema = z.enum(["owner", "admin", "staff", "api"]);
export type VendorRole = z.infer<typeof vendorRoleSchema>;

export const platformRoleSchema = z.enum(["super_admin", "admin", "support"]);
export type PlatformRole = z.infer<typeof platformRoleSchema>;

/**
 * Per-user grants and denials (`vendor_users.permissions`): `true` opens a route to a role that
 * does not have it, `false` closes a route the role would have. Unknown keys are ignored.
 */
export const permissionsSchema = z.record(z.string(), z.boolean()).catch({});
export type Permissions = z.infer<typeof permissionsSchema>;

export type PlatformAuth = { kind: "platform"; adminId: string; role: PlatformRole };

export type VendorAuth = {
  kind: "vendor";
  tenantId: string;
  /** The vendor user; null for an API key. */
  userId: string | null;
  apiKeyId: string | null;
  role: VendorRole;
  permissions: Permissions;
  /**
   * The tenant is suspended for non-payment and this is its owner: only routes marked
   * `allowWhileSuspended` (billing: see the subscription, pay) are open (billing, issue #16).
   */
  billingOnly?: boolean;
  /** An API key's scopes (`purchases:write`, …); absent or null: not limited by scope. */
  scopes?: readonly string[] | null;
  /** An API key's kind: `pos` logs purchases as `pos_integration`, `api` as `api`. */
  apiKeyKind?: "api" | "pos";
};

export type AuthContext = PlatformAuth | VendorAuth;
