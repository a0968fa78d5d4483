import { randomInt } from "node:crypto";

/**
 * Letters and digits a person can read aloud and type from a phone screen without confusion:
 * no 0/O, 1/I/L.
 */
export const UNAMBIGUOUS_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A random code of `length` characters from {@link UNAMBIGUOUS_ALPHABET}, from a CSPRNG. */
export function generateShortCode(length: number): string {
  let code = "";
  for (let i = 0; i < length; i += 1) code += UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)];
  return code;
}
