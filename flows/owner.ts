import { assign, initialTransition, setup, transition } from "xstate";
import { z } from "zod";
import { CANCEL_WORDS, MAX_RETRIES, NO_WORDS, YES_WORDS, chosenNumber, textIsOneOf } from "./chatWords.ts";
import { choiceMessage } from "./choiceMessage.ts";
import { truncate } from "./format.ts";
import { isIdleTooLong } from "./isIdleTooLong.ts";
import {
  ownerWords,
  type PeriodStats,
  type PlanLine,
  type PurchaseLine,
  type RewardLine,
  type StaffLine,
} from "./ownerWords.ts";
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
export function runOwnerFlow(persisted: unknown, event: OwnerEvent): FlowResult<OwnerIntent> {
  const start = restoreOwnerSnapshot(persisted, event);
  const [next] = transition(ownerMachine, start, event);
  const { pending, ...stored } = next.context;
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
type OwnerContext = StoredOwnerContext & { pending: OwnerIntent[] };
type OwnerRequest = Exclude<OwnerIntent, ReplyIntent>;
type CommandKind = OwnerCommand["kind"];

const YES_NO_CHOICES = [
  { id: "YES", title: "Yes" },
  { id: "NO", title: "No" },
];

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
};

const ownerMachine = setup({
  types: { context: FRESH_CONTEXT, events: typeWitness<OwnerEvent>({ type: "NON_TEXT", now: "" }) },
  actions: {
    reply: assign(({ context }, params: { message: OutMessage }) => ({
      pending: [...context.pending, { type: "reply" as const, message: params.message }],
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
      pending: [...context.pending, { type: "reply" as const, message: helpFor(commandOf(event)) }],
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
    beginSignIn: assign((_, params: { vendorName: string }) => ({
      ...FRESH_CONTEXT,
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
        { type: "reply", params: ({ event }) => ({ message: text(ownerWords.askPin(event.vendorName)) }) },
      ],
    },
    PIN_LOCKED: {
      target: ".signedOut",
      actions: [
        "signOut",
        {
          type: "reply",
          params: ({ context, event }) => ({
            message: text(ownerWords.locked(waitText(event.until, context.lastActivityAt))),
          }),
        },
        { type: "request", params: { intent: { type: "endOwnerSession" } } },
      ],
    },
    NON_TEXT: { actions: [{ type: "reply", params: { message: text(ownerWords.nonText()) } }] },
    TEXT: [
      {
        guard: { type: "signedInAndCommand", params: { kinds: ["exit"] } },
        target: ".signedOut",
        actions: [
          "signOut",
          { type: "reply", params: { message: text(ownerWords.exited()) } },
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
        actions: [{ type: "reply", params: { message: menuMessage(ownerWords.notUnderstood()) } }],
      },
      {
        target: ".signedOut",
        actions: [
          "signOut",
          { type: "reply", params: { message: text(ownerWords.sessionEnded()) } },
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
            { type: "reply", params: { message: text(ownerWords.sessionEnded()) } },
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
              { type: "reply", params: { message: text(ownerWords.cancelledSignIn()) } },
              { type: "request", params: { intent: { type: "endOwnerSession" } } },
            ],
          },
          { guard: "isPin", target: "checkingPin", actions: ["requestCheckPin"] },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "reply", params: { message: text(ownerWords.pinFormat()) } }],
          },
          {
            target: "signedOut",
            actions: [
              "signOut",
              { type: "reply", params: { message: text(ownerWords.startAgain()) } },
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
            { type: "reply", params: ({ event }) => ({ message: menuMessage(ownerWords.signedIn(event.ownerName)) }) },
          ],
        },
        PIN_BAD: {
          target: "enteringPin",
          reenter: true,
          actions: [
            { type: "reply", params: ({ event }) => ({ message: text(ownerWords.pinBad(event.attemptsLeft)) }) },
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
              params: ({ event }) => ({ message: menuMessage(ownerWords.today(event.today, event.week)) }),
            },
          ],
        },
        REWARDS_LISTED: {
          target: "menu",
          actions: [
            { type: "rememberRewards", params: ({ event }) => ({ ids: event.rewards.map((r) => r.id) }) },
            {
              type: "reply",
              params: ({ event }) => ({
                message: text(
                  event.rewards.length === 0 ? ownerWords.rewardsNone() : ownerWords.rewardsList(event.rewards),
                ),
              }),
            },
          ],
        },
        REWARD_ADDED: {
          target: "menu",
          actions: [
            { type: "rememberRewards", params: { ids: [] } },
            {
              type: "reply",
              params: ({ event }) => ({ message: menuMessage(ownerWords.rewardAdded(event.name, event.points)) }),
            },
          ],
        },
        REWARD_PAUSED: {
          target: "menu",
          actions: [
            { type: "reply", params: ({ event }) => ({ message: menuMessage(ownerWords.rewardPaused(event.name)) }) },
          ],
        },
        RATE_SET: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ event }) => ({ message: menuMessage(ownerWords.rateSet(event.points, event.previous)) }),
            },
          ],
        },
        STAFF_ADDED: {
          target: "menu",
          actions: [
            { type: "rememberStaff", params: { ids: [] } },
            {
              type: "reply",
              params: ({ event }) => ({ message: menuMessage(ownerWords.staffAdded(event.name, event.phoneMasked)) }),
            },
          ],
        },
        STAFF_LISTED: {
          target: "menu",
          actions: [
            { type: "rememberStaff", params: ({ event }) => ({ ids: event.staff.map((s) => s.id) }) },
            {
              type: "reply",
              params: ({ event }) => ({
                message: text(event.staff.length === 0 ? ownerWords.staffNone() : ownerWords.staffList(event.staff)),
              }),
            },
          ],
        },
        STAFF_REMOVED: {
          target: "menu",
          actions: [
            { type: "reply", params: ({ event }) => ({ message: menuMessage(ownerWords.staffRemoved(event.name)) }) },
          ],
        },
        BROADCAST_PREVIEW: [
          {
            guard: { type: "hasAudience", params: ({ event }) => ({ audience: event.audience }) },
            target: "confirmingBroadcast",
            actions: [
              {
                type: "reply",
                params: ({ event }) => ({
                  message: choiceMessage(
                    ownerWords.confirmBroadcast(event.audience, event.used, event.limit),
                    YES_NO_CHOICES,
                  ),
                }),
              },
            ],
          },
          {
            target: "menu",
            actions: [{ type: "reply", params: { message: menuMessage(ownerWords.broadcastNoAudience()) } }],
          },
        ],
        BROADCAST_SENT: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ event }) => ({ message: menuMessage(ownerWords.broadcastSent(event.audience)) }),
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
          { target: "menu", actions: [{ type: "reply", params: { message: menuMessage(ownerWords.voidNone()) } }] },
        ],
        PURCHASE_VOIDED: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ event }) => ({
                message: menuMessage(
                  ownerWords.voided(
                    event.amountKobo,
                    event.phoneMasked,
                    event.reversed,
                    event.shortfall,
                    event.balance,
                  ),
                ),
              }),
            },
          ],
        },
        QR_SHOWN: {
          target: "menu",
          actions: [{ type: "reply", params: ({ event }) => ({ message: text(ownerWords.qr(event.link)) }) }],
        },
        PLAN_SHOWN: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ event }) => ({
                message: text(ownerWords.plan(event.plan, event.status, event.endsAt, event.lines, event.payLink)),
              }),
            },
          ],
        },
        LOGIN_LINK: {
          target: "menu",
          actions: [{ type: "reply", params: ({ event }) => ({ message: text(ownerWords.loginLink(event.url)) }) }],
        },
        FAILED: {
          target: "menu",
          actions: [
            { type: "reply", params: ({ event }) => ({ message: menuMessage(ownerWords.failed(event.reason)) }) },
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
            message: choiceMessage(ownerWords.confirmRate(context.pendingRate ?? 0), YES_NO_CHOICES),
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
            actions: [{ type: "reply", params: { message: menuMessage(ownerWords.notChanged()) } }],
          },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              {
                type: "reply",
                params: ({ context }) => ({
                  message: choiceMessage(ownerWords.confirmRate(context.pendingRate ?? 0), YES_NO_CHOICES),
                }),
              },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "reply", params: { message: menuMessage(ownerWords.notChanged()) } }],
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
            actions: [{ type: "reply", params: { message: menuMessage(ownerWords.notSent()) } }],
          },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              { type: "reply", params: { message: choiceMessage(ownerWords.confirmBroadcastAgain(), YES_NO_CHOICES) } },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "reply", params: { message: menuMessage(ownerWords.notSent()) } }],
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
            actions: [{ type: "reply", params: { message: menuMessage(ownerWords.notVoided()) } }],
          },
          { guard: "isVoidChoice", target: "confirmingVoid", actions: ["rememberVoidChoice"] },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              {
                type: "reply",
                params: ({ context }) => ({ message: text(ownerWords.voidPick(context.purchases?.length ?? 0)) }),
              },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "reply", params: { message: menuMessage(ownerWords.notVoided()) } }],
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
            actions: [{ type: "reply", params: { message: menuMessage(ownerWords.notVoided()) } }],
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
            actions: [{ type: "reply", params: { message: menuMessage(ownerWords.notVoided()) } }],
          },
        ],
      },
    },
  },
});

function restoreOwnerSnapshot(persisted: unknown, event: OwnerEvent) {
  const now = "now" in event ? event.now : null;
  const stored = readPersistedFlow(persisted, "owner", OWNER_FLOW_VERSION, storedOwnerContextSchema);
  if (stored && !isIdleTooLong(stored.context.lastActivityAt, now, OWNER_IDLE_TIMEOUT_MS)) {
    try {
      return ownerMachine.resolveState({
        value: stored.value,
        context: { ...stored.context, lastActivityAt: now ?? stored.context.lastActivityAt, pending: [] },
      });
    } catch {
      // A state this version does not know (a hand-edited or mislabelled snapshot): start signed out.
    }
  }
  const [fresh] = initialTransition(ownerMachine);
  return ownerMachine.resolveState({ value: fresh.value, context: { ...fresh.context, lastActivityAt: now } });
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

function helpFor(command: OwnerCommand | null): OutMessage {
  switch (command?.kind) {
    case "addRewardHelp":
      return text(ownerWords.addRewardHelp());
    case "pauseRewardHelp":
      return text(ownerWords.pauseRewardHelp());
    case "rateHelp":
      return text(ownerWords.rateHelp());
    case "addStaffHelp":
      return text(ownerWords.addStaffHelp());
    case "removeStaffHelp":
      return text(ownerWords.removeStaffHelp());
    case "broadcastHelp":
      return text(ownerWords.broadcastHelp());
    default:
      return menuMessage(ownerWords.whatNext());
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

function menuMessage(prefix: string): OutMessage {
  return choiceMessage(ownerWords.menuBody(prefix), ownerWords.menuRows(), 0, ownerWords.menuButton());
}

function voidListMessage(context: OwnerContext): OutMessage {
  const purchases = context.purchases ?? [];
  return choiceMessage(
    ownerWords.voidList(),
    purchases.map((p, i) => ({
      id: String(i + 1),
      ...ownerWords.voidRow(p),
      title: `${i + 1}. ${ownerWords.voidRow(p).title}`,
    })),
    0,
    ownerWords.purchasesButton(),
  );
}

function confirmVoidMessage(context: OwnerContext): OutMessage {
  const chosen = context.voidChoice === null ? undefined : context.purchases?.[context.voidChoice - 1];
  if (chosen === undefined) return menuMessage(ownerWords.notVoided());
  return choiceMessage(ownerWords.confirmVoid(chosen), YES_NO_CHOICES);
}

function waitText(until: string, now: string | null): string {
  const minutes = now === null ? Number.NaN : Math.ceil((Date.parse(until) - Date.parse(now)) / 60_000);
  return Number.isFinite(minutes) && minutes > 0 ? `in ${minutes} minute${minutes === 1 ? "" : "s"}` : "later";
}
