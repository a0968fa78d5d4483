import { z } from "zod";
import { LANGUAGES } from "../../flows/i18n/languages.ts";
import { pendingInboundRows } from "./inbox.ts";
import { sql, type Tx } from "./sql.ts";
import { pendingInboundJson, type InboundRow } from "./whatsappMessages.ts";
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
  /** The language the person chose with LANGUAGE; null when never chosen (sql/0019). */
  language: z.enum(LANGUAGES).nullable(),
});
export type Contact = z.infer<typeof contactRow>;

const phoneNumberRow = z.object({ phone_number: z.string() });
const jsonValue = z.json();

const contactColumns = sql.fragment`
  phone_number, whatsapp_name, active_tenant_id, staff_tenant_id, staff_user_id,
  staff_session_expires_at, staff_state, pin_failures, pin_locked_until, language
`;

const claimedSenderRow = contactRow.extend({
  routed_phone_number_id: z.string(),
  routing: z.array(routedTenantJson),
  pending_current: z.boolean(),
  pending: z.array(pendingInboundJson),
});

/** The sender claimed for this transaction, and the routing of the message that named them. */
export type ClaimedSender = {
  contact: Contact;
  /** The tenants the claimed message can go to: it arrived on `phoneNumberId`. */
  routing: { phoneNumberId: string; tenants: RoutingTenants };
  /**
   * The sender's unhandled messages in order, as the claim read them; null when another
   * transaction claimed the sender meanwhile (the claim waited for it), so they must be read again.
   */
  pending: readonly InboundRow[] | null;
};

/**
 * Takes the sender of an unhandled inbound message for this transaction, in one statement:
 * creates their contact row on first contact, records the time (and WhatsApp profile name) of
 * their latest message, counts the claim, and locks the row (an upsert locks what it writes), so
 * one sender's messages are handled one at a time, in order, whichever worker picks them up. The
 * same statement reads the tenants the message can be routed to (see findRoutingTenants), by the
 * contact's active tenant as the lock left it, and the sender's unhandled messages. Those are read
 * from the statement's snapshot, taken before the lock: when the claim count shows that another
 * transaction claimed the sender in between (this one waited for its lock), they are not returned
 * (`pending` null) and the caller reads them again. Returns null when the message is unknown or
 * already handled (a redelivered job).
 */
export async function claimSenderOf(tx: Tx, inboundMessageId: string): Promise<ClaimedSender | null> {
  const row = await tx.maybeOne(sql.prepared("contacts.claimSenderOf", claimedSenderRow)`
    WITH message AS (
      SELECT contact_phone, business_phone_number_id, payload->>'profileName' AS profile_name FROM whatsapp_messages
      WHERE id = ${inboundMessageId} AND direction = 'inbound' AND processed_at IS NULL
    ), seen AS (
      SELECT c.claims FROM contacts c JOIN message ON c.phone_number = message.contact_phone
    ), claimed AS (
      INSERT INTO contacts (phone_number, whatsapp_name, last_inbound_at, claims)
      SELECT contact_phone, profile_name, now(), 1 FROM message
      ON CONFLICT (phone_number) DO UPDATE SET
        last_inbound_at = now(),
        whatsapp_name = COALESCE(EXCLUDED.whatsapp_name, contacts.whatsapp_name),
        claims = contacts.claims + 1
      RETURNING ${contactColumns}, claims
    )
    SELECT ${contactColumns}, message.business_phone_number_id AS routed_phone_number_id,
      (SELECT COALESCE(json_agg(r), '[]'::json) FROM (
        ${routingTenantsQuery(sql.fragment`message.business_phone_number_id`, sql.fragment`claimed.active_tenant_id`)}
      ) AS r) AS routing,
      claimed.claims = COALESCE((SELECT claims FROM seen), 0) + 1 AS pending_current,
      (SELECT COALESCE(json_agg(p ORDER BY p.wa_timestamp, p.created_at), '[]'::json) FROM (
        ${pendingInboundRows(sql.fragment`message.contact_phone`)}
      ) AS p) AS pending
    FROM claimed, message
  `);
  if (row === null) return null;
  const { routed_phone_number_id: phoneNumberId, routing, pending_current: current, pending, ...contact } = row;
  return {
    contact,
    routing: { phoneNumberId, tenants: routingTenantsOf(routing, contact.active_tenant_id) },
    pending: current ? pending : null,
  };
}

/**
 * Takes the lock of an inbound message's sender and counts a claim without the rest of
 * claimSenderOf, for a transaction that handles the message another way (setting it aside): the
 * engine's claims see it.
 */
export async function claimSenderOnly(tx: Tx, inboundMessageId: string): Promise<void> {
  await tx.query(sql.type(phoneNumberRow)`
    UPDATE contacts SET claims = claims + 1
    WHERE phone_number = (SELECT contact_phone FROM whatsapp_messages WHERE id = ${inboundMessageId} AND direction = 'inbound')
    RETURNING phone_number
  `);
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
