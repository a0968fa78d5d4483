import { z } from "zod";
import { LANGUAGES, type Language } from "../../flows/i18n/languages.ts";
import { sql, type Tx } from "./sql.ts";

const languageRow = z.object({ language: z.enum(LANGUAGES).nullable() });
const phoneRow = z.object({ phone_number: z.string() });

/** The language a person chose (LANGUAGE), or null when they never chose or never wrote. */
export async function findContactLanguage(tx: Tx, phone: string): Promise<Language | null> {
  const row = await tx.maybeOne(sql.type(languageRow)`SELECT language FROM contacts WHERE phone_number = ${phone}`);
  return row?.language ?? null;
}

/** Records a person's language on their contact row (platform level: it follows them across vendors). */
export async function setContactLanguage(tx: Tx, phone: string, language: Language): Promise<void> {
  await tx.query(sql.type(phoneRow)`
    UPDATE contacts SET language = ${language} WHERE phone_number = ${phone} RETURNING phone_number
  `);
}
