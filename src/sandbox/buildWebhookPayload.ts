export type SandboxInbound = {
  id: string;
  from: string;
  profileName: string;
  /** Unix seconds. */
  timestamp: number;
} & (
  | { type: "text"; text: string }
  | { type: "button_reply" | "list_reply"; replyId: string; title: string }
  /** A photo: its media id at the fake Graph API, its type, the base64 SHA-256 of its bytes and caption. */
  | { type: "image"; mediaId: string; mimeType: string; sha256: string; caption?: string }
);

export type SandboxStatus = {
  id: string;
  status: "sent" | "delivered" | "read";
  recipientId: string;
  /** Unix seconds. */
  timestamp: number;
};

export type SandboxBusinessNumber = { phoneNumberId: string; displayPhoneNumber: string };

const SANDBOX_WABA_ID = "100000000000000";

/**
 * A webhook body in Meta's shape (`object`, `entry[].changes[].value` with `metadata`,
 * `contacts`, `messages` or `statuses`), carrying one message the web chat sent or one status
 * callback for a message the bot sent.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples
 */
export function buildWebhookPayload(
  business: SandboxBusinessNumber,
  event: { message: SandboxInbound } | { status: SandboxStatus },
) {
  const metadata = { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId };
  const value =
    "message" in event
      ? {
          messaging_product: "whatsapp",
          metadata,
          contacts: [{ profile: { name: event.message.profileName }, wa_id: event.message.from }],
          messages: [inboundMessage(event.message)],
        }
      : {
          messaging_product: "whatsapp",
          metadata,
          statuses: [
            {
              id: event.status.id,
              status: event.status.status,
              timestamp: String(event.status.timestamp),
              recipient_id: event.status.recipientId,
              conversation: { id: `sandbox-${event.status.recipientId}`, origin: { type: "service" } },
              pricing: { billable: false, pricing_model: "PMP", category: "service" },
            },
          ],
        };
  return {
    object: "whatsapp_business_account",
    entry: [{ id: SANDBOX_WABA_ID, changes: [{ field: "messages", value }] }],
  };
}

function inboundMessage(message: SandboxInbound) {
  const common = { from: message.from, id: message.id, timestamp: String(message.timestamp) };
  if (message.type === "text") return { ...common, type: "text", text: { body: message.text } };
  if (message.type === "image") {
    const caption = message.caption === undefined ? {} : { caption: message.caption };
    return {
      ...common,
      type: "image",
      image: { ...caption, mime_type: message.mimeType, sha256: message.sha256, id: message.mediaId },
    };
  }
  const reply = { id: message.replyId, title: message.title };
  return message.type === "button_reply"
    ? { ...common, type: "interactive", interactive: { type: "button_reply", button_reply: reply } }
    : { ...common, type: "interactive", interactive: { type: "list_reply", list_reply: reply } };
}
