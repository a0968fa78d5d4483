import type { DatabasePool } from "slonik";
import { findMediaFile, findMediaUpload, recordMediaUpload } from "../db/media.ts";
import { onPlatform } from "../db/withTenant.ts";
import type { GraphClient, GraphMessage, SendResult } from "../whatsapp/graphClient.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";

export type ToGraphMessage = { ok: true; message: GraphMessage } | Extract<SendResult, { ok: false }>;

/**
 * Turns an outbox message into what the Graph API sends. A stored image is uploaded from the
 * sending number first (Meta's media endpoint), unless it was uploaded there in the last 29 days:
 * the outbox row keeps our media id, so a retry or another worker finds the bytes or the upload.
 * An upload failure is a send failure (the same retry rules apply); a missing image is permanent.
 */
export async function toGraphMessage(
  deps: { pool: DatabasePool; graph: GraphClient },
  phoneNumberId: string,
  message: OutMessage,
): Promise<ToGraphMessage> {
  if (message.kind !== "image") return { ok: true, message };
  const caption = message.caption === undefined ? {} : { caption: message.caption };
  const uploaded = await onPlatform(deps.pool, (db) => findMediaUpload(db, message.mediaId, phoneNumberId));
  if (uploaded !== null) return { ok: true, message: { kind: "image", graphMediaId: uploaded, ...caption } };

  const file = await onPlatform(deps.pool, (db) => findMediaFile(db, message.mediaId));
  if (file === null) {
    return {
      ok: false,
      code: null,
      message: "the stored image is gone",
      retryable: false,
      reason: "invalid_message",
      alert: false,
    };
  }
  const extension = file.mimeType === "image/png" ? "png" : "jpg";
  const upload = await deps.graph.uploadMedia(phoneNumberId, {
    bytes: file.bytes,
    mimeType: file.mimeType,
    filename: `${message.mediaId}.${extension}`,
  });
  if (!upload.ok) return upload;
  await onPlatform(deps.pool, (db) => recordMediaUpload(db, message.mediaId, phoneNumberId, upload.graphMediaId));
  return { ok: true, message: { kind: "image", graphMediaId: upload.graphMediaId, ...caption } };
}
