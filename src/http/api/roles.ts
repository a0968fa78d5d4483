import type { VendorRole } from "../auth/authContext.ts";

/** Owners, admins, staff and machine clients. */
export const ANY_CALLER: readonly VendorRole[] = ["owner", "admin", "staff", "api"];
/** People of the business (no API keys). */
export const PEOPLE: readonly VendorRole[] = ["owner", "admin", "staff"];
/** Who manages the programme. */
export const MANAGERS: readonly VendorRole[] = ["owner", "admin"];
export const OWNER_ONLY: readonly VendorRole[] = ["owner"];
