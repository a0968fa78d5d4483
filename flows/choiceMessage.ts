import { truncate } from "./format.ts";
import { ENGLISH, type Speaker } from "./i18n/createSpeaker.ts";
import type { OutMessage } from "./types.ts";
import { WHATSAPP_LIMITS } from "./validateOutMessage.ts";

/** One option a person can pick; `id` is also what they can type (a keyword or a number). */
export type Choice = { id: string; title: string; description?: string };

/** The id of the row that shows the next page of a long list. */
export const MORE_CHOICE_ID = "MORE";

const ROWS_PER_PAGE = WHATSAPP_LIMITS.listRows - 1;

/**
 * Presents choices the way WhatsApp allows: up to 3 as buttons, up to 10 as a list, more as
 * pages of 9 rows and a "MORE" row. `page` wraps around, so MORE on the last page starts over.
 * The "More…" row and the default list button are in the speaker's language.
 */
export function choiceMessage(
  body: string,
  choices: Choice[],
  page = 0,
  listButton: string | null = null,
  speaker: Speaker = ENGLISH,
): OutMessage {
  const button = listButton ?? speaker.say("common.choose");
  const safeBody = truncate(body, WHATSAPP_LIMITS.interactiveBody);
  if (choices.length <= WHATSAPP_LIMITS.buttons) {
    return {
      kind: "buttons",
      body: safeBody,
      buttons: choices.map((choice) => ({ id: choice.id, title: truncate(choice.title, WHATSAPP_LIMITS.buttonTitle) })),
    };
  }
  const pageCount = choices.length <= WHATSAPP_LIMITS.listRows ? 1 : Math.ceil(choices.length / ROWS_PER_PAGE);
  const shownPage = ((page % pageCount) + pageCount) % pageCount;
  const shown = pageCount === 1 ? choices : choices.slice(shownPage * ROWS_PER_PAGE, (shownPage + 1) * ROWS_PER_PAGE);
  const rows = shown.map(toRow);
  if (pageCount > 1) {
    rows.push({
      id: MORE_CHOICE_ID,
      title: truncate(speaker.say("common.more"), WHATSAPP_LIMITS.rowTitle),
      description: truncate(
        speaker.say("common.page", { page: shownPage + 1, pages: pageCount }),
        WHATSAPP_LIMITS.rowDescription,
      ),
    });
  }
  return {
    kind: "list",
    body: safeBody,
    button: truncate(button, WHATSAPP_LIMITS.listButton),
    sections: [{ title: truncate(button, WHATSAPP_LIMITS.sectionTitle), rows }],
  };
}

function toRow(choice: Choice): { id: string; title: string; description?: string } {
  const title = truncate(choice.title, WHATSAPP_LIMITS.rowTitle);
  if (choice.description === undefined) return { id: choice.id, title };
  return { id: choice.id, title, description: truncate(choice.description, WHATSAPP_LIMITS.rowDescription) };
}
