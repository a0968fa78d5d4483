/** A calendar date as seen on a wall clock somewhere; `weekday` is 0 = Sunday … 6 = Saturday. */
export type LocalDate = { year: number; month: number; day: number; weekday: number };

/**
 * The calendar date of `instant` in an IANA timezone, e.g. 2025-03-14T23:30Z is 15 March in
 * Africa/Lagos (UTC+1).
 * @throws RangeError when `timeZone` is not a known IANA timezone.
 */
export function localDateInTimeZone(instant: Date, timeZone: string): LocalDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const year = numericPart(parts, "year");
  const month = numericPart(parts, "month");
  const day = numericPart(parts, "day");
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

function numericPart(parts: Intl.DateTimeFormatPart[], type: "year" | "month" | "day"): number {
  const value = Number(parts.find((part) => part.type === type)?.value);
  if (!Number.isInteger(value)) {
    throw new Error(`Intl.DateTimeFormat returned no ${type}`);
  }
  return value;
}

/** Building an Intl.DateTimeFormat costs ~0.5 ms; one per timezone is kept (there are few). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
