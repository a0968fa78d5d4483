/** Who is signed in to the dashboard, and the business settings every page needs. */
export type Session = {
  role: "owner" | "admin" | "staff";
  userId: string;
  permissions: Record<string, boolean>;
  timezone: string;
  businessName: string;
  vendorCode: string;
};

const MANAGERS = ["owner", "admin"];

/**
 * Whether the signed-in person may use a feature: the API's own rule (defineRoute's
 * isVendorAllowed) — owners always; others by role, widened or narrowed by their permissions.
 * Pages hide what this refuses; the API refuses it anyway.
 */
export function can(session: Session, roles: "managers" | "people" | "owner", permission?: string): boolean {
  if (session.role === "owner") return true;
  const grant = permission === undefined ? undefined : session.permissions[permission];
  if (grant === false) return false;
  const allowed = roles === "people" || (roles === "managers" && MANAGERS.includes(session.role));
  return allowed || grant === true;
}
