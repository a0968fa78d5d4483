import { z } from "zod";
import type { ChatEntry } from "./sandboxChatLog.ts";

/** `mediaId`: for an image message, the id the media endpoint gave (the caller checks it exists). */
export type GraphSendBody = {
  to: string;
  entry: Omit<ChatEntry, "id" | "direction" | "at" | "image"> & { mediaId?: string };
};

export type ReadGraphSendBody = { ok: true; value: GraphSendBody } | { ok: false; reason: string };

/**
 * Reads the JSON body of `POST /{version}/{phone_number_id}/messages` the way the Cloud API does:
 * `messaging_product: "whatsapp"`, a recipient and one of the message types we send, in Meta's
 * shapes. Whatever the real API would refuse is refused here, with a reason.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
 */
export function readGraphSendBody(json: unknown): ReadGraphSendBody {
  const parsed = sendBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.map(String).join(".") ?? ""}: ${issue?.message ?? "invalid"}` };
  }
  const body = parsed.data;
  switch (body.type) {
    case "text":
      return { ok: true, value: { to: body.to, entry: { text: body.text.body } } };
    case "interactive": {
      const { interactive } = body;
      if (interactive.type === "button") {
        const buttons = interactive.action.buttons.map((button) => button.reply);
        return { ok: true, value: { to: body.to, entry: { text: interactive.body.text, buttons } } };
      }
      const { button, sections } = interactive.action;
      const list = {
        button,
        sections: sections.map((section) => ({
          title: section.title ?? "",
          rows: section.rows.map((row) => (row.description === undefined ? { id: row.id, title: row.title } : row)),
        })),
      };
      return { ok: true, value: { to: body.to, entry: { text: interactive.body.text, list } } };
    }
    case "image":
      return { ok: true, value: { to: body.to, entry: { text: body.image.caption ?? "", mediaId: body.image.id } } };
    case "template": {
      const params =
        body.template.components?.flatMap((component) => component.parameters?.map((p) => p.text ?? "") ?? []) ?? [];
      const text = params.length === 0 ? `[${body.template.name}]` : params.join(" · ");
      return { ok: true, value: { to: body.to, entry: { text, template: body.template.name } } };
    }
  }
}

const envelope = {
  messaging_product: z.literal("whatsapp"),
  recipient_type: z.literal("individual").optional(),
  to: z.string().regex(/^\+?\d{5,20}$/, "must be a phone number"),
};

const textBody = z.object({
  ...envelope,
  type: z.literal("text"),
  text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
});

const interactiveButtonBody = z.object({
  type: z.literal("button"),
  body: z.object({ text: z.string().min(1).max(1024) }),
  action: z.object({
    buttons: z
      .array(
        z.object({
          type: z.literal("reply"),
          reply: z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
        }),
      )
      .min(1)
      .max(3),
  }),
});

const interactiveListBody = z.object({
  type: z.literal("list"),
  body: z.object({ text: z.string().min(1).max(1024) }),
  action: z.object({
    button: z.string().min(1).max(20),
    sections: z
      .array(
        z.object({
          title: z.string().max(24).optional(),
          rows: z
            .array(
              z.object({
                id: z.string().min(1).max(200),
                title: z.string().min(1).max(24),
                description: z.string().max(72).optional(),
              }),
            )
            .min(1),
        }),
      )
      .min(1)
      .max(10),
  }),
});

const interactiveBody = z.object({
  ...envelope,
  type: z.literal("interactive"),
  interactive: z.discriminatedUnion("type", [interactiveButtonBody, interactiveListBody]),
});

const templateBody = z.object({
  ...envelope,
  type: z.literal("template"),
  template: z.object({
    name: z.string().min(1),
    language: z.object({ code: z.string().min(1) }).loose(),
    components: z
      .array(
        z
          .object({
            type: z.string(),
            parameters: z.array(z.object({ type: z.string(), text: z.string().optional() }).loose()).optional(),
          })
          .loose(),
      )
      .optional(),
  }),
});

// Images are sent by the id of an earlier upload (we never send links).
const imageBody = z.object({
  ...envelope,
  type: z.literal("image"),
  image: z.object({ id: z.string().min(1), caption: z.string().max(1024).optional() }),
});

const sendBodySchema = z.discriminatedUnion("type", [textBody, interactiveBody, templateBody, imageBody]);
