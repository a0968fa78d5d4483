import { createHash } from "node:crypto";
import { z } from "zod";
import { sql, type Db, type Tx } from "./sql.ts";

/**
 * Typed queries on `media` (images the bot sends, a tenant table) and `media_uploads` (Meta's id
 * for each image per sending number, platform-level).
 */

export type MediaMimeType = "image/png" | "image/jpeg";

export type StoreMediaInput = { tenantId: string; purpose: string; mimeType: MediaMimeType; bytes: Uint8Array };

const idRow = z.object({ id: z.uuid() });

/**
 * Stores an image for the tenant (on the tenant's transaction) and returns its id; the same bytes
 * stored again return the existing row, so sending one poster many times keeps one copy.
 */
export async function storeMedia(tx: Tx, input: StoreMediaInput): Promise<string> {
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  return tx.oneFirst(sql.type(idRow)`
    INSERT INTO media (tenant_id, purpose, mime_type, bytes, sha256)
    VALUES (${input.tenantId}, ${input.purpose}, ${input.mimeType}, ${sql.binary(Buffer.from(input.bytes))}, ${sha256})
    ON CONFLICT (tenant_id, sha256) DO UPDATE SET purpose = EXCLUDED.purpose
    RETURNING id
  `);
}

const mediaFileRow = z.object({
  mime_type: z.enum(["image/png", "image/jpeg"]),
  bytes_base64: z.string(),
});

/** A stored image's bytes and type (platform path: the reply sender reads it), or null when gone. */
export async function findMediaFile(
  db: Db,
  mediaId: string,
): Promise<{ mimeType: MediaMimeType; bytes: Buffer } | null> {
  const row = await db.maybeOne(sql.type(mediaFileRow)`
    SELECT mime_type, encode(bytes, 'base64') AS bytes_base64 FROM media WHERE id = ${mediaId}
  `);
  return row === null ? null : { mimeType: row.mime_type, bytes: Buffer.from(row.bytes_base64, "base64") };
}

/** Meta keeps an uploaded medium 30 days; one a day younger is reused, older ones uploaded again. */
const UPLOAD_REUSE_DAYS = 29;

const graphIdRow = z.object({ graph_media_id: z.string() });

/** Meta's id of an image already uploaded from `phoneNumberId` and still kept there, or null. */
export async function findMediaUpload(db: Db, mediaId: string, phoneNumberId: string): Promise<string | null> {
  return db.maybeOneFirst(sql.type(graphIdRow)`
    SELECT graph_media_id FROM media_uploads
    WHERE media_id = ${mediaId} AND phone_number_id = ${phoneNumberId}
      AND uploaded_at > now() - make_interval(days => ${UPLOAD_REUSE_DAYS})
  `);
}

/** Remembers Meta's id for an upload (the latest upload wins). */
export async function recordMediaUpload(
  db: Db,
  mediaId: string,
  phoneNumberId: string,
  graphMediaId: string,
): Promise<void> {
  await db.query(sql.type(graphIdRow)`
    INSERT INTO media_uploads (media_id, phone_number_id, graph_media_id)
    VALUES (${mediaId}, ${phoneNumberId}, ${graphMediaId})
    ON CONFLICT (media_id, phone_number_id) DO UPDATE SET graph_media_id = EXCLUDED.graph_media_id, uploaded_at = now()
    RETURNING graph_media_id
  `);
}
