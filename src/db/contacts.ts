import { z } from "zod";
import { LANGUAGES } from "../../flows/i18n/languages.ts";
import { sql, type Tx } from "./sql.ts";

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
  /** The vendor sign-up's snapshot (flows/signup.ts) while one is under way, else null. */
  signup_state: z.unknown(),
  owner_tenant_id: z.uuid().nullable(),
  owner_user_id: z.uuid().nullable(),
  owner_session_expires_at: z.date().nullable(),
  owner_state: z.unknown(),
  /** The language the person chose with LANGUAGE; null when never chosen (sql/0019). */
  language: z.enum(LANGUAGES).nullable(),
  /** When DELETE MY DATA asked for YES (sql/0023); null when no erasure waits for an answer. */
  data_erase_requested_at: z.date().nullable(),
});
export type Contact = z.infer<typeof contactRow>;

const phoneNumberRow = z.object({ phone_number: z.string() });
const jsonValue = z.json();

/** The contact row's columns, as contactRow reads them. */
export const contactColumns = sql.fragment`
  phone_number, whatsapp_name, active_tenant_id, staff_tenant_id, staff_user_id,
  staff_session_expires_at, staff_state, pin_failures, pin_locked_until, signup_state,
  owner_tenant_id, owner_user_id, owner_session_expires_at, owner_state, language, data_erase_requested_at
`;

/** The contact row as it is now, for a caller that already holds its lock (or takes it here). */
export async function readLockedContact(tx: Tx, phone: string): Promise<Contact> {
  return tx.one(sql.prepared("contacts.readLockedContact", contactRow)`
    SELECT ${contactColumns} FROM contacts WHERE phone_number = ${phone} FOR UPDATE
  `);
}

/** As {@link readLockedContact}, or null when the row is gone (the person's data was erased). */
export async function findLockedContact(tx: Tx, phone: string): Promise<Contact | null> {
  return tx.maybeOne(sql.prepared("contacts.findLockedContact", contactRow)`
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
