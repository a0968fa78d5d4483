import { createSpeaker } from "../../flows/i18n/createSpeaker.ts";
import { languageChoiceMessage } from "../../flows/i18n/languageChoiceMessage.ts";
import { parseLanguage } from "../../flows/i18n/languages.ts";
import type { Contact } from "../db/contacts.ts";
import { setContactLanguage } from "../db/contactLanguage.ts";
import type { Tx } from "../db/sql.ts";
import type { RoutingTenant } from "../db/tenants.ts";
import type { Logger } from "../logger.ts";
import { speakerFor } from "./chooseLanguage.ts";
import type { EngineDeps, Handled, PersonMessage } from "./engineTypes.ts";
import { runCustomerConversation } from "./runCustomerConversation.ts";

/**
 * `LANGUAGE` (the list of languages) or `LANGUAGE <name or code>` from anyone: the choice is kept
 * on the sender's contact row, so every vendor and the staff chat answer in it from now on. A
 * customer with a vendor gets that vendor's menu in the new language; a name we do not know gets
 * the list again.
 */
export async function handleLanguage(
  deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  message: PersonMessage,
  /** The words after LANGUAGE (`yoruba`, `yo`, `pidgin english`). */
  args: string[],
  /** The vendor the sender speaks to as a customer, if any (not when in a staff session). */
  tenant: RoutingTenant | null,
  log: Logger,
): Promise<Handled> {
  const current = speakerFor(contact, tenant);
  const tenantId = tenant?.id ?? null;
  if (args.length === 0) {
    return { route: "language", tenantId, customerId: null, replies: [languageChoiceMessage(current)] };
  }
  const language = parseLanguage(args.join(" "));
  if (language === null) {
    return {
      route: "language",
      tenantId,
      customerId: null,
      replies: [languageChoiceMessage(current, current.say("language.unknown"))],
    };
  }
  await setContactLanguage(tx, contact.phone_number, language);
  log.info({ language }, "language chosen");
  const changed = { kind: "text" as const, body: createSpeaker(language).say("language.changed") };
  if (tenant === null) return { route: "language", tenantId, customerId: null, replies: [changed] };
  const menu = await runCustomerConversation(deps, tx, { ...contact, language }, { ...message, text: "MENU" }, tenant);
  return { ...menu, route: "language", replies: [changed, ...menu.replies] };
}
