import { z } from "zod";

/** A message we send, as the flows emit it and the outbox stores it. */
export type OutMessage =
  | { kind: "text"; body: string }
  | { kind: "buttons"; body: string; buttons: { id: string; title: string }[] }
  | {
      kind: "list";
      body: string;
      button: string;
      sections: { title: string; rows: { id: string; title: string; description?: string }[] }[];
    }
  | { kind: "template"; name: string; language: string; bodyParams: string[] }
  /**
   * An image stored in our `media` table (`mediaId` is its row id): the sender uploads it to the
   * Graph API's media endpoint for the sending number, then sends the returned media id.
   */
  | { kind: "image"; mediaId: string; caption?: string };

// WhatsApp's limits, checked here so a bad message fails when the outbox row is read, not at
// Meta: https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages
// and https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-list-messages
const TEXT_MAX = 4096;
const INTERACTIVE_BODY_MAX = 1024;
const BUTTONS_MAX = 3;
const BUTTON_TITLE_MAX = 20;
const LIST_BUTTON_MAX = 20;
const LIST_ROWS_MAX = 10;
const ROW_ID_MAX = 200;
const ROW_TITLE_MAX = 24;
const ROW_DESCRIPTION_MAX = 72;
const SECTION_TITLE_MAX = 24;
// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages#media-object
export const MEDIA_CAPTION_MAX = 1024;

const textSchema = z.object({ kind: z.literal("text"), body: z.string().min(1).max(TEXT_MAX) });

const buttonsSchema = z
  .object({
    kind: z.literal("buttons"),
    body: z.string().min(1).max(INTERACTIVE_BODY_MAX),
    buttons: z
      .array(z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(BUTTON_TITLE_MAX) }))
      .min(1)
      .max(BUTTONS_MAX),
  })
  .refine((m) => isUnique(m.buttons.map((b) => b.id)) && isUnique(m.buttons.map((b) => b.title)), {
    message: "button ids and titles must be unique",
    path: ["buttons"],
  });

const listSchema = z
  .object({
    kind: z.literal("list"),
    body: z.string().min(1).max(INTERACTIVE_BODY_MAX),
    button: z.string().min(1).max(LIST_BUTTON_MAX),
    sections: z
      .array(
        z.object({
          title: z.string().max(SECTION_TITLE_MAX),
          rows: z
            .array(
              z.object({
                id: z.string().min(1).max(ROW_ID_MAX),
                title: z.string().min(1).max(ROW_TITLE_MAX),
                description: z.string().max(ROW_DESCRIPTION_MAX).optional(),
              }),
            )
            .min(1),
        }),
      )
      .min(1),
  })
  .refine((m) => m.sections.reduce((total, section) => total + section.rows.length, 0) <= LIST_ROWS_MAX, {
    message: `a list holds at most ${LIST_ROWS_MAX} rows in total`,
    path: ["sections"],
  })
  .refine((m) => isUnique(m.sections.flatMap((section) => section.rows.map((row) => row.id))), {
    message: "row ids must be unique",
    path: ["sections"],
  });

const templateSchema = z.object({
  kind: z.literal("template"),
  name: z.string().min(1),
  language: z.string().min(1),
  bodyParams: z.array(z.string()),
});

const imageSchema = z.object({
  kind: z.literal("image"),
  mediaId: z.uuid(),
  caption: z.string().min(1).max(MEDIA_CAPTION_MAX).optional(),
});

/** Parses an outbox row's payload back into an {@link OutMessage}, enforcing WhatsApp's limits. */
export const outMessageSchema: z.ZodType<OutMessage> = z.discriminatedUnion("kind", [
  textSchema,
  buttonsSchema,
  listSchema,
  templateSchema,
  imageSchema,
]);

function isUnique(values: string[]): boolean {
  return new Set(values).size === values.length;
}

/** The text kept in an outbox row's message_body: what the message says, for support and search. */
export function outMessageText(message: OutMessage): string {
  switch (message.kind) {
    case "template":
      return message.name;
    case "image":
      return message.caption ?? "[image]";
    default:
      return message.body;
  }
}
