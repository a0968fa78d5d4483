import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../logger.ts";
import { createMediaDownloader, type MediaDownloader } from "../whatsapp/downloadMedia.ts";
import { createGraphClient, type GraphClient } from "../whatsapp/graphClient.ts";
import { buildWebhookPayload, type SandboxBusinessNumber } from "./buildWebhookPayload.ts";
import { postSignedWebhook } from "./postSignedWebhook.ts";
import { readGraphSendBody } from "./readGraphSendBody.ts";
import type { SandboxChatLog } from "./sandboxChatLog.ts";
import type { SandboxMediaStore } from "./sandboxMediaStore.ts";

export type SandboxGraphClient = GraphClient & {
  /**
   * The engine's inbound-photo downloader (the real one, whatsapp-api-js's `retrieveMedia` and
   * `fetchMedia`) with its fetch answered by this fake: the web chat's photos, never the network.
   */
  downloadMedia: MediaDownloader;
  /** The fake itself, as the `fetch` its clients use (what it answers for any Graph API request). */
  fetch: typeof fetch;
  /** Cancels the status callbacks still waiting to be sent. */
  stop(): void;
};

export type SandboxGraphDeps = {
  log: Logger;
  chatLog: SandboxChatLog;
  business: SandboxBusinessNumber;
  apiVersion: string;
  appSecret: string;
  /** Resolves to the app's base URL once it listens (status callbacks wait for it). */
  appUrl: Promise<string>;
  /** Delay before each callback, after the previous one: sent, delivered, read. */
  statusDelaysMs?: readonly [number, number, number];
  /** Where uploaded files are kept for the web chat to show. */
  mediaStore: SandboxMediaStore;
};

const GRAPH_ORIGIN = "https://graph.facebook.com";
/** The token the sandbox clients send; the fake refuses any other, like Meta refuses a wrong one. */
export const SANDBOX_TOKEN = "sandbox-token";
const SEND_PATH = /^\/(v\d+\.\d+)\/(\d+)\/(messages|media)$/;
/** `GET /{version}/{media-id}`: a media's download URL and details. */
const MEDIA_INFO_PATH = /^\/(v\d+\.\d+)\/(\d+)\/?$/;
/** Where Meta's download URLs point (`lookaside.fbsbx.com/whatsapp_business/attachments/?mid=…`). */
const DOWNLOAD_ORIGIN = "https://lookaside.fbsbx.com";
const DOWNLOAD_PATH = "/whatsapp_business/attachments/";
// Meta's types and sizes for images: https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types
const IMAGE_TYPES = new Set(["image/png", "image/jpeg"]);
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Where the web chat loads an uploaded image from (served by createSandboxRoutes). */
export const SANDBOX_MEDIA_PATH = "/sandbox/media/";
const DEFAULT_DELAYS_MS = [150, 250, 800] as const;
const STATUSES = ["sent", "delivered", "read"] as const;

/**
 * The Graph API client of sandbox mode (docs/sandbox.md): the real client (whatsapp-api-js builds
 * the request body, our code reads the answer) whose fetch is answered in-process, with no
 * network, by a fake of `POST /{version}/{phone_number_id}/messages`. It refuses what Meta would
 * refuse, answers accepted messages with a `wamid.` id, records them for the web chat and then
 * reports them sent, delivered and read through the app's own `/webhook`, signed like Meta. It
 * also fakes the media endpoints: the upload `POST /{version}/{phone_number_id}/media`, the
 * retrieval `GET /{version}/{media-id}` and the download of the URL that answers, so the engine's
 * real downloader fetches the web chat's photos from the sandbox media store. Any other URL is
 * refused: nothing leaves the process.
 */
export function createSandboxGraphClient(deps: SandboxGraphDeps): SandboxGraphClient {
  const delays = deps.statusDelaysMs ?? DEFAULT_DELAYS_MS;
  const stopping = new AbortController();

  async function graphFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const authorization = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get(
      "authorization",
    );
    if (method === "GET" && url.origin === DOWNLOAD_ORIGIN && url.pathname === DOWNLOAD_PATH) {
      return download(url, authorization);
    }
    const media = method === "GET" && url.origin === GRAPH_ORIGIN ? MEDIA_INFO_PATH.exec(url.pathname) : null;
    if (media !== null) return describeMedia(media[2] ?? "", url, authorization);
    const match = SEND_PATH.exec(url.pathname);
    if (init === undefined || method !== "POST" || match === null || url.origin !== GRAPH_ORIGIN) {
      return graphError(400, 100, `Unsupported request: ${method} ${url.pathname}`);
    }
    if (authorization !== `Bearer ${SANDBOX_TOKEN}`) return graphError(401, 190, "Invalid OAuth access token");
    if (match[2] !== deps.business.phoneNumberId)
      return graphError(400, 100, `Unknown phone number id ${match[2] ?? ""}`);
    if (match[3] === "media") return acceptUpload(init.body);

    let json: unknown;
    try {
      json = JSON.parse(typeof init.body === "string" ? init.body : "");
    } catch {
      return graphError(400, 100, "The request body is not JSON");
    }
    const read = readGraphSendBody(json);
    if (!read.ok) return graphError(400, 100, "Invalid parameter", read.reason);

    const to = read.value.to.replace(/^\+/, "");
    const { mediaId, ...entry } = read.value.entry;
    if (mediaId !== undefined && deps.mediaStore.find(mediaId) === null)
      return graphError(400, 100, "Invalid parameter", `Unknown media id ${mediaId}`);
    const wamid = `wamid.${Buffer.from(`sandbox.${to}.${randomBytes(12).toString("hex")}`).toString("base64url")}`;
    const image = mediaId === undefined ? {} : { image: `${SANDBOX_MEDIA_PATH}${mediaId}` };
    deps.chatLog.add(to, { id: wamid, direction: "out", at: Date.now(), ...entry, ...image });
    void reportStatuses(wamid, to);
    return Response.json({
      messaging_product: "whatsapp",
      contacts: [{ input: read.value.to, wa_id: to }],
      messages: [{ id: wamid }],
    });
  }

  /**
   * `GET /{version}/{media-id}` (optionally `?phone_number_id=`): Meta's media retrieval, answered
   * `{ messaging_product, url, mime_type, sha256, file_size, id }` for a file in the store (the web
   * chat's photos and the bot's uploads); an unknown id is Graph's "object does not exist" error.
   * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#retrieve-media-url
   */
  function describeMedia(id: string, url: URL, authorization: string | null): Response {
    if (authorization !== `Bearer ${SANDBOX_TOKEN}`) return graphError(401, 190, "Invalid OAuth access token");
    const phoneNumberId = url.searchParams.get("phone_number_id");
    if (phoneNumberId !== null && phoneNumberId !== "" && phoneNumberId !== deps.business.phoneNumberId)
      return graphError(400, 100, `Unknown phone number id ${phoneNumberId}`);
    const media = deps.mediaStore.find(id);
    if (media === null) {
      return graphError(
        404,
        100,
        `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
        undefined,
        { type: "GraphMethodException", subcode: 33 },
      );
    }
    const download = new URL(DOWNLOAD_PATH, DOWNLOAD_ORIGIN);
    download.searchParams.set("mid", id);
    download.searchParams.set("ext", String(Math.floor(Date.now() / 1000)));
    download.searchParams.set("hash", downloadHash(id));
    return Response.json({
      messaging_product: "whatsapp",
      url: download.href,
      mime_type: media.mimeType,
      sha256: createHash("sha256").update(media.bytes).digest("hex"),
      file_size: media.bytes.byteLength,
      id,
    });
  }

  /**
   * `GET <url>` of a retrieval's answer, with the same bearer token: the file's bytes and type.
   * A URL this fake did not hand out (wrong hash) is refused like an expired one.
   */
  function download(url: URL, authorization: string | null): Response {
    if (authorization !== `Bearer ${SANDBOX_TOKEN}`) return graphError(401, 190, "Invalid OAuth access token");
    const id = url.searchParams.get("mid") ?? "";
    const hash = Buffer.from(url.searchParams.get("hash") ?? "");
    const expected = Buffer.from(downloadHash(id));
    const media = deps.mediaStore.find(id);
    if (media === null || hash.length !== expected.length || !timingSafeEqual(hash, expected)) {
      return graphError(404, 100, "The media URL is invalid or has expired");
    }
    return new Response(new Uint8Array(media.bytes), {
      status: 200,
      headers: { "content-type": media.mimeType, "content-length": String(media.bytes.byteLength) },
    });
  }

  function downloadHash(id: string): string {
    return createHmac("sha256", deps.appSecret).update(`media:${id}`).digest("base64url").slice(0, 32);
  }

  /**
   * `POST /{version}/{phone_number_id}/media`: multipart with `messaging_product`, `type` and
   * `file`, answered `{ id }` like Meta; the file is kept for the web chat.
   */
  async function acceptUpload(body: RequestInit["body"]): Promise<Response> {
    if (!(body instanceof FormData)) return graphError(400, 100, "The request body is not multipart form data");
    const file = body.get("file");
    if (body.get("messaging_product") !== "whatsapp" && body.get("messaging_product") !== null) {
      return graphError(400, 100, "Invalid parameter", "messaging_product must be whatsapp");
    }
    if (!(file instanceof Blob)) return graphError(400, 100, "Invalid parameter", "file is required");
    if (!IMAGE_TYPES.has(file.type))
      return graphError(400, 131053, "Media upload error", `Unsupported type ${file.type}`);
    if (file.size === 0 || file.size > IMAGE_MAX_BYTES)
      return graphError(400, 131053, "Media upload error", "Image must be 1 byte to 5 MB");
    const id = deps.mediaStore.newId();
    deps.mediaStore.add(id, { mimeType: file.type, bytes: Buffer.from(await file.arrayBuffer()) });
    return Response.json({ id });
  }

  async function reportStatuses(wamid: string, recipientId: string): Promise<void> {
    try {
      const appUrl = await deps.appUrl;
      for (const [index, status] of STATUSES.entries()) {
        await sleep(delays[index] ?? 0, undefined, { signal: stopping.signal });
        const payload = buildWebhookPayload(deps.business, {
          status: { id: wamid, status, recipientId, timestamp: Math.floor(Date.now() / 1000) },
        });
        const answer = await postSignedWebhook(appUrl, deps.appSecret, payload);
        if (answer !== 200) deps.log.warn({ status, answer }, "sandbox status callback refused by the webhook");
      }
    } catch (err) {
      if (stopping.signal.aborted) return;
      deps.log.warn({ err }, "sandbox status callback failed");
    }
  }

  const client = createGraphClient({
    apiUrl: GRAPH_ORIGIN,
    apiVersion: deps.apiVersion,
    token: SANDBOX_TOKEN,
    fetch: graphFetch,
  });
  const downloadMedia = createMediaDownloader({
    apiUrl: GRAPH_ORIGIN,
    apiVersion: deps.apiVersion,
    token: SANDBOX_TOKEN,
    fetch: graphFetch,
  });
  return {
    downloadMedia,
    fetch: graphFetch,
    send: (phoneNumberId, to, message) => client.send(phoneNumberId, to, message),
    uploadMedia: (phoneNumberId, file) => client.uploadMedia(phoneNumberId, file),
    stop: () => stopping.abort(),
  };
}

function graphError(
  status: number,
  code: number,
  message: string,
  details?: string,
  extra: { type?: string; subcode?: number } = {},
): Response {
  const error = {
    message,
    type: extra.type ?? "OAuthException",
    code,
    ...(extra.subcode === undefined ? {} : { error_subcode: extra.subcode }),
    ...(details === undefined ? {} : { error_data: { details } }),
    fbtrace_id: "sandbox",
  };
  return Response.json({ error }, { status });
}
