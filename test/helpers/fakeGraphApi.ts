import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

/** A file posted to the media endpoint, as the multipart form carried it. */
export type FakeGraphUpload = {
  messagingProduct: string | null;
  /** The form's `type` field. */
  type: string | null;
  /** The file part's own type, name and bytes. */
  fileType: string;
  filename: string;
  bytes: Buffer;
};

export type FakeGraphRequest = {
  /** `messages` (a send) or `media` (an upload). */
  endpoint: "messages" | "media";
  /** For an upload: the form's parts. */
  upload: FakeGraphUpload | null;
  phoneNumberId: string;
  /** Graph API version from the path, e.g. `v24.0`. */
  version: string;
  /** The JSON-parsed request body (or the raw text when it is not JSON). */
  body: unknown;
  authorization: string | null;
  query: URLSearchParams;
  /** `Date.now()` when the request arrived. */
  at: number;
};

/**
 * `body` is sent as JSON, unless it is a string, which is sent as is (e.g. an HTML 502 page);
 * `delayMs` holds the answer back (slow Graph API, client timeouts).
 */
export type FakeGraphResponse = { status: number; body: unknown; delayMs?: number };

export type FakeGraphApi = {
  /** Base URL to use as `WHATSAPP_API_URL`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  requests: FakeGraphRequest[];
  /** Replaces the answer; return `undefined` to fall back to the default success. */
  respondWith(fn: (req: FakeGraphRequest) => FakeGraphResponse | undefined): void;
  /**
   * Makes `GET /:version/:id` answer with this phone number to a caller bearing `token` (as Meta
   * answers only a token that may use the number); any other token gets Meta's code 100 error.
   */
  addPhoneNumber(number: { id: string; displayPhoneNumber: string; verifiedName: string; token: string }): void;
  /**
   * Serves an inbound message's media as Meta does: `GET /:version/:id` answers its URL, type,
   * hash and size (`declaredSize` overrides the size it claims; `null` leaves it out), and that
   * URL answers the bytes to a caller with a bearer token.
   * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#retrieve-media-url
   */
  addMedia(media: { id: string; mimeType: string; bytes: Buffer; declaredSize?: number | null }): void;
  /** The media ids whose bytes were downloaded, in order. */
  mediaDownloads: string[];
  /** Resolves once at least `n` send requests arrived, rejects after `timeoutMs`. */
  waitForRequests(n: number, timeoutMs?: number): Promise<FakeGraphRequest[]>;
  close(): Promise<void>;
};

const SEND_PATH = /^\/(v\d+\.\d+)\/([^/]+)\/(messages|media)$/;
const NODE_PATH = /^\/(v\d+\.\d+)\/(\d+)$/;

/**
 * Starts a local fake of the Graph API's send endpoint (`POST /:version/:phoneNumberId/messages`)
 * and media upload endpoint (`POST /:version/:phoneNumberId/media`, multipart) on 127.0.0.1 and
 * a random port. By default it accepts every message and every PNG or JPEG up to 5 MB like Meta
 * does, answering an upload `{ id }`; an image message naming an id it never gave is refused.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#upload-media
 */
export async function startFakeGraphApi(): Promise<FakeGraphApi> {
  const requests: FakeGraphRequest[] = [];
  const waiters: Array<{ n: number; resolve: (requests: FakeGraphRequest[]) => void }> = [];
  let responder: (req: FakeGraphRequest) => FakeGraphResponse | undefined = () => undefined;
  const uploaded = new Set<string>();
  const media = new Map<string, { id: string; mimeType: string; bytes: Buffer; declaredSize?: number | null }>();
  const mediaDownloads: string[] = [];
  const phoneNumbers = new Map<
    string,
    { id: string; displayPhoneNumber: string; verifiedName: string; token: string }
  >();

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      send(res, { status: 500, body: { error: { message: String(err), type: "FakeGraphApi", code: 1 } } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const node = NODE_PATH.exec(url.pathname);
    const medium = node?.[2] === undefined ? undefined : media.get(node[2]);
    if (req.method === "GET" && medium !== undefined && req.headers.authorization !== undefined) {
      const size = medium.declaredSize === undefined ? medium.bytes.length : medium.declaredSize;
      send(res, {
        status: 200,
        body: {
          messaging_product: "whatsapp",
          url: `http://${req.headers.host ?? "127.0.0.1"}/whatsapp_business/attachments/?mid=${medium.id}`,
          mime_type: medium.mimeType,
          sha256: createHash("sha256").update(medium.bytes).digest("base64"),
          ...(size === null ? {} : { file_size: size }),
          id: medium.id,
        },
      });
      return;
    }
    if (req.method === "GET" && url.pathname === "/whatsapp_business/attachments/") {
      const id = url.searchParams.get("mid") ?? "";
      const file = media.get(id);
      if (file === undefined || req.headers.authorization === undefined) {
        send(res, graphError(404, 100, "media not found"));
        return;
      }
      mediaDownloads.push(id);
      res.writeHead(200, { "content-type": file.mimeType });
      res.end(file.bytes);
      return;
    }
    if (req.method === "GET" && node?.[2] !== undefined) {
      // https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status/
      const number = phoneNumbers.get(node[2]);
      if (req.headers.authorization === undefined) {
        send(
          res,
          graphError(400, 2500, "An active access token must be used to query information about the current user."),
        );
      } else if (number === undefined || req.headers.authorization !== `Bearer ${number.token}`) {
        send(
          res,
          graphError(
            400,
            100,
            `Unsupported get request. Object with ID '${node[2]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
          ),
        );
      } else {
        send(res, {
          status: 200,
          body: {
            verified_name: number.verifiedName,
            display_phone_number: number.displayPhoneNumber,
            id: number.id,
            quality_rating: "GREEN",
          },
        });
      }
      return;
    }
    const match = SEND_PATH.exec(url.pathname);
    const version = match?.[1];
    const phoneNumberId = match?.[2];
    const endpoint = match?.[3] === "media" ? "media" : "messages";
    if (req.method !== "POST" || version === undefined || phoneNumberId === undefined) {
      send(res, graphError(404, 100, `Unknown path components: ${url.pathname}`));
      return;
    }
    const raw = await readBody(req);
    const upload = endpoint === "media" ? await readUpload(raw, req.headers["content-type"]) : null;
    const recorded: FakeGraphRequest = {
      endpoint,
      upload,
      phoneNumberId,
      version,
      body: endpoint === "media" ? null : parseJson(raw.toString("utf8")),
      authorization: req.headers.authorization ?? null,
      query: url.searchParams,
      at: Date.now(),
    };
    requests.push(recorded);
    for (const waiter of waiters.filter((w) => requests.length >= w.n)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve([...requests]);
    }
    const response =
      responder(recorded) ??
      (endpoint === "media" ? acceptedUpload(uploaded, recorded.upload) : acceptedResponse(uploaded, recorded.body));
    if (response.delayMs !== undefined) await sleep(response.delayMs);
    if (!res.destroyed) send(res, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fake graph api: no TCP address");
  const { port }: AddressInfo = address;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(fn) {
      responder = fn;
    },
    addPhoneNumber(number) {
      phoneNumbers.set(number.id, number);
    },
    addMedia(medium) {
      media.set(medium.id, medium);
    },
    mediaDownloads,
    waitForRequests(n, timeoutMs = 5_000) {
      if (requests.length >= n) return Promise.resolve([...requests]);
      return new Promise((resolve, reject) => {
        const waiter = {
          n,
          resolve: (done: FakeGraphRequest[]) => {
            clearTimeout(timer);
            resolve(done);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`fake graph api: expected ${n} requests within ${timeoutMs} ms, got ${requests.length}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      });
    },
  };
}

/** Meta's answer to an upload: an id for the file, or the error it gives for a bad one. */
function acceptedUpload(uploaded: Set<string>, upload: FakeGraphUpload | null): FakeGraphResponse {
  if (upload === null) return graphError(400, 100, "The request body is not multipart form data");
  if (upload.messagingProduct !== "whatsapp") return graphError(400, 100, "Param messaging_product must be whatsapp");
  if (!["image/png", "image/jpeg"].includes(upload.fileType))
    return graphError(400, 131053, `Unsupported file type ${upload.fileType}`);
  if (upload.bytes.length === 0 || upload.bytes.length > 5 * 1024 * 1024)
    return graphError(400, 131053, "Image must be 1 byte to 5 MB");
  const id = String(1_000_000_000_000 + uploaded.size);
  uploaded.add(id);
  return { status: 200, body: { id } };
}

function acceptedResponse(uploaded: ReadonlySet<string>, body: unknown): FakeGraphResponse {
  const imageId = imageIdOf(body);
  if (imageId !== null && !uploaded.has(imageId))
    return graphError(400, 100, `Invalid parameter: unknown media id ${imageId}`);
  return acceptedSend(body);
}

function acceptedSend(body: unknown): FakeGraphResponse {
  const to = recipientOf(body);
  return {
    status: 200,
    body: {
      messaging_product: "whatsapp",
      contacts: [{ input: to, wa_id: to }],
      messages: [{ id: `wamid.${randomUUID().replaceAll("-", "")}` }],
    },
  };
}

function graphError(status: number, code: number, message: string): FakeGraphResponse {
  return { status, body: { error: { message, type: "OAuthException", code, fbtrace_id: "fake" } } };
}

function recipientOf(body: unknown): string {
  if (typeof body === "object" && body !== null && "to" in body && typeof body.to === "string") return body.to;
  return "";
}

function send(res: ServerResponse, response: FakeGraphResponse): void {
  const isText = typeof response.body === "string";
  const payload = isText ? String(response.body) : JSON.stringify(response.body);
  res.writeHead(response.status, { "content-type": isText ? "text/html" : "application/json" });
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** Reads a multipart body with the platform's own parser (undici's `Request.formData`). */
async function readUpload(raw: Buffer, contentType: string | undefined): Promise<FakeGraphUpload | null> {
  if (contentType === undefined || !contentType.startsWith("multipart/form-data")) return null;
  try {
    const form = await new Request("http://fake.invalid/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: new Uint8Array(raw),
    }).formData();
    const file = form.get("file");
    if (!(file instanceof File)) return null;
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : null;
    };
    return {
      messagingProduct: field("messaging_product"),
      type: field("type"),
      fileType: file.type,
      filename: file.name,
      bytes: Buffer.from(await file.arrayBuffer()),
    };
  } catch {
    return null;
  }
}

function imageIdOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("image" in body)) return null;
  const image = body.image;
  if (typeof image !== "object" || image === null || !("id" in image) || typeof image.id !== "string") return null;
  return image.id;
}

function parseJson(raw: string): unknown {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed;
  } catch {
    return raw;
  }
}
