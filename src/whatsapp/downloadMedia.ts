import { createHash, createHmac } from "node:crypto";
import { WhatsAppAPI } from "whatsapp-api-js";
import { z } from "zod";
import type { GraphClientOptions } from "./graphClient.ts";

export type DownloadedMedia = { bytes: Uint8Array; mimeType: string; sha256: string };

export type DownloadMediaResult =
  | { ok: true; media: DownloadedMedia }
  | { ok: false; reason: "too_large" | "not_found" | "unsupported_type" | "failed"; message: string };

export type MediaDownloader = (
  mediaId: string,
  limits: { maxBytes: number; mimeTypes: readonly string[] },
) => Promise<DownloadMediaResult>;

/** Graph API `GET /{media-id}`: where to fetch the file, its type and size. */
const mediaInfoSchema = z.object({
  url: z.url(),
  mime_type: z.string().min(1),
  file_size: z.coerce.number().int().nonnegative().optional(),
  id: z.string().optional(),
});

const GRAPH_ORIGIN = "https://graph.facebook.com";

/**
 * Downloads an inbound message's media with whatsapp-api-js (`retrieveMedia` for its URL, then
 * `fetchMedia` with the token). Refuses before downloading what the metadata says is too large or
 * of the wrong type, and stops reading once a body passes `maxBytes` (metadata can be absent or
 * wrong). The SHA-256 returned is of the bytes received, to refuse the same photo twice.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#download-media
 */
export function createMediaDownloader(options: GraphClientOptions): MediaDownloader {
  const apiUrl = options.apiUrl.replace(/\/+$/, "");
  const proof =
    options.appSecret === undefined
      ? null
      : createHmac("sha256", options.appSecret).update(options.token).digest("hex");
  const api = new WhatsAppAPI({
    token: options.token,
    v: options.apiVersion,
    secure: false,
    ponyfill: {
      fetch: async (input, init) => {
        let url = String(input instanceof Request ? input.url : input);
        if (url.startsWith(GRAPH_ORIGIN)) {
          url = `${apiUrl}${url.slice(GRAPH_ORIGIN.length)}`;
          if (proof !== null) url += `${url.includes("?") ? "&" : "?"}appsecret_proof=${proof}`;
        }
        return (options.fetch ?? globalThis.fetch)(url, {
          ...init,
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      },
    },
  });
  return async (mediaId, limits) => {
    let info: z.infer<typeof mediaInfoSchema>;
    try {
      const parsed = mediaInfoSchema.safeParse(await api.retrieveMedia(mediaId));
      if (!parsed.success)
        return { ok: false, reason: "not_found", message: "the Graph API did not return the media's URL" };
      info = parsed.data;
    } catch (err) {
      return {
        ok: false,
        reason: "failed",
        message: `media lookup failed: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
    if (!limits.mimeTypes.includes(info.mime_type.split(";")[0]?.trim() ?? "")) {
      return { ok: false, reason: "unsupported_type", message: `media type ${info.mime_type} is not accepted` };
    }
    if (info.file_size !== undefined && info.file_size > limits.maxBytes) {
      return { ok: false, reason: "too_large", message: `media is ${info.file_size} bytes, over ${limits.maxBytes}` };
    }
    let response: Response;
    try {
      response = await api.fetchMedia(info.url);
    } catch (err) {
      return {
        ok: false,
        reason: "failed",
        message: `media download failed: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
    if (!response.ok || response.body === null)
      return { ok: false, reason: "failed", message: `media download answered HTTP ${response.status}` };
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limits.maxBytes) {
        await reader.cancel();
        return { ok: false, reason: "too_large", message: `media is over ${limits.maxBytes} bytes` };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return {
      ok: true,
      media: {
        bytes,
        mimeType: info.mime_type.split(";")[0]?.trim() ?? info.mime_type,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    };
  };
}
