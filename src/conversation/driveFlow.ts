import type { OutMessage } from "../whatsapp/outMessage.ts";

type Reply = { type: "reply"; message: OutMessage };
type StepResult<Intent> = { snapshot: unknown; intents: Intent[] };

const MAX_STEPS = 20;

/**
 * Runs a flow until it waits for the person again: replies are collected in order; every other
 * intent is executed (on the message's transaction) and its result fed back as an event.
 * @throws Error when a flow keeps asking without waiting (a bug, not a person's error).
 */
export async function driveFlow<Intent extends { type: string }, Event>(
  step: (snapshot: unknown, event: Event) => StepResult<Intent>,
  snapshot: unknown,
  firstEvent: Event,
  /** Executes a non-reply intent (replies never reach it) and answers with the flow's event. */
  execute: (intent: Intent) => Promise<Event | null>,
): Promise<{ snapshot: unknown; replies: OutMessage[] }> {
  const replies: OutMessage[] = [];
  let result = step(snapshot, firstEvent);
  const pending: Intent[] = [...result.intents];
  let steps = 0;
  while (pending.length > 0) {
    const intent = pending.shift();
    if (intent === undefined) break;
    if (isReply(intent)) {
      replies.push(intent.message);
      continue;
    }
    const event = await execute(intent);
    if (event === null) continue;
    steps += 1;
    if (steps > MAX_STEPS) throw new Error("flow did not settle");
    result = step(result.snapshot, event);
    pending.push(...result.intents);
  }
  return { snapshot: result.snapshot, replies };
}

function isReply(intent: { type: string }): intent is Reply {
  return intent.type === "reply";
}
