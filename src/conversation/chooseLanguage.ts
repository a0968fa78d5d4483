import { createSpeaker, type Speaker } from "../../flows/i18n/createSpeaker.ts";
import { chooseLanguage } from "../../flows/i18n/chooseLanguage.ts";
import type { Language } from "../../flows/i18n/languages.ts";

export { chooseLanguage };

/** The speaker for a person at a vendor (or at no vendor yet). */
export function speakerFor(
  contact: { language: Language | null } | null,
  tenant: { default_language?: string | null } | null,
): Speaker {
  return createSpeaker(chooseLanguage(contact?.language ?? null, tenant?.default_language));
}
