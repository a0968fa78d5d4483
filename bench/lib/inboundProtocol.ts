import { z } from "zod";

/**
 * Messages between `bench/inbound.ts` (the app under test) and its load client, a child
 * process that plays both Meta's webhook sender and the Graph API (`inboundClient.ts`). The
 * client times a message from the webhook POST to the Graph API receiving its reply on its
 * own clock, so the two processes never compare clocks.
 */
const summarySchema = z.object({
  count: z.number(),
  mean: z.number(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  max: z.number(),
});

export const targetSchema = z.object({
  webhookUrl: z.string(),
  appSecret: z.string(),
  phoneNumberId: z.string(),
  vendorCode: z.string(),
});

export const phaseSpecSchema = z.discriminatedUnion("kind", [
  /** One probe customer sends JOIN and each command, waiting for quiet: replies per command. */
  z.object({ kind: z.literal("calibrate"), name: z.string(), commands: z.array(z.string()), quietMs: z.number() }),
  /** Every customer sends `JOIN <vendor code>`, `concurrency` at a time. */
  z.object({
    kind: z.literal("join"),
    name: z.string(),
    customers: z.number(),
    concurrency: z.number(),
    drainSeconds: z.number(),
  }),
  /** Open loop: `customers × messages` commands at `rate` per second, round-robin over customers. */
  z.object({
    kind: z.literal("rate"),
    name: z.string(),
    customers: z.number(),
    messages: z.number(),
    rate: z.number(),
    maxInFlight: z.number(),
    drainSeconds: z.number(),
  }),
  /** Closed loop: `total` commands as fast as `concurrency` POSTs in flight allow, for at most `seconds`. */
  z.object({
    kind: z.literal("max"),
    name: z.string(),
    customers: z.number(),
    total: z.number(),
    concurrency: z.number(),
    seconds: z.number(),
    drainSeconds: z.number(),
  }),
]);
export type PhaseSpec = z.infer<typeof phaseSpecSchema>;

export const phaseResultSchema = z.object({
  name: z.string(),
  messagesSent: z.number(),
  postsFailed: z.number(),
  /** Messages whose every expected reply reached the Graph API. */
  completed: z.number(),
  missingReplies: z.number(),
  unexpectedReplies: z.number(),
  sendSeconds: z.number(),
  /** Messages offered per second over the sending window. */
  offeredPerSecond: z.number(),
  /** Completed messages per second, first POST to last reply. */
  processedPerSecond: z.number(),
  /** Completed per second between the 10th and 90th percentile completion (ramps excluded). */
  steadyPerSecond: z.number(),
  webhookMs: summarySchema,
  endToEndMs: summarySchema,
  /** How late the open-loop scheduler fired POSTs (a late client would flatter the figures). */
  sendLagMs: summarySchema,
  /** `Date.now()` of the first POST and the last reply, to find the phase's queue jobs. */
  startedAtEpochMs: z.number(),
  endedAtEpochMs: z.number(),
  repliesPerCommand: z.record(z.string(), z.number()),
});
export type PhaseResult = z.infer<typeof phaseResultSchema>;

export const toClientSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("configure"), target: targetSchema }),
  z.object({ type: z.literal("run"), phase: phaseSpecSchema }),
  z.object({ type: z.literal("exit") }),
]);
export type ToClient = z.infer<typeof toClientSchema>;

export const fromClientSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), graphUrl: z.string() }),
  z.object({ type: z.literal("done"), result: phaseResultSchema }),
  z.object({ type: z.literal("failed"), message: z.string() }),
]);
export type FromClient = z.infer<typeof fromClientSchema>;
