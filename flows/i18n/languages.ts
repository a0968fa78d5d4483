/** The languages the bot speaks, by the codes people and settings use (ISO 639; `pcm` is Nigerian Pidgin). */
export const LANGUAGES = ["en", "pcm", "yo", "ha", "ig"] as const;

export type Language = (typeof LANGUAGES)[number];

/** Every language's name in itself: the same in every catalog, so a person finds their own. */
export const LANGUAGE_ENDONYMS: Record<Language, string> = {
  en: "English",
  pcm: "Pidgin",
  yo: "Yorùbá",
  ha: "Hausa",
  ig: "Igbo",
};

/** What people type after LANGUAGE, folded (lower case, no accents), per language. */
const LANGUAGE_NAMES: Record<Language, readonly string[]> = {
  en: ["en", "eng", "english", "oyinbo", "bekee", "turanci"],
  pcm: ["pcm", "pidgin", "naija", "pidgin english", "broken", "broken english"],
  yo: ["yo", "yoruba", "yor", "ede yoruba"],
  ha: ["ha", "hausa", "hau", "harshen hausa"],
  ig: ["ig", "igbo", "ibo", "asusu igbo"],
};

/**
 * Reads a language a person or a setting names (`yoruba`, `Yorùbá`, `yo`, `yo-NG`, `pidgin`),
 * or `null` when it is none of ours.
 */
export function parseLanguage(text: string): Language | null {
  const folded = foldText(text);
  if (folded === "") return null;
  for (const language of LANGUAGES) {
    if (LANGUAGE_NAMES[language].includes(folded)) return language;
  }
  // A locale tag such as `yo-NG` or `en_GB` names its language first.
  const tag = /^([a-z]{2,3})(?:[-_ ][a-z]{2})$/.exec(folded);
  const code = tag?.[1];
  return LANGUAGES.find((language) => language === code) ?? null;
}

/** Whether a value is one of our language codes. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && LANGUAGES.some((language) => language === value);
}

/** Hausa's hooked letters, which Unicode does not decompose, as people type them on a plain keyboard. */
const HOOKED: Record<string, string> = { ɓ: "b", ɗ: "d", ƙ: "k", ƴ: "y", Ɓ: "b", Ɗ: "d", Ƙ: "k", Ƴ: "y" };

/** Lower case, accents, tone marks and hooks removed, punctuation to spaces: how typed words are compared. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ɓɗƙƴƁƊƘƳ]/gu, (letter) => HOOKED[letter] ?? letter)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
