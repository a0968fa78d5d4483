/** Formats kobo as naira for people: 500050 → `₦5,000.50`. */
export function formatNaira(kobo: number): string {
  const whole = Math.floor(Math.abs(kobo) / 100);
  const fraction = String(Math.abs(kobo) % 100).padStart(2, "0");
  return `${kobo < 0 ? "-" : ""}₦${groupThousands(whole)}.${fraction}`;
}

/** Formats a points count with thousands separators: 1250 → `1,250`. */
export function formatPoints(points: number): string {
  return `${points < 0 ? "-" : ""}${groupThousands(Math.abs(points))}`;
}

/** Formats an ISO instant as a date in the tenant's timezone (`12 Mar 2026`); bad zones fall back to UTC. */
export function formatDate(iso: string, timezone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
  try {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: timezone }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(date);
  }
}

/** Shortens text to `max` characters, ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = "";
  // Iterating by code point never splits an emoji; lengths are UTF-16 units like WhatsApp's.
  for (const character of text) {
    if (kept.length + character.length > max - 1) break;
    kept += character;
  }
  return `${kept.trimEnd()}…`;
}

function groupThousands(whole: number): string {
  return String(Math.trunc(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
