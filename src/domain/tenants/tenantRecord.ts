import { z } from "zod";
import { sql } from "../../db/sql.ts";

const jsonObjectOrEmpty = z.record(z.string(), z.unknown()).catch(() => ({}));

/** A tenant as the platform admin sees it. */
export const tenantRecordSchema = z
  .object({
    id: z.string(),
    business_name: z.string(),
    slug: z.string(),
    vendor_code: z.string(),
    phone_number: z.string(),
    email: z.string().nullable(),
    plan_slug: z.string().nullable(),
    subscription_status: z.string().nullable(),
    trial_ends_at: z.date().nullable(),
    subscription_starts_at: z.date().nullable(),
    subscription_ends_at: z.date().nullable(),
    is_active: z.boolean().nullable(),
    settings: z.unknown(),
    whatsapp_config: z.unknown(),
    created_at: z.date().nullable(),
    updated_at: z.date().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    businessName: row.business_name,
    slug: row.slug,
    vendorCode: row.vendor_code,
    phoneNumber: row.phone_number,
    email: row.email,
    planSlug: row.plan_slug,
    subscriptionStatus: row.subscription_status ?? "trial",
    trialEndsAt: row.trial_ends_at,
    subscriptionStartsAt: row.subscription_starts_at,
    subscriptionEndsAt: row.subscription_ends_at,
    isActive: row.is_active ?? true,
    settings: jsonObjectOrEmpty.parse(row.settings),
    whatsappConfig: jsonObjectOrEmpty.parse(row.whatsapp_config),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));

export type Tenant = z.output<typeof tenantRecordSchema>;

/** Selects {@link tenantRecordSchema} rows (`t` is tenants); append a WHERE clause. */
export const selectTenants = sql.fragment`
  SELECT t.id, t.business_name, t.slug, t.vendor_code, t.phone_number, t.email, p.slug AS plan_slug,
         t.subscription_status, t.trial_ends_at, t.subscription_starts_at, t.subscription_ends_at,
         t.is_active, t.settings, t.whatsapp_config, t.created_at, t.updated_at
  FROM tenants t LEFT JOIN subscription_plans p ON p.id = t.subscription_plan_id
`;
