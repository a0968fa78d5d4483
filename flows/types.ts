/** A message the bot sends; the engine maps it to a WhatsApp text or interactive message. */
export type OutMessage =
  | { kind: "text"; body: string }
  // ≤3 buttons, title ≤20 chars, unique ids
  | { kind: "buttons"; body: string; buttons: { id: string; title: string }[] }
  // button ≤20, ≤10 rows total, row title ≤24, description ≤72
  | {
      kind: "list";
      body: string;
      button: string;
      sections: { title: string; rows: { id: string; title: string; description?: string }[] }[];
    };

/** What a flow stores between messages: its id and version, so old snapshots can be discarded. */
export type PersistedFlow = { flow: "customer" | "staff" | "owner" | "claimReview"; version: number; state: unknown };

/** One step of a flow: the snapshot to save and what the engine must do, in order. */
export type FlowResult<Intent> = { snapshot: PersistedFlow; intents: Intent[] };

/** The bot's words; every flow's intents include it. */
export type ReplyIntent = { type: "reply"; message: OutMessage };
