import { assign, initialTransition, setup, transition } from "xstate";
import { z } from "zod";
import {
  CANCEL_WORDS,
  MAX_RETRIES,
  NO_WORDS,
  YES_WORDS,
  chosenNumber,
  keywordOfText,
  suggestionsOfText,
  textIsOneOf,
} from "./chatWords.ts";
import { MORE_CHOICE_ID, choiceMessage, type Choice } from "./choiceMessage.ts";
import { truncate } from "./format.ts";
import type { MessageKey } from "./i18n/catalog.ts";
import { ENGLISH, intlLocaleFor, type Speaker } from "./i18n/createSpeaker.ts";
import { languageChoiceMessage } from "./i18n/languageChoiceMessage.ts";
import { parseAmount } from "./parsers/parseAmount.ts";
import { parseBirthday, type DayMonth } from "./parsers/parseBirthday.ts";
import { parseKeyword } from "./parsers/parseKeyword.ts";
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
/** Where a customer stands in the vendor's VIP tiers: `name` null below the first tier. */
export type CustomerTier = { name: string | null; next: { name: string; pointsToGo: number } | null };
export type RedeemFailureReason = "insufficient_points" | "out_of_stock" | "limit_reached" | "unavailable";

/** What the engine sends the customer flow: the person's messages and the results of intents. */
export type CustomerEvent =
  | { type: "TEXT"; text: string; now: string }
  | { type: "NON_TEXT"; now: string }
  /** `offerLanguages`: the person has never chosen a language, so the language list follows the welcome. */
  | {
      type: "JOINED";
      vendorName: string;
      greeting: string | null;
      isNew: boolean;
      timezone: string;
      offerLanguages?: boolean;
    }
  | {
      type: "BALANCE";
      balance: number;
      expiring: { points: number; expiresAt: string } | null;
      timezone: string;
      /** The VIP tier and the next one, when the vendor has tiers (absent or null: no tier lines). */
      tier?: CustomerTier | null;
    }
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
  | { type: "OPT_CHANGED"; optedIn: boolean }
  /** A photo (a receipt to claim); `caption` may carry the amount. */
  | { type: "PHOTO"; mediaId: string; mimeType: string; caption: string | null; now: string }
  /** Voice, video, sticker, document, location…: media the bot cannot read. */
  | { type: "OTHER_MEDIA"; now: string }
  | { type: "CLAIM_FILED"; amountKobo: number }
  /** `limitKobo` for over_max_amount, `limit` (claims a day) for daily_limit. */
  | { type: "CLAIM_REFUSED"; reason: ClaimRefusal; limit?: number }
  /** The engine asks for the birthday once, after the third purchase (lifecycle). */
  | { type: "ASK_BIRTHDAY" }
  | { type: "BIRTHDAY_SAVED"; day: number; month: number }
  | { type: "BIRTHDAY_DECLINED" };

/** Why a receipt claim was not filed; the flow says it in the customer's language. */
export type ClaimRefusal =
  | "claims_off"
  | "duplicate_photo"
  | "daily_limit"
  | "over_max_amount"
  | "invalid_amount"
  | "too_large"
  | "unsupported_type"
  | "failed";

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
  | { type: "setOptIn"; optedIn: boolean }
  /** Download the photo, store it and file the claim; answered by CLAIM_FILED or CLAIM_REFUSED. */
  | { type: "fileClaim"; mediaId: string; mimeType: string; amountKobo: number }
  | { type: "setBirthday"; day: number; month: number }
  /** The customer said no to the birthday question: never ask again. */
  | { type: "declineBirthday" };

type CustomerRequest = Exclude<CustomerIntent, ReplyIntent>;

/** How the engine runs the flow: the idle timeout, and the speaker of the customer's language (English if none). */
export type CustomerFlowOptions = { idleTimeoutMs: number; speaker?: Speaker };

/**
 * Advances a customer's conversation by one event. A missing, foreign, outdated or unreadable
 * snapshot, or one idle for longer than `idleTimeoutMs` (30 minutes unless the engine passes
 * the configured CONVERSATION_IDLE_MINUTES), starts fresh at the menu; this never throws for
 * bad stored data. Every word comes from `speaker` (the engine picks the language), so the
 * snapshot holds no language and a person who changes theirs is answered in it at once.
 */
export function runCustomerFlow(
  persisted: unknown,
  event: CustomerEvent,
  options: CustomerFlowOptions = { idleTimeoutMs: CUSTOMER_IDLE_TIMEOUT_MS },
): FlowResult<CustomerIntent> {
  const start = restoreCustomerSnapshot(persisted, event, options.idleTimeoutMs, options.speaker ?? ENGLISH);
  const [next] = transition(customerMachine, start, event);
  // The speaker is the engine's, per message: it is never stored.
  const { retries, page, balance, rewards, selectedReward, vendors, lastActivityAt, claimPhoto, pending } =
    next.context;
  const stored = { retries, page, balance, rewards, selectedReward, vendors, lastActivityAt, claimPhoto };
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
const BIRTHDAY_WORDS = ["BIRTHDAY"] as const;
const COMMAND_WORDS: readonly string[] = [
  ...CANCEL_WORDS,
  ...MENU_WORDS,
  ...BALANCE_WORDS,
  ...REWARDS_WORDS,
  ...REDEEM_WORDS,
  ...HISTORY_WORDS,
  ...REFER_WORDS,
  ...VENDORS_WORDS,
  ...STOP_WORDS,
  ...START_WORDS,
  ...BIRTHDAY_WORDS,
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
  // Added after version 1 shipped: a stored snapshot without it still reads.
  claimPhoto: z.object({ mediaId: z.string(), mimeType: z.string() }).nullable().default(null),
});
type StoredCustomerContext = z.infer<typeof storedCustomerContextSchema>;
type StoredCustomerState = { value: string; context: StoredCustomerContext };
/** The stored context plus what lives for one step only: intents to hand out and the speaker. */
type CustomerContext = StoredCustomerContext & { pending: CustomerIntent[]; speaker: Speaker };

const FRESH_CONTEXT: CustomerContext = {
  retries: 0,
  page: 0,
  balance: 0,
  rewards: [],
  selectedReward: null,
  vendors: [],
  lastActivityAt: null,
  claimPhoto: null,
  pending: [],
  speaker: ENGLISH,
};
const CUSTOMER_EVENT_TYPE = typeWitness<CustomerEvent>({ type: "NON_TEXT", now: "" });

type MenuItem = { id: string; title: MessageKey; description: MessageKey };

const MENU_ITEMS: MenuItem[] = [
  { id: "BALANCE", title: "customer.menu.balance.title", description: "customer.menu.balance.description" },
  { id: "REWARDS", title: "customer.menu.rewards.title", description: "customer.menu.rewards.description" },
  { id: "REDEEM", title: "customer.menu.redeem.title", description: "customer.menu.redeem.description" },
  { id: "HISTORY", title: "customer.menu.history.title", description: "customer.menu.history.description" },
  { id: "REFER", title: "customer.menu.refer.title", description: "customer.menu.refer.description" },
  { id: "VENDORS", title: "customer.menu.vendors.title", description: "customer.menu.vendors.description" },
  { id: "STOP", title: "customer.menu.stop.title", description: "customer.menu.stop.description" },
  { id: "START", title: "customer.menu.start.title", description: "customer.menu.start.description" },
];

const REDEEM_FAILURES: Record<RedeemFailureReason, MessageKey> = {
  insufficient_points: "customer.redeem.failed.insufficient_points",
  out_of_stock: "customer.redeem.failed.out_of_stock",
  limit_reached: "customer.redeem.failed.limit_reached",
  unavailable: "customer.redeem.failed.unavailable",
};

const CLAIM_REFUSALS: Record<ClaimRefusal, MessageKey> = {
  claims_off: "claims.customer.refused.claimsOff",
  duplicate_photo: "claims.customer.refused.duplicate",
  daily_limit: "claims.customer.refused.dailyLimit",
  over_max_amount: "claims.customer.refused.overMax",
  invalid_amount: "claims.customer.askAmountRetry",
  too_large: "claims.customer.refused.tooLarge",
  unsupported_type: "claims.customer.refused.unsupported",
  failed: "claims.customer.refused.failed",
};

const HISTORY_TYPES: Record<string, MessageKey> = {
  earned: "customer.history.type.earned",
  redeemed: "customer.history.type.redeemed",
  expired: "customer.history.type.expired",
  adjusted: "customer.history.type.adjusted",
  reversed: "customer.history.type.reversed",
};

const customerMachine = setup({
  types: { context: FRESH_CONTEXT, events: CUSTOMER_EVENT_TYPE },
  actions: {
    reply: assign(({ context }, params: { message: OutMessage }) => ({
      pending: [...context.pending, { type: "reply" as const, message: params.message }],
    })),
    /** A menu with the catalog's `prompt` as its body. */
    replyMenu: assign(({ context }, params: { prompt: MessageKey }) => ({
      pending: [
        ...context.pending,
        { type: "reply" as const, message: menuMessage(context.speaker, context.speaker.say(params.prompt)) },
      ],
    })),
    /** A text from the catalog. */
    replyText: assign(({ context }, params: { key: MessageKey }) => ({
      pending: [...context.pending, { type: "reply" as const, message: text(context.speaker.say(params.key)) }],
    })),
    replyDidYouMean: assign(({ context, event }) => ({
      pending: [
        ...context.pending,
        { type: "reply" as const, message: didYouMeanMessage(context.speaker, customerSuggestions(event)) },
      ],
    })),
    request: assign(({ context }, params: { intent: CustomerRequest }) => ({
      pending: [...context.pending, params.intent],
    })),
    requestRedeem: assign(({ context }) =>
      context.selectedReward
        ? { pending: [...context.pending, { type: "redeem" as const, rewardId: context.selectedReward.id }] }
        : {},
    ),
    /** The guards let only a readable date through; without one nothing is requested. */
    requestSetBirthday: assign(({ context, event }, params: { afterCommand: boolean }) => {
      const date = birthdayGiven(event, params.afterCommand);
      return date === null
        ? {}
        : { pending: [...context.pending, { type: "setBirthday" as const, day: date.day, month: date.month }] };
    }),
    requestSwitchVendor: assign(({ context, event }) => {
      const vendor = context.vendors[(chosenNumber(event, context.vendors.length) ?? 0) - 1];
      return vendor
        ? { pending: [...context.pending, { type: "switchVendor" as const, tenantId: vendor.tenantId }] }
        : {};
    }),
    startStep: assign({ retries: 0, page: 0 }),
    countRetry: assign(({ context }) => ({ retries: context.retries + 1 })),
    showNextPage: assign(({ context }) => ({ page: context.page + 1 })),
    forgetChoices: assign({ retries: 0, page: 0, rewards: [], selectedReward: null, vendors: [], claimPhoto: null }),
    rememberAffordableRewards: assign((_, params: { balance: number; rewards: CustomerReward[] }) => ({
      balance: params.balance,
      rewards: affordableRewards(params.balance, params.rewards),
      selectedReward: null,
    })),
    selectReward: assign(({ context, event }) => ({
      selectedReward: context.rewards[(chosenNumber(event, context.rewards.length) ?? 0) - 1] ?? null,
    })),
    rememberVendors: assign((_, params: { vendors: CustomerVendor[] }) => ({ vendors: params.vendors })),
    rememberClaimPhoto: assign(({ event }) =>
      event.type === "PHOTO" ? { claimPhoto: { mediaId: event.mediaId, mimeType: event.mimeType } } : {},
    ),
    /** The photo with the amount its caption or the person's answer gives. */
    requestFileClaim: assign(({ context, event }) => {
      const photo = event.type === "PHOTO" ? { mediaId: event.mediaId, mimeType: event.mimeType } : context.claimPhoto;
      const amount = parseAmount(event.type === "PHOTO" ? (event.caption ?? "") : textOf(event));
      if (photo === null || !amount.ok) return {};
      return { pending: [...context.pending, { type: "fileClaim" as const, ...photo, amountKobo: amount.value }] };
    }),
  },
  guards: {
    saysOneOf: ({ event }, params: { words: readonly string[] }) => textIsOneOf(event, params.words),
    isNearMiss: ({ event }) => customerSuggestions(event).length > 0,
    picksReward: ({ context, event }) => chosenNumber(event, context.rewards.length) !== null,
    picksCurrentVendor: ({ context, event }) =>
      context.vendors[(chosenNumber(event, context.vendors.length) ?? 0) - 1]?.active === true,
    picksVendor: ({ context, event }) => chosenNumber(event, context.vendors.length) !== null,
    canAskAgain: ({ context, event }) => !isCommand(event) && context.retries < MAX_RETRIES,
    isWrongAnswer: ({ event }) => !isCommand(event),
    givesBirthday: ({ event }) => birthdayGiven(event, false) !== null,
    givesBirthdayAfterCommand: ({ event }) => birthdayGiven(event, true) !== null,
    canAffordAReward: (_, params: { balance: number; rewards: CustomerReward[] }) =>
      affordableRewards(params.balance, params.rewards).length > 0,
    hasVendors: (_, params: { vendors: CustomerVendor[] }) => params.vendors.length > 0,
    captionIsAmount: ({ event }) => event.type === "PHOTO" && parseAmount(event.caption ?? "").ok,
    isAmount: ({ event }) => event.type === "TEXT" && parseAmount(event.text).ok,
  },
}).createMachine({
  id: "customer",
  context: FRESH_CONTEXT,
  initial: "menu",
  // The root answers commands and results from any state; a step only handles its own answers.
  on: {
    TEXT: [
      {
        guard: { type: "saysOneOf", params: { words: CANCEL_WORDS } },
        target: ".menu",
        actions: [{ type: "replyMenu", params: { prompt: "customer.menu.cancelled" } }],
      },
      {
        guard: { type: "saysOneOf", params: { words: MENU_WORDS } },
        target: ".menu",
        actions: [{ type: "replyMenu", params: { prompt: "customer.menu.prompt" } }],
      },
      {
        guard: { type: "saysOneOf", params: { words: BALANCE_WORDS } },
        target: ".menu",
        actions: [{ type: "request", params: { intent: { type: "getBalance" } } }],
      },
      {
        guard: { type: "saysOneOf", params: { words: REWARDS_WORDS } },
        target: ".menu",
        actions: [{ type: "request", params: { intent: { type: "listRewards" } } }],
      },
      {
        guard: { type: "saysOneOf", params: { words: REDEEM_WORDS } },
        target: ".loadingRedeemableRewards",
        actions: [{ type: "request", params: { intent: { type: "listRewards" } } }],
      },
      {
        guard: { type: "saysOneOf", params: { words: HISTORY_WORDS } },
        target: ".menu",
        actions: [{ type: "request", params: { intent: { type: "getHistory" } } }],
      },
      {
        guard: { type: "saysOneOf", params: { words: REFER_WORDS } },
        target: ".menu",
        actions: [{ type: "request", params: { intent: { type: "getReferral" } } }],
      },
      {
        guard: { type: "saysOneOf", params: { words: VENDORS_WORDS } },
        target: ".menu",
        actions: [{ type: "request", params: { intent: { type: "listVendors" } } }],
      },
      {
        guard: { type: "saysOneOf", params: { words: STOP_WORDS } },
        target: ".menu",
        actions: [{ type: "request", params: { intent: { type: "setOptIn", optedIn: false } } }],
      },
      {
        guard: { type: "saysOneOf", params: { words: START_WORDS } },
        target: ".menu",
        actions: [{ type: "request", params: { intent: { type: "setOptIn", optedIn: true } } }],
      },
      {
        guard: { type: "saysOneOf", params: { words: BIRTHDAY_WORDS } },
        target: ".givingBirthday",
      },
      { guard: "isNearMiss", target: ".menu", actions: ["replyDidYouMean"] },
      { target: ".menu", actions: [{ type: "replyMenu", params: { prompt: "customer.menu.notUnderstood" } }] },
    ],
    NON_TEXT: {
      target: ".menu",
      actions: [{ type: "replyMenu", params: { prompt: "customer.menu.nonText" } }],
    },
    OTHER_MEDIA: {
      target: ".menu",
      actions: [{ type: "replyText", params: { key: "claims.customer.mediaNotUnderstood" } }],
    },
    PHOTO: [
      { guard: "captionIsAmount", target: ".menu", actions: ["requestFileClaim"] },
      { target: ".askingClaimAmount", actions: ["rememberClaimPhoto"] },
    ],
    CLAIM_FILED: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ context, event }) => ({
            message: text(
              context.speaker.say("claims.customer.filed", { amount: context.speaker.naira(event.amountKobo) }),
            ),
          }),
        },
      ],
    },
    CLAIM_REFUSED: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ context, event }) => ({
            message: text(
              context.speaker.say(CLAIM_REFUSALS[event.reason], {
                limit: event.limit ?? 0,
                amount: context.speaker.naira(event.limit ?? 0),
              }),
            ),
          }),
        },
      ],
    },
    JOINED: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ context, event }) => ({
            message: welcomeMessage(context.speaker, event.vendorName, event.greeting, event.isNew),
          }),
        },
        {
          type: "reply",
          params: ({ context, event }) => ({
            message:
              event.offerLanguages === true
                ? languageChoiceMessage(context.speaker)
                : menuMessage(context.speaker, context.speaker.say("customer.menu.prompt")),
          }),
        },
      ],
    },
    BALANCE: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ context, event }) => ({
            message: balanceMessage(context.speaker, event.balance, event.expiring, event.timezone, event.tier ?? null),
          }),
        },
      ],
    },
    REWARDS: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ context, event }) => ({ message: rewardsMessage(context.speaker, event.balance, event.rewards) }),
        },
      ],
    },
    REDEEMED: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ context, event }) => ({
            message: text(
              context.speaker.say("customer.redeem.done", {
                code: event.code,
                reward: event.rewardName,
                points: event.pointsDeducted,
                balance: event.balance,
              }),
            ),
          }),
        },
      ],
    },
    REDEEM_FAILED: {
      target: ".menu",
      actions: [{ type: "replyText", params: ({ event }) => ({ key: REDEEM_FAILURES[event.reason] }) }],
    },
    HISTORY: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ context, event }) => ({ message: historyMessage(context.speaker, event.entries, event.timezone) }),
        },
      ],
    },
    REFERRAL: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ context, event }) => ({
            message: text(context.speaker.say("customer.refer.link", { link: event.link, code: event.code })),
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
        actions: [{ type: "replyText", params: { key: "customer.vendors.none" } }],
      },
    ],
    VENDOR_SWITCHED: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ context, event }) => ({
            message: menuMessage(
              context.speaker,
              context.speaker.say("customer.vendors.switched", { vendor: event.vendorName }),
            ),
          }),
        },
      ],
    },
    ASK_BIRTHDAY: { target: ".answeringBirthdayQuestion" },
    BIRTHDAY_SAVED: {
      target: ".menu",
      actions: [
        {
          type: "reply",
          params: ({ context, event }) => ({
            message: text(
              context.speaker.say("lifecycle.birthday.saved", { birthday: formatDayMonth(context.speaker, event) }),
            ),
          }),
        },
      ],
    },
    BIRTHDAY_DECLINED: {
      target: ".menu",
      actions: [{ type: "replyText", params: { key: "lifecycle.birthday.declined" } }],
    },
    OPT_CHANGED: {
      target: ".menu",
      actions: [
        {
          type: "replyText",
          params: ({ event }) => ({ key: event.optedIn ? "customer.offers.on" : "customer.offers.off" }),
        },
      ],
    },
  },
  states: {
    menu: { entry: ["forgetChoices"] },
    askingClaimAmount: {
      entry: ["startStep", { type: "replyText", params: { key: "claims.customer.askAmount" } }],
      on: {
        TEXT: [
          { guard: "isAmount", target: "menu", actions: ["requestFileClaim"] },
          {
            guard: "canAskAgain",
            actions: ["countRetry", { type: "replyText", params: { key: "claims.customer.askAmountRetry" } }],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyText", params: { key: "claims.customer.gaveUp" } }],
          },
        ],
      },
    },
    // BIRTHDAY: the date may come with the command (BIRTHDAY 14 March) or as the answer.
    givingBirthday: {
      entry: ["startStep"],
      always: [
        {
          guard: "givesBirthdayAfterCommand",
          target: "menu",
          actions: [{ type: "requestSetBirthday", params: { afterCommand: true } }],
        },
        {
          actions: [{ type: "replyText", params: { key: "lifecycle.birthday.prompt" } }],
          target: "waitingForBirthday",
        },
      ],
    },
    waitingForBirthday: {
      on: {
        TEXT: [
          {
            guard: "givesBirthday",
            target: "menu",
            actions: [{ type: "requestSetBirthday", params: { afterCommand: false } }],
          },
          {
            guard: "canAskAgain",
            actions: ["countRetry", { type: "replyText", params: { key: "lifecycle.birthday.retry" } }],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "customer.menu.startAgain" } }],
          },
        ],
      },
    },
    // Asked once by the engine; NO is remembered so it is never asked again.
    answeringBirthdayQuestion: {
      entry: ["startStep", { type: "replyText", params: { key: "lifecycle.birthday.ask" } }],
      on: {
        TEXT: [
          {
            guard: "givesBirthday",
            target: "menu",
            actions: [{ type: "requestSetBirthday", params: { afterCommand: false } }],
          },
          {
            guard: { type: "saysOneOf", params: { words: NO_WORDS } },
            target: "menu",
            actions: [{ type: "request", params: { intent: { type: "declineBirthday" } } }],
          },
          {
            guard: { type: "saysOneOf", params: { words: YES_WORDS } },
            target: "waitingForBirthday",
            actions: [{ type: "replyText", params: { key: "lifecycle.birthday.prompt" } }],
          },
          {
            guard: "canAskAgain",
            actions: ["countRetry", { type: "replyText", params: { key: "lifecycle.birthday.retry" } }],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "customer.menu.startAgain" } }],
          },
        ],
      },
    },
    loadingRedeemableRewards: {
      on: {
        REWARDS: [
          {
            guard: {
              type: "canAffordAReward",
              params: ({ event }) => ({ balance: event.balance, rewards: event.rewards }),
            },
            target: "choosingReward",
            actions: [
              {
                type: "rememberAffordableRewards",
                params: ({ event }) => ({ balance: event.balance, rewards: event.rewards }),
              },
            ],
          },
          {
            target: "menu",
            actions: [
              {
                type: "reply",
                params: ({ context, event }) => ({
                  message: text(nothingAffordableText(context.speaker, event.balance, event.rewards)),
                }),
              },
            ],
          },
        ],
      },
    },
    choosingReward: {
      entry: [
        "startStep",
        {
          type: "reply",
          params: ({ context }) => ({ message: chooseRewardMessage(context, "customer.redeem.choose") }),
        },
      ],
      on: {
        TEXT: [
          { guard: "picksReward", target: "confirmingRedeem", actions: ["selectReward"] },
          {
            guard: { type: "saysOneOf", params: { words: [MORE_CHOICE_ID] } },
            actions: [
              "showNextPage",
              {
                type: "reply",
                params: ({ context }) => ({ message: chooseRewardMessage(context, "customer.redeem.more") }),
              },
            ],
          },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              {
                type: "reply",
                params: ({ context }) => ({ message: chooseRewardMessage(context, "customer.redeem.retry") }),
              },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "customer.menu.startAgain" } }],
          },
        ],
      },
    },
    confirmingRedeem: {
      entry: [
        "startStep",
        {
          type: "reply",
          params: ({ context }) => ({ message: confirmRedeemMessage(context.speaker, context.selectedReward, false) }),
        },
      ],
      on: {
        TEXT: [
          { guard: { type: "saysOneOf", params: { words: YES_WORDS } }, target: "menu", actions: ["requestRedeem"] },
          {
            guard: { type: "saysOneOf", params: { words: NO_WORDS } },
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "customer.redeem.declined" } }],
          },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              {
                type: "reply",
                params: ({ context }) => ({
                  message: confirmRedeemMessage(context.speaker, context.selectedReward, true),
                }),
              },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "customer.menu.startAgain" } }],
          },
        ],
      },
    },
    choosingVendor: {
      entry: [
        "startStep",
        {
          type: "reply",
          params: ({ context }) => ({ message: chooseVendorMessage(context, "customer.vendors.choose") }),
        },
      ],
      on: {
        TEXT: [
          {
            guard: "picksCurrentVendor",
            target: "menu",
            actions: [{ type: "replyText", params: { key: "customer.vendors.already" } }],
          },
          { guard: "picksVendor", target: "menu", actions: ["requestSwitchVendor"] },
          {
            guard: { type: "saysOneOf", params: { words: [MORE_CHOICE_ID] } },
            actions: [
              "showNextPage",
              {
                type: "reply",
                params: ({ context }) => ({ message: chooseVendorMessage(context, "customer.vendors.more") }),
              },
            ],
          },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              {
                type: "reply",
                params: ({ context }) => ({ message: chooseVendorMessage(context, "customer.vendors.retry") }),
              },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "customer.menu.startAgain" } }],
          },
        ],
      },
    },
  },
});

function restoreCustomerSnapshot(persisted: unknown, event: CustomerEvent, idleTimeoutMs: number, speaker: Speaker) {
  const now = "now" in event ? event.now : null;
  const stored = readPersistedFlow(persisted, "customer", CUSTOMER_FLOW_VERSION, storedCustomerContextSchema);
  if (stored && !isIdleTooLong(stored.context.lastActivityAt, now, idleTimeoutMs)) {
    try {
      return customerMachine.resolveState({
        value: stored.value,
        context: { ...stored.context, lastActivityAt: now ?? stored.context.lastActivityAt, pending: [], speaker },
      });
    } catch {
      // A state this version does not know (a hand-edited or mislabelled snapshot): start fresh.
    }
  }
  const [fresh] = initialTransition(customerMachine);
  return customerMachine.resolveState({
    value: fresh.value,
    context: { ...fresh.context, lastActivityAt: now, speaker },
  });
}

/** The date a text event gives, after BIRTHDAY when `afterCommand`, or null. */
function birthdayGiven(event: CustomerEvent, afterCommand: boolean): DayMonth | null {
  if (event.type !== "TEXT") return null;
  return parseBirthday(afterCommand ? parseKeyword(event.text).rest : event.text);
}

/** "14 March" in the customer's language. */
function formatDayMonth(speaker: Speaker, date: DayMonth): string {
  return new Intl.DateTimeFormat(intlLocaleFor(speaker.language), {
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2000, date.month - 1, date.day)));
}

function isCommand(event: CustomerEvent): boolean {
  const keyword = keywordOfText(event);
  return keyword !== null && COMMAND_WORDS.includes(keyword);
}

/** The customer commands a mistyped word is equally close to (others' commands are no help here). */
function customerSuggestions(event: CustomerEvent): string[] {
  return suggestionsOfText(event).filter((command) => COMMAND_WORDS.includes(command));
}

function menuMessage(speaker: Speaker, body: string): OutMessage {
  const choices: Choice[] = MENU_ITEMS.map((item) => ({
    id: item.id,
    title: speaker.say(item.title),
    description: speaker.say(item.description),
  }));
  return choiceMessage(body, choices, 0, speaker.say("customer.menu.button"), speaker);
}

/** "Did you mean …?" with the commands as buttons, titled as the menu names them. */
function didYouMeanMessage(speaker: Speaker, commands: string[]): OutMessage {
  const choices = commands.slice(0, 3).map((command) => {
    const item = MENU_ITEMS.find((candidate) => candidate.id === command);
    return { id: command, title: item ? speaker.say(item.title) : command };
  });
  return choiceMessage(speaker.say("common.didYouMean"), choices, 0, null, speaker);
}

function text(body: string): OutMessage {
  return { kind: "text", body: truncate(body, 4096) };
}

function welcomeMessage(speaker: Speaker, vendorName: string, greeting: string | null, isNew: boolean): OutMessage {
  const hello = speaker.say(isNew ? "customer.welcome.new" : "customer.welcome.back", { vendor: vendorName });
  // The vendor's own greeting is their words, sent as they wrote them.
  return text(greeting ? `${hello}\n\n${greeting}` : hello);
}

function balanceMessage(
  speaker: Speaker,
  balance: number,
  expiring: { points: number; expiresAt: string } | null,
  timezone: string,
  tier: CustomerTier | null,
): OutMessage {
  const lines = [speaker.say("customer.balance.total", { points: balance })];
  if (expiring && expiring.points > 0) {
    lines.push(
      speaker.say("customer.balance.expiring", {
        points: expiring.points,
        date: speaker.date(expiring.expiresAt, timezone),
      }),
    );
  }
  if (tier !== null) {
    if (tier.name !== null) lines.push(speaker.say("lifecycle.balance.tier", { tier: tier.name }));
    lines.push(
      tier.next === null
        ? speaker.say("lifecycle.balance.topTier")
        : speaker.say("lifecycle.balance.nextTier", { points: tier.next.pointsToGo, tier: tier.next.name }),
    );
  }
  lines.push(speaker.say("customer.balance.hint"));
  return text(lines.join("\n"));
}

/** Rewards the balance covers, cheapest first; REWARDS and REDEEM number them the same way. */
function affordableRewards(balance: number, rewards: CustomerReward[]): CustomerReward[] {
  return rewards.filter((reward) => reward.pointsRequired <= balance).sort(byPointsRequired);
}

function nextRewardsToAimFor(balance: number, rewards: CustomerReward[]): CustomerReward[] {
  return rewards
    .filter((reward) => reward.pointsRequired > balance)
    .sort(byPointsRequired)
    .slice(0, 3);
}

function byPointsRequired(a: CustomerReward, b: CustomerReward): number {
  return a.pointsRequired - b.pointsRequired;
}

function rewardLine(speaker: Speaker, reward: CustomerReward, index: number): string {
  return speaker.say("customer.rewards.line", {
    number: index + 1,
    reward: reward.name,
    points: reward.pointsRequired,
  });
}

function rewardsMessage(speaker: Speaker, balance: number, rewards: CustomerReward[]): OutMessage {
  if (rewards.length === 0) return text(speaker.say("customer.rewards.none"));
  const affordable = affordableRewards(balance, rewards).slice(0, 20);
  const lines = [speaker.say("customer.balance.total", { points: balance })];
  if (affordable.length > 0) {
    lines.push("", speaker.say("customer.rewards.canGetNow"));
    for (const [index, reward] of affordable.entries()) lines.push(rewardLine(speaker, reward, index));
    lines.push(speaker.say("customer.rewards.redeemHint"));
  }
  lines.push(...aimForLines(speaker, balance, rewards));
  return text(lines.join("\n"));
}

function nothingAffordableText(speaker: Speaker, balance: number, rewards: CustomerReward[]): string {
  return [
    speaker.say("customer.rewards.notEnough", { points: balance }),
    ...aimForLines(speaker, balance, rewards),
  ].join("\n");
}

function aimForLines(speaker: Speaker, balance: number, rewards: CustomerReward[]): string[] {
  const next = nextRewardsToAimFor(balance, rewards);
  if (next.length === 0) return [];
  return [
    "",
    speaker.say("customer.rewards.aimFor"),
    ...next.map((reward) =>
      speaker.say("customer.rewards.aimLine", { reward: reward.name, points: reward.pointsRequired - balance }),
    ),
  ];
}

function chooseRewardMessage(context: CustomerContext, prompt: MessageKey): OutMessage {
  const { speaker } = context;
  const choices = context.rewards.map((reward, index) => ({
    id: String(index + 1),
    title: `${index + 1}. ${reward.name}`,
    description: speaker.say("customer.rewards.rowPoints", { points: reward.pointsRequired }),
  }));
  const lines = [speaker.say("customer.balance.total", { points: context.balance }), speaker.say(prompt)];
  if (choices.length <= 3) {
    for (const [index, reward] of context.rewards.entries()) lines.push(rewardLine(speaker, reward, index));
  }
  return choiceMessage(lines.join("\n"), choices, context.page, speaker.say("customer.rewards.button"), speaker);
}

function confirmRedeemMessage(speaker: Speaker, reward: CustomerReward | null, isRetry: boolean): OutMessage {
  const question = reward
    ? speaker.say(isRetry ? "customer.redeem.confirmRetry" : "customer.redeem.confirm", {
        reward: reward.name,
        points: reward.pointsRequired,
      })
    : speaker.say(isRetry ? "customer.redeem.confirmRetry" : "customer.redeem.confirm", { reward: "", points: 0 });
  return choiceMessage(question, yesNoChoices(speaker), 0, null, speaker);
}

function yesNoChoices(speaker: Speaker): Choice[] {
  return [
    { id: "YES", title: speaker.say("common.yes") },
    { id: "NO", title: speaker.say("common.no") },
  ];
}

function chooseVendorMessage(context: CustomerContext, prompt: MessageKey): OutMessage {
  const { speaker } = context;
  const choices = context.vendors.map((vendor, index) => ({
    id: String(index + 1),
    title: `${index + 1}. ${vendor.name}`,
    ...(vendor.active ? { description: speaker.say("customer.vendors.current") } : {}),
  }));
  const lines = [speaker.say(prompt)];
  if (choices.length <= 3) {
    for (const [index, vendor] of context.vendors.entries()) {
      lines.push(
        speaker.say(vendor.active ? "customer.vendors.lineCurrent" : "customer.vendors.line", {
          number: index + 1,
          vendor: vendor.name,
        }),
      );
    }
  }
  return choiceMessage(lines.join("\n"), choices, context.page, speaker.say("customer.vendors.button"), speaker);
}

function historyMessage(
  speaker: Speaker,
  entries: { points: number; transactionType: string; description: string; createdAt: string }[],
  timezone: string,
): OutMessage {
  if (entries.length === 0) return text(speaker.say("customer.history.none"));
  const lines = entries.slice(0, 10).map((entry) => {
    // The ledger's description is the vendor's or the rule's words; without one, the type in the person's language.
    const cause =
      entry.description.trim() !== "" && entry.description !== entry.transactionType
        ? entry.description.trim()
        : speaker.say(HISTORY_TYPES[entry.transactionType] ?? "customer.history.type.other");
    return speaker.say("customer.history.line", {
      date: speaker.date(entry.createdAt, timezone),
      points: speaker.signedNumber(entry.points),
      cause,
    });
  });
  return text([speaker.say("customer.history.title"), ...lines].join("\n"));
}

function textOf(event: CustomerEvent): string {
  return event.type === "TEXT" ? event.text : "";
}
