import { z } from "zod";
import { sql, type Tx } from "./sql.ts";

const phoneRow = z.object({ phone_number: z.string() });
const jsonValue = z.json();

/** Saves (or, with null, clears) the sender's sign-up snapshot on their contact row. Platform path. */
export async function saveSignupState(tx: Tx, phone: string, state: unknown): Promise<void> {
  const value = state === null ? null : sql.jsonb(jsonValue.parse(state));
  await tx.query(sql.type(phoneRow)`
    UPDATE contacts SET signup_state = ${value} WHERE phone_number = ${phone} RETURNING phone_number
  `);
}
