import { z } from "zod";
import { sql, type Tx } from "./sql.ts";

const conversationStateRow = z.object({ conversation_state: z.unknown() });
const idRow = z.object({ id: z.uuid() });
const lastInboundRow = z.object({ last_inbound_at: z.date().nullable() });
const jsonValue = z.json();

/** The customer's stored flow snapshot (tenant path). */
export async function loadConversationState(tx: Tx, customerId: string): Promise<unknown> {
  return tx.oneFirst(sql.type(conversationStateRow)`
    SELECT conversation_state FROM customers WHERE id = ${customerId}
  `);
}

/** Saves the flow snapshot and the time of the customer's last message (the 24-hour window). */
export async function saveConversationState(tx: Tx, customerId: string, state: unknown): Promise<void> {
  await tx.query(sql.prepared("customerConversation.saveConversationState", idRow)`
    UPDATE customers SET conversation_state = ${sql.jsonb(jsonValue.parse(state ?? {}))}, last_inbound_at = now()
    WHERE id = ${customerId}
    RETURNING id
  `);
}

/** When the customer last wrote to this tenant (the start of the 24-hour service window), or null. */
export async function findLastInboundAt(tx: Tx, phone: string): Promise<Date | null> {
  const row = await tx.maybeOne(sql.type(lastInboundRow)`
    SELECT last_inbound_at FROM customers WHERE phone_number = ${phone} AND deleted_at IS NULL
  `);
  return row?.last_inbound_at ?? null;
}
