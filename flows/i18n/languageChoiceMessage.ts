import { choiceMessage } from "../choiceMessage.ts";
import type { OutMessage } from "../types.ts";
import type { MessageKey } from "./catalog.ts";
import type { Speaker } from "./createSpeaker.ts";
import { LANGUAGE_ENDONYMS, LANGUAGES, type Language } from "./languages.ts";

const NAME_KEYS: Record<Language, MessageKey> = {
  en: "language.name.en",
  pcm: "language.name.pcm",
  yo: "language.name.yo",
  ha: "language.name.ha",
  ig: "language.name.ig",
};

/** The id of a language's row: the command that picks it, so typing it works as well as tapping. */
export function languageChoiceId(language: Language): string {
  return `LANGUAGE ${language}`;
}

/**
 * The list of languages: each row titled in its own language (a person finds theirs whatever the
 * bot speaks now), described in the current one.
 */
export function languageChoiceMessage(speaker: Speaker, body: string = speaker.say("language.prompt")): OutMessage {
  const choices = LANGUAGES.map((language) => ({
    id: languageChoiceId(language),
    title: LANGUAGE_ENDONYMS[language],
    description: speaker.say(NAME_KEYS[language]),
  }));
  return choiceMessage(body, choices, 0, speaker.say("language.button"), speaker);
}
