import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const erasedRow = z.object({ id: z.string(), tenant_id: z.string() });
const countRow = z.object({ count: z.number().int() });

export type ErasePersonalDataResult = { customersErased: number; messagesScrubbed: number };

/**
 * Erases a person's personal data everywhere (NDPR right to erasure; `DELETE MY DATA` then `YES`
 * in chat), in the caller's transaction on the platform path:
 * - each vendor's customer row keeps its id, so the vendor's ledger, purchases and redemptions
 *   stay whole and balanced for its accounts, but the phone number is replaced by a one-way
 *   token (salted with random bytes that are not kept, so it cannot be linked back), names,
 *   email, birth date, notes, tags and chat state are cleared, marketing is off, and the row is
 *   marked deleted (it leaves lists, segments and broadcasts);
 * - every stored message to or from the number loses its body and payload, and its phone;
 * - the platform contact row (routing, sessions, name) is deleted;
 * - one audit row per vendor (without the number).
 * Messages the person sends afterwards start afresh, as a stranger's.
 */
export async function erasePersonalData(tx: Tx, input: { phone: string; now: Date }): Promise<ErasePersonalDataResult> {
  const token = `x${createHash("sha256").update(randomBytes(16)).update(input.phone).digest("hex").slice(0, 18)}`;
  const erased = await tx.any(sql.type(erasedRow)`
    UPDATE customers SET
      phone_number = ${token} || substr(md5(id::text), 1, 1),
      first_name = NULL, last_name = NULL, whatsapp_name = NULL, email = NULL, birth_date = NULL,
      notes = NULL, tags = '[]'::jsonb, conversation_state = '{}'::jsonb,
      opted_in = false, opted_out_at = COALESCE(opted_out_at, ${sql.timestamp(input.now)}),
      deleted_at = COALESCE(deleted_at, ${sql.timestamp(input.now)}), updated_at = now()
    WHERE phone_number = ${input.phone}
    RETURNING id, tenant_id
  `);
  const messagesScrubbed = await tx.oneFirst(sql.type(countRow)`
    WITH scrubbed AS (
      UPDATE whatsapp_messages SET message_body = NULL, media_url = NULL, payload = '{"erased": true}'::jsonb, contact_phone = NULL
      WHERE contact_phone = ${input.phone}
        AND (direction = 'inbound' OR whatsapp_status IN ('sent', 'delivered', 'read', 'failed'))
      RETURNING 1
    )
    SELECT count(*)::int AS count FROM scrubbed
  `);
  await tx.query(sql.type(countRow)`
    WITH reset AS (
      DELETE FROM contacts WHERE phone_number = ${input.phone}
      RETURNING 1
    )
    SELECT count(*)::int AS count FROM reset
  `);
  for (const tenantId of new Set(erased.map((row) => row.tenant_id))) {
    await tx.query(sql.type(countRow)`
      WITH audited AS (
        INSERT INTO audit_logs (tenant_id, user_type, action, entity_type, entity_id, new_values)
        SELECT ${tenantId}, 'system', 'customer.personal_data_erased', 'customer', id, '{"requested_by": "customer"}'::jsonb
        FROM customers WHERE tenant_id = ${tenantId} AND id = ANY(${sql.array(
          erased.filter((row) => row.tenant_id === tenantId).map((row) => row.id),
          "uuid",
        )})
        RETURNING 1
      )
      SELECT count(*)::int AS count FROM audited
    `);
  }
  return { customersErased: erased.length, messagesScrubbed };
}
