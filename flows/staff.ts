import { assign, initialTransition, setup, transition } from "xstate";
import { z } from "zod";
import { parseAmount } from "./parsers/parseAmount.ts";
import { parseKeyword, parseLogCommand } from "./parsers/parseKeyword.ts";
import { parsePhone } from "./parsers/parsePhone.ts";
import { CANCEL_WORDS, MAX_RETRIES, NO_WORDS, YES_WORDS, keywordOfText, textIsOneOf } from "./chatWords.ts";
import { choiceMessage } from "./choiceMessage.ts";
import { isIdleTooLong } from "./isIdleTooLong.ts";
import { truncate } from "./format.ts";
import type { MessageKey } from "./i18n/catalog.ts";
import { ENGLISH, type Speaker } from "./i18n/createSpeaker.ts";
import { readPersistedFlow } from "./readPersistedFlow.ts";
import { typeWitness } from "./typeWitness.ts";
import type { FlowResult, OutMessage, ReplyIntent } from "./types.ts";

/** Bump when a change makes stored staff snapshots meaningless; old ones then need STAFF again. */
export const STAFF_FLOW_VERSION = 1;

/** A staff chat idle this long is no longer trusted: the PIN is asked again (docs/chat.md, Staff: 10 minutes). */
export const STAFF_IDLE_TIMEOUT_MS = 10 * 60 * 1000;

/** What the engine sends the staff flow: the staff member's messages and the results of intents. */
export type StaffEvent =
  | { type: "TEXT"; text: string; now: string }
  | { type: "NON_TEXT"; now: string }
  /** The staff member is busy in a sub-flow the engine runs (claim review): only the clock moves. */
  | { type: "ACTIVE"; now: string }
  /** `needsPin`: a staff member added in the owner chat, who chooses their own PIN now (typed twice). */
  | { type: "STAFF_START"; vendorName: string; needsPin?: boolean }
  | { type: "NEW_PIN_HELD" }
  | { type: "PIN_SET"; staffName: string }
  | { type: "PIN_MISMATCH" }
  | { type: "UNDO_FOUND"; purchaseId: string; amountKobo: number; customerPhoneMasked: string; points: number }
  | { type: "UNDO_NONE" }
  | {
      type: "UNDO_DONE";
      amountKobo: number;
      customerPhoneMasked: string;
      pointsReversed: number;
      pointsShortfall: number;
    }
  /** `signed_out`: no PIN yet; `too_late`: past 15 minutes, or no longer theirs to undo. */
  | { type: "UNDO_FAILED"; reason: "signed_out" | "too_late" | "already_voided" }
  /** `staffName` empty when the staff record has no name. */
  | { type: "PIN_OK"; staffName: string }
  | { type: "PIN_BAD"; attemptsLeft: number }
  | { type: "PIN_LOCKED"; until: string }
  | {
      type: "PURCHASE_PREVIEW";
      customerPhoneMasked: string;
      amountKobo: number;
      points: number;
      isNewCustomer: boolean;
    }
  | { type: "PURCHASE_LOGGED"; points: number; balance: number; customerPhoneMasked: string }
  | { type: "PURCHASE_FAILED"; reason: PurchaseFailureReason }
  | { type: "REDEMPTION_FOUND"; code: string; rewardName: string; status: string; customerName: string | null }
  | { type: "REDEMPTION_NOT_FOUND" }
  | { type: "REDEMPTION_FULFILLED"; code: string }
  | { type: "REDEMPTION_FAILED"; reason: FulfilFailureReason };

/** Why a purchase was not previewed or logged; the flow says it in the staff member's language. */
export type PurchaseFailureReason = "pin_required" | "invalid_amount" | "plan_limit" | "customer_blocked";
/** Why a redemption was not marked as given. */
export type FulfilFailureReason = "pin_required" | "not_found" | "already_fulfilled" | "cancelled" | "other";

/** What the staff flow asks the engine to do; each non-reply intent except `endStaffSession` is answered by one event. */
export type StaffIntent =
  | ReplyIntent
  | { type: "checkPin"; pin: string }
  | { type: "previewPurchase"; customerPhone: string; amountKobo: number }
  | { type: "logPurchase"; customerPhone: string; amountKobo: number }
  | { type: "lookupRedemption"; code: string }
  | { type: "fulfilRedemption"; code: string }
  /** Keep a first PIN entry (hashed, outside the snapshot) until it is typed again. */
  | { type: "holdNewPin"; pin: string }
  /** The second entry: set the PIN if it matches the held one. */
  | { type: "setNewPin"; pin: string }
  /** The staff member's own last purchase, if it can still be undone (15 minutes). */
  | { type: "findUndoablePurchase" }
  | { type: "undoPurchase"; purchaseId: string }
  /** `CLAIMS`: the engine opens the claim review (flows/claimReview.ts) for this staff member. */
  | { type: "reviewClaims" }
  | { type: "endStaffSession" };

/**
 * Advances a staff member's chat by one event. A missing, foreign, outdated or unreadable
 * snapshot, or one idle for over 10 minutes, starts signed out: the next text ends the staff
 * session and asks for STAFF again, so a lost snapshot never skips the PIN. Never throws for
 * bad stored data. The PIN travels only in the `checkPin` intent, never in the snapshot.
 */
export function runStaffFlow(
  persisted: unknown,
  event: StaffEvent,
  options: { speaker?: Speaker } = {},
): FlowResult<StaffIntent> {
  const start = restoreStaffSnapshot(persisted, event, options.speaker ?? ENGLISH);
  const [next] = transition(staffMachine, start, event);
  // The speaker is the engine's, per message: it is never stored.
  const { retries, vendorName, staffName, customerPhone, amountKobo, preview, code, lastActivityAt, undo, pending } =
    next.context;
  const stored = { retries, vendorName, staffName, customerPhone, amountKobo, preview, code, lastActivityAt, undo };
  const state: StoredStaffState = { value: String(next.value), context: stored };
  return { snapshot: { flow: "staff", version: STAFF_FLOW_VERSION, state }, intents: pending };
}

const LOG_WORDS = ["LOG"] as const;
const UNDO_WORDS = ["UNDO"] as const;
const CLAIMS_WORDS = ["CLAIMS"] as const;
const VERIFY_WORDS = ["VERIFY", "CHECK"] as const;
const EXIT_WORDS = ["EXIT", "DONE", "LOGOUT", "END"] as const;
const STAFF_MENU_WORDS = ["MENU", "HELP", "STAFF"] as const;
const STAFF_COMMAND_WORDS: readonly string[] = [
  ...LOG_WORDS,
  ...UNDO_WORDS,
  ...CLAIMS_WORDS,
  ...VERIFY_WORDS,
  ...EXIT_WORDS,
  ...STAFF_MENU_WORDS,
  ...CANCEL_WORDS,
];
const PIN_PATTERN = /^\d{4,6}$/;
const CODE_PATTERN = /^[A-Z0-9]{4,12}$/;
const PHONE_EXAMPLE = "0801 234 5678";

const storedStaffContextSchema = z.object({
  retries: z.number().int().min(0),
  vendorName: z.string().nullable(),
  staffName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  amountKobo: z.number().int().nullable(),
  preview: z
    .object({ customerPhoneMasked: z.string(), amountKobo: z.number(), points: z.number(), isNewCustomer: z.boolean() })
    .nullable(),
  code: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  // Added after version 1 shipped: a stored snapshot without it still reads.
  undo: z
    .object({ purchaseId: z.string(), amountKobo: z.number(), customerPhoneMasked: z.string(), points: z.number() })
    .nullable()
    .default(null),
});
type StoredStaffContext = z.infer<typeof storedStaffContextSchema>;
type StoredStaffState = { value: string; context: StoredStaffContext };
type StaffContext = StoredStaffContext & { pending: StaffIntent[]; speaker: Speaker };
type StaffRequest = Exclude<StaffIntent, ReplyIntent>;

type CommandShape = "complete" | "bare" | "phoneOnly" | "code" | "any";

const FRESH_CONTEXT: StaffContext = {
  retries: 0,
  vendorName: null,
  staffName: null,
  customerPhone: null,
  amountKobo: null,
  preview: null,
  code: null,
  lastActivityAt: null,
  undo: null,
  pending: [],
  speaker: ENGLISH,
};

const staffMachine = setup({
  types: { context: FRESH_CONTEXT, events: typeWitness<StaffEvent>({ type: "NON_TEXT", now: "" }) },
  actions: {
    reply: assign(({ context }, params: { message: OutMessage }) => ({
      pending: [...context.pending, { type: "reply" as const, message: params.message }],
    })),
    /** A text from the catalog. */
    replyText: assign(({ context }, params: { key: MessageKey }) => ({
      pending: [
        ...context.pending,
        { type: "reply" as const, message: text(context.speaker.say(params.key, { phone: PHONE_EXAMPLE })) },
      ],
    })),
    /** The staff menu with the catalog's `prompt` as its body. */
    replyMenu: assign(({ context }, params: { prompt: MessageKey }) => ({
      pending: [
        ...context.pending,
        {
          type: "reply" as const,
          message: staffMenuMessage(context.speaker, context.speaker.say(params.prompt, { phone: PHONE_EXAMPLE })),
        },
      ],
    })),
    request: assign(({ context }, params: { intent: StaffRequest }) => ({
      pending: [...context.pending, params.intent],
    })),
    requestCheckPin: assign(({ context, event }) => ({
      pending: [...context.pending, { type: "checkPin" as const, pin: textOf(event).trim() }],
    })),
    requestHoldPin: assign(({ context, event }) => ({
      pending: [...context.pending, { type: "holdNewPin" as const, pin: textOf(event).trim() }],
    })),
    requestSetNewPin: assign(({ context, event }) => ({
      pending: [...context.pending, { type: "setNewPin" as const, pin: textOf(event).trim() }],
    })),
    rememberUndo: assign(
      (_, params: { purchaseId: string; amountKobo: number; customerPhoneMasked: string; points: number }) => ({
        undo: params,
      }),
    ),
    requestUndo: assign(({ context }) =>
      context.undo !== null
        ? { pending: [...context.pending, { type: "undoPurchase" as const, purchaseId: context.undo.purchaseId }] }
        : {},
    ),
    requestPreview: assign(({ context }) =>
      context.customerPhone !== null && context.amountKobo !== null
        ? {
            pending: [
              ...context.pending,
              {
                type: "previewPurchase" as const,
                customerPhone: context.customerPhone,
                amountKobo: context.amountKobo,
              },
            ],
          }
        : {},
    ),
    requestLogPurchase: assign(({ context }) =>
      context.customerPhone !== null && context.amountKobo !== null
        ? {
            pending: [
              ...context.pending,
              { type: "logPurchase" as const, customerPhone: context.customerPhone, amountKobo: context.amountKobo },
            ],
          }
        : {},
    ),
    requestLookup: assign(({ context }) =>
      context.code !== null
        ? { pending: [...context.pending, { type: "lookupRedemption" as const, code: context.code }] }
        : {},
    ),
    requestFulfil: assign(({ context }) =>
      context.code !== null
        ? { pending: [...context.pending, { type: "fulfilRedemption" as const, code: context.code }] }
        : {},
    ),
    startStep: assign({ retries: 0 }),
    countRetry: assign(({ context }) => ({ retries: context.retries + 1 })),
    beginSignIn: assign(({ context }, params: { vendorName: string }) => ({
      ...FRESH_CONTEXT,
      // Replies already asked for and the speaker belong to this step, not to the old session.
      pending: context.pending,
      speaker: context.speaker,
      vendorName: params.vendorName,
      // STAFF has no timestamp; forgetting the old one keeps the PIN step from timing out at once.
      lastActivityAt: null,
    })),
    signIn: assign((_, params: { staffName: string }) => ({ staffName: params.staffName })),
    signOut: assign({
      staffName: null,
      customerPhone: null,
      amountKobo: null,
      preview: null,
      code: null,
      undo: null,
      retries: 0,
    }),
    forgetPurchase: assign({
      customerPhone: null,
      amountKobo: null,
      preview: null,
      code: null,
      undo: null,
      retries: 0,
    }),
    rememberLogCommand: assign(({ event }) => {
      const parsed = parseLogCommand(parseKeyword(textOf(event)).rest);
      if (parsed.ok) return { customerPhone: parsed.value.phone, amountKobo: parsed.value.amountKobo };
      return { customerPhone: parsed.phone, amountKobo: null };
    }),
    rememberPhone: assign(({ event }) => {
      const phone = parsePhone(textOf(event));
      return { customerPhone: phone.ok ? phone.value : null };
    }),
    rememberAmount: assign(({ event }) => {
      const amount = parseAmount(textOf(event));
      return { amountKobo: amount.ok ? amount.value : null };
    }),
    rememberCode: assign((_, params: { code: string }) => ({ code: params.code })),
    rememberPreview: assign(
      (_, params: { customerPhoneMasked: string; amountKobo: number; points: number; isNewCustomer: boolean }) => ({
        preview: params,
      }),
    ),
  },
  guards: {
    saysOneOf: ({ event }, params: { words: readonly string[] }) => textIsOneOf(event, params.words),
    isSignedIn: ({ context }) => context.staffName !== null,
    isPin: ({ event }) => PIN_PATTERN.test(textOf(event).trim()),
    isPhone: ({ event }) => parsePhone(textOf(event)).ok,
    isAmount: ({ event }) => parseAmount(textOf(event)).ok,
    isCode: ({ event }) => redemptionCodeOf(textOf(event)) !== null,
    hasRetriesLeft: ({ context }) => context.retries < MAX_RETRIES,
    signedInAndSays: ({ context, event }, params: { words: readonly string[]; shape: CommandShape }) =>
      context.staffName !== null && textIsOneOf(event, params.words) && hasShape(textOf(event), params.shape),
    isPendingRedemption: (_, params: { status: string }) => params.status.toLowerCase() === "pending",
    needsPin: (_, params: { needsPin: boolean }) => params.needsPin,
    canAskAgain: ({ context, event }) => !isStaffCommand(event) && context.retries < MAX_RETRIES,
    isWrongAnswer: ({ event }) => !isStaffCommand(event),
  },
}).createMachine({
  id: "staff",
  context: FRESH_CONTEXT,
  initial: "signedOut",
  // The root reads staff commands from any state; steps handle their own answers first.
  on: {
    STAFF_START: [
      {
        guard: { type: "needsPin", params: ({ event }) => ({ needsPin: event.needsPin === true }) },
        target: ".choosingPin",
        actions: [
          { type: "beginSignIn", params: ({ event }) => ({ vendorName: event.vendorName }) },
          {
            type: "reply",
            params: ({ context, event }) => ({
              message: text(context.speaker.say("staff.pin.choose", { vendor: event.vendorName })),
            }),
          },
        ],
      },
      {
        target: ".enteringPin",
        actions: [
          { type: "beginSignIn", params: ({ event }) => ({ vendorName: event.vendorName }) },
          {
            type: "reply",
            params: ({ context, event }) => ({
              message: text(context.speaker.say("staff.start", { vendor: event.vendorName })),
            }),
          },
        ],
      },
    ],
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
        { type: "request", params: { intent: { type: "endStaffSession" } } },
      ],
    },
    NON_TEXT: { actions: [{ type: "replyText", params: { key: "staff.nonText" } }] },
    TEXT: [
      {
        guard: { type: "signedInAndSays", params: { words: LOG_WORDS, shape: "complete" } },
        target: ".previewing",
        actions: ["rememberLogCommand", "requestPreview"],
      },
      {
        guard: { type: "signedInAndSays", params: { words: LOG_WORDS, shape: "bare" } },
        target: ".enteringPhone",
        actions: [{ type: "replyText", params: { key: "staff.log.askPhone" } }],
      },
      {
        guard: { type: "signedInAndSays", params: { words: LOG_WORDS, shape: "phoneOnly" } },
        target: ".enteringAmount",
        actions: ["rememberLogCommand", { type: "replyText", params: { key: "staff.log.askAmount" } }],
      },
      {
        guard: { type: "signedInAndSays", params: { words: LOG_WORDS, shape: "any" } },
        target: ".menu",
        actions: [{ type: "replyText", params: { key: "staff.log.unreadable" } }],
      },
      {
        guard: { type: "signedInAndSays", params: { words: CLAIMS_WORDS, shape: "any" } },
        target: ".menu",
        actions: [{ type: "request", params: { intent: { type: "reviewClaims" } } }],
      },
      {
        guard: { type: "signedInAndSays", params: { words: UNDO_WORDS, shape: "any" } },
        target: ".findingUndo",
        actions: [{ type: "request", params: { intent: { type: "findUndoablePurchase" } } }],
      },
      {
        guard: { type: "signedInAndSays", params: { words: VERIFY_WORDS, shape: "code" } },
        target: ".lookingUp",
        actions: [
          {
            type: "rememberCode",
            params: ({ event }) => ({ code: redemptionCodeOf(parseKeyword(event.text).rest) ?? "" }),
          },
          "requestLookup",
        ],
      },
      {
        guard: { type: "signedInAndSays", params: { words: VERIFY_WORDS, shape: "any" } },
        target: ".enteringCode",
        actions: [{ type: "replyText", params: { key: "staff.verify.askCode" } }],
      },
      {
        guard: { type: "signedInAndSays", params: { words: [...EXIT_WORDS, ...CANCEL_WORDS], shape: "any" } },
        target: ".signedOut",
        actions: [
          "signOut",
          { type: "replyText", params: { key: "staff.ended" } },
          { type: "request", params: { intent: { type: "endStaffSession" } } },
        ],
      },
      {
        guard: { type: "signedInAndSays", params: { words: STAFF_MENU_WORDS, shape: "any" } },
        target: ".menu",
        actions: [{ type: "replyMenu", params: { prompt: "staff.menu.prompt" } }],
      },
      {
        guard: "isSignedIn",
        target: ".menu",
        actions: [{ type: "replyMenu", params: { prompt: "staff.menu.notUnderstood" } }],
      },
      {
        target: ".signedOut",
        actions: [
          "signOut",
          { type: "replyText", params: { key: "staff.sessionOver" } },
          { type: "request", params: { intent: { type: "endStaffSession" } } },
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
            { type: "replyText", params: { key: "staff.sessionOver" } },
            { type: "request", params: { intent: { type: "endStaffSession" } } },
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
              { type: "replyText", params: { key: "staff.pin.cancelled" } },
              { type: "request", params: { intent: { type: "endStaffSession" } } },
            ],
          },
          { guard: "isPin", target: "checkingPin", actions: ["requestCheckPin"] },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "replyText", params: { key: "staff.pin.format" } }],
          },
          {
            target: "signedOut",
            actions: [
              "signOut",
              { type: "replyText", params: { key: "staff.pin.giveUp" } },
              { type: "request", params: { intent: { type: "endStaffSession" } } },
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
            { type: "signIn", params: ({ event }) => ({ staffName: event.staffName }) },
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: staffMenuMessage(
                  context.speaker,
                  event.staffName.trim() === ""
                    ? context.speaker.say("staff.signedInNoName")
                    : context.speaker.say("staff.signedIn", { name: event.staffName }),
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
                message: text(context.speaker.say("staff.pin.wrong", { attempts: event.attemptsLeft })),
              }),
            },
          ],
        },
      },
    },
    choosingPin: {
      entry: ["startStep"],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: CANCEL_WORDS } },
            target: "signedOut",
            actions: [
              "signOut",
              {
                type: "reply",
                params: { message: text("Cancelled. Send STAFF when you're ready to choose your PIN.") },
              },
              { type: "request", params: { intent: { type: "endStaffSession" } } },
            ],
          },
          { guard: "isPin", target: "holdingPin", actions: ["requestHoldPin"] },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "replyText", params: { key: "staff.pin.chooseRetry" } }],
          },
          {
            target: "signedOut",
            actions: [
              "signOut",
              { type: "replyText", params: { key: "staff.pin.startAgain" } },
              { type: "request", params: { intent: { type: "endStaffSession" } } },
            ],
          },
        ],
      },
    },
    holdingPin: {
      on: {
        NEW_PIN_HELD: {
          target: "confirmingNewPin",
          actions: [{ type: "reply", params: { message: text("Type the same PIN again to confirm it.") } }],
        },
      },
    },
    confirmingNewPin: {
      entry: ["startStep"],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: CANCEL_WORDS } },
            target: "signedOut",
            actions: [
              "signOut",
              {
                type: "reply",
                params: { message: text("Cancelled. Send STAFF when you're ready to choose your PIN.") },
              },
              { type: "request", params: { intent: { type: "endStaffSession" } } },
            ],
          },
          { guard: "isPin", target: "settingPin", actions: ["requestSetNewPin"] },
          {
            guard: "hasRetriesLeft",
            actions: [
              "countRetry",
              { type: "reply", params: { message: text("Type the same 4 to 6 digits again, for example 4821:") } },
            ],
          },
          {
            target: "signedOut",
            actions: [
              "signOut",
              { type: "replyText", params: { key: "staff.pin.startAgain" } },
              { type: "request", params: { intent: { type: "endStaffSession" } } },
            ],
          },
        ],
      },
    },
    settingPin: {
      on: {
        PIN_SET: {
          target: "menu",
          actions: [
            { type: "signIn", params: ({ event }) => ({ staffName: event.staffName }) },
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: staffMenuMessage(
                  context.speaker,
                  context.speaker.say("staff.pin.saved", { name: event.staffName }),
                ),
              }),
            },
          ],
        },
        PIN_MISMATCH: {
          target: "choosingPin",
          reenter: true,
          actions: [{ type: "replyText", params: { key: "staff.pin.mismatch" } }],
        },
      },
    },
    findingUndo: {
      on: {
        UNDO_FOUND: {
          target: "confirmingUndo",
          actions: [
            {
              type: "rememberUndo",
              params: ({ event }) => ({
                purchaseId: event.purchaseId,
                amountKobo: event.amountKobo,
                customerPhoneMasked: event.customerPhoneMasked,
                points: event.points,
              }),
            },
          ],
        },
        UNDO_NONE: {
          target: "menu",
          actions: [{ type: "replyMenu", params: { prompt: "staff.undo.none" } }],
        },
      },
    },
    confirmingUndo: {
      entry: [
        "startStep",
        { type: "reply", params: ({ context }) => ({ message: confirmUndoMessage(context, false) }) },
      ],
      on: {
        TEXT: [
          { guard: { type: "saysOneOf", params: { words: YES_WORDS } }, target: "undoing", actions: ["requestUndo"] },
          {
            guard: { type: "saysOneOf", params: { words: [...NO_WORDS, ...CANCEL_WORDS] } },
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.undo.notUndone" } }],
          },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              { type: "reply", params: ({ context }) => ({ message: confirmUndoMessage(context, true) }) },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.undo.notUndoneAgain" } }],
          },
        ],
      },
    },
    undoing: {
      on: {
        UNDO_DONE: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: staffMenuMessage(
                  context.speaker,
                  context.speaker.say(event.pointsShortfall > 0 ? "staff.undo.doneShortfall" : "staff.undo.done", {
                    amount: context.speaker.naira(event.amountKobo),
                    phone: event.customerPhoneMasked,
                    points: context.speaker.number(event.pointsReversed),
                    spent: context.speaker.number(event.pointsShortfall),
                  }),
                ),
              }),
            },
          ],
        },
        UNDO_FAILED: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: staffMenuMessage(context.speaker, context.speaker.say(UNDO_FAILURES[event.reason])),
              }),
            },
          ],
        },
      },
    },
    menu: { entry: ["forgetPurchase"] },
    enteringPhone: {
      entry: ["startStep"],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: CANCEL_WORDS } },
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.menu.cancelled" } }],
          },
          {
            guard: "isPhone",
            target: "enteringAmount",
            actions: ["rememberPhone", { type: "replyText", params: { key: "staff.log.askAmount" } }],
          },
          {
            guard: "canAskAgain",
            actions: ["countRetry", { type: "replyText", params: { key: "staff.log.badPhone" } }],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.menu.startAgain" } }],
          },
        ],
      },
    },
    enteringAmount: {
      entry: ["startStep"],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: CANCEL_WORDS } },
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.menu.cancelled" } }],
          },
          { guard: "isAmount", target: "previewing", actions: ["rememberAmount", "requestPreview"] },
          {
            guard: "canAskAgain",
            actions: ["countRetry", { type: "replyText", params: { key: "staff.log.badAmount" } }],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.menu.startAgain" } }],
          },
        ],
      },
    },
    previewing: {
      on: {
        PURCHASE_PREVIEW: {
          target: "confirmingPurchase",
          actions: [
            {
              type: "rememberPreview",
              params: ({ event }) => ({
                customerPhoneMasked: event.customerPhoneMasked,
                amountKobo: event.amountKobo,
                points: event.points,
                isNewCustomer: event.isNewCustomer,
              }),
            },
          ],
        },
        PURCHASE_FAILED: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: staffMenuMessage(
                  context.speaker,
                  context.speaker.say("staff.log.cannot", { reason: event.reason }),
                ),
              }),
            },
          ],
        },
      },
    },
    confirmingPurchase: {
      entry: [
        "startStep",
        { type: "reply", params: ({ context }) => ({ message: confirmPurchaseMessage(context, false) }) },
      ],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: YES_WORDS } },
            target: "logging",
            actions: ["requestLogPurchase"],
          },
          {
            guard: { type: "saysOneOf", params: { words: [...NO_WORDS, ...CANCEL_WORDS] } },
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.log.declined" } }],
          },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              { type: "reply", params: ({ context }) => ({ message: confirmPurchaseMessage(context, true) }) },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.log.declinedStartAgain" } }],
          },
        ],
      },
    },
    logging: {
      on: {
        PURCHASE_LOGGED: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: staffMenuMessage(
                  context.speaker,
                  context.speaker.say("staff.log.done", {
                    amount: context.speaker.naira(context.amountKobo ?? 0),
                    customer: event.customerPhoneMasked,
                    points: event.points,
                    balance: event.balance,
                  }),
                ),
              }),
            },
          ],
        },
        PURCHASE_FAILED: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: staffMenuMessage(
                  context.speaker,
                  context.speaker.say("staff.log.failed", { reason: event.reason }),
                ),
              }),
            },
          ],
        },
      },
    },
    enteringCode: {
      entry: ["startStep"],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: CANCEL_WORDS } },
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.menu.cancelled" } }],
          },
          {
            guard: "isCode",
            target: "lookingUp",
            actions: [
              { type: "rememberCode", params: ({ event }) => ({ code: redemptionCodeOf(event.text) ?? "" }) },
              "requestLookup",
            ],
          },
          {
            guard: "canAskAgain",
            actions: ["countRetry", { type: "replyText", params: { key: "staff.verify.badCode" } }],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.menu.startAgain" } }],
          },
        ],
      },
    },
    lookingUp: {
      on: {
        REDEMPTION_FOUND: [
          {
            guard: { type: "isPendingRedemption", params: ({ event }) => ({ status: event.status }) },
            target: "confirmingFulfil",
            actions: [
              { type: "rememberCode", params: ({ event }) => ({ code: event.code }) },
              {
                type: "reply",
                params: ({ context, event }) => ({
                  message: choiceMessage(
                    event.customerName
                      ? context.speaker.say("staff.verify.confirmFor", {
                          code: event.code,
                          reward: event.rewardName,
                          customer: event.customerName,
                        })
                      : context.speaker.say("staff.verify.confirm", { code: event.code, reward: event.rewardName }),
                    yesNoChoices(context.speaker),
                    0,
                    null,
                    context.speaker,
                  ),
                }),
              },
            ],
          },
          {
            target: "menu",
            actions: [
              {
                type: "reply",
                params: ({ context, event }) => ({
                  message: staffMenuMessage(
                    context.speaker,
                    context.speaker.say("staff.verify.notPending", {
                      code: event.code,
                      reward: event.rewardName,
                      status: event.status.toLowerCase(),
                    }),
                  ),
                }),
              },
            ],
          },
        ],
        REDEMPTION_NOT_FOUND: {
          target: "menu",
          actions: [{ type: "replyMenu", params: { prompt: "staff.verify.notFound" } }],
        },
      },
    },
    confirmingFulfil: {
      entry: ["startStep"],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: YES_WORDS } },
            target: "fulfilling",
            actions: ["requestFulfil"],
          },
          {
            guard: { type: "saysOneOf", params: { words: [...NO_WORDS, ...CANCEL_WORDS] } },
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.verify.declined" } }],
          },
          {
            guard: "canAskAgain",
            actions: [
              "countRetry",
              {
                type: "reply",
                params: ({ context }) => ({
                  message: choiceMessage(
                    context.speaker.say("staff.verify.retry"),
                    yesNoChoices(context.speaker),
                    0,
                    null,
                    context.speaker,
                  ),
                }),
              },
            ],
          },
          {
            guard: "isWrongAnswer",
            target: "menu",
            actions: [{ type: "replyMenu", params: { prompt: "staff.menu.startAgain" } }],
          },
        ],
      },
    },
    fulfilling: {
      on: {
        REDEMPTION_FULFILLED: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: staffMenuMessage(
                  context.speaker,
                  context.speaker.say("staff.verify.done", { code: event.code }),
                ),
              }),
            },
          ],
        },
        REDEMPTION_FAILED: {
          target: "menu",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: staffMenuMessage(
                  context.speaker,
                  context.speaker.say("staff.verify.failed", { reason: event.reason }),
                ),
              }),
            },
          ],
        },
      },
    },
  },
});

function restoreStaffSnapshot(persisted: unknown, event: StaffEvent, speaker: Speaker) {
  const now = "now" in event ? event.now : null;
  const stored = readPersistedFlow(persisted, "staff", STAFF_FLOW_VERSION, storedStaffContextSchema);
  if (stored && !isIdleTooLong(stored.context.lastActivityAt, now, STAFF_IDLE_TIMEOUT_MS)) {
    try {
      return staffMachine.resolveState({
        value: stored.value,
        context: { ...stored.context, lastActivityAt: now ?? stored.context.lastActivityAt, pending: [], speaker },
      });
    } catch {
      // A state this version does not know (a hand-edited or mislabelled snapshot): start signed out.
    }
  }
  const [fresh] = initialTransition(staffMachine);
  return staffMachine.resolveState({ value: fresh.value, context: { ...fresh.context, lastActivityAt: now, speaker } });
}

/** Whether the arguments after LOG / VERIFY have the shape a route expects. */
function hasShape(message: string, shape: CommandShape): boolean {
  const { rest } = parseKeyword(message);
  switch (shape) {
    case "any":
      return true;
    case "bare":
      return rest === "";
    case "complete":
      return parseLogCommand(rest).ok;
    case "phoneOnly": {
      const parsed = parseLogCommand(rest);
      return !parsed.ok && parsed.phone !== null;
    }
    case "code":
      return redemptionCodeOf(rest) !== null;
  }
}

function textOf(event: StaffEvent): string {
  return event.type === "TEXT" ? event.text : "";
}

function isStaffCommand(event: StaffEvent): boolean {
  const keyword = keywordOfText(event);
  return keyword !== null && STAFF_COMMAND_WORDS.includes(keyword);
}

/** Redemption codes are letters and digits; people add spaces, dashes and lower case. */
function redemptionCodeOf(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return CODE_PATTERN.test(code) ? code : null;
}

function text(body: string): OutMessage {
  return { kind: "text", body: truncate(body, 4096) };
}

function staffMenuMessage(speaker: Speaker, body: string): OutMessage {
  return choiceMessage(
    body,
    [
      { id: "LOG", title: speaker.say("staff.menu.log") },
      { id: "VERIFY", title: speaker.say("staff.menu.verify") },
      { id: "EXIT", title: speaker.say("staff.menu.exit") },
    ],
    0,
    null,
    speaker,
  );
}

function yesNoChoices(speaker: Speaker): { id: string; title: string }[] {
  return [
    { id: "YES", title: speaker.say("common.yes") },
    { id: "NO", title: speaker.say("common.no") },
  ];
}

function confirmPurchaseMessage(context: StaffContext, isRetry: boolean): OutMessage {
  const { preview, speaker } = context;
  const question = preview
    ? speaker.say(isRetry ? "staff.log.confirmRetry" : "staff.log.confirm", {
        amount: speaker.naira(preview.amountKobo),
        customer: preview.customerPhoneMasked,
        points: preview.points,
      })
    : speaker.say("staff.log.confirmGeneric");
  const lines = preview?.isNewCustomer ? [question, speaker.say("staff.log.newCustomer")] : [question];
  return choiceMessage(lines.join("\n"), yesNoChoices(speaker), 0, null, speaker);
}

function confirmUndoMessage(context: StaffContext, again: boolean): OutMessage {
  const speaker = context.speaker;
  const undo = context.undo;
  const question = undo
    ? speaker.say("staff.undo.confirm", {
        amount: speaker.naira(undo.amountKobo),
        phone: undo.customerPhoneMasked,
        points: speaker.number(undo.points),
      })
    : speaker.say("staff.undo.confirmLast");
  return choiceMessage(
    again ? `${speaker.say("staff.undo.retry")} ${question}` : question,
    yesNoChoices(speaker),
    0,
    null,
    speaker,
  );
}

function lockedText(speaker: Speaker, until: string, now: string | null): string {
  const minutes = now === null ? Number.NaN : Math.ceil((Date.parse(until) - Date.parse(now)) / 60_000);
  return Number.isFinite(minutes) && minutes > 0
    ? speaker.say("staff.pin.lockedFor", { minutes })
    : speaker.say("staff.pin.lockedLater");
}

/** What each undo failure tells the staff member. */
const UNDO_FAILURES = {
  signed_out: "staff.undo.failed.signedOut",
  too_late: "staff.undo.failed.tooLate",
  already_voided: "staff.undo.failed.alreadyVoided",
} as const;
