/** What the web chat draws for one message: the bot's as WhatsApp would show it, or the person's. */
export type ChatEntry = {
  /** The wamid: the Graph API's answer for the bot's messages, the sandbox's own for the person's. */
  id: string;
  direction: "in" | "out";
  /** Unix milliseconds. */
  at: number;
  text: string;
  /** Reply buttons (up to 3), each sending its id when tapped. */
  buttons?: { id: string; title: string }[];
  /** An interactive list: the label of the button that opens it, and its rows. */
  list?: { button: string; sections: { title: string; rows: { id: string; title: string; description?: string }[] }[] };
  /** For a template message: its name, shown next to the filled-in text. */
  template?: string;
  /** For an image message: where the page loads it from (the sandbox serves the upload). */
  image?: string;
};

export type SandboxChatLog = {
  add(phone: string, entry: ChatEntry): void;
  /** The conversation with `phone`, oldest first by `at` (the last {@link MAX_ENTRIES_PER_PHONE}). */
  list(phone: string): ChatEntry[];
};

const MAX_ENTRIES_PER_PHONE = 200;
const MAX_PHONES = 1_000;

/**
 * The sandbox's in-memory record of every chat, by the person's phone number: what the fake
 * Graph API accepted from the bot and what the web chat posted to the webhook. It lives in the
 * process that runs both (the default `--role all`) and is bounded so a long demo cannot grow it
 * without end; the oldest phone is forgotten first.
 */
export function createSandboxChatLog(): SandboxChatLog {
  const chats = new Map<string, ChatEntry[]>();
  return {
    add(phone, entry) {
      const entries = chats.get(phone) ?? [];
      // Re-inserting moves the phone to the newest end of the Map's order.
      chats.delete(phone);
      // In time order: the person's message is recorded once the webhook answered, which can be
      // after the bot's first reply to it was sent.
      let at = entries.length;
      while (at > 0 && (entries[at - 1]?.at ?? 0) > entry.at) at -= 1;
      entries.splice(at, 0, entry);
      if (entries.length > MAX_ENTRIES_PER_PHONE) entries.splice(0, entries.length - MAX_ENTRIES_PER_PHONE);
      chats.set(phone, entries);
      if (chats.size > MAX_PHONES) {
        const oldest = chats.keys().next();
        if (oldest.done !== true) chats.delete(oldest.value);
      }
    },
    list(phone) {
      return [...(chats.get(phone) ?? [])];
    },
  };
}
