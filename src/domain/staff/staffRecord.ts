import { z } from "zod";
import { sql } from "../../db/sql.ts";

export const staffRoleSchema = z.enum(["owner", "admin", "staff"]);

export type StaffRole = z.infer<typeof staffRoleSchema>;

/** A vendor user without any secret: never select password or PIN hashes into this. */
export const staffRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    email: z.string(),
    phone_number: z.string().nullable(),
    full_name: z.string(),
    role: staffRoleSchema,
    pin_enabled: z.boolean(),
    is_active: z.boolean(),
    created_at: z.date().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    phoneNumber: row.phone_number,
    fullName: row.full_name,
    role: row.role,
    pinEnabled: row.pin_enabled,
    isActive: row.is_active,
    createdAt: row.created_at,
  }));

export type StaffMember = z.output<typeof staffRecordSchema>;

/** The column list matching {@link staffRecordSchema}. */
export const staffColumns = sql.fragment`
  id, tenant_id, email, phone_number, full_name, COALESCE(role, 'staff') AS role,
  COALESCE(pin_enabled, false) AS pin_enabled, COALESCE(is_active, true) AS is_active, created_at
`;

/** A staff PIN: 4 to 6 digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{4,6}$/.test(pin);
}
