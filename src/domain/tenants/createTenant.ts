import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { enterTenant } from "../../db/withTenant.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { generateShortCode } from "../customers/generateShortCode.ts";
import { createStaffMember } from "../staff/createStaffMember.ts";
import type { StaffMember } from "../staff/staffRecord.ts";
import { selectTenants, tenantRecordSchema, type Tenant } from "./tenantRecord.ts";

export type CreateTenantInput = {
  businessName: string;
  /** WhatsApp id, already normalised. */
  phoneNumber: string;
  email: string | null;
  /** Chosen by the admin; generated from the name when absent. Stored upper case. */
  vendorCode: string | null;
  owner: { email: string; password: string; fullName: string };
  adminId: string;
  now: Date;
};

export type CreateTenantResult =
  | { ok: true; tenant: Tenant; owner: StaffMember }
  | { ok: false; reason: "vendor_code_taken" | "phone_taken" };

/** How long a new tenant's trial lasts (platform-created and WhatsApp sign-ups alike). */
export const TRIAL_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_ATTEMPTS = 8;

const existsRow = z.object({ x: z.number() });

const idRow = z.object({ id: z.string() });

/**
 * Onboards a business on the platform path: the tenant on the trial plan (trial ending in 30
 * days), with a unique slug and vendor code (generated from the name unless one is given), then,
 * switched to the new tenant (so RLS applies), its owner with a hashed password. Writes audit
 * rows (`tenant.created`, and `staff.created` for the owner).
 */
export async function createTenant(tx: Tx, input: CreateTenantInput): Promise<CreateTenantResult> {
  const phoneTaken = await tx.exists(sql.type(existsRow)`
    SELECT 1 AS x FROM tenants WHERE phone_number = ${input.phoneNumber}
  `);
  if (phoneTaken) return { ok: false, reason: "phone_taken" };
  const trialEndsAt = new Date(input.now.getTime() + TRIAL_DAYS * DAY_MS);
  const baseSlug = slugify(input.businessName);

  let tenantId: string | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && tenantId === null; attempt += 1) {
    const vendorCode = input.vendorCode?.toUpperCase() ?? generateVendorCode(input.businessName);
    const slug = attempt === 0 ? baseSlug : `${baseSlug}-${generateShortCode(4).toLowerCase()}`;
    tenantId = await tx.maybeOneFirst(sql.type(idRow)`
      INSERT INTO tenants (business_name, slug, vendor_code, phone_number, email, subscription_plan_id,
                           subscription_status, trial_ends_at, settings)
      VALUES (
        ${input.businessName}, ${slug}, ${vendorCode}, ${input.phoneNumber}, ${input.email},
        (SELECT id FROM subscription_plans WHERE slug = 'trial'), 'trial', ${sql.timestamp(trialEndsAt)},
        ${sql.jsonb({ timezone: "Africa/Lagos", currency: "NGN", country: "NG" })}
      )
      ON CONFLICT DO NOTHING
      RETURNING id
    `);
    if (tenantId === null && input.vendorCode !== null) {
      const codeTaken = await tx.exists(sql.type(existsRow)`
        SELECT 1 AS x FROM tenants WHERE upper(vendor_code) = ${input.vendorCode.toUpperCase()}
      `);
      if (codeTaken) return { ok: false, reason: "vendor_code_taken" };
    }
    if (tenantId === null) {
      const phoneRaced = await tx.exists(sql.type(existsRow)`
        SELECT 1 AS x FROM tenants WHERE phone_number = ${input.phoneNumber}
      `);
      if (phoneRaced) return { ok: false, reason: "phone_taken" };
    }
  }
  if (tenantId === null) throw new Error("could not generate a unique slug and vendor code");

  await enterTenant(tx, tenantId);
  const owner = await createStaffMember(tx, {
    tenantId,
    email: input.owner.email,
    fullName: input.owner.fullName,
    phoneNumber: null,
    role: "owner",
    password: input.owner.password,
  });
  if (!owner.ok) throw new Error(`could not create the owner of a new tenant: ${owner.reason}`);
  const tenant = await tx.one(sql.type(tenantRecordSchema)`${selectTenants} WHERE t.id = ${tenantId}`);
  await writeAuditLog(tx, {
    tenantId,
    actor: { userType: "platform_admin", userId: input.adminId },
    action: "tenant.created",
    entityType: "tenant",
    entityId: tenantId,
    newValues: { businessName: tenant.businessName, vendorCode: tenant.vendorCode, ownerId: owner.staff.id },
  });
  return { ok: true, tenant, owner: owner.staff };
}

/** `Mama Put's Kitchen!` → `mama-put-s-kitchen`. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug === "" ? "vendor" : slug;
}

/** Up to 6 letters of the name and 3 random characters: `MAMAPU7KQ`. */
function generateVendorCode(name: string): string {
  const letters = name
    .normalize("NFKD")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, 6);
  return `${letters === "" ? "V" : letters}${generateShortCode(3)}`;
}
