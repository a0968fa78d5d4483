import { createHmac } from "node:crypto";
import { WhatsAppAPI } from "whatsapp-api-js";
import {
  ActionButtons,
  ActionList,
  Body,
  BodyComponent,
  BodyParameter,
  Button,
  Image,
  Interactive,
  ListSection,
  Row,
  Template,
  Text,
} from "whatsapp-api-js/messages";
import type { ClientMessage } from "whatsapp-api-js/types";
import { z } from "zod";
import { MEDIA_CAPTION_MAX, outMessageSchema, type OutMessage } from "./outMessage.ts";

export type GraphClientOptions = {
  /** Base URL of the Graph API: `https://graph.facebook.com`, or a fake one in tests. */
  apiUrl: string;
  /** Pinned Graph API version, e.g. `v24.0`. */
  apiVersion: string;
  token: string;
  /** When set, every call carries `appsecret_proof` (needed if the app requires it). */
  appSecret?: string;
  /** Defaults to the global fetch, looked up on every call (so test interceptors apply). */
  fetch?: typeof fetch;
  /** Abort a call that takes longer than this; counts as a retryable network error. */
  timeoutMs?: number;
};

export type SendFailureReason =
  | "invalid_message"
  | "network_error"
  | "server_error"
  | "rate_limited"
  | "temporarily_unavailable"
  | "outside_24h_window"
  | "undeliverable"
  | "spam_limit"
  | "unsupported_message_type"
  | "invalid_parameter"
  | "token_expired"
  | "unexpected_response"
  | "rejected";

export type SendResult =
  | { ok: true; wamid: string }
  | {
      ok: false;
      /** Meta's error code when the Graph API sent one. */
      code: number | null;
      message: string;
      /** True when sending the same message again later may succeed (5xx, rate limits, network). */
      retryable: boolean;
      reason: SendFailureReason;
      /** True when an operator must act (the token no longer works, or Meta answered nonsense). */
      alert: boolean;
    };

/** An image already uploaded to the Graph API (its media id, valid for 30 days). */
export type UploadedImage = { kind: "image"; graphMediaId: string; caption?: string };

/**
 * What the Graph API can send as is: our messages, except that a stored image must first be
 * uploaded ({@link GraphClient.uploadMedia}) and is sent by the id Meta gave it.
 */
export type GraphMessage = Exclude<OutMessage, { kind: "image" }> | UploadedImage;

/** A file for the media endpoint. */
export type MediaFile = { bytes: Uint8Array; mimeType: "image/png" | "image/jpeg"; filename: string };

export type UploadResult = { ok: true; graphMediaId: string } | Extract<SendResult, { ok: false }>;

export type GraphClient = {
  send(phoneNumberId: string, to: string, message: GraphMessage): Promise<SendResult>;
  /**
   * Uploads a file with `POST /{phone-number-id}/media` (multipart: `file`, `type`,
   * `messaging_product`), for messages sent from that number. Resolves failures like `send`.
   * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#upload-media
   */
  uploadMedia(phoneNumberId: string, file: MediaFile): Promise<UploadResult>;
};

/** Meta's largest image: 5 MB. https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

const DEFAULT_TIMEOUT_MS = 15_000;
const GRAPH_ORIGIN = "https://graph.facebook.com";

/**
 * A Graph API client for sending WhatsApp messages, built on whatsapp-api-js (whose message
 * classes enforce WhatsApp's limits). `send` never throws for an API, network or validation
 * failure: it resolves to a {@link SendResult} saying whether a retry can help.
 * Error codes: https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const apiUrl = options.apiUrl.replace(/\/+$/, "");
  const appSecretProof =
    options.appSecret === undefined
      ? null
      : createHmac("sha256", options.appSecret).update(options.token).digest("hex");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /**
   * whatsapp-api-js reads the body with `.json()` and drops the HTTP status, so each call gets
   * its own client whose fetch remembers the status of its one response.
   */
  function apiForOneCall(seen: { status: number | null }): WhatsAppAPI {
    return new WhatsAppAPI({
      token: options.token,
      v: options.apiVersion,
      secure: false,
      ponyfill: {
        fetch: async (input, init) => {
          const url = toGraphUrl(String(input instanceof Request ? input.url : input), apiUrl, appSecretProof);
          const doFetch = options.fetch ?? globalThis.fetch;
          const response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
          seen.status = response.status;
          return response;
        },
      },
    });
  }

  return {
    async send(phoneNumberId, to, message) {
      const built = buildClientMessage(message);
      if (!built.ok) return failure(null, built.message, "invalid_message", false);
      const seen: { status: number | null } = { status: null };
      let body: unknown;
      try {
        body = await apiForOneCall(seen).sendMessage(phoneNumberId, to, built.value);
      } catch (err) {
        return readThrownSend(seen.status, err);
      }
      return readSendResponse(seen.status, body);
    },

    async uploadMedia(phoneNumberId, file) {
      if (file.bytes.byteLength === 0 || file.bytes.byteLength > IMAGE_MAX_BYTES) {
        return asUploadFailure(
          failure(
            null,
            `invalid media: ${file.bytes.byteLength} bytes (1 to ${IMAGE_MAX_BYTES})`,
            "invalid_message",
            false,
          ),
        );
      }
      const form = new FormData();
      form.append("messaging_product", "whatsapp");
      form.append("type", file.mimeType);
      form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.filename);
      const seen: { status: number | null } = { status: null };
      let body: unknown;
      try {
        body = await apiForOneCall(seen).uploadMedia(phoneNumberId, form);
      } catch (err) {
        return asUploadFailure(readThrownSend(seen.status, err));
      }
      return readUploadResponse(seen.status, body);
    },
  };
}

function readUploadResponse(status: number | null, body: unknown): UploadResult {
  const success = uploadSuccessSchema.safeParse(body);
  if (success.success && (status === null || (status >= 200 && status < 300)))
    return { ok: true, graphMediaId: success.data.id };
  return asUploadFailure(readSendResponse(status, body));
}

/** An upload that may have succeeded but could not be read is safe to repeat: it sends nothing. */
function asUploadFailure(read: SendResult): Extract<SendResult, { ok: false }> {
  if (read.ok)
    return {
      ok: false,
      code: null,
      message: "unexpected upload response",
      retryable: true,
      reason: "unexpected_response",
      alert: true,
    };
  if (read.reason === "unexpected_response") return { ...read, retryable: true };
  return read;
}

/** The library throws when fetch fails (no status) or when it cannot read the answer. */
function readThrownSend(status: number | null, err: unknown): SendResult {
  if (status === null) return failure(null, `network error: ${errorMessage(err)}`, "network_error", true);
  if (status >= 200 && status < 300) {
    return failure(
      null,
      `unexpected response (HTTP ${status}): ${errorMessage(err)}`,
      "unexpected_response",
      false,
      true,
    );
  }
  return classifyHttpFailure(status, null, `unreadable response (HTTP ${status}): ${errorMessage(err)}`);
}

function readSendResponse(status: number | null, body: unknown): SendResult {
  const success = sendSuccessSchema.safeParse(body);
  if (success.success && (status === null || (status >= 200 && status < 300))) {
    const first = success.data.messages[0];
    return { ok: true, wamid: first.id };
  }
  const error = sendErrorSchema.safeParse(body);
  if (error.success) {
    const { code, message, error_data } = error.data.error;
    const details = error_data?.details;
    const text = details === undefined || details === "" ? message : `${message}: ${details}`;
    return classifyHttpFailure(status, code, text);
  }
  if (status !== null && (status >= 500 || status === 429))
    return classifyHttpFailure(status, null, "unexpected response body");
  // A 2xx we cannot read may mean the message was accepted: retrying could send it twice.
  return failure(null, `unexpected response (HTTP ${status ?? "?"})`, "unexpected_response", false, true);
}

/** How long a sending number rests after Meta says it is over its throughput (limits are per second). */
export const THROTTLED_NUMBER_PAUSE_MS = 1000;

/**
 * True when a failure says the sending number (or the app) is over Meta's rate limit, so every
 * call from it would fail for a moment: 130429 (throughput), 4 and 80007 (app and account
 * limits), HTTP 429. Not 131056, which limits messages to one recipient only.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
 */
export function isNumberThrottled(result: SendResult): boolean {
  return !result.ok && result.reason === "rate_limited" && result.code !== 131056;
}

const RETRYABLE_CODES = new Map<number, SendFailureReason>([
  [130429, "rate_limited"],
  [131056, "rate_limited"],
  [4, "rate_limited"],
  [80007, "rate_limited"],
  [2, "temporarily_unavailable"],
  [131000, "temporarily_unavailable"],
]);

const PERMANENT_CODES = new Map<number, SendFailureReason>([
  [131047, "outside_24h_window"],
  [131026, "undeliverable"],
  [131048, "spam_limit"],
  [131051, "unsupported_message_type"],
  [100, "invalid_parameter"],
  [190, "token_expired"],
]);

function classifyHttpFailure(status: number | null, code: number | null, message: string): SendResult {
  if (code !== null) {
    const permanent = PERMANENT_CODES.get(code);
    if (permanent !== undefined) return failure(code, message, permanent, false, permanent === "token_expired");
    const retryable = RETRYABLE_CODES.get(code);
    if (retryable !== undefined) return failure(code, message, retryable, true);
  }
  if (status === 429) return failure(code, message, "rate_limited", true);
  if (status !== null && status >= 500) return failure(code, message, "server_error", true);
  return failure(code, message, "rejected", false);
}

function failure(
  code: number | null,
  message: string,
  reason: SendFailureReason,
  retryable: boolean,
  alert = false,
): SendResult {
  return { ok: false, code, message, retryable, reason, alert };
}

type Built = { ok: true; value: ClientMessage } | { ok: false; message: string };

/** Turns our message into whatsapp-api-js classes; their constructors throw on WhatsApp limits. */
function buildClientMessage(message: GraphMessage): Built {
  const checked = message.kind === "image" ? uploadedImageSchema.safeParse(message) : sendableSchema.safeParse(message);
  if (!checked.success) {
    return { ok: false, message: `invalid message: ${checked.error.issues.map((i) => i.message).join("; ")}` };
  }
  try {
    return { ok: true, value: toClientMessage(checked.data) };
  } catch (err) {
    return { ok: false, message: `invalid message: ${errorMessage(err)}` };
  }
}

function toClientMessage(message: GraphMessage): ClientMessage {
  switch (message.kind) {
    case "text":
      return new Text(message.body);
    case "buttons":
      return new Interactive(
        new ActionButtons(...atLeastOne(message.buttons.map((button) => new Button(button.id, button.title)))),
        new Body(message.body),
      );
    case "list": {
      const sections = message.sections.map(
        (section) =>
          new ListSection(
            section.title,
            ...atLeastOne(section.rows.map((row) => new Row(row.id, row.title, row.description))),
          ),
      );
      return new Interactive(new ActionList(message.button, ...atLeastOne(sections)), new Body(message.body));
    }
    case "template": {
      const [first, ...rest] = message.bodyParams.map((param) => new BodyParameter(param));
      if (first === undefined) return new Template(message.name, message.language);
      return new Template(message.name, message.language, new BodyComponent(first, ...rest));
    }
    case "image":
      return new Image(message.graphMediaId, true, message.caption);
  }
}

function atLeastOne<T>(items: T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error("at least one item is required");
  return [first, ...rest];
}

/** Points the library's hard-coded Graph origin at `apiUrl` and adds `appsecret_proof`. */
function toGraphUrl(url: string, apiUrl: string, appSecretProof: string | null): string {
  const rewritten = url.startsWith(GRAPH_ORIGIN) ? apiUrl + url.slice(GRAPH_ORIGIN.length) : url;
  if (appSecretProof === null) return rewritten;
  const withProof = new URL(rewritten);
  withProof.searchParams.set("appsecret_proof", appSecretProof);
  return withProof.href;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const sendSuccessSchema = z.looseObject({
  messages: z.tuple([z.looseObject({ id: z.string().min(1) })], z.looseObject({})),
});

const uploadedImageSchema: z.ZodType<UploadedImage> = z.object({
  kind: z.literal("image"),
  graphMediaId: z.string().min(1).max(200),
  caption: z.string().min(1).max(MEDIA_CAPTION_MAX).optional(),
});

/** Our messages that go out as they are (a stored image must be uploaded first). */
const sendableSchema = outMessageSchema.transform((message, ctx) => {
  if (message.kind !== "image") return message;
  ctx.addIssue({ code: "custom", message: "a stored image must be uploaded before it is sent" });
  return z.NEVER;
});

const uploadSuccessSchema = z.looseObject({ id: z.string().min(1) });

const sendErrorSchema = z.looseObject({
  error: z.looseObject({
    code: z.number().int(),
    message: z.string(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
  }),
});
