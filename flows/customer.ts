import { assign, initialTransition, setup, transition } from "xstate";
import { z } from "zod";
import { CANCEL_WORDS, MAX_RETRIES, NO_WORDS, YES_WORDS, chosenNumber, keywordOfText, textIsOneOf } from "./chatWords.ts";
import { MORE_CHOICE_ID, choiceMessage, type Choice } from "./choiceMessage.ts";
import { formatDate, formatPoints, truncate } from "./format.ts";
import { isIdleTooLong } from "./isIdleTooLong.ts";
import { readPersistedFlow } from "./readPersistedFlow.ts";
import { typeWitness } from "./typeWitness.ts";
import type { FlowResult, OutMessage, ReplyIntent } from "./types.ts";

/** Bump when a change makes stored customer snapshots meaningless; old ones then restart at the menu. */
export const CUSTOMER_FLOW_VERSION = 1;

/** A customer conversation idle this long starts again at the menu (docs/architecture.md, How an inbound message travels). */
export const CUSTOMER_IDLE_TIMEOUT_MS = 30 * 60 * 1000;

export type CustomerReward = { id: string; name: string; pointsRequired: number };
export type CustomerVendor = { tenantId: string; name: string; active: boolean };
export type RedeemFailureReason = "insufficient_points" | "out_of_stock" | "limit_reached" | "unavailable";

/** What the engine sends the customer flow: the person's messages and the results of intents. */
export type CustomerEvent =
  | { type: "TEXT"; text: string; now: string }
  | { type: "NON_TEXT"; now: string }
  | { type: "JOINED"; vendorName: string; greeting: string | null; isNew: boolean; timezone: string }
  | { type: "BALANCE"; balance: number; expiring: { points: number; expiresAt: string } | null; timezone: string }
  | { type: "REWARDS"; balance: number; rewards: CustomerReward[] }
  | { type: "REDEEMED"; code: string; rewardName: string; pointsDeducted: number; balance: number }
  | { type: "REDEEM_FAILED"; reason: RedeemFailureReason }
  | {
      type: "HISTORY";
      entries: { points: number; transactionType: string; description: string; createdAt: string }[];
      timezone: string;
    }
  | { type: "REFERRAL"; link: string; code: string }
  | { type: "VENDORS"; vendors: CustomerVendor[] }
  | { type: "VENDOR_SWITCHED"; vendorName: string }
  | { type: "OPT_CHANGED"; optedIn: boolean };

/** What the customer flow asks the engine to do; each non-reply intent is answered by one event. */
export type CustomerIntent =
  | ReplyIntent
  | { type: "getBalance" }
  | { type: "listRewards" }
  | { type: "redeem"; rewardId: string }
  | { type: "getHistory" }
  | { type: "getReferral" }
  | { type: "listVendors" }
  | { type: "switchVendor"; tenantId: string }
  | { type: "setOptIn"; optedIn: boolean };

type CustomerRequest = Exclude<CustomerIntent, ReplyIntent>;

/**
 * Advances a customer's conversation by one event. A missing, foreign, outdated or unreadable
 * snapshot, or one idle for longer than `idleTimeoutMs` (30 minutes unless the engine passes
 * the configured CONVERSATION_IDLE_MINUTES), starts fresh at the menu; this never throws for
 * bad stored data.
 */
export function runCustomerFlow(
  persisted: unknown,
  event: CustomerEvent,
  options: { idleTimeoutMs: number } = { idleTimeoutMs: CUSTOMER_IDLE_TIMEOUT_MS },
): FlowResult<CustomerIntent> {
  const start = restoreCustomerSnapshot(persisted, event, options.idleTimeoutMs);
  const [next] = transition(customerMachine, start, event);
  const { pending, ...stored } = next.context;
  const state: StoredCustomerState = { value: String(next.value), context: stored };
  return { snapshot: { flow: "customer", version: CUSTOMER_FLOW_VERSION, state }, intents: pending };
}

const MENU_WORDS = ["MENU", "HELP", "HI", "HELLO", "HEY"] as const;
const BALANCE_WORDS = ["BALANCE", "POINTS", "BAL"] as const;
const REWARDS_WORDS = ["REWARDS", "REWARD"] as const;
const REDEEM_WORDS = ["REDEEM"] as const;
const HISTORY_WORDS = ["HISTORY"] as const;
const REFER_WORDS = ["REFER", "REFERRAL", "INVITE"] as const;
const VENDORS_WORDS = ["VENDORS", "VENDOR", "SHOPS"] as const;
const STOP_WORDS = ["STOP", "UNSUBSCRIBE"] as const;
const START_WORDS = ["START", "SUBSCRIBE"] as const;
const COMMAND_WORDS: readonly string[] = [
  ...CANCEL_WORDS, ...MENU_WORDS, ...BALANCE_WORDS, ...REWARDS_WORDS, ...REDEEM_WORDS, ...HISTORY_WORDS,
  ...REFER_WORDS, ...VENDORS_WORDS, ...STOP_WORDS, ...START_WORDS,
];

const rewardSchema = z.object({ id: z.string(), name: z.string(), pointsRequired: z.number() });
const storedCustomerContextSchema = z.object({
  retries: z.number().int().min(0),
  page: z.number().int().min(0),
  balance: z.number(),
  rewards: z.array(rewardSchema),
  selectedReward: rewardSchema.nullable(),
  vendors: z.array(z.object({ tenantId: z.string(), name: z.string(), active: z.boolean() })),
  lastActivityAt: z.string().nullable(),
});
type StoredCustomerContext = z.infer<typeof storedCustomerContextSchema>;
type StoredCustomerState = { value: string; context: StoredCustomerContext };
type CustomerContext = StoredCustomerContext & { pending: CustomerIntent[] };

const FRESH_CONTEXT: CustomerContext = {
  retries: 0, page: 0, balance: 0, rewards: [], selectedReward: null, vendors: [], lastActivityAt: null, pending: [],
};
const CUSTOMER_EVENT_TYPE = typeWitness<CustomerEvent>({ type: "NON_TEXT", now: "" });

const START_AGAIN = "Let's start again. What would you like to do?";

const REDEEM_FAILURES: Record<RedeemFailureReason, string> = {
  insufficient_points: "You don't have enough points for that reward any more. Send REWARDS to see what you can get.",
  out_of_stock: "Sorry, that reward is out of stock. Send REWARDS to see the others.",
  limit_reached: "You've already redeemed that reward as many times as allowed. Send REWARDS to see the others.",
  unavailable: "Sorry, that reward is not available any more. Send REWARDS to see the others.",
};

const MENU_CHOICES: Choice[] = [
  { id: "BALANCE", title: "My points", description: "Your points and when they expire" },
  { id: "REWARDS", title: "Rewards", description: "Rewards you can get with your points" },
  { id: "REDEEM", title: "Redeem a reward", description: "Use your points and get a code for the till" },
  { id: "HISTORY", title: "History", description: "Your recent points activity" },
  { id: "REFER", title: "Refer a friend", description: "Share your link and earn points" },
  { id: "VENDORS", title: "My vendors", description: "See or switch the vendors you belong to" },
  { id: "STOP", title: "Stop offers", description: "No more promotional messages" },
  { id: "START", title: "Get offers", description: "Receive promotional messages again" },
];

const customerMachine = setup({
  types: { context: FRESH_CONTEXT, events: CUSTOMER_EVENT_TYPE },
  actions: {
    reply: assign(({ context }, params: { message: OutMessage }) => ({
      pending: [...context.pending, { type: "reply" as const, message: params.message }],
    })),
    request: assign(({ context }, params: { intent: CustomerRequest }) => ({
      pending: [...context.pending, params.intent],
    })),
    requestRedeem: assign(({ context }) =>
      context.selectedReward
        ? { pending: [...context.pending, { type: "redeem" as const, rewardId: context.selectedReward.id }] }
        : {},
    ),
    requestSwitchVendor: assign(({ context, event }) => {
      const vendor = context.vendors[(chosenNumber(event, context.vendors.length) ?? 0) - 1];
      return vendor ? { pending: [...context.pending, { type: "switchVendor" as const, tenantId: vendor.tenantId }] } : {};
    }),
    startStep: assign({ retries: 0, page: 0 }),
    countRetry: assign(({ context }) => ({ retries: context.retries + 1 })),
    showNextPage: assign(({ context }) => ({ page: context.page + 1 })),
    forgetChoices: assign({ retries: 0, page: 0, rewards: [], selectedReward: null, vendors: [] }),
    rememberAffordableRewards: assign((_, params: { balance: number; rewards: CustomerReward[] }) => ({
      balance: params.balance,
      rewards: affordableRewards(params.balance, params.rewards),
      selectedReward: null,
    })),
    selectReward: assign(({ context, event }) => ({
      selectedReward: context.rewards[(chosenNumber(event, context.rewards.length) ?? 0) - 1] ?? null,
    })),
    rememberVendors: assign((_, params: { vendors: CustomerVendor[] }) => ({ vendors: params.vendors })),
  },
  guards: {
    saysOneOf: ({ event }, params: { words: readonly string[] }) => textIsOneOf(event, params.words),
    picksReward: ({ context, event }) => chosenNumber(event, context.rewards.length) !== null,
    picksCurrentVendor: ({ context, event }) =>
      context.vendors[(chosenNumber(event, context.vendors.length) ?? 0) - 1]?.active === true,
    picksVendor: ({ context, event }) => chosenNumber(event, context.vendors.length) !== null,
    canAskAgain: ({ context, event }) => !isCommand(event) && context.retries < MAX_RETRIES,
    isWrongAnswer: ({ event }) => !isCommand(event),
    canAffordAReward: (_, params: { balance: number; rewards: CustomerReward[] }) =>
      affordableRewards(params.balance, params.rewards).length > 0,
    hasVendors: (_, params: { vendors: CustomerVendor[] }) => params.vendors.length > 0,
  },
}).createMachine({
  id: "customer",
  context: FRESH_CONTEXT,
  initial: "menu",
  // The root answers commands and results from any state; a step only handles its own answers.
  on: {
    TEXT: [
      { guard: { type: "saysOneOf", params: { words: CANCEL_WORDS } }, target: ".menu", actions: [{ type: "reply", params: { message: menuMessage("OK, cancelled. What would you like to do?") } }] },
      { guard: { type: "saysOneOf", params: { words: MENU_WORDS } }, target: ".menu", actions: [{ type: "reply", params: { message: menuMessage("What would you like to do?") } }] },
      { guard: { type: "saysOneOf", params: { words: BALANCE_WORDS } }, target: ".menu", actions: [{ type: "request", params: { intent: { type: "getBalance" } } }] },
      { guard: { type: "saysOneOf", params: { words: REWARDS_WORDS } }, target: ".menu", actions: [{ type: "request", params: { intent: { type: "listRewards" } } }] },
      { guard: { type: "saysOneOf", params: { words: REDEEM_WORDS } }, target: ".loadingRedeemableRewards", actions: [{ type: "request", params: { intent: { type: "listRewards" } } }] },
      { guard: { type: "saysOneOf", params: { words: HISTORY_WORDS } }, target: ".menu", actions: [{ type: "request", params: { intent: { type: "getHistory" } } }] },
      { guard: { type: "saysOneOf", params: { words: REFER_WORDS } }, target: ".menu", actions: [{ type: "request", params: { intent: { type: "getReferral" } } }] },
      { guard: { type: "saysOneOf", params: { words: VENDORS_WORDS } }, target: ".menu", actions: [{ type: "request", params: { intent: { type: "listVendors" } } }] },
      { guard: { type: "saysOneOf", params: { words: STOP_WORDS } }, target: ".menu", actions: [{ type: "request", params: { intent: { type: "setOptIn", optedIn: false } } }] },
      { guard: { type: "saysOneOf", params: { words: START_WORDS } }, target: ".menu", actions: [{ type: "request", params: { intent: { type: "setOptIn", optedIn: true } } }] },
      { target: ".menu", actions: [{ type: "reply", params: { message: menuMessage("Sorry, I didn't understand that. Pick an option, or type a word like BALANCE or REWARDS.") } }] },
    ],
    NON_TEXT: {
      target: ".menu",
      actions: [{ type: "reply", params: { message: menuMessage("I can only read text messages. Here is what I can do:") } }],
    },
    JOINED: {
      target: ".menu",
      actions: [
        { type: "reply", params: ({ event }) => ({ message: welcomeMessage(event.vendorName, event.greeting, event.isNew) }) },
        { type: "reply", params: { message: menuMessage("What would you like to do?") } },
      ],
    },
    BALANCE: {
      target: ".menu",
      actions: [{ type: "reply", params: ({ event }) => ({ message: balanceMessage(event.balance, event.expiring, event.timezone) }) }],
    },
    REWARDS: {
      target: ".menu",
      actions: [{ type: "reply", params: ({ event }) => ({ message: rewardsMessage(event.balance, event.rewards) }) }],
    },
    REDEEMED: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ event }) => ({
            message: text(
              `Show this code at the till: ${event.code}\n\n${event.rewardName}: ${formatPoints(event.pointsDeducted)} points used. You have ${formatPoints(event.balance)} points left.`,
            ),
          }),
        },
      ],
    },
    REDEEM_FAILED: {
      target: ".menu",
      actions: [{ type: "reply", params: ({ event }) => ({ message: text(REDEEM_FAILURES[event.reason]) }) }],
    },
    HISTORY: {
      target: ".menu",
      actions: [{ type: "reply", params: ({ event }) => ({ message: historyMessage(event.entries, event.timezone) }) }],
    },
    REFERRAL: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ event }) => ({
            message: text(
              `Invite friends and earn points when they shop!\nShare this link: ${event.link}\nYour referral code: ${event.code}`,
            ),
          }),
        },
      ],
    },
    VENDORS: [
      {
        guard: { type: "hasVendors", params: ({ event }) => ({ vendors: event.vendors }) },
        target: ".choosingVendor",
        actions: [{ type: "rememberVendors", params: ({ event }) => ({ vendors: event.vendors }) }],
      },
      {
        target: ".menu",
        actions: [{ type: "reply", params: { message: text("You haven't joined any vendor yet. Scan a vendor's QR code, or send JOIN and their code.") } }],
      },
    ],
    VENDOR_SWITCHED: {
      target: ".menu",
      actions: [
        { type: "reply", params: ({ event }) => ({ message: menuMessage(`You're now talking to ${event.vendorName}. What would you like to do?`) }) },
      ],
    },
    OPT_CHANGED: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ event }) => ({
            message: text(
              event.optedIn
                ? "You'll get our offers again. Send STOP any time to stop them."
                : "You won't get offers from us any more. You can still check your points. Send START to get offers again.",
            ),
          }),
        },
      ],
    },
  },
  states: {
    menu: { entry: ["forgetChoices"] },
    loadingRedeemableRewards: {
      on: {
        REWARDS: [
          {
            guard: { type: "canAffordAReward", params: ({ event }) => ({ balance: event.balance, rewards: event.rewards }) },
            target: "choosingReward",
            actions: [{ type: "rememberAffordableRewards", params: ({ event }) => ({ balance: event.balance, rewards: event.rewards }) }],
          },
          {
            target: "menu",
            actions: [{ type: "reply", params: ({ event }) => ({ message: text(nothingAffordableText(event.balance, event.rewards)) }) }],
          },
        ],
      },
    },
    choosingReward: {
      entry: ["startStep", { type: "reply", params: ({ context }) => ({ message: chooseRewardMessage(context, "Which reward would you like? Reply with its number.") }) }],
      on: {
        TEXT: [
          { guard: "picksReward", target: "confirmingRedeem", actions: ["selectReward"] },
          {
            guard: { type: "saysOneOf", params: { words: [MORE_CHOICE_ID] } },
            actions: ["showNextPage", { type: "reply", params: ({ context }) => ({ message: chooseRewardMessage(context, "More rewards. Reply with a number.") }) }],
          },
          {
            guard: "canAskAgain",
            actions: ["countRetry", { type: "reply", params: ({ context }) => ({ message: chooseRewardMessage(context, "Please reply with the number of a reward, for example 1.") }) }],
          },
          { guard: "isWrongAnswer", target: "menu", actions: [{ type: "reply", params: { message: menuMessage(START_AGAIN) } }] },
        ],
      },
    },
    confirmingRedeem: {
      entry: ["startStep", { type: "reply", params: ({ context }) => ({ message: confirmRedeemMessage(context.selectedReward, "") }) }],
      on: {
        TEXT: [
          { guard: { type: "saysOneOf", params: { words: YES_WORDS } }, target: "menu", actions: ["requestRedeem"] },
          {
            guard: { type: "saysOneOf", params: { words: NO_WORDS } },
            target: "menu",
            actions: [{ type: "reply", params: { message: menuMessage("OK, nothing redeemed. What would you like to do?") } }],
          },
          {
            guard: "canAskAgain",
            actions: ["countRetry", { type: "reply", params: ({ context }) => ({ message: confirmRedeemMessage(context.selectedReward, "Please reply YES or NO. ") }) }],
          },
          { guard: "isWrongAnswer", target: "menu", actions: [{ type: "reply", params: { message: menuMessage(START_AGAIN) } }] },
        ],
      },
    },
    choosingVendor: {
      entry: ["startStep", { type: "reply", params: ({ context }) => ({ message: chooseVendorMessage(context, "Your vendors. Reply with a number to switch.") }) }],
      on: {
        TEXT: [
          {
            guard: "picksCurrentVendor",
            target: "menu",
            actions: [{ type: "reply", params: { message: text("You're already talking to that vendor. Send MENU to see what you can do.") } }],
          },
          { guard: "picksVendor", target: "menu", actions: ["requestSwitchVendor"] },
          {
            guard: { type: "saysOneOf", params: { words: [MORE_CHOICE_ID] } },
            actions: ["showNextPage", { type: "reply", params: ({ context }) => ({ message: chooseVendorMessage(context, "More vendors. Reply with a number.") }) }],
          },
          {
            guard: "canAskAgain",
            actions: ["countRetry", { type: "reply", params: ({ context }) => ({ message: chooseVendorMessage(context, "Please reply with a vendor's number, for example 1.") }) }],
          },
          { guard: "isWrongAnswer", target: "menu", actions: [{ type: "reply", params: { message: menuMessage(START_AGAIN) } }] },
        ],
      },
    },
  },
});

function restoreCustomerSnapshot(persisted: unknown, event: CustomerEvent, idleTimeoutMs: number) {
  const now = "now" in event ? event.now : null;
  const stored = readPersistedFlow(persisted, "customer", CUSTOMER_FLOW_VERSION, storedCustomerContextSchema);
  if (stored && !isIdleTooLong(stored.context.lastActivityAt, now, idleTimeoutMs)) {
    try {
      return customerMachine.resolveState({
        value: stored.value,
        context: { ...stored.context, lastActivityAt: now ?? stored.context.lastActivityAt, pending: [] },
      });
    } catch {
      // A state this version does not know (a hand-edited or mislabelled snapshot): start fresh.
    }
  }
  const [fresh] = initialTransition(customerMachine);
  return customerMachine.resolveState({ value: fresh.value, context: { ...fresh.context, lastActivityAt: now } });
}

function isCommand(event: CustomerEvent): boolean {
  const keyword = keywordOfText(event);
  return keyword !== null && COMMAND_WORDS.includes(keyword);
}

function menuMessage(body: string): OutMessage {
  return choiceMessage(body, MENU_CHOICES, 0, "Menu");
}

function text(body: string): OutMessage {
  return { kind: "text", body: truncate(body, 4096) };
}

function welcomeMessage(vendorName: string, greeting: string | null, isNew: boolean): OutMessage {
  const hello = isNew
    ? `Welcome to ${vendorName}'s loyalty programme! You earn points every time you buy.`
    : `Welcome back to ${vendorName}!`;
  return text(greeting ? `${hello}\n\n${greeting}` : hello);
}

function balanceMessage(
  balance: number,
  expiring: { points: number; expiresAt: string } | null,
  timezone: string,
): OutMessage {
  const lines = [`You have ${formatPoints(balance)} points.`];
  if (expiring && expiring.points > 0) {
    lines.push(`${formatPoints(expiring.points)} of them expire on ${formatDate(expiring.expiresAt, timezone)}.`);
  }
  lines.push("Send REWARDS to see what you can get.");
  return text(lines.join("\n"));
}

/** Rewards the balance covers, cheapest first; REWARDS and REDEEM number them the same way. */
function affordableRewards(balance: number, rewards: CustomerReward[]): CustomerReward[] {
  return rewards.filter((reward) => reward.pointsRequired <= balance).sort(byPointsRequired);
}

function nextRewardsToAimFor(balance: number, rewards: CustomerReward[]): CustomerReward[] {
  return rewards.filter((reward) => reward.pointsRequired > balance).sort(byPointsRequired).slice(0, 3);
}

function byPointsRequired(a: CustomerReward, b: CustomerReward): number {
  return a.pointsRequired - b.pointsRequired;
}

function rewardsMessage(balance: number, rewards: CustomerReward[]): OutMessage {
  if (rewards.length === 0) return text("There are no rewards yet. Keep earning points!");
  const affordable = affordableRewards(balance, rewards).slice(0, 20);
  const lines = [`You have ${formatPoints(balance)} points.`];
  if (affordable.length > 0) {
    lines.push("", "Rewards you can get now:");
    for (const [index, reward] of affordable.entries()) lines.push(`${index + 1}. ${reward.name} (${formatPoints(reward.pointsRequired)} points)`);
    lines.push("Send REDEEM to get one.");
  }
  lines.push(...aimForLines(balance, rewards));
  return text(lines.join("\n"));
}

function nothingAffordableText(balance: number, rewards: CustomerReward[]): string {
  const lines = [`You have ${formatPoints(balance)} points, not enough for a reward yet.`, ...aimForLines(balance, rewards)];
  return lines.join("\n");
}

function aimForLines(balance: number, rewards: CustomerReward[]): string[] {
  const next = nextRewardsToAimFor(balance, rewards);
  if (next.length === 0) return [];
  return [
    "",
    "Next to aim for:",
    ...next.map((reward) => `- ${reward.name}: ${formatPoints(reward.pointsRequired - balance)} more points`),
  ];
}

function chooseRewardMessage(context: CustomerContext, prompt: string): OutMessage {
  const choices = context.rewards.map((reward, index) => ({
    id: String(index + 1),
    title: `${index + 1}. ${reward.name}`,
    description: `${formatPoints(reward.pointsRequired)} points`,
  }));
  const lines = [`You have ${formatPoints(context.balance)} points.`, prompt];
  if (choices.length <= 3) {
    for (const [index, reward] of context.rewards.entries()) lines.push(`${index + 1}. ${reward.name} (${formatPoints(reward.pointsRequired)} points)`);
  }
  return choiceMessage(lines.join("\n"), choices, context.page, "Rewards");
}

function confirmRedeemMessage(reward: CustomerReward | null, prefix: string): OutMessage {
  const question = reward
    ? `Redeem ${reward.name} for ${formatPoints(reward.pointsRequired)} points? YES / NO`
    : "Redeem this reward? YES / NO";
  return choiceMessage(`${prefix}${question}`, [
    { id: "YES", title: "Yes" },
    { id: "NO", title: "No" },
  ]);
}

function chooseVendorMessage(context: CustomerContext, prompt: string): OutMessage {
  const choices = context.vendors.map((vendor, index) => ({
    id: String(index + 1),
    title: `${index + 1}. ${vendor.name}`,
    ...(vendor.active ? { description: "You're talking to this one now" } : {}),
  }));
  const lines = [prompt];
  if (choices.length <= 3) {
    for (const [index, vendor] of context.vendors.entries()) lines.push(`${index + 1}. ${vendor.name}${vendor.active ? " (current)" : ""}`);
  }
  return choiceMessage(lines.join("\n"), choices, context.page, "Vendors");
}

function historyMessage(
  entries: { points: number; transactionType: string; description: string; createdAt: string }[],
  timezone: string,
): OutMessage {
  if (entries.length === 0) return text("No points activity yet. Buy something to start earning!");
  const lines = entries.slice(0, 10).map((entry) => {
    const sign = entry.points > 0 ? "+" : "";
    const cause = entry.description.trim() || entry.transactionType;
    return `${formatDate(entry.createdAt, timezone)}: ${sign}${formatPoints(entry.points)} (${cause})`;
  });
  return text(["Your recent points:", ...lines].join("\n"));
}
