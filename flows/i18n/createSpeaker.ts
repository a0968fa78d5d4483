import { IntlMessageFormat } from "intl-messageformat";
import type { MessageKey } from "./catalog.ts";
import { CATALOGS } from "./catalogs/index.ts";
import type { Language } from "./languages.ts";

/** Values a message's placeholders take: text, or numbers that plurals count and the language formats. */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * The bot's words in one language, as pure functions: flows receive a speaker and never read
 * a catalog themselves, so the engine chooses the language and the flows stay free of I/O.
 */
export type Speaker = {
  readonly language: Language;
  /** The catalog message `key` with its placeholders filled. */
  say(key: MessageKey, values?: MessageValues): string;
  /** Kobo as naira for the language: 500050 → `₦5,000.50`. */
  naira(kobo: number): string;
  /** A count with the language's grouping: 1250 → `1,250`. */
  number(value: number): string;
  /** A count with its sign: 50 → `+50`, -100 → `-100`. */
  signedNumber(value: number): string;
  /** An instant as a date in `timezone` (bad zones fall back to UTC); an unreadable one as given. */
  date(iso: string, timezone: string): string;
  /** An instant as a time of day in `timezone`. */
  time(at: Date, timezone: string): string;
  /** Items joined as the language lists things: `A, B and C` (Intl.ListFormat, a conjunction). */
  list(items: readonly string[]): string;
};

/** The locale Intl formats for when it has no data for the language (Nigerian English). */
export const FALLBACK_INTL_LOCALE = "en-NG";

/**
 * The Intl locale for a language: Nigeria's variant (`yo-NG`), else the bare language, else
 * {@link FALLBACK_INTL_LOCALE}. Node's full ICU has all five; smaller ICU builds may not.
 */
export function intlLocaleFor(
  language: Language,
  supported: (locales: string[]) => readonly string[] = (locales) => Intl.NumberFormat.supportedLocalesOf(locales),
): string {
  for (const candidate of [`${language}-NG`, language]) {
    if (supported([candidate]).length > 0) return candidate;
  }
  return FALLBACK_INTL_LOCALE;
}

const speakers = new Map<string, Speaker>();

/**
 * The speaker of `language`. Compiled messages are cached per language and key; the same
 * input always gives the same words.
 * @throws Error when a message lacks a value for one of its placeholders (a programming error).
 */
export function createSpeaker(language: Language, locale: string = intlLocaleFor(language)): Speaker {
  const cacheKey = `${language}|${locale}`;
  const known = speakers.get(cacheKey);
  if (known !== undefined) return known;
  const catalog = CATALOGS[language];
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  // `<` and `>` are plain text in our messages (`LOG <phone> <amount>`), not rich-text tags.
  const compile = (key: MessageKey) => new IntlMessageFormat(catalog[key], locale, undefined, { ignoreTag: true });
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" });
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: "NGN", currencyDisplay: "narrowSymbol" });
  const lists = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  const dateOptions: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
  const speaker: Speaker = {
    language,
    say(key, values) {
      const format = compiled.get(key) ?? compile(key);
      compiled.set(key, format);
      const text = format.format(values);
      if (typeof text !== "string") throw new Error(`message ${key} did not format to text`);
      return text;
    },
    naira: (kobo) => money.format(kobo / 100),
    number: (value) => numbers.format(value),
    signedNumber: (value) => signed.format(value),
    date(iso, timezone) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      try {
        return new Intl.DateTimeFormat(locale, { ...dateOptions, timeZone: timezone }).format(date);
      } catch {
        return new Intl.DateTimeFormat(locale, { ...dateOptions, timeZone: "UTC" }).format(date);
      }
    },
    time(at, timezone) {
      try {
        return new Intl.DateTimeFormat(locale, { timeZone: timezone, hour: "2-digit", minute: "2-digit" }).format(at);
      } catch {
        return new Intl.DateTimeFormat(locale, { timeZone: "UTC", hour: "2-digit", minute: "2-digit" }).format(at);
      }
    },
    list: (items) => lists.format(items),
  };
  speakers.set(cacheKey, speaker);
  return speaker;
}

/** The English speaker: what flows use when the engine names no language (unit tests, old callers). */
export const ENGLISH: Speaker = createSpeaker("en");
