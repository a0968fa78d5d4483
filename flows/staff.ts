import { assign, initialTransition, setup, transition } from "xstate";
import { z } from "zod";
import { parseAmount } from "./parsers/parseAmount.ts";
import { parseKeyword, parseLogCommand } from "./parsers/parseKeyword.ts";
import { parsePhone } from "./parsers/parsePhone.ts";
import { CANCEL_WORDS, MAX_RETRIES, NO_WORDS, YES_WORDS, keywordOfText, textIsOneOf } from "./chatWords.ts";
import { choiceMessage } from "./choiceMessage.ts";
import { isIdleTooLong } from "./isIdleTooLong.ts";
import { formatNaira, formatPoints, truncate } from "./format.ts";
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
  /** `needsPin`: a staff member added in the owner chat, who chooses their own PIN now (typed twice). */
  | { type: "STAFF_START"; vendorName: string; needsPin?: boolean }
  | { type: "NEW_PIN_HELD" }
  | { type: "PIN_SET"; staffName: string }
  | { type: "PIN_MISMATCH" }
  | { type: "UNDO_FOUND"; purchaseId: string; amountKobo: number; customerPhoneMasked: string; points: number }
  | { type: "UNDO_NONE" }
  | { type: "UNDO_DONE"; amountKobo: number; customerPhoneMasked: string; pointsReversed: number; pointsShortfall: number }
  | { type: "UNDO_FAILED"; reason: string }
  | { type: "PIN_OK"; staffName: string }
  | { type: "PIN_BAD"; attemptsLeft: number }
  | { type: "PIN_LOCKED"; until: string }
  | { type: "PURCHASE_PREVIEW"; customerPhoneMasked: string; amountKobo: number; points: number; isNewCustomer: boolean }
  | { type: "PURCHASE_LOGGED"; points: number; balance: number; customerPhoneMasked: string }
  | { type: "PURCHASE_FAILED"; reason: string }
  | { type: "REDEMPTION_FOUND"; code: string; rewardName: string; status: string; customerName: string | null }
  | { type: "REDEMPTION_NOT_FOUND" }
  | { type: "REDEMPTION_FULFILLED"; code: string }
  | { type: "REDEMPTION_FAILED"; reason: string };

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
  | { type: "endStaffSession" };

/**
 * Advances a staff member's chat by one event. A missing, foreign, outdated or unreadable
 * snapshot, or one idle for over 10 minutes, starts signed out: the next text ends the staff
 * session and asks for STAFF again, so a lost snapshot never skips the PIN. Never throws for
 * bad stored data. The PIN travels only in the `checkPin` intent, never in the snapshot.
 */
export function runStaffFlow(persisted: unknown, event: StaffEvent): FlowResult<StaffIntent> {
  const start = restoreStaffSnapshot(persisted, event);
  const [next] = transition(staffMachine, start, event);
  const { pending, ...stored } = next.context;
  const state: StoredStaffState = { value: String(next.value), context: stored };
  return { snapshot: { flow: "staff", version: STAFF_FLOW_VERSION, state }, intents: pending };
}

const LOG_WORDS = ["LOG"] as const;
const UNDO_WORDS = ["UNDO"] as const;
const VERIFY_WORDS = ["VERIFY", "CHECK"] as const;
const EXIT_WORDS = ["EXIT", "DONE", "LOGOUT", "END"] as const;
const STAFF_MENU_WORDS = ["MENU", "HELP", "STAFF"] as const;
const STAFF_COMMAND_WORDS: readonly string[] = [
  ...LOG_WORDS, ...UNDO_WORDS, ...VERIFY_WORDS, ...EXIT_WORDS, ...STAFF_MENU_WORDS, ...CANCEL_WORDS,
];
const PIN_PATTERN = /^\d{4,6}$/;
const CODE_PATTERN = /^[A-Z0-9]{4,12}$/;
const PHONE_EXAMPLE = "0801 234 5678";
const START_AGAIN = "Let's start again.";

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
type StaffContext = StoredStaffContext & { pending: StaffIntent[] };
type StaffRequest = Exclude<StaffIntent, ReplyIntent>;

type CommandShape = "complete" | "bare" | "phoneOnly" | "code" | "any";

const YES_NO_CHOICES = [
  { id: "YES", title: "Yes" },
  { id: "NO", title: "No" },
];

const FRESH_CONTEXT: StaffContext = {
  retries: 0, vendorName: null, staffName: null, customerPhone: null, amountKobo: null, preview: null, code: null,
  lastActivityAt: null, undo: null, pending: [],
};

const staffMachine = setup({
  types: { context: FRESH_CONTEXT, events: typeWitness<StaffEvent>({ type: "NON_TEXT", now: "" }) },
  actions: {
    reply: assign(({ context }, params: { message: OutMessage }) => ({
      pending: [...context.pending, { type: "reply" as const, message: params.message }],
    })),
    request: assign(({ context }, params: { intent: StaffRequest }) => ({ pending: [...context.pending, params.intent] })),
    requestCheckPin: assign(({ context, event }) => ({
      pending: [...context.pending, { type: "checkPin" as const, pin: textOf(event).trim() }],
    })),
    requestHoldPin: assign(({ context, event }) => ({
      pending: [...context.pending, { type: "holdNewPin" as const, pin: textOf(event).trim() }],
    })),
    requestSetNewPin: assign(({ context, event }) => ({
      pending: [...context.pending, { type: "setNewPin" as const, pin: textOf(event).trim() }],
    })),
    rememberUndo: assign((_, params: { purchaseId: string; amountKobo: number; customerPhoneMasked: string; points: number }) => ({
      undo: params,
    })),
    requestUndo: assign(({ context }) =>
      context.undo !== null ? { pending: [...context.pending, { type: "undoPurchase" as const, purchaseId: context.undo.purchaseId }] } : {},
    ),
    requestPreview: assign(({ context }) =>
      context.customerPhone !== null && context.amountKobo !== null
        ? {
            pending: [
              ...context.pending,
              { type: "previewPurchase" as const, customerPhone: context.customerPhone, amountKobo: context.amountKobo },
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
      context.code !== null ? { pending: [...context.pending, { type: "lookupRedemption" as const, code: context.code }] } : {},
    ),
    requestFulfil: assign(({ context }) =>
      context.code !== null ? { pending: [...context.pending, { type: "fulfilRedemption" as const, code: context.code }] } : {},
    ),
    startStep: assign({ retries: 0 }),
    countRetry: assign(({ context }) => ({ retries: context.retries + 1 })),
    beginSignIn: assign((_, params: { vendorName: string }) => ({
      ...FRESH_CONTEXT,
      vendorName: params.vendorName,
      // STAFF has no timestamp; forgetting the old one keeps the PIN step from timing out at once.
      lastActivityAt: null,
    })),
    signIn: assign((_, params: { staffName: string }) => ({ staffName: params.staffName })),
    signOut: assign({ staffName: null, customerPhone: null, amountKobo: null, preview: null, code: null, undo: null, retries: 0 }),
    forgetPurchase: assign({ customerPhone: null, amountKobo: null, preview: null, code: null, undo: null, retries: 0 }),
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
          { type: "reply", params: ({ event }) => ({ message: text(`Welcome to ${event.vendorName}'s staff chat! Choose your staff PIN: 4 to 6 digits, for example 4821. You will type it each time you send STAFF.`) }) },
        ],
      },
      {
        target: ".enteringPin",
        actions: [
          { type: "beginSignIn", params: ({ event }) => ({ vendorName: event.vendorName }) },
          { type: "reply", params: ({ event }) => ({ message: text(`${event.vendorName} staff: enter your PIN.`) }) },
        ],
      },
    ],
    PIN_LOCKED: {
      target: ".signedOut",
      actions: [
        "signOut",
        { type: "reply", params: ({ context, event }) => ({ message: text(lockedText(event.until, context.lastActivityAt)) }) },
        { type: "request", params: { intent: { type: "endStaffSession" } } },
      ],
    },
    NON_TEXT: { actions: [{ type: "reply", params: { message: text("I can only read text messages.") } }] },
    TEXT: [
      { guard: { type: "signedInAndSays", params: { words: LOG_WORDS, shape: "complete" } }, target: ".previewing", actions: ["rememberLogCommand", "requestPreview"] },
      { guard: { type: "signedInAndSays", params: { words: LOG_WORDS, shape: "bare" } }, target: ".enteringPhone", actions: [{ type: "reply", params: { message: text(`What is the customer's phone number? For example ${PHONE_EXAMPLE}`) } }] },
      { guard: { type: "signedInAndSays", params: { words: LOG_WORDS, shape: "phoneOnly" } }, target: ".enteringAmount", actions: ["rememberLogCommand", { type: "reply", params: { message: text("How much did they spend, in naira? For example 5000") } }] },
      { guard: { type: "signedInAndSays", params: { words: LOG_WORDS, shape: "any" } }, target: ".menu", actions: [{ type: "reply", params: { message: text(`I couldn't read that. For example: LOG ${PHONE_EXAMPLE} 5000`) } }] },
      { guard: { type: "signedInAndSays", params: { words: UNDO_WORDS, shape: "any" } }, target: ".findingUndo", actions: [{ type: "request", params: { intent: { type: "findUndoablePurchase" } } }] },
      { guard: { type: "signedInAndSays", params: { words: VERIFY_WORDS, shape: "code" } }, target: ".lookingUp", actions: [{ type: "rememberCode", params: ({ event }) => ({ code: redemptionCodeOf(parseKeyword(event.text).rest) ?? "" }) }, "requestLookup"] },
      { guard: { type: "signedInAndSays", params: { words: VERIFY_WORDS, shape: "any" } }, target: ".enteringCode", actions: [{ type: "reply", params: { message: text("What is the redemption code? For example ABCD2345") } }] },
      { guard: { type: "signedInAndSays", params: { words: [...EXIT_WORDS, ...CANCEL_WORDS], shape: "any" } }, target: ".signedOut", actions: ["signOut", { type: "reply", params: { message: text("Staff session ended. Thank you!") } }, { type: "request", params: { intent: { type: "endStaffSession" } } }] },
      { guard: { type: "signedInAndSays", params: { words: STAFF_MENU_WORDS, shape: "any" } }, target: ".menu", actions: [{ type: "reply", params: { message: staffMenuMessage("What next?") } }] },
      { guard: "isSignedIn", target: ".menu", actions: [{ type: "reply", params: { message: staffMenuMessage(`Sorry, I didn't understand that. For example: LOG ${PHONE_EXAMPLE} 5000, or VERIFY ABCD2345.`) } }] },
      {
        target: ".signedOut",
        actions: ["signOut", { type: "reply", params: { message: text("Your staff session has ended. Send STAFF to start again.") } }, { type: "request", params: { intent: { type: "endStaffSession" } } }],
      },
    ],
  },
  states: {
    signedOut: {
      on: {
        TEXT: {
          actions: [
            "signOut",
            { type: "reply", params: { message: text("Your staff session has ended. Send STAFF to start again.") } },
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
            actions: ["signOut", { type: "reply", params: { message: text("Cancelled. Send STAFF to start again.") } }, { type: "request", params: { intent: { type: "endStaffSession" } } }],
          },
          { guard: "isPin", target: "checkingPin", actions: ["requestCheckPin"] },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "reply", params: { message: text("Your PIN is 4 to 6 digits, for example 1234. Enter your PIN:") } }],
          },
          {
            target: "signedOut",
            actions: ["signOut", { type: "reply", params: { message: text(`${START_AGAIN} Send STAFF when you're ready.`) } }, { type: "request", params: { intent: { type: "endStaffSession" } } }],
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
            { type: "reply", params: ({ event }) => ({ message: staffMenuMessage(`Hi ${event.staffName}, you're signed in. What next?`) }) },
          ],
        },
        PIN_BAD: {
          target: "enteringPin",
          reenter: true,
          actions: [
            {
              type: "reply",
              params: ({ event }) => ({
                message: text(`That PIN is not right. ${event.attemptsLeft} ${event.attemptsLeft === 1 ? "try" : "tries"} left. Enter your PIN:`),
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
            actions: ["signOut", { type: "reply", params: { message: text("Cancelled. Send STAFF when you're ready to choose your PIN.") } }, { type: "request", params: { intent: { type: "endStaffSession" } } }],
          },
          { guard: "isPin", target: "holdingPin", actions: ["requestHoldPin"] },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "reply", params: { message: text("A PIN is 4 to 6 digits, for example 4821. Choose your PIN:") } }],
          },
          {
            target: "signedOut",
            actions: ["signOut", { type: "reply", params: { message: text(`${START_AGAIN} Send STAFF when you're ready.`) } }, { type: "request", params: { intent: { type: "endStaffSession" } } }],
          },
        ],
      },
    },
    holdingPin: {
      on: {
        NEW_PIN_HELD: { target: "confirmingNewPin", actions: [{ type: "reply", params: { message: text("Type the same PIN again to confirm it.") } }] },
      },
    },
    confirmingNewPin: {
      entry: ["startStep"],
      on: {
        TEXT: [
          {
            guard: { type: "saysOneOf", params: { words: CANCEL_WORDS } },
            target: "signedOut",
            actions: ["signOut", { type: "reply", params: { message: text("Cancelled. Send STAFF when you're ready to choose your PIN.") } }, { type: "request", params: { intent: { type: "endStaffSession" } } }],
          },
          { guard: "isPin", target: "settingPin", actions: ["requestSetNewPin"] },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "reply", params: { message: text("Type the same 4 to 6 digits again, for example 4821:") } }],
          },
          {
            target: "signedOut",
            actions: ["signOut", { type: "reply", params: { message: text(`${START_AGAIN} Send STAFF when you're ready.`) } }, { type: "request", params: { intent: { type: "endStaffSession" } } }],
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
            { type: "reply", params: ({ event }) => ({ message: staffMenuMessage(`Your PIN is saved. Hi ${event.staffName}, you're signed in. What next?`) }) },
          ],
        },
        PIN_MISMATCH: {
          target: "choosingPin",
          reenter: true,
          actions: [{ type: "reply", params: { message: text("The two PINs were different. Choose your PIN again: 4 to 6 digits.") } }],
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
              params: ({ event }) => ({ purchaseId: event.purchaseId, amountKobo: event.amountKobo, customerPhoneMasked: event.customerPhoneMasked, points: event.points }),
            },
          ],
        },
        UNDO_NONE: {
          target: "menu",
          actions: [{ type: "reply", params: { message: staffMenuMessage("Nothing to undo: you can undo your own last purchase for 15 minutes after logging it. Ask the owner to void an older one.") } }],
        },
      },
    },
    confirmingUndo: {
      entry: ["startStep", { type: "reply", params: ({ context }) => ({ message: confirmUndoMessage(context, "") }) }],
      on: {
        TEXT: [
          { guard: { type: "saysOneOf", params: { words: YES_WORDS } }, target: "undoing", actions: ["requestUndo"] },
          { guard: { type: "saysOneOf", params: { words: [...NO_WORDS, ...CANCEL_WORDS] } }, target: "menu", actions: [{ type: "reply", params: { message: staffMenuMessage("Not undone. What next?") } }] },
          { guard: "canAskAgain", actions: ["countRetry", { type: "reply", params: ({ context }) => ({ message: confirmUndoMessage(context, "Please reply YES or NO. ") }) }] },
          { guard: "isWrongAnswer", target: "menu", actions: [{ type: "reply", params: { message: staffMenuMessage(`Not undone. ${START_AGAIN} What next?`) } }] },
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
              params: ({ event }) => ({
                message: staffMenuMessage(
                  `Undone: ${formatNaira(event.amountKobo)} for ${event.customerPhoneMasked}. ${formatPoints(event.pointsReversed)} points taken back${event.pointsShortfall > 0 ? ` (${formatPoints(event.pointsShortfall)} were already spent)` : ""}; the customer is told.`,
                ),
              }),
            },
          ],
        },
        UNDO_FAILED: {
          target: "menu",
          actions: [{ type: "reply", params: ({ event }) => ({ message: staffMenuMessage(`Couldn't undo it: ${event.reason}`) }) }],
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
            actions: [{ type: "reply", params: { message: staffMenuMessage("Cancelled. What next?") } }],
          },
          { guard: "isPhone", target: "enteringAmount", actions: ["rememberPhone", { type: "reply", params: { message: text("How much did they spend, in naira? For example 5000") } }] },
          { guard: "canAskAgain", actions: ["countRetry", { type: "reply", params: { message: text(`That doesn't look like a phone number. For example ${PHONE_EXAMPLE}`) } }] },
          { guard: "isWrongAnswer", target: "menu", actions: [{ type: "reply", params: { message: staffMenuMessage(`${START_AGAIN} What next?`) } }] },
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
            actions: [{ type: "reply", params: { message: staffMenuMessage("Cancelled. What next?") } }],
          },
          { guard: "isAmount", target: "previewing", actions: ["rememberAmount", "requestPreview"] },
          { guard: "canAskAgain", actions: ["countRetry", { type: "reply", params: { message: text("That doesn't look like an amount. For example 5000 or ₦5,000.50") } }] },
          { guard: "isWrongAnswer", target: "menu", actions: [{ type: "reply", params: { message: staffMenuMessage(`${START_AGAIN} What next?`) } }] },
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
          actions: [{ type: "reply", params: ({ event }) => ({ message: staffMenuMessage(`Can't log that purchase: ${event.reason}`) }) }],
        },
      },
    },
    confirmingPurchase: {
      entry: ["startStep", { type: "reply", params: ({ context }) => ({ message: confirmPurchaseMessage(context, "") }) }],
      on: {
        TEXT: [
          { guard: { type: "saysOneOf", params: { words: YES_WORDS } }, target: "logging", actions: ["requestLogPurchase"] },
          { guard: { type: "saysOneOf", params: { words: [...NO_WORDS, ...CANCEL_WORDS] } }, target: "menu", actions: [{ type: "reply", params: { message: staffMenuMessage("Not logged. What next?") } }] },
          { guard: "canAskAgain", actions: ["countRetry", { type: "reply", params: ({ context }) => ({ message: confirmPurchaseMessage(context, "Please reply YES or NO. ") }) }] },
          { guard: "isWrongAnswer", target: "menu", actions: [{ type: "reply", params: { message: staffMenuMessage(`Not logged. ${START_AGAIN} What next?`) }}] },
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
                  `Recorded ${formatNaira(context.amountKobo ?? 0)} for ${event.customerPhoneMasked}: +${formatPoints(event.points)} points, balance ${formatPoints(event.balance)}. Next: LOG <phone> <amount>`,
                ),
              }),
            },
          ],
        },
        PURCHASE_FAILED: {
          target: "menu",
          actions: [{ type: "reply", params: ({ event }) => ({ message: staffMenuMessage(`Not logged: ${event.reason}`) }) }],
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
            actions: [{ type: "reply", params: { message: staffMenuMessage("Cancelled. What next?") } }],
          },
          { guard: "isCode", target: "lookingUp", actions: [{ type: "rememberCode", params: ({ event }) => ({ code: redemptionCodeOf(event.text) ?? "" }) }, "requestLookup"] },
          { guard: "canAskAgain", actions: ["countRetry", { type: "reply", params: { message: text("That doesn't look like a code. For example ABCD2345") } }] },
          { guard: "isWrongAnswer", target: "menu", actions: [{ type: "reply", params: { message: staffMenuMessage(`${START_AGAIN} What next?`) } }] },
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
                params: ({ event }) => ({
                  message: choiceMessage(
                    truncate(`Code ${event.code}: ${event.rewardName}${event.customerName ? ` for ${event.customerName}` : ""}. Give it now? YES / NO`, 1024),
                    YES_NO_CHOICES,
                  ),
                }),
              },
            ],
          },
          {
            target: "menu",
            actions: [{ type: "reply", params: ({ event }) => ({ message: staffMenuMessage(`Code ${event.code} (${event.rewardName}) is ${event.status.toLowerCase()}, nothing to give.`) }) }],
          },
        ],
        REDEMPTION_NOT_FOUND: {
          target: "menu",
          actions: [{ type: "reply", params: { message: staffMenuMessage("No redemption has that code. Check it and send VERIFY <code> again.") } }],
        },
      },
    },
    confirmingFulfil: {
      entry: ["startStep"],
      on: {
        TEXT: [
          { guard: { type: "saysOneOf", params: { words: YES_WORDS } }, target: "fulfilling", actions: ["requestFulfil"] },
          { guard: { type: "saysOneOf", params: { words: [...NO_WORDS, ...CANCEL_WORDS] } }, target: "menu", actions: [{ type: "reply", params: { message: staffMenuMessage("OK, not marked as given. What next?") } }] },
          { guard: "canAskAgain", actions: ["countRetry", { type: "reply", params: { message: choiceMessage("Please reply YES to mark it as given, or NO.", YES_NO_CHOICES) } }] },
          { guard: "isWrongAnswer", target: "menu", actions: [{ type: "reply", params: { message: staffMenuMessage(`${START_AGAIN} What next?`) } }] },
        ],
      },
    },
    fulfilling: {
      on: {
        REDEMPTION_FULFILLED: {
          target: "menu",
          actions: [{ type: "reply", params: ({ event }) => ({ message: staffMenuMessage(`Done: ${event.code} is marked as given. What next?`) }) }],
        },
        REDEMPTION_FAILED: {
          target: "menu",
          actions: [{ type: "reply", params: ({ event }) => ({ message: staffMenuMessage(`Couldn't mark it as given: ${event.reason}`) }) }],
        },
      },
    },
  },
});


function restoreStaffSnapshot(persisted: unknown, event: StaffEvent) {
  const now = "now" in event ? event.now : null;
  const stored = readPersistedFlow(persisted, "staff", STAFF_FLOW_VERSION, storedStaffContextSchema);
  if (stored && !isIdleTooLong(stored.context.lastActivityAt, now, STAFF_IDLE_TIMEOUT_MS)) {
    try {
      return staffMachine.resolveState({
        value: stored.value,
        context: { ...stored.context, lastActivityAt: now ?? stored.context.lastActivityAt, pending: [] },
      });
    } catch {
      // A state this version does not know (a hand-edited or mislabelled snapshot): start signed out.
    }
  }
  const [fresh] = initialTransition(staffMachine);
  return staffMachine.resolveState({ value: fresh.value, context: { ...fresh.context, lastActivityAt: now } });
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

function staffMenuMessage(body: string): OutMessage {
  return choiceMessage(body, [
    { id: "LOG", title: "Log a purchase" },
    { id: "VERIFY", title: "Verify a code" },
    { id: "EXIT", title: "End session" },
  ]);
}

function confirmPurchaseMessage(context: StaffContext, prefix: string): OutMessage {
  const preview = context.preview;
  const question = preview
    ? `Log ${formatNaira(preview.amountKobo)} for ${preview.customerPhoneMasked} (+${formatPoints(preview.points)} points)? YES / NO`
    : "Log this purchase? YES / NO";
  const note = preview?.isNewCustomer ? "\nThis is a new customer: they will be joined and told." : "";
  return choiceMessage(`${prefix}${question}${note}`, YES_NO_CHOICES);
}

function confirmUndoMessage(context: StaffContext, prefix: string): OutMessage {
  const undo = context.undo;
  const question = undo
    ? `Undo ${formatNaira(undo.amountKobo)} for ${undo.customerPhoneMasked} (${formatPoints(undo.points)} points)? YES / NO`
    : "Undo your last purchase? YES / NO";
  return choiceMessage(`${prefix}${question}`, YES_NO_CHOICES);
}

function lockedText(until: string, now: string | null): string {
  const minutes = now === null ? Number.NaN : Math.ceil((Date.parse(until) - Date.parse(now)) / 60_000);
  const wait = Number.isFinite(minutes) && minutes > 0 ? `in ${minutes} minute${minutes === 1 ? "" : "s"}` : "later";
  return `Too many wrong PINs. The staff chat is locked; try again ${wait}.`;
}
