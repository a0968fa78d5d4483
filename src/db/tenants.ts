import { z } from "zod";
import type { FragmentSqlToken } from "slonik";
import { sql, type Tx } from "./sql.ts";

/** What routing needs of a tenant (platform path: read before any tenant is chosen). */
export const routingTenantRow = z.object({
  id: z.uuid(),
  business_name: z.string(),
  vendor_code: z.string(),
  subscription_status: z.string().nullable(),
  is_active: z.boolean().nullable(),
  deleted_at: z.date().nullable(),
  whatsapp_config: z.record(z.string(), z.unknown()).nullable(),
  /** `settings.language`: the language the vendor's customers and staff get until they choose one. */
  default_language: z.string().nullable().optional(),
});
export type RoutingTenant = z.infer<typeof routingTenantRow>;

const membershipRow = z.object({ tenant_id: z.uuid(), business_name: z.string() });

const staffTenantRow = z.object({ tenant_id: z.uuid(), user_id: z.uuid() });

const columns = sql.fragment`id, business_name, vendor_code, subscription_status, is_active, deleted_at, whatsapp_config, settings->>'language' AS default_language`;

export async function findTenantByVendorCode(tx: Tx, vendorCode: string): Promise<RoutingTenant | null> {
  return tx.maybeOne(sql.type(routingTenantRow)`
    SELECT ${columns} FROM tenants WHERE upper(vendor_code) = upper(${vendorCode}) AND deleted_at IS NULL
  `);
}

const routedTenantRow = routingTenantRow.extend({ dedicated: z.boolean() });

/** Both tenants a message can be routed to (see findRoutingTenants). */
export type RoutingTenants = { dedicated: RoutingTenant | null; active: RoutingTenant | null };

/**
 * The tenants that own the receiving number (`phoneNumberId`) or are the sender's active tenant,
 * as a statement part: one row each, with `dedicated` telling which owns the number. For a
 * statement that routes as it does something else (claimSenderOf).
 */
export function routingTenantsQuery(
  phoneNumberId: FragmentSqlToken | string,
  activeTenantId: FragmentSqlToken | string | null,
): FragmentSqlToken {
  return sql.fragment`
    SELECT ${columns}, (whatsapp_config->>'phone_number_id' IS NOT DISTINCT FROM ${phoneNumberId}::text AND deleted_at IS NULL) AS dedicated
    FROM tenants
    WHERE (whatsapp_config->>'phone_number_id' = ${phoneNumberId}::text AND deleted_at IS NULL) OR id = ${activeTenantId}::uuid
  `;
}

/** Splits routingTenantsQuery's rows into the two candidates. */
export function routingTenantsOf(
  rows: readonly z.infer<typeof routedTenantRow>[],
  activeTenantId: string | null,
): RoutingTenants {
  const strip = ({ dedicated: _dedicated, ...tenant }: z.infer<typeof routedTenantRow>): RoutingTenant => tenant;
  const dedicated = rows.find((row) => row.dedicated);
  const active = activeTenantId === null ? undefined : rows.find((row) => row.id === activeTenantId);
  return {
    dedicated: dedicated === undefined ? null : strip(dedicated),
    active: active === undefined ? null : strip(active),
  };
}

/** routingTenantsQuery's rows as JSON (dates as ISO text), for a statement that returns them in a column. */
export const routedTenantJson = routedTenantRow.extend({
  deleted_at: z
    .string()
    .nullable()
    .transform((value) => (value === null ? null : new Date(value))),
});

/**
 * Both tenants a message can be routed to, in one query: the tenant that owns the receiving
 * number (`phoneNumberId`), if any, and the sender's active tenant, if any.
 */
export async function findRoutingTenants(
  tx: Tx,
  phoneNumberId: string,
  activeTenantId: string | null,
): Promise<RoutingTenants> {
  const rows = await tx.any(sql.prepared("tenants.findRoutingTenants", routedTenantRow)`
    ${routingTenantsQuery(phoneNumberId, activeTenantId)}
  `);
  return routingTenantsOf(rows, activeTenantId);
}

export async function findTenantById(tx: Tx, tenantId: string): Promise<RoutingTenant | null> {
  return tx.maybeOne(sql.type(routingTenantRow)`SELECT ${columns} FROM tenants WHERE id = ${tenantId}`);
}

/** A tenant whose program is paused (suspended, cancelled, deactivated) answers politely and records nothing. */
export function isTenantServing(tenant: RoutingTenant): boolean {
  return (
    tenant.deleted_at === null &&
    tenant.is_active !== false &&
    tenant.subscription_status !== "suspended" &&
    tenant.subscription_status !== "cancelled"
  );
}

/** The vendors a phone number belongs to as a customer (for VENDORS), across tenants. */
export async function listMembershipsByPhone(tx: Tx, phone: string) {
  return tx.any(sql.type(membershipRow)`
    SELECT c.tenant_id, t.business_name
    FROM customers c JOIN tenants t ON t.id = c.tenant_id
    WHERE c.phone_number = ${phone} AND c.deleted_at IS NULL AND t.deleted_at IS NULL
    ORDER BY t.business_name
  `);
}

/** Tenants where this phone is an active staff member with a PIN. */
export async function listStaffTenantsByPhone(tx: Tx, phone: string) {
  return tx.any(sql.type(staffTenantRow)`
    SELECT tenant_id, id AS user_id FROM vendor_users
    WHERE phone_number = ${phone} AND pin_enabled = true AND staff_pin_hash IS NOT NULL
      AND is_active = true AND deleted_at IS NULL
  `);
}
