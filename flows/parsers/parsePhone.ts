import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/** A phone number as a WhatsApp id (country code and digits, no `+`), or why it is not one. */
export type PhoneResult = { ok: true; value: string } | { ok: false; reason: string };

const ACCEPTED_TYPES = new Set(["MOBILE", "FIXED_LINE", "FIXED_LINE_OR_MOBILE"]);

/**
 * Normalises a typed phone number (`0801 234 5678`, `+234 801 234 5678`, `2348012345678`) to a
 * WhatsApp id, reading national forms with `defaultCountry`. Uses the full ("max") metadata so
 * the number's type can be checked, not only its length.
 */
export function parsePhone(text: string, defaultCountry: CountryCode = "NG"): PhoneResult {
  const cleaned = text.trim().replace(/[\s().-]/g, "");
  if (!/^\+?\d{6,15}$/.test(cleaned)) {
    return { ok: false, reason: "That is not a phone number, for example 0801 234 5678." };
  }
  const phone = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!phone?.isValid()) {
    return { ok: false, reason: "That phone number is not valid, for example 0801 234 5678." };
  }
  const type = phone.getType();
  if (type !== undefined && !ACCEPTED_TYPES.has(type)) {
    return { ok: false, reason: "That is not a mobile or landline number." };
  }
  return { ok: true, value: phone.number.replace("+", "") };
}
