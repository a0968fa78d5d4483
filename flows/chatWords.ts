import { parseKeyword } from "./parsers/parseKeyword.ts";

/** Words that answer a YES / NO question; button ids are `YES` and `NO`. */
export const YES_WORDS = ["YES", "Y", "YEA", "YEAH", "YEP", "OK", "OKAY", "CONFIRM", "SURE"] as const;
export const NO_WORDS = ["NO", "N", "NOPE", "NAH"] as const;
export const CANCEL_WORDS = ["CANCEL", "BACK", "QUIT"] as const;

/** How many times a step is asked again after a wrong answer before going back to the menu. */
export const MAX_RETRIES = 3;

/** The keyword of a text event, or `null` for any other event. */
export function keywordOfText(event: { type: string; text?: unknown }): string | null {
  if (event.type !== "TEXT" || typeof event.text !== "string") return null;
  return parseKeyword(event.text).keyword;
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
