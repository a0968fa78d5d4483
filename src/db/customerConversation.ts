import { z } from "zod";
import { sql, type Tx } from "./sql.ts";

const conversationStateRow = z.object({ conversation_state: z.unknown() });
const lastInboundRow = z.object({ last_inbound_at: z.date().nullable() });

/** The customer's stored flow snapshot (tenant path). */
export async function loadConversationState(tx: Tx, customerId: string): Promise<unknown> {
  return tx.oneFirst(sql.type(conversationStateRow)`
    SELECT conversation_state FROM customers WHERE id = ${customerId}
  `);
}

/** When the customer last wrote to this tenant (the start of the 24-hour service window), or null. */
export async function findLastInboundAt(tx: Tx, phone: string): Promise<Date | null> {
  const row = await tx.maybeOne(sql.type(lastInboundRow)`
    SELECT last_inbound_at FROM customers WHERE phone_number = ${phone} AND deleted_at IS NULL
  `);
  return row?.last_inbound_at ?? null;
}
