import { assign, initialTransition, setup, transition } from "xstate";
import { z } from "zod";
import { CANCEL_WORDS, MAX_RETRIES, NO_WORDS, YES_WORDS, chosenNumber, textIsOneOf } from "./chatWords.ts";
import { choiceMessage } from "./choiceMessage.ts";
import { truncate } from "./format.ts";
import type { MessageKey } from "./i18n/catalog.ts";
import { ENGLISH, type Speaker } from "./i18n/createSpeaker.ts";
import { isIdleTooLong } from "./isIdleTooLong.ts";
import type { PeriodStats, PlanLine, PurchaseLine, RewardLine, StaffLine } from "./ownerLines.ts";
import { parseOwnerCommand, type OwnerCommand } from "./parsers/parseOwnerCommand.ts";
import { readPersistedFlow } from "./readPersistedFlow.ts";
import { typeWitness } from "./typeWitness.ts";
import type { FlowResult, OutMessage, ReplyIntent } from "./types.ts";

/** Bump when a change makes stored owner snapshots meaningless; old ones then need OWNER again. */
export const OWNER_FLOW_VERSION = 1;

/** An owner chat idle this long is no longer trusted: the PIN is asked again (10 minutes). */
export const OWNER_IDLE_TIMEOUT_MS = 10 * 60 * 1000;

/** What the engine sends the owner flow: the owner's messages and the results of intents. */
export type OwnerEvent =
  | { type: "TEXT"; text: string; now: string }
  | { type: "NON_TEXT"; now: string }
  /** A message another part of the chat took (an open claim review): only the idle clock moves. */
  | { type: "ACTIVE"; now: string }
  | { type: "OWNER_START"; vendorName: string }
  | { type: "PIN_OK"; ownerName: string }
  | { type: "PIN_BAD"; attemptsLeft: number }
  | { type: "PIN_LOCKED"; until: string }
  | { type: "TODAY_STATS"; today: PeriodStats; week: PeriodStats }
  | { type: "REWARDS_LISTED"; rewards: (RewardLine & { id: string })[] }
  | { type: "REWARD_ADDED"; name: string; points: number }
  | { type: "REWARD_PAUSED"; name: string }
  | { type: "RATE_SET"; points: number; previous: number | null }
  | { type: "STAFF_ADDED"; name: string; phoneMasked: string }
  | { type: "STAFF_LISTED"; staff: (StaffLine & { id: string })[] }
  | { type: "STAFF_REMOVED"; name: string }
  | { type: "BROADCAST_PREVIEW"; audience: number; used: number; limit: number | null }
  | { type: "BROADCAST_SENT"; audience: number }
  | { type: "RECENT_PURCHASES"; purchases: (PurchaseLine & { id: string })[] }
  | {
      type: "PURCHASE_VOIDED";
      amountKobo: number;
      phoneMasked: string;
      reversed: number;
      shortfall: number;
      balance: number;
    }
  | { type: "QR_SHOWN"; link: string }
  | {
      type: "PLAN_SHOWN";
      plan: string;
      status: string;
      endsAt: string | null;
      lines: PlanLine[];
      payLink: string | null;
    }
  | { type: "LOGIN_LINK"; url: string }
  /** A command the engine could not carry out; `reason` is shown to the owner. */
  | { type: "FAILED"; reason: string };

/** What the owner flow asks the engine to do; each non-reply intent except `endOwnerSession` is answered by one event. */
export type OwnerIntent =
  | ReplyIntent
  | { type: "checkPin"; pin: string }
  | { type: "getToday" }
  | { type: "listRewards" }
  | { type: "addReward"; points: number; name: string }
  /** `listedIds`: the rewards as the owner last saw them numbered (null: number the current list). */
  | { type: "pauseReward"; number: number; listedIds: string[] | null }
  | { type: "setRate"; pointsPer100: number }
  | { type: "addStaff"; phone: string; name: string }
  | { type: "listStaff" }
  | { type: "removeStaff"; number: number; listedIds: string[] | null }
  | { type: "previewBroadcast"; text: string }
  | { type: "sendBroadcast"; text: string }
  | { type: "listRecentPurchases" }
  | { type: "voidPurchase"; purchaseId: string }
  | { type: "showQr" }
  | { type: "showPlan" }
  | { type: "createLoginLink" }
  | { type: "endOwnerSession" };

/**
 * Advances an owner's chat by one event. A missing, foreign, outdated or unreadable snapshot, or
 * one idle for over 10 minutes, starts signed out: the next text ends the owner session and asks
 * for OWNER again, so a lost snapshot never skips the PIN. The PIN travels only in the `checkPin`
 * intent, never in the snapshot. Never throws for bad stored data.
 */
export function runOwnerFlow(
  persisted: unknown,
  event: OwnerEvent,
  options: { speaker?: Speaker } = {},
): FlowResult<OwnerIntent> {
  const start = restoreOwnerSnapshot(persisted, event, options.speaker ?? ENGLISH);
  const [next] = transition(ownerMachine, start, event);
  // The speaker is the engine's, per message: it is never stored.
  const { pending, speaker: _speaker, ...stored } = next.context;
  const state: StoredOwnerState = { value: String(next.value), context: stored };
  return { snapshot: { flow: "owner", version: OWNER_FLOW_VERSION, state }, intents: pending };
}

const PIN_PATTERN = /^\d{4,6}$/;

const purchaseLineSchema = z.object({
  id: z.string(),
  amountKobo: z.number(),
  phoneMasked: z.string(),
  points: z.number(),
  at: z.string(),
  by: z.string().nullable(),
});

const storedOwnerContextSchema = z.object({
  retries: z.number().int().min(0),
  vendorName: z.string().nullable(),
  ownerName: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  rewardIds: z.array(z.string()).nullable(),
  staffIds: z.array(z.string()).nullable(),
  pendingRate: z.number().nullable(),
  broadcastText: z.string().nullable(),
  purchases: z.array(purchaseLineSchema).nullable(),
  voidChoice: z.number().int().nullable(),
});
type StoredOwnerContext = z.infer<typeof storedOwnerContextSchema>;
type StoredOwnerState = { value: string; context: StoredOwnerContext };
type OwnerContext = StoredOwnerContext & { pending: OwnerIntent[]; speaker: Speaker };
type OwnerRequest = Exclude<OwnerIntent, ReplyIntent>;
type CommandKind = OwnerCommand["kind"];

/** Commands answered by asking the engine once and showing what it says. */
const ENGINE_COMMANDS: readonly CommandKind[] = [
  "today",
  "rewards",
  "addReward",
  "pauseReward",
  "addStaff",
  "staffList",
  "removeStaff",
  "broadcast",
  "void",
  "qr",
  "plan",
  "login",
];
/** Commands answered by the flow itself with an example or the menu. */
const HELP_COMMANDS: readonly CommandKind[] = [
  "addRewardHelp",
  "pauseRewardHelp",
  "rateHelp",
  "addStaffHelp",
  "removeStaffHelp",
  "broadcastHelp",
  "menu",
];

const FRESH_CONTEXT: OwnerContext = {
  retries: 0,
  vendorName: null,
  ownerName: null,
  lastActivityAt: null,
  rewardIds: null,
  staffIds: null,
  pendingRate: null,
  broadcastText: null,
  purchases: null,
  voidChoice: null,
  pending: [],
  speaker: ENGLISH,
};

const ownerMachine = setup({
  types: { context: FRESH_CONTEXT, events: typeWitness<OwnerEvent>({ type: "NON_TEXT", now: "" }) },
  actions: {
    reply: assign(({ context }, params: { message: OutMessage }) => ({
      pending: [...context.pending, { type: "reply" as const, message: params.message }],
    })),
    /** A text from the catalog. */
    say: assign(({ context }, params: { key: MessageKey }) => ({
      pending: [...context.pending, { type: "reply" as const, message: text(context.speaker.say(params.key)) }],
    })),
    /** The owner menu with a catalog message as its first line. */
    sayMenu: assign(({ context }, params: { key: MessageKey }) => ({
      pending: [
        ...context.pending,
        { type: "reply" as const, message: menuMessage(context.speaker, context.speaker.say(params.key)) },
      ],
    })),
    request: assign(({ context }, params: { intent: OwnerRequest }) => ({
      pending: [...context.pending, params.intent],
    })),
    requestCheckPin: assign(({ context, event }) => ({
      pending: [...context.pending, { type: "checkPin" as const, pin: textOf(event).trim() }],
    })),
    requestCommand: assign(({ context, event }) => {
      const command = commandOf(event);
      const intent = command === null ? null : intentFor(command, context);
      if (intent === null) return {};
      return {
        pending: [...context.pending, intent],
        broadcastText: command?.kind === "broadcast" ? command.text : context.broadcastText,
      };
    }),
    replyHelp: assign(({ context, event }) => ({
      pending: [...context.pending, { type: "reply" as const, message: helpFor(context.speaker, commandOf(event)) }],
    })),
    rememberRate: assign(({ event }) => {
      const command = commandOf(event);
      return { pendingRate: command?.kind === "rate" ? command.points : null };
    }),
    rememberVoidChoice: assign(({ context, event }) => ({
      voidChoice: chosenNumber(event, context.purchases?.length ?? 0),
    })),
    requestSetRate: assign(({ context }) =>
      context.pendingRate === null
        ? {}
        : { pending: [...context.pending, { type: "setRate" as const, pointsPer100: context.pendingRate }] },
    ),
    requestSendBroadcast: assign(({ context }) =>
      context.broadcastText === null
        ? {}
        : { pending: [...context.pending, { type: "sendBroadcast" as const, text: context.broadcastText }] },
    ),
    requestVoid: assign(({ context }) => {
      const chosen = context.voidChoice === null ? undefined : context.purchases?.[context.voidChoice - 1];
      return chosen === undefined
        ? {}
        : { pending: [...context.pending, { type: "voidPurchase" as const, purchaseId: chosen.id }] };
    }),
    startStep: assign({ retries: 0 }),
    countRetry: assign(({ context }) => ({ retries: context.retries + 1 })),
    beginSignIn: assign(({ context }, params: { vendorName: string }) => ({
      ...FRESH_CONTEXT,
      // Replies already asked for and the speaker belong to this step, not to the old session.
      pending: context.pending,
      speaker: context.speaker,
      vendorName: params.vendorName,
      lastActivityAt: null,
    })),
    signIn: assign((_, params: { ownerName: string }) => ({ ownerName: params.ownerName })),
    signOut: assign({
      ownerName: null,
      rewardIds: null,
      staffIds: null,
      pendingRate: null,
      broadcastText: null,
      purchases: null,
      voidChoice: null,
      retries: 0,
    }),
    forgetStep: assign({ pendingRate: null, broadcastText: null, purchases: null, voidChoice: null, retries: 0 }),
    rememberRewards: assign((_, params: { ids: string[] }) => ({ rewardIds: params.ids })),
    rememberStaff: assign((_, params: { ids: string[] }) => ({ staffIds: params.ids })),
    rememberPurchases: assign((_, params: { purchases: z.infer<typeof purchaseLineSchema>[] }) => ({
      purchases: params.purchases,
    })),
  },
  guards: {
    saysOneOf: ({ event }, params: { words: readonly string[] }) => textIsOneOf(event, params.words),
    isSignedIn: ({ context }) => context.ownerName !== null,
    isPin: ({ event }) => PIN_PATTERN.test(textOf(event).trim()),
    hasRetriesLeft: ({ context }) => context.retries < MAX_RETRIES,
    signedInAndCommand: ({ context, event }, params: { kinds: readonly CommandKind[] }) => {
      const command = commandOf(event);
      return context.ownerName !== null && command !== null && params.kinds.includes(command.kind);
    },
    isVoidChoice: ({ context, event }) => chosenNumber(event, context.purchases?.length ?? 0) !== null,
    canAskAgain: ({ context, event }) => commandOf(event) === null && context.retries < MAX_RETRIES,
    isWrongAnswer: ({ event }) => commandOf(event) === null,
    hasAudience: (_, params: { audience: number }) => params.audience > 0,
  },
}).createMachine({
  id: "owner",
  context: FRESH_CONTEXT,
  initial: "signedOut",
  // The root reads owner commands from any state; steps handle their own answers first.
  on: {
    OWNER_START: {
      target: ".enteringPin",
      actions: [
        { type: "beginSignIn", params: ({ event }) => ({ vendorName: event.vendorName }) },
        {
          type: "reply",
          params: ({ context, event }) => ({
            message: text(context.speaker.say("owner.askPin", { vendor: event.vendorName })),
          }),
        },
      ],
    },
    PIN_LOCKED: {
      target: ".signedOut",
      actions: [
        "signOut",
        {
          type: "reply",
          params: ({ context, event }) => ({
            message: text(lockedText(context.speaker, event.until, context.lastActivityAt)),
          }),
        },
        { type: "request", params: { intent: { type: "endOwnerSession" } } },
      ],
    },
    NON_TEXT: { actions: [{ type: "say", params: { key: "owner.nonText" } }] },
    TEXT: [
      {
        guard: { type: "signedInAndCommand", params: { kinds: ["exit"] } },
        target: ".signedOut",
        actions: [
          "signOut",
          { type: "say", params: { key: "owner.exited" } },
          { type: "request", params: { intent: { type: "endOwnerSession" } } },
        ],
      },
      {
        guard: { type: "signedInAndCommand", params: { kinds: ["rate"] } },
        target: ".confirmingRate",
        actions: ["rememberRate"],
      },
      {
        guard: { type: "signedInAndCommand", params: { kinds: ENGINE_COMMANDS } },
        target: ".working",
        actions: ["forgetStep", "requestCommand"],
      },
      {
        guard: { type: "signedInAndCommand", params: { kinds: HELP_COMMANDS } },
        target: ".menu",
        actions: ["replyHelp"],
      },
      {
        guard: "isSignedIn",
        target: ".menu",
        actions: [{ type: "sayMenu", params: { key: "owner.notUnderstood" } }],
      },
      {
        target: ".signedOut",
        actions: [
          "signOut",
          { type: "say", params: { key: "owner.sessionEnded" } },
          { type: "request", params: { intent: { type: "endOwnerSession" } } },
        ],
      },
    ],
  },
  states: {
    signedOut: {
      on: {
        TEXT: {
          actions: [
            "signOut",
            { type: "say", params: { key: "owner.sessionEnded" } },
            { type: "request", params: { intent: { type: "endOwnerSession" } } },
          ],
        },
      },
    },
    enteringPin: {
      entry: ["startStep"],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: CANCEL_WORDS } },
            target: "signedOut",
            actions: [
              "signOut",
              { type: "say", params: { key: "owner.pin.cancelled" } },
              { type: "request", params: { intent: { type: "endOwnerSession" } } },
            ],
          },
          { guard: "isPin", target: "checkingPin", actions: ["requestCheckPin"] },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "say", params: { key: "owner.pin.format" } }],
          },
          {
            target: "signedOut",
            actions: [
              "signOut",
              { type: "say", params: { key: "owner.pin.startAgain" } },
              { type: "request", params: { intent: { type: "endOwnerSession" } } },
            ],
          },
        ],
      },
    },
    checkingPin: {
      on: {
        PIN_OK: {
          target: "menu",
          actions: [
            { type: "signIn", params: ({ event }) => ({ ownerName: event.ownerName }) },
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: menuMessage(
                  context.speaker,
                  event.ownerName === ""
                    ? context.speaker.say("owner.signedInNoName")
                    : context.speaker.say("owner.signedIn", { name: event.ownerName }),
                ),
              }),
            },
          ],
        },
        PIN_BAD: {
          target: "enteringPin",
          reenter: true,
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: text(context.speaker.say("owner.pin.wrong", { attempts: event.attemptsLeft })),
              }),
            },
          ],
        },
      },
    },
    menu: { entry: ["forgetStep"] },
    working: {
      on: {
        TODAY_STATS: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: menuMessage(
                  context.speaker,
                  context.speaker.say("owner.today", {
                    today: periodText(context.speaker, event.today),
                    week: periodText(context.speaker, event.week),
                  }),
                ),
              }),
            },
          ],
        },
        REWARDS_LISTED: {
          target: "menu",
          actions: [
            { type: "rememberRewards", params: ({ event }) => ({ ids: event.rewards.map((r) => r.id) }) },
            {
              type: "reply",
              params: ({ context, event }) => ({ message: text(rewardsText(context.speaker, event.rewards)) }),
            },
          ],
        },
        REWARD_ADDED: {
          target: "menu",
          actions: [
            { type: "rememberRewards", params: { ids: [] } },
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: menuMessage(
                  context.speaker,
                  context.speaker.say("owner.rewards.added", { reward: event.name, points: event.points }),
                ),
              }),
            },
          ],
        },
        REWARD_PAUSED: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: menuMessage(
                  context.speaker,
                  context.speaker.say("owner.rewards.paused", { reward: event.name }),
                ),
              }),
            },
          ],
        },
        RATE_SET: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: menuMessage(
                  context.speaker,
                  event.previous === null
                    ? context.speaker.say("owner.rate.set", { points: event.points })
                    : context.speaker.say("owner.rate.changed", { points: event.points, previous: event.previous }),
                ),
              }),
            },
          ],
        },
        STAFF_ADDED: {
          target: "menu",
          actions: [
            { type: "rememberStaff", params: { ids: [] } },
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: menuMessage(
                  context.speaker,
                  context.speaker.say("owner.staff.added", { name: event.name, phone: event.phoneMasked }),
                ),
              }),
            },
          ],
        },
        STAFF_LISTED: {
          target: "menu",
          actions: [
            { type: "rememberStaff", params: ({ event }) => ({ ids: event.staff.map((s) => s.id) }) },
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: text(staffText(context.speaker, event.staff)),
              }),
            },
          ],
        },
        STAFF_REMOVED: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: menuMessage(context.speaker, context.speaker.say("owner.staff.removed", { name: event.name })),
              }),
            },
          ],
        },
        BROADCAST_PREVIEW: [
          {
            guard: { type: "hasAudience", params: ({ event }) => ({ audience: event.audience }) },
            target: "confirmingBroadcast",
            actions: [
              {
                type: "reply",
                params: ({ context, event }) => ({
                  message: yesNoMessage(
                    context.speaker,
                    event.limit === null
                      ? context.speaker.say("owner.broadcast.confirmNoLimit", {
                          audience: event.audience,
                          used: event.used,
                        })
                      : context.speaker.say("owner.broadcast.confirm", {
                          audience: event.audience,
                          used: event.used,
                          limit: event.limit,
                        }),
                  ),
                }),
              },
            ],
          },
          {
            target: "menu",
            actions: [{ type: "sayMenu", params: { key: "owner.broadcast.noAudience" } }],
          },
        ],
        BROADCAST_SENT: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: menuMessage(
                  context.speaker,
                  context.speaker.say("owner.broadcast.sent", { audience: event.audience }),
                ),
              }),
            },
          ],
        },
        RECENT_PURCHASES: [
          {
            guard: ({ event }) => event.purchases.length > 0,
            target: "choosingVoid",
            actions: [
              { type: "rememberPurchases", params: ({ event }) => ({ purchases: event.purchases.slice(0, 10) }) },
            ],
          },
          { target: "menu", actions: [{ type: "sayMenu", params: { key: "owner.void.none" } }] },
        ],
        PURCHASE_VOIDED: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: menuMessage(
                  context.speaker,
                  context.speaker.say(event.shortfall > 0 ? "owner.void.doneShortfall" : "owner.void.done", {
                    amount: context.speaker.naira(event.amountKobo),
                    phone: event.phoneMasked,
                    points: event.reversed,
                    spent: event.shortfall,
                    balance: event.balance,
                  }),
                ),
              }),
            },
          ],
        },
        QR_SHOWN: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: text(context.speaker.say("owner.qr", { link: event.link })),
              }),
            },
          ],
        },
        PLAN_SHOWN: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: text(planText(context.speaker, event)),
              }),
            },
          ],
        },
        LOGIN_LINK: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: text(context.speaker.say("owner.loginLink", { link: event.url })),
              }),
            },
          ],
        },
        FAILED: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: menuMessage(context.speaker, context.speaker.say("owner.failed", { reason: event.reason })),
              }),
            },
          ],
        },
      },
    },
    confirmingRate: {
      entry: [
        "startStep",
        {
          type: "reply",
          params: ({ context }) => ({
            message: confirmRateMessage(context),
          }),
        },
      ],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: YES_WORDS } },
            target: "working",
            actions: ["requestSetRate"],
          },
          {
            guard: { type: "saysOneOf", params: { words: [...NO_WORDS, ...CANCEL_WORDS] } },
            target: "menu",
            actions: [{ type: "sayMenu", params: { key: "owner.rate.notChanged" } }],
          },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              {
                type: "reply",
                params: ({ context }) => ({
                  message: confirmRateMessage(context),
                }),
              },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "sayMenu", params: { key: "owner.rate.notChanged" } }],
          },
        ],
      },
    },
    confirmingBroadcast: {
      entry: ["startStep"],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: YES_WORDS } },
            target: "working",
            actions: ["requestSendBroadcast"],
          },
          {
            guard: { type: "saysOneOf", params: { words: [...NO_WORDS, ...CANCEL_WORDS] } },
            target: "menu",
            actions: [{ type: "sayMenu", params: { key: "owner.broadcast.notSent" } }],
          },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              {
                type: "reply",
                params: ({ context }) => ({
                  message: yesNoMessage(context.speaker, context.speaker.say("owner.broadcast.confirmAgain")),
                }),
              },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "sayMenu", params: { key: "owner.broadcast.notSent" } }],
          },
        ],
      },
    },
    choosingVoid: {
      entry: ["startStep", { type: "reply", params: ({ context }) => ({ message: voidListMessage(context) }) }],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: CANCEL_WORDS } },
            target: "menu",
            actions: [{ type: "sayMenu", params: { key: "owner.void.notVoided" } }],
          },
          { guard: "isVoidChoice", target: "confirmingVoid", actions: ["rememberVoidChoice"] },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              {
                type: "reply",
                params: ({ context }) => ({
                  message: text(context.speaker.say("owner.void.pick", { count: context.purchases?.length ?? 0 })),
                }),
              },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "sayMenu", params: { key: "owner.void.notVoided" } }],
          },
        ],
      },
    },
    confirmingVoid: {
      entry: ["startStep", { type: "reply", params: ({ context }) => ({ message: confirmVoidMessage(context) }) }],
      on: {
        TEXT: [
          { guard: { type: "saysOneOf", params: { words: YES_WORDS } }, target: "working", actions: ["requestVoid"] },
          {
            guard: { type: "saysOneOf", params: { words: [...NO_WORDS, ...CANCEL_WORDS] } },
            target: "menu",
            actions: [{ type: "sayMenu", params: { key: "owner.void.notVoided" } }],
          },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              { type: "reply", params: ({ context }) => ({ message: confirmVoidMessage(context) }) },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "sayMenu", params: { key: "owner.void.notVoided" } }],
          },
        ],
      },
    },
  },
});

function restoreOwnerSnapshot(persisted: unknown, event: OwnerEvent, speaker: Speaker) {
  const now = "now" in event ? event.now : null;
  const stored = readPersistedFlow(persisted, "owner", OWNER_FLOW_VERSION, storedOwnerContextSchema);
  if (stored && !isIdleTooLong(stored.context.lastActivityAt, now, OWNER_IDLE_TIMEOUT_MS)) {
    try {
      return ownerMachine.resolveState({
        value: stored.value,
        context: { ...stored.context, lastActivityAt: now ?? stored.context.lastActivityAt, pending: [], speaker },
      });
    } catch {
      // A state this version does not know (a hand-edited or mislabelled snapshot): start signed out.
    }
  }
  const [fresh] = initialTransition(ownerMachine);
  return ownerMachine.resolveState({ value: fresh.value, context: { ...fresh.context, lastActivityAt: now, speaker } });
}

/** The intent an engine command asks for, given what the owner last saw numbered. */
function intentFor(command: OwnerCommand, context: OwnerContext): OwnerRequest | null {
  switch (command.kind) {
    case "today":
      return { type: "getToday" };
    case "rewards":
      return { type: "listRewards" };
    case "addReward":
      return { type: "addReward", points: command.points, name: command.name };
    case "pauseReward":
      return { type: "pauseReward", number: command.number, listedIds: nonEmpty(context.rewardIds) };
    case "addStaff":
      return { type: "addStaff", phone: command.phone, name: command.name };
    case "staffList":
      return { type: "listStaff" };
    case "removeStaff":
      return { type: "removeStaff", number: command.number, listedIds: nonEmpty(context.staffIds) };
    case "broadcast":
      return { type: "previewBroadcast", text: command.text };
    case "void":
      return { type: "listRecentPurchases" };
    case "qr":
      return { type: "showQr" };
    case "plan":
      return { type: "showPlan" };
    case "login":
      return { type: "createLoginLink" };
    default:
      return null;
  }
}

function helpFor(speaker: Speaker, command: OwnerCommand | null): OutMessage {
  switch (command?.kind) {
    case "addRewardHelp":
      return text(speaker.say("owner.rewards.addHelp"));
    case "pauseRewardHelp":
      return text(speaker.say("owner.rewards.pauseHelp"));
    case "rateHelp":
      return text(speaker.say("owner.rate.help"));
    case "addStaffHelp":
      return text(speaker.say("owner.staff.addHelp"));
    case "removeStaffHelp":
      return text(speaker.say("owner.staff.removeHelp"));
    case "broadcastHelp":
      return text(speaker.say("owner.broadcast.help"));
    default:
      return menuMessage(speaker, speaker.say("owner.whatNext"));
  }
}

function nonEmpty(ids: string[] | null): string[] | null {
  return ids === null || ids.length === 0 ? null : ids;
}

function commandOf(event: OwnerEvent): OwnerCommand | null {
  return event.type === "TEXT" ? parseOwnerCommand(event.text) : null;
}

function textOf(event: OwnerEvent): string {
  return event.type === "TEXT" ? event.text : "";
}

function text(body: string): OutMessage {
  return { kind: "text", body: truncate(body, 4096) };
}

/** The owner menu's rows: ids are what the owner could type, in every language. */
const OWNER_MENU = [
  { id: "TODAY", item: "today" },
  { id: "REWARDS", item: "rewards" },
  { id: "STAFF LIST", item: "staff" },
  { id: "VOID", item: "void" },
  { id: "BROADCAST", item: "broadcast" },
  { id: "RATE", item: "rate" },
  { id: "QR", item: "qr" },
  { id: "PLAN", item: "plan" },
  { id: "LOGIN", item: "login" },
  { id: "EXIT", item: "exit" },
] as const;

/** The owner menu, its body a reply's first line and the commands one can type. */
function menuMessage(speaker: Speaker, first: string): OutMessage {
  return choiceMessage(
    [first, speaker.say("owner.menu.hint")].join("\n"),
    OWNER_MENU.map(({ id, item }) => ({
      id,
      title: speaker.say(`owner.menu.${item}.title`),
      description: speaker.say(`owner.menu.${item}.description`),
    })),
    0,
    speaker.say("owner.menu.button"),
    speaker,
  );
}

function yesNoMessage(speaker: Speaker, body: string): OutMessage {
  return choiceMessage(
    body,
    [
      { id: "YES", title: speaker.say("common.yes") },
      { id: "NO", title: speaker.say("common.no") },
    ],
    0,
    null,
    speaker,
  );
}

function confirmRateMessage(context: OwnerContext): OutMessage {
  return yesNoMessage(context.speaker, context.speaker.say("owner.rate.confirm", { points: context.pendingRate ?? 0 }));
}

function voidListMessage(context: OwnerContext): OutMessage {
  const { speaker } = context;
  const purchases = context.purchases ?? [];
  return choiceMessage(
    speaker.say("owner.void.choose"),
    purchases.map((p, i) => ({
      id: String(i + 1),
      title: speaker.say("owner.void.rowTitle", {
        number: i + 1,
        amount: speaker.naira(p.amountKobo),
        phone: p.phoneMasked.slice(-4),
      }),
      description:
        p.by === null
          ? speaker.say("owner.void.rowDescription", { when: p.at, points: p.points })
          : speaker.say("owner.void.rowDescriptionBy", { when: p.at, name: p.by, points: p.points }),
    })),
    0,
    speaker.say("owner.void.button"),
    speaker,
  );
}

function confirmVoidMessage(context: OwnerContext): OutMessage {
  const { speaker } = context;
  const chosen = context.voidChoice === null ? undefined : context.purchases?.[context.voidChoice - 1];
  if (chosen === undefined) return menuMessage(speaker, speaker.say("owner.void.notVoided"));
  const values = {
    amount: speaker.naira(chosen.amountKobo),
    phone: chosen.phoneMasked,
    when: chosen.at,
    points: chosen.points,
  };
  return yesNoMessage(
    speaker,
    chosen.by === null
      ? speaker.say("owner.void.confirm", values)
      : speaker.say("owner.void.confirmBy", { ...values, name: chosen.by }),
  );
}

function periodText(speaker: Speaker, stats: PeriodStats): string {
  return speaker.say("owner.today.period", {
    purchases: stats.purchases,
    amount: speaker.naira(stats.amountKobo),
    points: stats.points,
    customers: stats.newCustomers,
    redemptions: stats.redemptions,
  });
}

/** REWARDS: one line per reward, numbered, then how to pause or add one. */
function rewardsText(speaker: Speaker, rewards: readonly RewardLine[]): string {
  if (rewards.length === 0) return speaker.say("owner.rewards.none");
  return [
    speaker.say("owner.rewards.title"),
    ...rewards.map((r, i) =>
      speaker.say(r.active ? "owner.rewards.line" : "owner.rewards.linePaused", {
        number: i + 1,
        reward: r.name,
        points: r.points,
      }),
    ),
    speaker.say("owner.rewards.hint"),
  ].join("\n");
}

/** STAFF LIST: one line per member, numbered, with admins and missing PINs marked. */
function staffText(speaker: Speaker, staff: readonly StaffLine[]): string {
  if (staff.length === 0) return speaker.say("owner.staff.none");
  const lineKey = (s: StaffLine): MessageKey => {
    if (s.role === "staff") return s.pinSet ? "owner.staff.line" : "owner.staff.lineNoPin";
    return s.pinSet ? "owner.staff.lineAdmin" : "owner.staff.lineAdminNoPin";
  };
  return [
    speaker.say("owner.staff.title"),
    ...staff.map((s, i) => speaker.say(lineKey(s), { number: i + 1, name: s.name, phone: s.phoneMasked })),
    speaker.say("owner.staff.hint"),
  ].join("\n");
}

/** PLAN: the plan and its status, a line per limit, and the pay link when there is one. */
function planText(speaker: Speaker, plan: Extract<OwnerEvent, { type: "PLAN_SHOWN" }>): string {
  const header =
    plan.endsAt === null
      ? speaker.say("owner.plan.header", { plan: plan.plan, status: plan.status })
      : speaker.say("owner.plan.headerUntil", { plan: plan.plan, status: plan.status, date: plan.endsAt });
  return [
    header,
    ...plan.lines.map((line) => {
      const label = speaker.say(`owner.plan.label.${line.kind}`);
      return line.limit === null
        ? speaker.say("owner.plan.lineNoLimit", { label, used: line.used })
        : speaker.say("owner.plan.line", { label, used: line.used, limit: line.limit });
    }),
    ...(plan.payLink === null ? [] : [speaker.say("owner.plan.payLink", { link: plan.payLink })]),
  ].join("\n");
}

function lockedText(speaker: Speaker, until: string, now: string | null): string {
  const minutes = now === null ? Number.NaN : Math.ceil((Date.parse(until) - Date.parse(now)) / 60_000);
  return Number.isFinite(minutes) && minutes > 0
    ? speaker.say("owner.pin.lockedFor", { minutes })
    : speaker.say("owner.pin.lockedLater");
}
