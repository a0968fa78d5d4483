import { parseKeyword } from "./parsers/parseKeyword.ts";

/** Words that answer a YES / NO question; button ids are `YES` and `NO`. */
export const YES_WORDS = ["YES", "Y", "YEA", "YEAH", "YEP", "OK", "OKAY", "CONFIRM", "SURE"] as const;
export const NO_WORDS = ["NO", "N", "NOPE", "NAH"] as const;
export const CANCEL_WORDS = ["CANCEL", "BACK", "QUIT"] as const;

/** How many times a step is asked again after a wrong answer before going back to the menu. */
export const MAX_RETRIES = 3;

// A message of emoji alone (a thumbs-up, a smile) is a greeting: it gets the menu, not an error.
const EMOJI_ONLY =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the joiner (U+200D) and variation selector (U+FE0F) are meant as single characters in the class
  /^(?:[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji_Component}\u200d\ufe0f]*\p{Extended_Pictographic}[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji_Component}\u200d\ufe0f]*)$/u;

/** The keyword of a text event (`MENU` for emoji alone), or `null` for any other event. */
export function keywordOfText(event: { type: string; text?: unknown }): string | null {
  if (event.type !== "TEXT" || typeof event.text !== "string") return null;
  if (EMOJI_ONLY.test(event.text)) return "MENU";
  return parseKeyword(event.text).keyword;
}

/** The commands a mistyped word in a text event is equally close to (none when it is not a near miss). */
export function suggestionsOfText(event: { type: string; text?: unknown }): string[] {
  if (event.type !== "TEXT" || typeof event.text !== "string") return [];
  return parseKeyword(event.text).suggestions ?? [];
}

/** Whether a text event's keyword is one of `words`. */
export function textIsOneOf(event: { type: string; text?: unknown }, words: readonly string[]): boolean {
  const keyword = keywordOfText(event);
  return keyword !== null && words.includes(keyword);
}

/** The 1-based number a text event picks among `count` options, or `null`. */
export function chosenNumber(event: { type: string; text?: unknown }, count: number): number | null {
  const keyword = keywordOfText(event);
  if (keyword === null || !/^\d{1,3}$/.test(keyword)) return null;
  const number = Number(keyword);
  return number >= 1 && number <= count ? number : null;
}
