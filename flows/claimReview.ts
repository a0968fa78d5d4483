import { assign, initialTransition, setup, transition } from "xstate";
import { z } from "zod";
import { CANCEL_WORDS, MAX_RETRIES, chosenNumber, keywordOfText, textIsOneOf } from "./chatWords.ts";
import { truncate } from "./format.ts";
import type { MessageKey } from "./i18n/catalog.ts";
import { ENGLISH, type Speaker } from "./i18n/createSpeaker.ts";
import { parseKeyword } from "./parsers/parseKeyword.ts";
import { readPersistedFlow } from "./readPersistedFlow.ts";
import { typeWitness } from "./typeWitness.ts";
import type { FlowResult, OutMessage, ReplyIntent } from "./types.ts";

/**
 * Reviewing customers' receipt claims in chat (`CLAIMS`, a number, `APPROVE` / `REJECT <reason>`),
 * a sub-flow any signed-in chat can host: the staff chat does today, and owner mode can by the
 * same steps (src/conversation/runClaimReview.ts). The host keeps this flow's snapshot next to
 * its own while a review is open; when the flow emits `leaveClaimReview` the host takes over
 * again, with the text the reviewer typed if it was one of the host's commands (`LOG …`, `EXIT`).
 */

/** Bump when a change makes stored review snapshots meaningless; old ones then leave the review. */
export const CLAIM_REVIEW_FLOW_VERSION = 1;

/** Claims listed at once (the rest follow after these are reviewed). */
export const CLAIMS_PER_LIST = 10;

/** The longest rejection reason kept (the customer reads it). */
export const MAX_REJECTION_REASON = 200;

/** A pending claim as the reviewer sees it: the customer's phone is masked. */
export type ReviewableClaim = { id: string; customerPhoneMasked: string; amountKobo: number; createdAt: string };

export type ClaimReviewEvent =
  | { type: "START"; now: string }
  | { type: "TEXT"; text: string; now: string }
  | { type: "NON_TEXT"; now: string }
  /** Up to CLAIMS_PER_LIST pending claims, oldest first, and how many are pending in all. */
  | { type: "CLAIMS_LISTED"; claims: ReviewableClaim[]; total: number }
  | { type: "NOT_PERMITTED" }
  /** `imageShown`: the receipt photo went to the reviewer as an image just before. */
  | { type: "CLAIM_OPENED"; claim: ReviewableClaim; imageShown: boolean }
  | { type: "CLAIM_APPROVED"; amountKobo: number; customerPhoneMasked: string; points: number }
  | { type: "CLAIM_REJECTED"; reason: string }
  | { type: "REVIEW_FAILED"; reason: ClaimReviewFailure };

export type ClaimReviewFailure = "not_found" | "already_reviewed" | "purchase_refused";

export type ClaimReviewIntent =
  | ReplyIntent
  | { type: "listPendingClaims" }
  /** Show the claim (its receipt photo as an image if possible); answered by CLAIM_OPENED or REVIEW_FAILED. */
  | { type: "openClaim"; claimId: string; number: number }
  | { type: "approveClaim"; claimId: string }
  | { type: "rejectClaim"; claimId: string; reason: string }
  /** The review is over: the host resumes, reading `handBack` as the reviewer's next message if not null. */
  | { type: "leaveClaimReview"; handBack: string | null };

/**
 * Advances a claim review by one event. A missing, foreign or outdated snapshot starts at the
 * list (START) or leaves at once (anything else), so a lost snapshot never approves anything.
 */
export function runClaimReviewFlow(
  persisted: unknown,
  event: ClaimReviewEvent,
  options: { speaker?: Speaker } = {},
): FlowResult<ClaimReviewIntent> {
  const start = restore(persisted, event, options.speaker ?? ENGLISH);
  const [next] = transition(reviewMachine, start, event);
  const { retries, claims, selected, lastActivityAt, pending } = next.context;
  const state = { value: String(next.value), context: { retries, claims, selected, lastActivityAt } };
  return { snapshot: { flow: "claimReview", version: CLAIM_REVIEW_FLOW_VERSION, state }, intents: pending };
}

const CLAIMS_WORDS = ["CLAIMS", "CLAIM", "LIST", "MORE"] as const;
const APPROVE_WORDS = ["APPROVE", "APPROVED", "ACCEPT"] as const;
const REJECT_WORDS = ["REJECT", "DECLINE"] as const;
const OUR_WORDS: readonly string[] = [...CLAIMS_WORDS, ...APPROVE_WORDS, ...REJECT_WORDS, ...CANCEL_WORDS];

const claimSchema = z.object({
  id: z.string(),
  customerPhoneMasked: z.string(),
  amountKobo: z.number(),
  createdAt: z.string(),
});
const storedContextSchema = z.object({
  retries: z.number().int().min(0),
  claims: z.array(claimSchema),
  selected: z.object({ claim: claimSchema, number: z.number().int() }).nullable(),
  lastActivityAt: z.string().nullable(),
});
type StoredContext = z.infer<typeof storedContextSchema>;
type ReviewContext = StoredContext & { pending: ClaimReviewIntent[]; speaker: Speaker };

const FRESH: ReviewContext = {
  retries: 0,
  claims: [],
  selected: null,
  lastActivityAt: null,
  pending: [],
  speaker: ENGLISH,
};

const FAILURES: Record<ClaimReviewFailure, MessageKey> = {
  not_found: "claims.staff.notFound",
  already_reviewed: "claims.staff.alreadyReviewed",
  purchase_refused: "claims.staff.purchaseRefused",
};

const LIST = { type: "listPendingClaims" } as const;

const reviewMachine = setup({
  types: { context: FRESH, events: typeWitness<ClaimReviewEvent>({ type: "NON_TEXT", now: "" }) },
  actions: {
    reply: assign(({ context }, params: { message: OutMessage }) => ({
      pending: [...context.pending, { type: "reply" as const, message: params.message }],
    })),
    replyText: assign(({ context }, params: { key: MessageKey }) => ({
      pending: [...context.pending, { type: "reply" as const, message: text(context.speaker.say(params.key)) }],
    })),
    request: assign(({ context }, params: { intent: Exclude<ClaimReviewIntent, ReplyIntent> }) => ({
      pending: [...context.pending, params.intent],
    })),
    leave: assign(({ context }, params: { handBack: string | null }) => ({
      pending: [...context.pending, { type: "leaveClaimReview" as const, handBack: params.handBack }],
    })),
    /** Leaves with the message itself, a command of the host chat's, for the host to read now. */
    handBackToHost: assign(({ context, event }) => ({
      pending: [
        ...context.pending,
        { type: "leaveClaimReview" as const, handBack: event.type === "TEXT" ? event.text : null },
      ],
    })),
    rememberClaims: assign((_, params: { claims: ReviewableClaim[] }) => ({ claims: params.claims, selected: null })),
    requestOpen: assign(({ context, event }) => {
      const number = chosenNumber(event, context.claims.length);
      const claim = number === null ? undefined : context.claims[number - 1];
      if (number === null || claim === undefined) return {};
      return {
        selected: { claim, number },
        pending: [...context.pending, { type: "openClaim" as const, claimId: claim.id, number }],
      };
    }),
    requestApprove: assign(({ context }) =>
      context.selected === null
        ? {}
        : { pending: [...context.pending, { type: "approveClaim" as const, claimId: context.selected.claim.id }] },
    ),
    requestReject: assign(({ context }, params: { reason: string }) =>
      context.selected === null
        ? {}
        : {
            pending: [
              ...context.pending,
              { type: "rejectClaim" as const, claimId: context.selected.claim.id, reason: params.reason },
            ],
          },
    ),
    startStep: assign({ retries: 0 }),
    countRetry: assign(({ context }) => ({ retries: context.retries + 1 })),
  },
  guards: {
    says: ({ event }, params: { words: readonly string[] }) => textIsOneOf(event, params.words),
    picksClaim: ({ context, event }) => chosenNumber(event, context.claims.length) !== null,
    rejectsWithReason: ({ event }) => textIsOneOf(event, REJECT_WORDS) && rejectReasonOf(event) !== "",
    isHostCommand: ({ event }) => isHostCommand(event),
    hasRetriesLeft: ({ context }) => context.retries < MAX_RETRIES,
    hasClaims: (_, params: { claims: ReviewableClaim[] }) => params.claims.length > 0,
  },
}).createMachine({
  id: "claimReview",
  context: FRESH,
  initial: "loading",
  on: {
    NON_TEXT: { actions: [{ type: "replyText", params: { key: "claims.staff.nonText" } }] },
    NOT_PERMITTED: {
      target: ".left",
      actions: [
        { type: "replyText", params: { key: "claims.staff.notPermitted" } },
        { type: "leave", params: { handBack: null } },
      ],
    },
  },
  states: {
    loading: {
      on: {
        START: { actions: [{ type: "request", params: { intent: LIST } }] },
        CLAIMS_LISTED: [
          {
            guard: { type: "hasClaims", params: ({ event }) => ({ claims: event.claims }) },
            target: "choosing",
            actions: [
              { type: "rememberClaims", params: ({ event }) => ({ claims: event.claims }) },
              {
                type: "reply",
                params: ({ context, event }) => ({
                  message: listMessage(context.speaker, event.claims, event.total, context.lastActivityAt),
                }),
              },
            ],
          },
          {
            target: "left",
            actions: [
              { type: "replyText", params: { key: "claims.staff.none" } },
              { type: "leave", params: { handBack: null } },
            ],
          },
        ],
      },
    },
    choosing: {
      entry: ["startStep"],
      on: {
        TEXT: [
          { guard: "picksClaim", target: "opening", actions: ["requestOpen"] },
          {
            guard: { type: "says", params: { words: CANCEL_WORDS } },
            target: "left",
            actions: [
              { type: "replyText", params: { key: "claims.staff.closed" } },
              { type: "leave", params: { handBack: null } },
            ],
          },
          {
            guard: { type: "says", params: { words: CLAIMS_WORDS } },
            target: "loading",
            actions: [{ type: "request", params: { intent: LIST } }],
          },
          {
            guard: "isHostCommand",
            target: "left",
            actions: ["handBackToHost"],
          },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "replyText", params: { key: "claims.staff.pickRetry" } }],
          },
          {
            target: "left",
            actions: [
              { type: "replyText", params: { key: "claims.staff.closed" } },
              { type: "leave", params: { handBack: null } },
            ],
          },
        ],
      },
    },
    opening: {
      on: {
        CLAIM_OPENED: {
          target: "deciding",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: openedMessage(
                  context.speaker,
                  event.claim,
                  context.selected?.number ?? 0,
                  event.imageShown,
                  context.lastActivityAt,
                ),
              }),
            },
          ],
        },
        REVIEW_FAILED: {
          target: "loading",
          actions: [
            { type: "replyText", params: ({ event }) => ({ key: FAILURES[event.reason] }) },
            { type: "request", params: { intent: LIST } },
          ],
        },
      },
    },
    deciding: {
      entry: ["startStep"],
      on: {
        TEXT: [
          {
            guard: { type: "says", params: { words: APPROVE_WORDS } },
            target: "deciding_approving",
            actions: ["requestApprove"],
          },
          {
            guard: "rejectsWithReason",
            target: "deciding_rejecting",
            actions: [{ type: "requestReject", params: ({ event }) => ({ reason: rejectReasonOf(event) }) }],
          },
          {
            guard: { type: "says", params: { words: REJECT_WORDS } },
            target: "askingReason",
            actions: [{ type: "replyText", params: { key: "claims.staff.askReason" } }],
          },
          {
            guard: { type: "says", params: { words: [...CANCEL_WORDS, ...CLAIMS_WORDS] } },
            target: "loading",
            actions: [{ type: "request", params: { intent: LIST } }],
          },
          {
            guard: "isHostCommand",
            target: "left",
            actions: ["handBackToHost"],
          },
          {
            guard: "hasRetriesLeft",
            actions: ["countRetry", { type: "replyText", params: { key: "claims.staff.decideRetry" } }],
          },
          {
            target: "loading",
            actions: [{ type: "request", params: { intent: LIST } }],
          },
        ],
      },
    },
    askingReason: {
      on: {
        TEXT: [
          {
            guard: { type: "says", params: { words: CANCEL_WORDS } },
            target: "loading",
            actions: [{ type: "request", params: { intent: LIST } }],
          },
          {
            target: "deciding_rejecting",
            actions: [{ type: "requestReject", params: ({ event }) => ({ reason: cleanReason(event.text) }) }],
          },
        ],
      },
    },
    deciding_approving: {
      on: {
        CLAIM_APPROVED: {
          target: "loading",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: text(
                  context.speaker.say("claims.staff.approved", {
                    amount: context.speaker.naira(event.amountKobo),
                    phone: event.customerPhoneMasked,
                    points: context.speaker.number(event.points),
                  }),
                ),
              }),
            },
            { type: "request", params: { intent: LIST } },
          ],
        },
        REVIEW_FAILED: {
          target: "loading",
          actions: [
            { type: "replyText", params: ({ event }) => ({ key: FAILURES[event.reason] }) },
            { type: "request", params: { intent: LIST } },
          ],
        },
      },
    },
    deciding_rejecting: {
      on: {
        CLAIM_REJECTED: {
          target: "loading",
          actions: [
            {
              type: "reply",
              params: ({ context, event }) => ({
                message: text(context.speaker.say("claims.staff.rejected", { why: event.reason })),
              }),
            },
            { type: "request", params: { intent: LIST } },
          ],
        },
        REVIEW_FAILED: {
          target: "loading",
          actions: [
            { type: "replyText", params: ({ event }) => ({ key: FAILURES[event.reason] }) },
            { type: "request", params: { intent: LIST } },
          ],
        },
      },
    },
    left: {},
  },
});

function restore(persisted: unknown, event: ClaimReviewEvent, speaker: Speaker) {
  const now = "now" in event ? event.now : null;
  const stored =
    event.type === "START"
      ? null
      : readPersistedFlow(persisted, "claimReview", CLAIM_REVIEW_FLOW_VERSION, storedContextSchema);
  if (stored !== null) {
    try {
      return reviewMachine.resolveState({
        value: stored.value,
        context: { ...stored.context, lastActivityAt: now ?? stored.context.lastActivityAt, pending: [], speaker },
      });
    } catch {
      // A state this version does not know: leave the review (below).
    }
  }
  const [fresh] = initialTransition(reviewMachine);
  // Without a readable snapshot only START begins a review; any other event finds it over.
  return reviewMachine.resolveState({
    value: event.type === "START" ? fresh.value : "left",
    context: { ...fresh.context, lastActivityAt: now, speaker },
  });
}

/** A word that is not one of the review's own (a host command such as LOG, EXIT, MENU, VERIFY). */
function isHostCommand(event: ClaimReviewEvent): boolean {
  const keyword = keywordOfText(event);
  return keyword !== null && /^[A-Z]{2,}$/.test(keyword) && !OUR_WORDS.includes(keyword);
}

function rejectReasonOf(event: ClaimReviewEvent): string {
  return event.type === "TEXT" ? cleanReason(parseKeyword(event.text).rest) : "";
}

function cleanReason(raw: string): string {
  return raw.replace(/\s+/g, " ").trim().slice(0, MAX_REJECTION_REASON);
}

function text(body: string): OutMessage {
  return { kind: "text", body: truncate(body, 4096) };
}

/** How long ago, in the reviewer's words: minutes under an hour, hours under a day, else days. */
export function claimAge(speaker: Speaker, createdAt: string, now: string | null): string {
  const elapsed = Math.max(0, (now === null ? 0 : Date.parse(now)) - Date.parse(createdAt));
  const minutes = Number.isFinite(elapsed) ? Math.floor(elapsed / 60_000) : 0;
  if (minutes < 60) return speaker.say("claims.staff.age.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return speaker.say("claims.staff.age.hours", { hours });
  return speaker.say("claims.staff.age.days", { days: Math.floor(hours / 24) });
}

function listMessage(speaker: Speaker, claims: ReviewableClaim[], total: number, now: string | null): OutMessage {
  const lines = [speaker.say("claims.staff.list", { count: speaker.number(total) })];
  for (const [index, claim] of claims.entries()) {
    lines.push(
      speaker.say("claims.staff.line", {
        number: index + 1,
        phone: claim.customerPhoneMasked,
        amount: speaker.naira(claim.amountKobo),
        age: claimAge(speaker, claim.createdAt, now),
      }),
    );
  }
  if (total > claims.length)
    lines.push(speaker.say("claims.staff.more", { count: speaker.number(total - claims.length) }));
  return text(lines.join("\n"));
}

function openedMessage(
  speaker: Speaker,
  claim: ReviewableClaim,
  number: number,
  imageShown: boolean,
  now: string | null,
): OutMessage {
  const opened = speaker.say("claims.staff.opened", {
    number,
    amount: speaker.naira(claim.amountKobo),
    phone: claim.customerPhoneMasked,
    age: claimAge(speaker, claim.createdAt, now),
  });
  return text(imageShown ? opened : `${speaker.say("claims.staff.noImage")}\n\n${opened}`);
}
