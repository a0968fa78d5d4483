import { parseLanguage, type Language } from "./languages.ts";

/**
 * Who speaks what (issue #18): the person's own choice (LANGUAGE, kept on their contact row so it
 * follows them across vendors), else the vendor's default (`settings.language`), else English.
 * Staff are people too: their own choice first. Pure, so the domain and the engine share it.
 */
export function chooseLanguage(personal: Language | null, vendorDefault: string | null | undefined): Language {
  if (personal !== null) return personal;
  // A setting written before the five languages were known may be `en_GB` or `yo-NG`.
  return (vendorDefault === null || vendorDefault === undefined ? null : parseLanguage(vendorDefault)) ?? "en";
}
