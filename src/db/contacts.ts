import { z } from "zod";
import { sql, type Tx } from "./sql.ts";
import { routedTenantJson, routingTenantsOf, routingTenantsQuery, type RoutingTenants } from "./tenants.ts";

export const contactRow = z.object({
  phone_number: z.string(),
  whatsapp_name: z.string().nullable(),
  active_tenant_id: z.uuid().nullable(),
  staff_tenant_id: z.uuid().nullable(),
  staff_user_id: z.uuid().nullable(),
  staff_session_expires_at: z.date().nullable(),
  staff_state: z.unknown(),
  pin_failures: z.number(),
  pin_locked_until: z.date().nullable(),
});
export type Contact = z.infer<typeof contactRow>;

const phoneNumberRow = z.object({ phone_number: z.string() });
const jsonValue = z.json();

const contactColumns = sql.fragment`
  phone_number, whatsapp_name, active_tenant_id, staff_tenant_id, staff_user_id,
  staff_session_expires_at, staff_state, pin_failures, pin_locked_until
`;

const claimedSenderRow = contactRow.extend({
  routed_phone_number_id: z.string(),
  routing: z.array(routedTenantJson),
});

/** The sender claimed for this transaction, and the routing of the message that named them. */
export type ClaimedSender = {
  contact: Contact;
  /** The tenants the claimed message can go to: it arrived on `phoneNumberId`. */
  routing: { phoneNumberId: string; tenants: RoutingTenants };
};

/**
 * Takes the sender of an unhandled inbound message for this transaction, in one statement:
 * creates their contact row on first contact, records the time (and WhatsApp profile name) of
 * their latest message, and locks the row (an upsert locks what it writes), so one sender's
 * messages are handled one at a time, in order, whichever worker picks them up. The same
 * statement reads the tenants the message can be routed to (see findRoutingTenants), by the
 * contact's active tenant as the lock left it. Returns null when the message is unknown or
 * already handled (a redelivered job).
 */
export async function claimSenderOf(tx: Tx, inboundMessageId: string): Promise<ClaimedSender | null> {
  const row = await tx.maybeOne(sql.prepared("contacts.claimSenderOf", claimedSenderRow)`
    WITH message AS (
      SELECT contact_phone, business_phone_number_id, payload->>'profileName' AS profile_name FROM whatsapp_messages
      WHERE id = ${inboundMessageId} AND direction = 'inbound' AND processed_at IS NULL
    ), claimed AS (
      INSERT INTO contacts (phone_number, whatsapp_name, last_inbound_at)
      SELECT contact_phone, profile_name, now() FROM message
      ON CONFLICT (phone_number) DO UPDATE SET
        last_inbound_at = now(),
        whatsapp_name = COALESCE(EXCLUDED.whatsapp_name, contacts.whatsapp_name)
      RETURNING ${contactColumns}
    )
    SELECT claimed.*, message.business_phone_number_id AS routed_phone_number_id,
      (SELECT COALESCE(json_agg(r), '[]'::json) FROM (
        ${routingTenantsQuery(sql.fragment`message.business_phone_number_id`, sql.fragment`claimed.active_tenant_id`)}
      ) AS r) AS routing
    FROM claimed, message
  `);
  if (row === null) return null;
  const { routed_phone_number_id: phoneNumberId, routing, ...contact } = row;
  return { contact, routing: { phoneNumberId, tenants: routingTenantsOf(routing, contact.active_tenant_id) } };
}

/** The contact row as it is now, for a caller that already holds its lock (or takes it here). */
export async function readLockedContact(tx: Tx, phone: string): Promise<Contact> {
  return tx.one(sql.prepared("contacts.readLockedContact", contactRow)`
    SELECT ${contactColumns} FROM contacts WHERE phone_number = ${phone} FOR UPDATE
  `);
}

export async function setActiveTenant(tx: Tx, phone: string, tenantId: string | null): Promise<void> {
  await tx.query(sql.type(phoneNumberRow)`
    UPDATE contacts SET active_tenant_id = ${tenantId} WHERE phone_number = ${phone} RETURNING phone_number
  `);
}

/** Starts, extends or (with nulls) ends a staff session and stores the staff flow's state. */
export async function saveStaffSession(
  tx: Tx,
  phone: string,
  session: { tenantId: string; staffUserId: string; expiresAt: Date; state: unknown } | null,
): Promise<void> {
  await tx.query(sql.type(phoneNumberRow)`
    UPDATE contacts SET
      staff_tenant_id = ${session?.tenantId ?? null},
      staff_user_id = ${session?.staffUserId ?? null},
      staff_session_expires_at = ${session === null ? null : sql.timestamp(session.expiresAt)},
      staff_state = ${sql.jsonb(jsonValue.parse(session?.state ?? {}))}
    WHERE phone_number = ${phone}
    RETURNING phone_number
  `);
}
