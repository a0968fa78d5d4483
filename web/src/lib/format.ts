const whole = new Intl.NumberFormat("en-NG");

/** ₦ with thousands separators from integer kobo: 500000 → "₦5,000", 123456 → "₦1,234.56". */
export function formatNaira(kobo: number): string {
  const abs = Math.abs(kobo);
  const cents = abs % 100;
  return `${kobo < 0 ? "−" : ""}₦${whole.format(Math.floor(abs / 100))}${cents === 0 ? "" : `.${String(cents).padStart(2, "0")}`}`;
}

/** A whole number with thousands separators (points, counts). */
export function formatCount(value: number): string {
  return whole.format(value);
}

/** Naira typed by a person ("5,000", "₦5000.50") as kobo, or null when it is not an amount. */
export function parseNairaToKobo(input: string): number | null {
  const cleaned = input.replace(/[₦N,\s]/gi, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [naira, cents = ""] = cleaned.split(".");
  return Number(naira) * 100 + Number(cents.padEnd(2, "0"));
}

/** A date and time in the business's time zone: "3 Dec 2026, 09:15". */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (iso === null || iso === undefined) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

/** A calendar date in the business's time zone: "3 Dec 2026". A bare YYYY-MM-DD is shown as is. */
export function formatDate(iso: string | null | undefined, timeZone: string): string {
  if (iso === null || iso === undefined) return "—";
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(bare ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: bare ? "UTC" : timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(date);
}

/**
 * The instant of a wall-clock time typed in a `datetime-local` field, read in the business's
 * time zone (not the browser's): "2026-12-05T09:00" in Africa/Lagos → 08:00Z.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (match === null) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const asUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  // The zone's offset at that moment, found by formatting the UTC guess in the zone.
  const offset = zoneOffsetMs(asUtc, timeZone);
  return new Date(asUtc - offset).toISOString();
}

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const zoned = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return zoned - utcMs;
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** How long ago an instant was, in the largest whole unit: "5 minutes ago", "yesterday", "3 days ago". */
export function formatAge(iso: string, now = new Date()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return "—";
  const seconds = Math.max(0, Math.round((now.getTime() - then) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return relative.format(-hours, "hour");
  return relative.format(-Math.floor(hours / 24), "day");
}
