import type { CountryCode } from "libphonenumber-js/max";
import { parseAmount } from "./parseAmount.ts";
import { parsePhone } from "./parsePhone.ts";
import { resolveKeyword, type ResolvedKeyword } from "./resolveKeyword.ts";

/**
 * A chat message read as a command: its keyword (upper case), argument tokens and raw rest, and
 * the commands a mistyped first word is equally close to (see resolveKeyword).
 */
export type KeywordCommand = ResolvedKeyword;

/** The phone and amount of `LOG <phone> <amount>`; a readable phone is kept even if the rest fails. */
export type LogCommandResult =
  | { ok: true; value: { phone: string; amountKobo: number } }
  | { ok: false; reason: string; phone: string | null };

// Marks belong to the word: Yoruba's tone marks on dotted vowels have no precomposed form.
const LEADING_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{N}][\p{L}\p{N}\p{M}]*)(.*)$/su;
const SEPARATORS_AFTER_KEYWORD = /^[\s:;,.!?]+/;
const LONE_CURRENCY = /^(?:₦|NGN|N)$/i;

/**
 * Reads a chat message as a command, forgiving case, spaces and punctuation:
 * `" balance! "` → `BALANCE`, `JOIN ABC123 REF42` → `JOIN` with args `["ABC123", "REF42"]`.
 * Text without a letter or digit gives the empty keyword. Aliases in every language and typos
 * are read as the command they mean (resolveKeyword): `wetin be my point` → `BALANCE`.
 */
export function parseKeyword(text: string): KeywordCommand {
  // A flow's guards read the same message many times: remember recent answers (a copy is handed out).
  const known = recentlyParsed.get(text);
  if (known !== undefined) return copyOf(known);
  const parsed = parseKeywordOnce(text);
  if (recentlyParsed.size >= RECENT_LIMIT) recentlyParsed.clear();
  recentlyParsed.set(text, parsed);
  return copyOf(parsed);
}

function copyOf(command: KeywordCommand): KeywordCommand {
  const copy = { ...command, args: [...command.args] };
  return command.suggestions === undefined ? copy : { ...copy, suggestions: [...command.suggestions] };
}

const RECENT_LIMIT = 256;
const recentlyParsed = new Map<string, KeywordCommand>();

function parseKeywordOnce(text: string): KeywordCommand {
  const match = LEADING_WORD.exec(text.normalize("NFKC").trim());
  if (!match) return { keyword: "", args: [], rest: "" };
  const keyword = (match[1] ?? "").toUpperCase();
  const rest = (match[2] ?? "").replace(SEPARATORS_AFTER_KEYWORD, "").trim();
  const args = rest.split(/\s+/).filter((token) => token.length > 0);
  return resolveKeyword(text.normalize("NFKC"), { keyword, args, rest });
}

/**
 * Splits the rest of a `LOG` command into the customer's phone and the amount: the amount is the
 * last token (with a lone `₦`/`N`/`NGN` before it), the phone is everything before it.
 */
export function parseLogCommand(rest: string, defaultCountry: CountryCode = "NG"): LogCommandResult {
  const tokens = rest
    .trim()
    .split(/\s+/)
    .filter((token) => token.length > 0);
  if (tokens.length === 0) {
    return { ok: false, reason: "Send the phone and amount, for example LOG 0801 234 5678 5000.", phone: null };
  }
  const wholeAsPhone = parsePhone(tokens.join(" "), defaultCountry);
  let amountStart = tokens.length - 1;
  const beforeAmount = tokens[amountStart - 1];
  if (beforeAmount !== undefined && LONE_CURRENCY.test(beforeAmount)) amountStart -= 1;
  const amount = parseAmount(tokens.slice(amountStart).join(" "));
  const phone = amountStart > 0 ? parsePhone(tokens.slice(0, amountStart).join(" "), defaultCountry) : null;
  if (amount.ok && phone?.ok) {
    return { ok: true, value: { phone: phone.value, amountKobo: amount.value } };
  }
  if (wholeAsPhone.ok) {
    return { ok: false, reason: "Add the amount, for example LOG 0801 234 5678 5000.", phone: wholeAsPhone.value };
  }
  if (!amount.ok) return { ok: false, reason: amount.reason, phone: null };
  return {
    ok: false,
    reason: phone && !phone.ok ? phone.reason : "Add the customer's phone, for example LOG 0801 234 5678 5000.",
    phone: null,
  };
}
