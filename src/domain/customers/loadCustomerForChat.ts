import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { tenantSettingsSchema, type TenantSettings } from "../tenants/getTenantSettings.ts";
import { customerColumns, customerRecordSchema, type Customer } from "./customerRecord.ts";

/** The joined row: the customer's columns (null when not a member) beside the tenant's settings. */
const chatRow = z
  .object({ tenant_settings: z.unknown(), conversation_state: z.unknown(), id: z.string().nullable() })
  .loose();

export type CustomerChat = {
  /** The current tenant's customer with this WhatsApp id, or null (soft-deleted ones are not found). */
  customer: Customer | null;
  /** The customer's stored flow snapshot (null for no customer or none stored). */
  conversationState: unknown;
  settings: TenantSettings;
};

/**
 * Everything a customer's chat message needs from the tenant, in one query on the tenant's
 * transaction: the customer found by phone, their stored flow snapshot, and the tenant's settings.
 * @throws Error when the tenant is not visible in this transaction or its settings are malformed
 * (as getTenantSettings).
 */
export async function loadCustomerForChat(tx: Tx, tenantId: string, phone: string): Promise<CustomerChat> {
  const row = await tx.maybeOne(sql.prepared("loadCustomerForChat", chatRow)`
    SELECT t.settings AS tenant_settings, c.*
    FROM tenants t
    LEFT JOIN LATERAL (
      SELECT ${customerColumns}, conversation_state FROM customers
      WHERE phone_number = ${phone} AND deleted_at IS NULL
    ) c ON true
    WHERE t.id = ${tenantId}
  `);
  if (row === null) throw new Error(`tenant ${tenantId} not found in this transaction`);
  const settings = tenantSettingsSchema.safeParse(row.tenant_settings ?? {});
  if (!settings.success) throw new Error(`tenant ${tenantId} has invalid settings: ${settings.error.message}`);
  return {
    customer: row.id === null ? null : customerRecordSchema.parse(row),
    conversationState: row.id === null ? null : row.conversation_state,
    settings: settings.data,
  };
}
