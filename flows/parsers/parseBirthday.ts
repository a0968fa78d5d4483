import { z } from "zod";

/** A birthday as day and month (the year is not asked for). */
export type DayMonth = { day: number; month: number };

const MONTHS: readonly (readonly string[])[] = [
  ["JAN", "JANUARY"],
  ["FEB", "FEBRUARY"],
  ["MAR", "MARCH"],
  ["APR", "APRIL"],
  ["MAY"],
  ["JUN", "JUNE"],
  ["JUL", "JULY"],
  ["AUG", "AUGUST"],
  ["SEP", "SEPT", "SEPTEMBER"],
  ["OCT", "OCTOBER"],
  ["NOV", "NOVEMBER"],
  ["DEC", "DECEMBER"],
];

/** Days in each month of a leap year: 29 February is a birthday too. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const dayMonthSchema = z
  .object({ day: z.int().min(1).max(31), month: z.int().min(1).max(12) })
  .refine((value) => value.day <= (DAYS_IN_MONTH[value.month - 1] ?? 0), "no such day in that month");

// "14/03", "14-3", "14.03" (day first, as written in Nigeria), optionally with a year after.
const NUMERIC = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*\d{2,4})?$/u;
// "14 March", "14th of Mar", "March 14", "March 14th", optionally with a year after.
const DAY_WORD = /^(\d{1,2})(?:ST|ND|RD|TH)?\s+(?:OF\s+)?([A-Z]+)\.?(?:,?\s+\d{4})?$/u;
const WORD_DAY = /^([A-Z]+)\.?\s+(\d{1,2})(?:ST|ND|RD|TH)?(?:,?\s+\d{4})?$/u;

/**
 * Reads a birthday typed in chat: `14 March`, `14th of Mar`, `March 14`, `14/03`, `14-3`
 * (day first), with or without a year, case and spaces forgiven. 29 February is accepted.
 * Returns null for anything else (31 April, 0/5, a month name we do not know).
 */
export function parseBirthday(text: string): DayMonth | null {
  const cleaned = text.normalize("NFKC").trim().toUpperCase().replace(/\s+/gu, " ");
  const numeric = NUMERIC.exec(cleaned);
  if (numeric !== null) return checked(Number(numeric[1]), Number(numeric[2]));
  const dayWord = DAY_WORD.exec(cleaned);
  if (dayWord !== null) return checked(Number(dayWord[1]), monthOf(dayWord[2] ?? ""));
  const wordDay = WORD_DAY.exec(cleaned);
  if (wordDay !== null) return checked(Number(wordDay[2]), monthOf(wordDay[1] ?? ""));
  return null;
}

function monthOf(word: string): number {
  return MONTHS.findIndex((names) => names.includes(word)) + 1;
}

function checked(day: number, month: number): DayMonth | null {
  const parsed = dayMonthSchema.safeParse({ day, month });
  return parsed.success ? parsed.data : null;
}
