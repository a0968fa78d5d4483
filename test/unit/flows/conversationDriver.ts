import { expect } from "vitest";
import type { FlowResult, OutMessage, PersistedFlow } from "../../../flows/types.ts";
import { validateOutMessage } from "../../../flows/validateOutMessage.ts";

type AnyIntent = { type: string };
type Step<Event, Intent> = (persisted: unknown, event: Event) => FlowResult<Intent>;

/**
 * Plays the engine: sends a person's event, executes each non-reply intent with `engine` and feeds
 * its result back, until the flow waits for the person again. Every reply is checked against
 * WhatsApp's limits.
 */
export function createConversation<Event extends { type: string }, Intent extends AnyIntent>(
  step: Step<Event, Intent>,
  engine: (intent: Intent) => Event | null,
  textEvent: (text: string, now: string) => Event,
  persisted: unknown = null,
) {
  let snapshot: unknown = persisted;
  let personMessages = 0;
  const everyReply: OutMessage[] = [];

  function send(event: Event): { replies: OutMessage[]; requests: Intent[]; snapshot: PersistedFlow } {
    const replies: OutMessage[] = [];
    const requests: Intent[] = [];
    const queue: Event[] = [event];
    let last: PersistedFlow | null = null;
    for (let rounds = 0; queue.length > 0; rounds += 1) {
      if (rounds > 20) throw new Error("the flow never waited for the person");
      const next = queue.shift();
      if (next === undefined) break;
      const result = step(snapshot, next);
      snapshot = JSON.parse(JSON.stringify(result.snapshot));
      last = result.snapshot;
      for (const intent of result.intents) {
        if (intent.type === "reply" && "message" in intent) {
          const message = intent.message;
          if (!isOutMessage(message)) throw new Error("reply without a message");
          expect(validateOutMessage(message)).toEqual({ ok: true });
          replies.push(message);
          everyReply.push(message);
          continue;
        }
        requests.push(intent);
        const answer = engine(intent);
        if (answer) queue.push(answer);
      }
    }
    if (last === null) throw new Error("no step ran");
    return { replies, requests, snapshot: last };
  }

  return {
    /** A message the person types (TEXT with a fixed clock unless `now` is given). */
    say(text: string, now = "2026-03-01T10:00:00.000Z") {
      personMessages += 1;
      return send(textEvent(text, now));
    },
    send,
    get personMessages() {
      return personMessages;
    },
    get snapshot() {
      return snapshot;
    },
    everyReply,
  };
}

/** The visible words of a message: body, button titles and row titles. */
export function wordsOf(message: OutMessage): string {
  if (message.kind === "text") return message.body;
  if (message.kind === "buttons") return [message.body, ...message.buttons.map((b) => b.title)].join("\n");
  return [message.body, ...message.sections.flatMap((s) => s.rows.map((r) => r.title))].join("\n");
}

/** The ids a person can tap (and type) in a message. */
export function optionIdsOf(message: OutMessage | undefined): string[] {
  if (!message || message.kind === "text") return [];
  if (message.kind === "buttons") return message.buttons.map((b) => b.id);
  return message.sections.flatMap((s) => s.rows.map((r) => r.id));
}

function isOutMessage(value: unknown): value is OutMessage {
  return typeof value === "object" && value !== null && "kind" in value && "body" in value;
}
