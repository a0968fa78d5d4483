import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const idRow = z.object({ id: z.string() });
const dueRow = z.object({ due: z.boolean() });

/** After this many purchases a customer without a birthday is asked for it (once). */
export const ASK_BIRTHDAY_AFTER_PURCHASES = 3;

/**
 * Records a customer's birthday given in chat (day and month). `birth_date` is a DATE, so the
 * year kept is the one already on file when the day exists in it (an imported birth date), else
 * 2000, a leap year, so 29 February fits; only day and month are ever used (birthday bonuses).
 */
export async function setBirthday(
  tx: Tx,
  input: { customerId: string; day: number; month: number; currentBirthDate: string | null },
): Promise<void> {
  const year = yearFor(input.currentBirthDate, input.day, input.month);
  const date = `${String(year).padStart(4, "0")}-${String(input.month).padStart(2, "0")}-${String(input.day).padStart(2, "0")}`;
  await tx.query(sql.type(idRow)`
    UPDATE customers SET birth_date = ${date}::date, updated_at = now() WHERE id = ${input.customerId} RETURNING id
  `);
}

/** The customer said no to the birthday question: it is never asked again. */
export async function declineBirthday(tx: Tx, input: { customerId: string; now: Date }): Promise<void> {
  await tx.query(sql.type(idRow)`
    UPDATE customers SET birthday_declined_at = COALESCE(birthday_declined_at, ${sql.timestamp(input.now)})
    WHERE id = ${input.customerId} RETURNING id
  `);
}

/**
 * Whether to ask for the birthday now, and if so marks it asked in the same statement, so it is
 * asked once: a customer with at least three purchases, no birthday, never asked and never said no.
 */
export async function claimBirthdayQuestion(tx: Tx, input: { customerId: string; now: Date }): Promise<boolean> {
  const row = await tx.maybeOne(sql.type(dueRow)`
    UPDATE customers SET birthday_asked_at = ${sql.timestamp(input.now)}
    WHERE id = ${input.customerId} AND birth_date IS NULL AND birthday_asked_at IS NULL
      AND birthday_declined_at IS NULL AND COALESCE(total_purchases, 0) >= ${ASK_BIRTHDAY_AFTER_PURCHASES}
    RETURNING true AS due
  `);
  return row?.due === true;
}

function yearFor(current: string | null, day: number, month: number): number {
  const match = current === null ? null : /^(\d{4})-\d{2}-\d{2}$/u.exec(current);
  const year = match === null ? null : Number(match[1]);
  if (year === null) return 2000;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? year : 2000;
}
