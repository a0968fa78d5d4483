import type { OutMessage } from "./types.ts";

/**
 * WhatsApp's limits for interactive messages.
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-list-messages
 */
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  buttons: 3,
  buttonTitle: 20,
  listButton: 20,
  listRows: 10,
  listSections: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  id: 200,
} as const;

/** Checks a message against WhatsApp's limits; lists every problem so a test shows them all. */
export function validateOutMessage(message: OutMessage): { ok: true } | { ok: false; problems: string[] } {
  const problems = messageProblems(message);
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

function messageProblems(message: OutMessage): string[] {
  const problems: string[] = [];
  const check = (fine: boolean, problem: string): void => {
    if (!fine) problems.push(problem);
  };
  if (message.kind === "text") {
    check(message.body.trim().length > 0, "text body is empty");
    check(message.body.length <= WHATSAPP_LIMITS.textBody, `text body over ${WHATSAPP_LIMITS.textBody}`);
    return problems;
  }
  check(message.body.trim().length > 0, "body is empty");
  check(message.body.length <= WHATSAPP_LIMITS.interactiveBody, `body over ${WHATSAPP_LIMITS.interactiveBody}`);
  const options = message.kind === "buttons" ? message.buttons : message.sections.flatMap((s) => s.rows);
  const ids = options.map((option) => option.id);
  check(new Set(ids).size === ids.length, "option ids are not unique");
  check(new Set(options.map((option) => option.title)).size === options.length, "option titles are not unique");
  for (const option of options) {
    check(option.id.trim().length > 0 && option.id.length <= WHATSAPP_LIMITS.id, `bad option id "${option.id}"`);
  }
  if (message.kind === "buttons") {
    check(message.buttons.length >= 1 && message.buttons.length <= WHATSAPP_LIMITS.buttons, "1 to 3 buttons");
    for (const button of message.buttons) {
      check(
        button.title.trim().length > 0 && button.title.length <= WHATSAPP_LIMITS.buttonTitle,
        `button title "${button.title}" empty or over ${WHATSAPP_LIMITS.buttonTitle}`,
      );
    }
    return problems;
  }
  check(
    message.button.trim().length > 0 && message.button.length <= WHATSAPP_LIMITS.listButton,
    `list button "${message.button}" empty or over ${WHATSAPP_LIMITS.listButton}`,
  );
  check(message.sections.length >= 1 && message.sections.length <= WHATSAPP_LIMITS.listSections, "1 to 10 sections");
  check(options.length >= 1 && options.length <= WHATSAPP_LIMITS.listRows, "1 to 10 rows in total");
  for (const section of message.sections) {
    check(section.rows.length > 0, "a section has no rows");
    check(
      section.title.length <= WHATSAPP_LIMITS.sectionTitle,
      `section title "${section.title}" over ${WHATSAPP_LIMITS.sectionTitle}`,
    );
    // WhatsApp requires a title on every section once there is more than one.
    check(message.sections.length === 1 || section.title.trim().length > 0, "section without title");
  }
  for (const row of message.sections.flatMap((s) => s.rows)) {
    check(
      row.title.trim().length > 0 && row.title.length <= WHATSAPP_LIMITS.rowTitle,
      `row title "${row.title}" empty or over ${WHATSAPP_LIMITS.rowTitle}`,
    );
    check(
      row.description === undefined || row.description.length <= WHATSAPP_LIMITS.rowDescription,
      `row description over ${WHATSAPP_LIMITS.rowDescription}`,
    );
  }
  return problems;
}
