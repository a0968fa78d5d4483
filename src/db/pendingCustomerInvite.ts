import { z } from "zod";
import { sql, type Tx } from "./sql.ts";

const invitingRow = z.object({ vendor_code: z.string() });

/**
 * The vendor code of the business that last invited this phone (a customer its staff recorded
 * who never joined), while that customer is still not opted in; null otherwise. Platform path:
 * the sender has no vendor yet, and their reply to the invite is what joins them.
 */
export async function findPendingCustomerInvite(tx: Tx, phone: string): Promise<string | null> {
  const row = await tx.maybeOne(sql.type(invitingRow)`
    SELECT t.vendor_code FROM whatsapp_messages w
    JOIN tenants t ON t.id = w.tenant_id AND t.deleted_at IS NULL
    JOIN customers c ON c.tenant_id = w.tenant_id AND c.phone_number = w.contact_phone AND c.deleted_at IS NULL
    WHERE w.contact_phone = ${phone} AND w.direction = 'outbound' AND w.triggered_by = 'customer_invite'
      AND c.opted_in IS NOT TRUE
    ORDER BY w.created_at DESC
    LIMIT 1
  `);
  return row?.vendor_code ?? null;
}

const invitedRow = z.object({ invited: z.boolean() });

/** Whether this tenant already sent the customer-invite template to this phone (tenant path). */
export async function wasCustomerInvited(tx: Tx, phone: string): Promise<boolean> {
  return tx.oneFirst(sql.type(invitedRow)`
    SELECT EXISTS (
      SELECT 1 FROM whatsapp_messages
      WHERE contact_phone = ${phone} AND direction = 'outbound' AND triggered_by = 'customer_invite'
    ) AS invited
  `);
}
