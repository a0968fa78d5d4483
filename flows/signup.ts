import { assign, initialTransition, setup, transition } from "xstate";
import { z } from "zod";
import { CANCEL_WORDS, MAX_RETRIES, NO_WORDS, YES_WORDS, keywordOfText, textIsOneOf } from "./chatWords.ts";
import { choiceMessage } from "./choiceMessage.ts";
import { truncate } from "./format.ts";
import type { MessageKey } from "./i18n/catalog.ts";
import { ENGLISH, type Speaker } from "./i18n/createSpeaker.ts";
import { isIdleTooLong } from "./isIdleTooLong.ts";
import { typeWitness } from "./typeWitness.ts";
import type { OutMessage, ReplyIntent } from "./types.ts";

/** Bump when a change makes stored sign-up snapshots meaningless; old ones then start over. */
export const SIGNUP_FLOW_VERSION = 1;

/** A sign-up idle this long is dropped: the next message is routed as if none had started. */
export const SIGNUP_IDLE_TIMEOUT_MS = 30 * 60 * 1000;

/** What the sign-up collects; `pinHash` is the engine's hash of the PIN (never the PIN itself). */
export type SignupDetails = {
  businessName: string;
  vendorCode: string;
  ownerName: string;
  pinHash: string;
  pointsPer100: number;
  reward: { points: number; name: string } | null;
};

/** What the engine sends the sign-up flow: the person's messages and the results of intents. */
export type SignupEvent =
  | { type: "SIGNUP_START"; now: string }
  | { type: "TEXT"; text: string; now: string }
  | { type: "NON_TEXT"; now: string }
  /** Ask the current step's question again (the person changed language mid-sign-up). */
  | { type: "REPEAT"; now: string }
  | { type: "CODE_SUGGESTED"; code: string }
  | { type: "CODE_CHECKED"; code: string; free: boolean; suggestion: string }
  | { type: "PIN_HASHED"; hash: string }
  | { type: "PIN_COMPARED"; same: boolean }
  | { type: "REGISTERED" }
  | { type: "REGISTER_FAILED"; reason: "code_taken"; suggestion: string }
  | { type: "REGISTER_FAILED"; reason: "already_owner" | "rate_limited" };

/**
 * What the sign-up flow asks the engine to do. Each request except `endSignup` is answered by
 * one event; `register` is answered by REGISTERED (the engine then sends the join link and the
 * poster) or REGISTER_FAILED. The PIN travels only in `hashPin` and `comparePin`, never in the
 * snapshot.
 */
export type SignupIntent =
  | ReplyIntent
  | { type: "suggestCode"; businessName: string }
  | { type: "checkCode"; code: string }
  | { type: "hashPin"; pin: string }
  | { type: "comparePin"; pin: string; hash: string }
  | { type: "register"; details: SignupDetails }
  | { type: "endSignup" };

/** The stored snapshot: flow id and version, so an old or foreign one is discarded. */
export type PersistedSignup = {
  flow: "signup";
  version: number;
  state: { value: string; context: StoredSignupContext };
};

/** One step: the snapshot to save (null once the sign-up is over) and the intents, in order. */
export type SignupResult = { snapshot: PersistedSignup | null; intents: SignupIntent[] };

/**
 * Advances a sign-up by one event (docs/chat.md, REGISTER): business name → vendor code (a
 * suggestion, or one typed) → owner's name → PIN twice → points per ₦100 → first reward or SKIP →
 * summary and YES. Every step re-asks with an example at most three times, and CANCEL leaves. A
 * missing, foreign, outdated or idle snapshot starts over at SIGNUP_START, or ends (with a reply)
 * at any other event. Never throws for bad stored data.
 */
export function runSignupFlow(
  persisted: unknown,
  event: SignupEvent,
  options: { speaker?: Speaker } = {},
): SignupResult {
  const speaker = options.speaker ?? ENGLISH;
  const start = restoreSignupSnapshot(persisted, event, speaker);
  if (start === null) {
    const intents: SignupIntent[] =
      event.type === "TEXT" || event.type === "NON_TEXT"
        ? [{ type: "reply", message: text(speaker.say("signup.timedOut")) }, { type: "endSignup" }]
        : [{ type: "endSignup" }];
    return { snapshot: null, intents };
  }
  const [next] = transition(signupMachine, start, event);
  // The speaker is the engine's, per message: it is never stored.
  const { pending, speaker: _speaker, ...stored } = next.context;
  const value = String(next.value);
  if (value === "finished") return { snapshot: null, intents: [...pending, { type: "endSignup" }] };
  return {
    snapshot: { flow: "signup", version: SIGNUP_FLOW_VERSION, state: { value, context: stored } },
    intents: pending,
  };
}

/** Whether a stored snapshot is a live sign-up at `now` (the engine routes the sender to it). */
export function isSignupActive(persisted: unknown, now: string): boolean {
  const stored = readStoredSignup(persisted);
  return stored !== null && !isIdleTooLong(stored.context.lastActivityAt, now, SIGNUP_IDLE_TIMEOUT_MS);
}

/** Vendor codes: 3 to 20 letters and digits, at least one letter (a lone number reads as a menu choice). */
export function normaliseVendorCode(typed: string): string | null {
  const code = typed
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s._-]/g, "");
  return /^[A-Z0-9]{3,20}$/.test(code) && /[A-Z]/.test(code) ? code : null;
}

/** A vendor code made from a business name: its letters and digits, up to 12 (`Mama Put's` → `MAMAPUTS`). */
export function vendorCodeFromName(name: string): string {
  const letters = name
    .normalize("NFKD")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, 12);
  const padded = /[A-Z]/.test(letters) ? letters : `V${letters}`;
  return padded.length >= 3 ? padded : `${padded}SHOP`.slice(0, 12);
}

const PIN_PATTERN = /^\d{4,6}$/;
const NAME_MIN = 2;
const NAME_MAX = 60;
const RATE_MAX = 100;
const REWARD_POINTS_MAX = 1_000_000;
const SKIP_WORDS = ["SKIP", "NONE", "LATER"];
const DEFAULT_RATE_WORDS = ["DEFAULT", "USUAL"];

const storedContextSchema = z.object({
  retries: z.number().int().min(0),
  businessName: z.string().nullable(),
  suggestedCode: z.string().nullable(),
  vendorCode: z.string().nullable(),
  ownerName: z.string().nullable(),
  pinHash: z.string().nullable(),
  pointsPer100: z.number().int().nullable(),
  reward: z.object({ points: z.number().int(), name: z.string() }).nullable(),
  /** The code was taken at the last moment: once a free one is chosen, back to the summary. */
  backToSummary: z.boolean(),
  lastActivityAt: z.string().nullable(),
});
type StoredSignupContext = z.infer<typeof storedContextSchema>;
type SignupContext = StoredSignupContext & { pending: SignupIntent[]; speaker: Speaker };
/** How a reply is presented: plain text, or with the step's buttons. */
type Shape = "text" | "cancel" | "rate" | "skip" | "yesCancel";
type SignupRequest = Exclude<SignupIntent, ReplyIntent>;

const persistedSchema = z.object({
  flow: z.literal("signup"),
  version: z.literal(SIGNUP_FLOW_VERSION),
  state: z.object({ value: z.string(), context: storedContextSchema }),
});

const FRESH_CONTEXT: SignupContext = {
  retries: 0,
  businessName: null,
  suggestedCode: null,
  vendorCode: null,
  ownerName: null,
  pinHash: null,
  pointsPer100: null,
  reward: null,
  backToSummary: false,
  lastActivityAt: null,
  pending: [],
  speaker: ENGLISH,
};

const signupMachine = setup({
  types: { context: FRESH_CONTEXT, events: typeWitness<SignupEvent>({ type: "NON_TEXT", now: "" }) },
  actions: {
    reply: assign(({ context }, params: { message: OutMessage }) => ({
      pending: [...context.pending, { type: "reply" as const, message: params.message }],
    })),
    /** A catalog message, with the buttons of its step. */
    say: assign(({ context }, params: { key: MessageKey; shape: Shape }) => ({
      pending: [
        ...context.pending,
        { type: "reply" as const, message: shaped(context.speaker, params.shape, context.speaker.say(params.key)) },
      ],
    })),
    request: assign(({ context }, params: { intent: SignupRequest }) => ({
      pending: [...context.pending, params.intent],
    })),
    startStep: assign({ retries: 0 }),
    countRetry: assign(({ context }) => ({ retries: context.retries + 1 })),
    rememberBusinessName: assign(({ context, event }) => {
      const name = personNameOf(textOf(event));
      return name === null
        ? {}
        : { businessName: name, pending: [...context.pending, { type: "suggestCode" as const, businessName: name }] };
    }),
    rememberSuggestion: assign((_, params: { code: string }) => ({ suggestedCode: params.code })),
    acceptSuggestion: assign(({ context }) => ({ vendorCode: context.suggestedCode })),
    requestCheckTyped: assign(({ context, event }) => {
      const code = normaliseVendorCode(textOf(event));
      return code === null ? {} : { pending: [...context.pending, { type: "checkCode" as const, code }] };
    }),
    requestCheckSuggestion: assign(({ context }) =>
      context.suggestedCode === null
        ? {}
        : { pending: [...context.pending, { type: "checkCode" as const, code: context.suggestedCode }] },
    ),
    rememberCode: assign((_, params: { code: string }) => ({ vendorCode: params.code })),
    returnToSummary: assign({ backToSummary: true }),
    rememberOwnerName: assign(({ event }) => ({ ownerName: personNameOf(textOf(event)) })),
    requestHashPin: assign(({ context, event }) => ({
      pending: [...context.pending, { type: "hashPin" as const, pin: textOf(event).trim() }],
    })),
    rememberPinHash: assign((_, params: { hash: string }) => ({ pinHash: params.hash })),
    forgetPinHash: assign({ pinHash: null }),
    requestComparePin: assign(({ context, event }) =>
      context.pinHash === null
        ? {}
        : {
            pending: [
              ...context.pending,
              { type: "comparePin" as const, pin: textOf(event).trim(), hash: context.pinHash },
            ],
          },
    ),
    rememberRate: assign(({ event }) => ({ pointsPer100: rateOf(textOf(event)) })),
    rememberReward: assign(({ event }) => ({ reward: rewardOf(textOf(event)) })),
    skipReward: assign({ reward: null }),
    requestRegister: assign(({ context }) => {
      const details = detailsOf(context);
      return details === null ? {} : { pending: [...context.pending, { type: "register" as const, details }] };
    }),
    begin: assign(({ context }, params: { now: string }) => ({
      ...FRESH_CONTEXT,
      speaker: context.speaker,
      pending: context.pending,
      lastActivityAt: params.now,
    })),
  },
  guards: {
    saysOneOf: ({ event }, params: { words: readonly string[] }) => textIsOneOf(event, params.words),
    isBusinessName: ({ event }) => personNameOf(textOf(event)) !== null,
    isPersonName: ({ event }) => personNameOf(textOf(event)) !== null,
    isVendorCode: ({ event }) => normaliseVendorCode(textOf(event)) !== null,
    isPin: ({ event }) => PIN_PATTERN.test(textOf(event).trim()),
    isRate: ({ event }) => rateOf(textOf(event)) !== null,
    isReward: ({ event }) => rewardOf(textOf(event)) !== null,
    hasRetriesLeft: ({ context }) => context.retries < MAX_RETRIES,
    isComplete: ({ context }) => detailsOf(context) !== null,
  },
}).createMachine({
  id: "signup",
  context: FRESH_CONTEXT,
  initial: "idle",
  on: {
    NON_TEXT: { actions: [{ type: "say", params: { key: "signup.nonText", shape: "text" } }] },
  },
  states: {
    idle: {
      on: {
        SIGNUP_START: {
          target: "askingBusinessName",
          actions: [
            { type: "begin", params: ({ event }) => ({ now: event.now }) },
            { type: "say", params: { key: "signup.askBusinessName", shape: "cancel" } },
          ],
        },
      },
    },
    askingBusinessName: {
      entry: ["startStep"],
      on: {
        REPEAT: { actions: [{ type: "say", params: { key: "signup.askBusinessName", shape: "cancel" } }] },
        TEXT: [
          ...leaveOnCancel(),
          { guard: "isBusinessName", target: "suggestingCode", actions: ["rememberBusinessName"] },
          ...reaskOrGiveUp("signup.badBusinessName"),
        ],
      },
    },
    suggestingCode: {
      on: {
        CODE_SUGGESTED: {
          target: "askingVendorCode",
          actions: [
            { type: "rememberSuggestion", params: ({ event }) => ({ code: event.code }) },
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: codeChoice(
                  context.speaker,
                  context.speaker.say("signup.askVendorCode", { code: event.code }),
                  event.code,
                ),
              }),
            },
          ],
        },
      },
    },
    askingVendorCode: {
      entry: ["startStep"],
      on: {
        REPEAT: {
          actions: [
            {
              type: "reply",
              params: ({ context }) => ({
                message: codeChoice(
                  context.speaker,
                  context.speaker.say("signup.askVendorCode", { code: context.suggestedCode ?? "" }),
                  context.suggestedCode ?? "",
                ),
              }),
            },
          ],
        },
        TEXT: [
          ...leaveOnCancel(),
          {
            guard: { type: "saysOneOf", params: { words: YES_WORDS } },
            target: "checkingCode",
            actions: ["requestCheckSuggestion"],
          },
          { guard: "isVendorCode", target: "checkingCode", actions: ["requestCheckTyped"] },
          {
            guard: "hasRetriesLeft",
            actions: [
              "countRetry",
              {
                type: "reply",
                params: ({ context }) => ({
                  message: codeChoice(
                    context.speaker,
                    context.speaker.say("signup.badVendorCode", { code: context.suggestedCode ?? "" }),
                    context.suggestedCode ?? "",
                  ),
                }),
              },
            ],
          },
          { target: "finished", actions: [{ type: "say", params: { key: "signup.gaveUp", shape: "text" } }] },
        ],
      },
    },
    checkingCode: {
      on: {
        CODE_CHECKED: [
          {
            guard: ({ context, event }) => event.free && context.backToSummary,
            target: "confirming",
            actions: [{ type: "rememberCode", params: ({ event }) => ({ code: event.code }) }],
          },
          {
            guard: ({ event }) => event.free,
            target: "askingOwnerName",
            actions: [
              { type: "rememberCode", params: ({ event }) => ({ code: event.code }) },
              {
                type: "reply",
                params: ({ context, event }) => ({
                  message: cancelButton(
                    context.speaker,
                    context.speaker.say("signup.askOwnerName", { code: event.code }),
                  ),
                }),
              },
            ],
          },
          {
            target: "askingVendorCode",
            actions: [
              { type: "rememberSuggestion", params: ({ event }) => ({ code: event.suggestion }) },
              {
                type: "reply",
                params: ({ context, event }) => ({
                  message: codeChoice(
                    context.speaker,
                    context.speaker.say("signup.vendorCodeTaken", { taken: event.code, code: event.suggestion }),
                    event.suggestion,
                  ),
                }),
              },
            ],
          },
        ],
      },
    },
    askingOwnerName: {
      entry: ["startStep"],
      on: {
        REPEAT: {
          actions: [
            {
              type: "reply",
              params: ({ context }) => ({
                message: cancelButton(
                  context.speaker,
                  context.speaker.say("signup.askOwnerName", { code: context.vendorCode ?? "" }),
                ),
              }),
            },
          ],
        },
        TEXT: [
          ...leaveOnCancel(),
          {
            guard: "isPersonName",
            target: "askingPin",
            actions: [
              "rememberOwnerName",
              "startStep",
              { type: "say", params: { key: "signup.askPin", shape: "cancel" } },
            ],
          },
          ...reaskOrGiveUp("signup.badOwnerName"),
        ],
      },
    },
    // No startStep on entry: a mismatch comes back here and counts as a wrong answer of this step.
    askingPin: {
      entry: ["forgetPinHash"],
      on: {
        REPEAT: { actions: [{ type: "say", params: { key: "signup.askPin", shape: "cancel" } }] },
        TEXT: [
          ...leaveOnCancel(),
          { guard: "isPin", target: "hashingPin", actions: ["requestHashPin"] },
          ...reaskOrGiveUp("signup.badPin"),
        ],
      },
    },
    hashingPin: {
      on: {
        PIN_HASHED: {
          target: "askingPinAgain",
          actions: [
            { type: "rememberPinHash", params: ({ event }) => ({ hash: event.hash }) },
            { type: "say", params: { key: "signup.askPinAgain", shape: "text" } },
          ],
        },
      },
    },
    askingPinAgain: {
      on: {
        REPEAT: { actions: [{ type: "say", params: { key: "signup.askPinAgain", shape: "text" } }] },
        TEXT: [
          ...leaveOnCancel(),
          { guard: "isPin", target: "comparingPin", actions: ["requestComparePin"] },
          // Anything else is a mismatch: the PIN is chosen again, and that counts as a wrong answer.
          ...mismatchOrGiveUp(),
        ],
      },
    },
    comparingPin: {
      on: {
        PIN_COMPARED: [
          {
            guard: ({ event }) => event.same,
            target: "askingRate",
            actions: [{ type: "say", params: { key: "signup.askRate", shape: "rate" } }],
          },
          ...mismatchOrGiveUp(),
        ],
      },
    },
    askingRate: {
      entry: ["startStep"],
      on: {
        REPEAT: { actions: [{ type: "say", params: { key: "signup.askRate", shape: "rate" } }] },
        TEXT: [
          ...leaveOnCancel(),
          {
            guard: "isRate",
            target: "askingReward",
            actions: ["rememberRate", { type: "say", params: { key: "signup.askReward", shape: "skip" } }],
          },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "say", params: { key: "signup.badRate", shape: "rate" } }],
          },
          { target: "finished", actions: [{ type: "say", params: { key: "signup.gaveUp", shape: "text" } }] },
        ],
      },
    },
    askingReward: {
      entry: ["startStep"],
      on: {
        REPEAT: { actions: [{ type: "say", params: { key: "signup.askReward", shape: "skip" } }] },
        TEXT: [
          ...leaveOnCancel(),
          {
            guard: { type: "saysOneOf", params: { words: SKIP_WORDS } },
            target: "confirming",
            actions: ["skipReward"],
          },
          { guard: "isReward", target: "confirming", actions: ["rememberReward"] },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "say", params: { key: "signup.badReward", shape: "skip" } }],
          },
          { target: "finished", actions: [{ type: "say", params: { key: "signup.gaveUp", shape: "text" } }] },
        ],
      },
    },
    confirming: {
      entry: ["startStep", { type: "reply", params: ({ context }) => ({ message: summaryMessage(context) }) }],
      on: {
        REPEAT: { actions: [{ type: "reply", params: ({ context }) => ({ message: summaryMessage(context) }) }] },
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: [...CANCEL_WORDS, ...NO_WORDS] } },
            target: "finished",
            actions: [{ type: "say", params: { key: "signup.cancelled", shape: "text" } }],
          },
          {
            guard: { type: "saysOneOf", params: { words: YES_WORDS } },
            target: "registering",
            actions: ["requestRegister"],
          },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "say", params: { key: "signup.confirmAgain", shape: "yesCancel" } }],
          },
          { target: "finished", actions: [{ type: "say", params: { key: "signup.gaveUp", shape: "text" } }] },
        ],
      },
    },
    registering: {
      on: {
        // The engine replies with the join link and the poster itself.
        REGISTERED: { target: "finished" },
        REGISTER_FAILED: [
          {
            guard: ({ event }) => event.reason === "code_taken",
            target: "askingVendorCode",
            actions: [
              "returnToSummary",
              {
                type: "rememberSuggestion",
                params: ({ event }) => ({ code: "suggestion" in event ? event.suggestion : "" }),
              },
              {
                type: "reply",
                params: ({ context, event }) => {
                  const suggestion = "suggestion" in event ? event.suggestion : "";
                  return {
                    message: codeChoice(
                      context.speaker,
                      context.speaker.say("signup.vendorCodeTaken", {
                        taken: context.vendorCode ?? "",
                        code: suggestion,
                      }),
                      suggestion,
                    ),
                  };
                },
              },
            ],
          },
          // Refusals (already an owner, over a limit) are worded by the engine, which knows why.
          { target: "finished" },
        ],
      },
    },
    finished: { type: "final" },
  },
});

/** CANCEL (or BACK, QUIT) at any step: the sign-up ends with a reply. */
function leaveOnCancel() {
  return [
    {
      guard: { type: "saysOneOf" as const, params: { words: CANCEL_WORDS } },
      target: "finished",
      actions: [{ type: "say" as const, params: { key: "signup.cancelled" as const, shape: "text" as const } }],
    },
  ];
}

/** A wrong answer: asked again with an example, at most three times, then the sign-up ends. */
function reaskOrGiveUp(example: MessageKey) {
  return [
    {
      guard: "hasRetriesLeft" as const,
      actions: ["countRetry" as const, { type: "say" as const, params: { key: example, shape: "cancel" as const } }],
    },
    {
      target: "finished",
      actions: [{ type: "say" as const, params: { key: "signup.gaveUp" as const, shape: "text" as const } }],
    },
  ];
}

/** The PINs differ: choose again (a wrong answer of the PIN step), or stop after three. */
function mismatchOrGiveUp() {
  return [
    {
      guard: "hasRetriesLeft" as const,
      target: "askingPin",
      actions: [
        { type: "say" as const, params: { key: "signup.pinMismatch" as const, shape: "cancel" as const } },
        "countRetry" as const,
      ],
    },
    {
      target: "finished",
      actions: [{ type: "say" as const, params: { key: "signup.gaveUp" as const, shape: "text" as const } }],
    },
  ];
}

function restoreSignupSnapshot(persisted: unknown, event: SignupEvent, speaker: Speaker) {
  const now = "now" in event ? event.now : null;
  if (event.type === "SIGNUP_START") {
    const [fresh] = initialTransition(signupMachine);
    return signupMachine.resolveState({ value: fresh.value, context: { ...fresh.context, speaker } });
  }
  const stored = readStoredSignup(persisted);
  if (stored === null || isIdleTooLong(stored.context.lastActivityAt, now, SIGNUP_IDLE_TIMEOUT_MS)) return null;
  try {
    return signupMachine.resolveState({
      value: stored.value,
      context: { ...stored.context, lastActivityAt: now ?? stored.context.lastActivityAt, pending: [], speaker },
    });
  } catch {
    // A state this version does not know (a hand-edited snapshot): the sign-up ends.
    return null;
  }
}

function readStoredSignup(persisted: unknown): { value: string; context: StoredSignupContext } | null {
  const parsed = persistedSchema.safeParse(persisted);
  return parsed.success ? parsed.data.state : null;
}

function textOf(event: SignupEvent): string {
  return event.type === "TEXT" ? event.text : "";
}

/** A business or person's name: 2 to 60 characters with a letter, spaces tidied, no keyword alone. */
function personNameOf(typed: string): string | null {
  const name = typed
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  if (name.length < NAME_MIN || name.length > NAME_MAX || !/\p{L}/u.test(name)) return null;
  return name;
}

/** Points per ₦100: a whole number 1–100; DEFAULT (or the tapped "usual" button) is 1. */
function rateOf(typed: string): number | null {
  const keyword = keywordOfText({ type: "TEXT", text: typed });
  if (keyword !== null && DEFAULT_RATE_WORDS.includes(keyword)) return 1;
  const match = /^\s*(\d{1,3})\s*(?:points?|pts?)?\s*$/i.exec(typed);
  if (match === null) return null;
  const points = Number(match[1]);
  return points >= 1 && points <= RATE_MAX ? points : null;
}

/** `<points> <name>`: `100 Free drink`, `100 points Free drink`, `100 - Free drink`. */
function rewardOf(typed: string): { points: number; name: string } | null {
  const match = /^\s*([\d,]{1,9})\s*(?:points?|pts?)?\s*[-:–]?\s*(.+)$/isu.exec(typed.normalize("NFKC"));
  if (match === null) return null;
  const points = Number((match[1] ?? "").replaceAll(",", ""));
  const name = personNameOf(match[2] ?? "");
  if (!Number.isInteger(points) || points < 1 || points > REWARD_POINTS_MAX || name === null) return null;
  return { points, name };
}

function detailsOf(context: SignupContext): SignupDetails | null {
  const { businessName, vendorCode, ownerName, pinHash, pointsPer100, reward } = context;
  if (businessName === null || vendorCode === null || ownerName === null || pinHash === null || pointsPer100 === null)
    return null;
  return { businessName, vendorCode, ownerName, pinHash, pointsPer100, reward };
}

function text(body: string): OutMessage {
  return { kind: "text", body: truncate(body, 4096) };
}

/** A reply with the buttons its step offers (ids are what a person could type; titles in their language). */
function shaped(speaker: Speaker, shape: Shape, body: string): OutMessage {
  switch (shape) {
    case "text":
      return text(body);
    case "cancel":
      return cancelButton(speaker, body);
    case "rate":
      return choiceMessage(
        body,
        [
          { id: "1", title: speaker.say("signup.button.onePoint") },
          { id: "2", title: speaker.say("signup.button.twoPoints") },
          { id: "5", title: speaker.say("signup.button.fivePoints") },
        ],
        0,
        null,
        speaker,
      );
    case "skip":
      return choiceMessage(
        body,
        [
          { id: "SKIP", title: speaker.say("signup.button.skip") },
          { id: "CANCEL", title: speaker.say("signup.button.cancel") },
        ],
        0,
        null,
        speaker,
      );
    case "yesCancel":
      return choiceMessage(
        body,
        [
          { id: "YES", title: speaker.say("signup.button.yes") },
          { id: "CANCEL", title: speaker.say("signup.button.cancel") },
        ],
        0,
        null,
        speaker,
      );
  }
}

function cancelButton(speaker: Speaker, body: string): OutMessage {
  return choiceMessage(body, [{ id: "CANCEL", title: speaker.say("signup.button.cancel") }], 0, null, speaker);
}

function codeChoice(speaker: Speaker, body: string, code: string): OutMessage {
  return choiceMessage(
    body,
    [
      { id: "YES", title: code },
      { id: "CANCEL", title: speaker.say("signup.button.cancel") },
    ],
    0,
    null,
    speaker,
  );
}

function summaryMessage(context: SignupContext): OutMessage {
  const { speaker } = context;
  const details = detailsOf(context);
  if (details === null) return text(speaker.say("signup.gaveUp"));
  const values = {
    vendor: details.businessName,
    code: details.vendorCode,
    name: details.ownerName,
    points: details.pointsPer100,
  };
  const body =
    details.reward === null
      ? speaker.say("signup.summaryNoReward", values)
      : speaker.say("signup.summary", { ...values, reward: details.reward.name, cost: details.reward.points });
  return shaped(speaker, "yesCancel", body);
}
