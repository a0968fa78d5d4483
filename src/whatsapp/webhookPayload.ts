import { z } from "zod";

export type InboundMessageKind = "text" | "interactive" | "button" | "other";

export type InboundMessage = {
  waMessageId: string;
  /** The sender's wa_id (phone number digits). */
  from: string;
  /** Our business number that received the message (`metadata.phone_number_id`). */
  phoneNumberId: string;
  profileName: string | null;
  timestamp: Date;
  kind: InboundMessageKind;
  /** `text.body`, or the button/list reply id, or the template quick-reply payload. */
  text: string | null;
  /** The title of the button or list row tapped, or the quick-reply button's label. */
  title: string | null;
  /** WhatsApp's raw message type (`text`, `image`, `unsupported`, …). */
  type: string;
  /** A photo's media id and type (`image` messages only; its caption, if any, is `text`). */
  media?: { id: string; mimeType: string };
};

export type DeliveryStatus = "sent" | "delivered" | "read" | "failed";

export type StatusUpdate = {
  waMessageId: string;
  status: DeliveryStatus;
  timestamp: Date;
  recipientId: string;
  errorCode: string | null;
  errorMessage: string | null;
};

export type SkippedEvent = { reason: string; id?: string };

export type WebhookEvents = {
  messages: InboundMessage[];
  statuses: StatusUpdate[];
  skipped: SkippedEvent[];
};

export type WebhookPayloadResult = { ok: true; value: WebhookEvents } | { ok: false; reason: string };

/**
 * Reads a WhatsApp Cloud API webhook POST body into the messages and status updates it carries.
 *
 * Every level is an array (entries, changes, messages, statuses) and all of them are read; a
 * single message or status we cannot use (no `from` for username-only users, unknown status,
 * missing fields) lands in `skipped` with a reason instead of failing the whole batch. The
 * result is `ok: false` only when the envelope itself is not a WhatsApp webhook we understand.
 * See https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components
 */
export function parseWebhookPayload(json: unknown): WebhookPayloadResult {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: describeIssues("payload", envelope.error) };

  const events: WebhookEvents = { messages: [], statuses: [], skipped: [] };
  for (const [entryIndex, entry] of envelope.data.entry.entries()) {
    for (const [changeIndex, change] of entry.changes.entries()) {
      const where = `entry[${entryIndex}].changes[${changeIndex}]`;
      if (change.field !== "messages") {
        events.skipped.push({ reason: `${where}: unsupported field "${change.field}"` });
        continue;
      }
      const value = messagesValueSchema.safeParse(change.value);
      if (!value.success) return { ok: false, reason: describeIssues(`${where}.value`, value.error) };
      collectChange(value.data, events);
    }
  }
  return { ok: true, value: events };
}

function collectChange(value: MessagesValue, events: WebhookEvents): void {
  const phoneNumberId = value.metadata.phone_number_id;
  const profileNames = new Map<string, string>();
  for (const contact of value.contacts ?? []) {
    const parsed = contactSchema.safeParse(contact);
    if (parsed.success && parsed.data.wa_id !== undefined && parsed.data.profile?.name !== undefined) {
      profileNames.set(parsed.data.wa_id, parsed.data.profile.name);
    }
  }

  for (const raw of value.messages ?? []) {
    const message = readMessage(raw, phoneNumberId, profileNames);
    if (message.ok) events.messages.push(message.value);
    else events.skipped.push(message.skipped);
  }
  for (const raw of value.statuses ?? []) {
    const status = readStatus(raw);
    if (status.ok) events.statuses.push(status.value);
    else events.skipped.push(status.skipped);
  }
  for (const raw of value.errors ?? []) {
    const error = webhookErrorSchema.safeParse(raw);
    const summary = error.success
      ? `${error.data.code ?? "?"} ${error.data.title ?? error.data.message ?? ""}`.trim()
      : "unreadable";
    events.skipped.push({ reason: `webhook error: ${summary}` });
  }
}

type Read<T> = { ok: true; value: T } | { ok: false; skipped: SkippedEvent };

function readMessage(raw: unknown, phoneNumberId: string, profileNames: Map<string, string>): Read<InboundMessage> {
  const id = idOf(raw);
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, skipped: withId({ reason: describeIssues("message", parsed.error) }, id) };
  }
  const message = parsed.data;
  if (message.from === undefined) {
    const reason =
      message.from_user_id === undefined
        ? "message has no sender (no from)"
        : "message from a username-only user (from_user_id without from/wa_id): not supported yet";
    return { ok: false, skipped: withId({ reason }, id) };
  }

  const content = readContent(message);
  if (!content.ok) return { ok: false, skipped: withId({ reason: content.reason }, id) };
  return {
    ok: true,
    value: {
      waMessageId: message.id,
      from: message.from,
      phoneNumberId,
      profileName: profileNames.get(message.from) ?? null,
      timestamp: message.timestamp,
      kind: content.kind,
      text: content.text,
      title: content.title,
      type: message.type,
      ...(content.media === undefined ? {} : { media: content.media }),
    },
  };
}

type Content =
  | {
      ok: true;
      kind: InboundMessageKind;
      text: string | null;
      title: string | null;
      media?: { id: string; mimeType: string };
    }
  | { ok: false; reason: string };

function readContent(message: RawMessage): Content {
  switch (message.type) {
    case "text": {
      const text = textContentSchema.safeParse(message.text);
      if (!text.success) return { ok: false, reason: describeIssues("text message", text.error) };
      return { ok: true, kind: "text", text: text.data.body, title: null };
    }
    case "interactive": {
      const interactive = interactiveContentSchema.safeParse(message.interactive);
      if (!interactive.success) {
        return { ok: false, reason: describeIssues("interactive message", interactive.error) };
      }
      const { type } = interactive.data;
      // Other interactive replies (e.g. flow `nfm_reply`) are not ours to read: treat as "other".
      if (type !== "button_reply" && type !== "list_reply") return { ok: true, kind: "other", text: null, title: null };
      const reply = interactive.data[type];
      if (reply === undefined) return { ok: false, reason: `malformed interactive message: ${type} missing` };
      return { ok: true, kind: "interactive", text: reply.id, title: reply.title };
    }
    case "button": {
      const button = buttonContentSchema.safeParse(message.button);
      if (!button.success) return { ok: false, reason: describeIssues("button message", button.error) };
      return { ok: true, kind: "button", text: button.data.payload, title: button.data.text ?? null };
    }
    case "image": {
      // A photo is not text to read (kind "other"); its caption travels as the text, for the
      // receipt claim's amount. https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples#media-messages
      const image = imageContentSchema.safeParse(message.image);
      if (!image.success) return { ok: false, reason: describeIssues("image message", image.error) };
      return {
        ok: true,
        kind: "other",
        text: image.data.caption ?? null,
        title: null,
        media: { id: image.data.id, mimeType: image.data.mime_type },
      };
    }
    default:
      return { ok: true, kind: "other", text: null, title: null };
  }
}

function readStatus(raw: unknown): Read<StatusUpdate> {
  const id = idOf(raw);
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, skipped: withId({ reason: describeIssues("status", parsed.error) }, id) };
  }
  const status = parsed.data;
  if (status.recipient_id === undefined) {
    return {
      ok: false,
      skipped: withId({ reason: "status without recipient_id (username-only user): not supported yet" }, id),
    };
  }
  const firstError = status.errors?.[0];
  return {
    ok: true,
    value: {
      waMessageId: status.id,
      status: status.status,
      timestamp: status.timestamp,
      recipientId: status.recipient_id,
      errorCode: firstError?.code === undefined ? null : String(firstError.code),
      errorMessage: firstError === undefined ? null : describeStatusError(firstError),
    },
  };
}

function describeStatusError(error: WebhookError): string | null {
  const parts = [error.message ?? error.title, error.error_data?.details].filter((part) => part !== undefined);
  return parts.length === 0 ? null : parts.join(": ");
}

function idOf(raw: unknown): string | undefined {
  const parsed = idOnlySchema.safeParse(raw);
  return parsed.success ? parsed.data.id : undefined;
}

function withId(skipped: { reason: string }, id: string | undefined): SkippedEvent {
  return id === undefined ? skipped : { ...skipped, id };
}

function describeIssues(what: string, error: z.ZodError): string {
  const issues = error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return path === "" ? issue.message : `${path}: ${issue.message}`;
  });
  return `malformed ${what}: ${issues.join("; ")}`;
}

const nonEmpty = z.string().min(1);

/** Unix seconds as a string, as Meta sends them. */
const unixSecondsSchema = z
  .string()
  .regex(/^\d{1,12}$/, "expected unix seconds")
  .transform((seconds) => new Date(Number(seconds) * 1000));

const changeSchema = z.looseObject({ field: z.string(), value: z.unknown().optional() });
const entrySchema = z.looseObject({ changes: z.array(changeSchema) });
const envelopeSchema = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(entrySchema),
});

const messagesValueSchema = z.looseObject({
  metadata: z.looseObject({ phone_number_id: nonEmpty }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});
type MessagesValue = z.infer<typeof messagesValueSchema>;

const contactSchema = z.looseObject({
  wa_id: nonEmpty.optional(),
  profile: z.looseObject({ name: z.string().optional() }).optional(),
});

const idOnlySchema = z.looseObject({ id: nonEmpty });

const messageSchema = z.looseObject({
  id: nonEmpty,
  from: nonEmpty.optional(),
  from_user_id: z.string().optional(),
  timestamp: unixSecondsSchema,
  type: nonEmpty,
  text: z.unknown().optional(),
  interactive: z.unknown().optional(),
  button: z.unknown().optional(),
  image: z.unknown().optional(),
});
type RawMessage = z.infer<typeof messageSchema>;

const textContentSchema = z.looseObject({ body: z.string() });
const replySchema = z.looseObject({ id: nonEmpty, title: z.string() });
const interactiveContentSchema = z.looseObject({
  type: z.string(),
  button_reply: replySchema.optional(),
  list_reply: replySchema.optional(),
});
const imageContentSchema = z.looseObject({
  id: nonEmpty.max(200),
  mime_type: z.string().max(100).default("image/jpeg"),
  caption: z.string().max(1024).optional(),
});
const buttonContentSchema = z.looseObject({ payload: nonEmpty, text: z.string().optional() });

const webhookErrorSchema = z.looseObject({
  code: z.union([z.number(), z.string()]).optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});
type WebhookError = z.infer<typeof webhookErrorSchema>;

const statusSchema = z.looseObject({
  id: nonEmpty,
  status: z.enum(["sent", "delivered", "read", "failed"]),
  timestamp: unixSecondsSchema,
  recipient_id: nonEmpty.optional(),
  errors: z.array(webhookErrorSchema).optional(),
});
