import { setTimeout as sleep } from "node:timers/promises";
import { signWebhookBody } from "../../src/whatsapp/verifyWebhookSignature.ts";
import { startFakeGraphApi } from "../../test/helpers/fakeGraphApi.ts";
import { recipientOf, textPayload } from "../../test/helpers/testApp.ts";
import {
  fromClientSchema,
  toClientSchema,
  type FromClient,
  type PhaseResult,
  type PhaseSpec,
} from "./inboundProtocol.ts";
import { round, summarize } from "./stats.ts";

/**
 * The inbound bench's load client, run as a child process of `bench/inbound.ts` so that making
 * load never competes with the app for its event loop: it POSTs signed webhooks as Meta would
 * and runs the fake Graph API the app sends replies to. A message's end-to-end time runs from
 * its POST to the Graph API receiving its last expected reply; replies are matched to messages
 * by recipient and order (a person's replies are sent in the order their messages were).
 */
type Pending = { sentAt: number; expected: number; got: number; done: (endToEndMs: number) => void };

const pendingByPhone = new Map<string, Pending[]>();
const repliesByPhone = new Map<string, number>();
let unexpectedReplies = 0;
let target: { webhookUrl: string; appSecret: string; phoneNumberId: string; vendorCode: string } | undefined;
let repliesPerCommand: Record<string, number> = {};

const graph = await startFakeGraphApi();
graph.respondWith((request) => {
  const now = performance.now();
  const to = recipientOf(request);
  if (to === null) return undefined;
  repliesByPhone.set(to, (repliesByPhone.get(to) ?? 0) + 1);
  const queue = pendingByPhone.get(to);
  const head = queue?.[0];
  if (queue === undefined || head === undefined) {
    unexpectedReplies += 1;
    return undefined;
  }
  head.got += 1;
  if (head.got >= head.expected) {
    queue.shift();
    head.done(now - head.sentAt);
  }
  return undefined;
});
// The bench only reads what it asked for; keep the fake's log from growing without bound.
const trimRequests = setInterval(() => graph.requests.splice(0, graph.requests.length), 1_000);

process.on("message", (raw: unknown) => {
  const message = toClientSchema.parse(raw);
  if (message.type === "configure") {
    target = message.target;
    return;
  }
  if (message.type === "exit") {
    clearInterval(trimRequests);
    void graph.close().finally(() => process.exit(0));
    return;
  }
  runPhase(message.phase).then(
    (result) => send({ type: "done", result }),
    (err: unknown) =>
      send({ type: "failed", message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
send({ type: "ready", graphUrl: graph.url });

function send(message: FromClient): void {
  process.send?.(fromClientSchema.parse(message));
}

function customerPhone(index: number): string {
  return `23481${String(index).padStart(8, "0")}`;
}

async function runPhase(spec: PhaseSpec): Promise<PhaseResult> {
  if (target === undefined) throw new Error("load client: not configured");
  const t = target;
  if (spec.kind === "calibrate") return calibrate(t, spec.name, spec.commands, spec.quietMs);

  const webhookMs: number[] = [];
  const endToEndMs: number[] = [];
  const completions: number[] = [];
  const sendLagMs: number[] = [];
  let postsFailed = 0;
  let sent = 0;
  let inFlight = 0;
  let outstanding = 0;
  let firstSend = Number.POSITIVE_INFINITY;
  let lastSend = 0;
  const startedAtEpochMs = Date.now();
  const unexpectedBefore = unexpectedReplies;

  const post = async (phone: string, text: string, id: string): Promise<void> => {
    const raw = JSON.stringify(textPayload({ from: phone, text, id, phoneNumberId: t.phoneNumberId }));
    const headers = { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(raw, t.appSecret) };
    const expected = repliesFor(text);
    const queue = pendingByPhone.get(phone) ?? [];
    pendingByPhone.set(phone, queue);
    const sentAt = performance.now();
    const pending: Pending = {
      sentAt,
      expected,
      got: 0,
      done: (ms) => {
        endToEndMs.push(ms);
        completions.push(performance.now());
        outstanding -= 1;
      },
    };
    queue.push(pending);
    outstanding += 1;
    sent += 1;
    inFlight += 1;
    firstSend = Math.min(firstSend, sentAt);
    lastSend = sentAt;
    try {
      const res = await fetch(t.webhookUrl, { method: "POST", headers, body: raw });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      webhookMs.push(performance.now() - sentAt);
    } catch {
      postsFailed += 1;
      const at = queue.indexOf(pending);
      if (at !== -1) {
        queue.splice(at, 1);
        outstanding -= 1;
      }
    } finally {
      inFlight -= 1;
    }
  };

  let drainSeconds: number;
  if (spec.kind === "join") {
    drainSeconds = spec.drainSeconds;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < spec.customers) {
        const index = next;
        next += 1;
        await post(customerPhone(index), `JOIN ${t.vendorCode}`, `wamid.bench.${spec.name}.${index}`);
      }
    };
    await Promise.all(Array.from({ length: spec.concurrency }, worker));
  } else if (spec.kind === "rate") {
    drainSeconds = spec.drainSeconds;
    const total = spec.customers * spec.messages;
    const intervalMs = 1000 / spec.rate;
    const start = performance.now();
    let index = 0;
    const posts: Promise<void>[] = [];
    while (index < total) {
      const now = performance.now();
      while (index < total && start + index * intervalMs <= now && inFlight < spec.maxInFlight) {
        sendLagMs.push(now - (start + index * intervalMs));
        const customer = index % spec.customers;
        const turn = Math.floor(index / spec.customers);
        posts.push(post(customerPhone(customer), commandFor(customer, turn), `wamid.bench.${spec.name}.${index}`));
        index += 1;
      }
      const nextDue = start + index * intervalMs;
      await sleep(Math.max(0, Math.min(50, nextDue - performance.now())));
    }
    await Promise.all(posts);
  } else {
    drainSeconds = spec.drainSeconds;
    const deadline = performance.now() + spec.seconds * 1000;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < spec.total && performance.now() < deadline) {
        const index = next;
        next += 1;
        const customer = index % spec.customers;
        await post(
          customerPhone(customer),
          commandFor(customer, Math.floor(index / spec.customers)),
          `wamid.bench.${spec.name}.${index}`,
        );
      }
    };
    await Promise.all(Array.from({ length: spec.concurrency }, worker));
  }

  const drainDeadline = performance.now() + drainSeconds * 1000;
  while (outstanding > 0 && performance.now() < drainDeadline) await sleep(20);
  const missing = outstanding;
  // Forget what never arrived, so a later phase does not match its replies to this one.
  for (const queue of pendingByPhone.values()) queue.length = 0;
  outstanding = 0;

  const lastReply = completions.length === 0 ? lastSend : Math.max(...completions);
  const sorted = [...completions].sort((a, b) => a - b);
  const t10 = sorted[Math.floor(sorted.length * 0.1)] ?? 0;
  const t90 = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  const sendSeconds = (lastSend - firstSend) / 1000;
  return {
    name: spec.name,
    messagesSent: sent,
    postsFailed,
    completed: endToEndMs.length,
    missingReplies: missing,
    unexpectedReplies: unexpectedReplies - unexpectedBefore,
    sendSeconds: round(sendSeconds, 2),
    offeredPerSecond: sendSeconds > 0 ? round(sent / sendSeconds, 1) : 0,
    processedPerSecond: lastReply > firstSend ? round(endToEndMs.length / ((lastReply - firstSend) / 1000), 1) : 0,
    steadyPerSecond: t90 > t10 ? round((sorted.length * 0.8) / ((t90 - t10) / 1000), 1) : 0,
    webhookMs: summarize(webhookMs),
    endToEndMs: summarize(endToEndMs),
    sendLagMs: summarize(sendLagMs),
    startedAtEpochMs,
    endedAtEpochMs: Date.now(),
    repliesPerCommand,
  };
}

const COMMANDS = ["BALANCE", "REWARDS", "HISTORY", "MENU"];

function commandFor(customer: number, turn: number): string {
  return COMMANDS[(customer + turn) % COMMANDS.length] ?? "MENU";
}

function repliesFor(text: string): number {
  const word = text.split(" ")[0] ?? text;
  return repliesPerCommand[word] ?? 1;
}

/**
 * Sends JOIN and then each command from a probe customer, one at a time, and counts the
 * replies each one draws once the chat has been quiet for `quietMs`.
 */
async function calibrate(
  t: NonNullable<typeof target>,
  name: string,
  commands: readonly string[],
  quietMs: number,
): Promise<PhaseResult> {
  const probe = "23489999999";
  const counts: Record<string, number> = {};
  const startedAtEpochMs = Date.now();
  for (const [index, text] of [`JOIN ${t.vendorCode}`, ...commands].entries()) {
    const before = repliesByPhone.get(probe) ?? 0;
    const raw = JSON.stringify(
      textPayload({ from: probe, text, id: `wamid.bench.${name}.${index}`, phoneNumberId: t.phoneNumberId }),
    );
    const res = await fetch(t.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(raw, t.appSecret) },
      body: raw,
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`calibration: webhook answered ${res.status}`);
    const deadline = performance.now() + 15_000;
    let seen = before;
    let quietSince = performance.now();
    while (performance.now() < deadline) {
      const now = repliesByPhone.get(probe) ?? 0;
      if (now !== seen) {
        seen = now;
        quietSince = performance.now();
      }
      if (seen > before && performance.now() - quietSince >= quietMs) break;
      await sleep(10);
    }
    if (seen === before) throw new Error(`calibration: no reply to ${text.split(" ")[0]} within 15 s`);
    counts[text.split(" ")[0] ?? text] = seen - before;
  }
  repliesPerCommand = counts;
  const empty = summarize([]);
  return {
    name,
    messagesSent: commands.length + 1,
    postsFailed: 0,
    completed: commands.length + 1,
    missingReplies: 0,
    unexpectedReplies: 0,
    sendSeconds: 0,
    offeredPerSecond: 0,
    processedPerSecond: 0,
    steadyPerSecond: 0,
    webhookMs: empty,
    endToEndMs: empty,
    sendLagMs: empty,
    startedAtEpochMs,
    endedAtEpochMs: Date.now(),
    repliesPerCommand: counts,
  };
}
