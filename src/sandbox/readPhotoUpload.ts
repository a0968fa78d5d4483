import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { AppError, ValidationError } from "../errors.ts";

/** WhatsApp's limit for an image, and the types the receipt claims take that the web chat sends. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ["image/jpeg", "image/png"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
/** Room for the form's other fields and part headers around the photo. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
/** A body this much over the limit is not read to its end: the connection is cut. */
const DRAIN_LIMIT_BYTES = 4 * (PHOTO_MAX_BYTES + FORM_OVERHEAD_BYTES);
/** WhatsApp's longest media caption. */
const CAPTION_MAX_CHARS = 1024;

export type PhotoUpload = { phone: string; name: string; caption?: string; mimeType: PhotoType; bytes: Buffer };

const phoneSchema = z
  .string()
  .transform((value) => value.replace(/[\s()+-]/g, ""))
  .pipe(z.string().regex(/^\d{7,15}$/, "phone must be 7 to 15 digits, in international form"));

const formSchema = z.object({
  phone: phoneSchema,
  name: z.string().trim().min(1).max(60).default("Sandbox user"),
  caption: z
    .string()
    .trim()
    .max(CAPTION_MAX_CHARS, `the caption is over ${CAPTION_MAX_CHARS} characters`)
    .optional()
    .transform((value) => (value === "" ? undefined : value)),
  photo: z.instanceof(Blob, { message: "attach a photo (the photo field)" }),
});

const multipartType = z
  .string()
  .regex(/^multipart\/form-data\s*;\s*boundary=/i, "send the photo as multipart/form-data");

/**
 * Reads the web chat's photo form (`multipart/form-data`: `phone`, optional `name` and `caption`,
 * and the `photo` file): the body is read up to the 5 MB limit plus the form's overhead (a larger
 * one is a 413), the fields are checked with zod, and the file must be a JPEG or PNG by its first
 * bytes, not only by the type the browser declared (a 415 otherwise).
 * @throws AppError (400, 413, 415) for a form the sandbox cannot send as a WhatsApp image.
 */
export async function readPhotoUpload(req: IncomingMessage): Promise<PhotoUpload> {
  const contentType = multipartType.safeParse(req.headers["content-type"]);
  if (!contentType.success)
    throw new AppError(415, "unsupported_media_type", contentType.error.issues[0]?.message ?? "");
  const body = await readCapped(req, PHOTO_MAX_BYTES + FORM_OVERHEAD_BYTES);
  if (body === null) throw tooLarge();

  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType.data } }).formData();
  } catch {
    throw new ValidationError("The form could not be read");
  }
  const fields = formSchema.safeParse(Object.fromEntries(form.entries()));
  if (!fields.success) throw new ValidationError(fields.error.issues[0]?.message ?? "The form is invalid");
  const { photo, caption, ...person } = fields.data;
  if (photo.size > PHOTO_MAX_BYTES) throw tooLarge();
  if (photo.size === 0) throw new ValidationError("The photo is empty");
  const bytes = Buffer.from(await photo.arrayBuffer());
  const mimeType = sniffImageType(bytes);
  if (mimeType === null) throw new AppError(415, "unsupported_media_type", "The photo must be a JPEG or PNG image");
  return { ...person, ...(caption === undefined ? {} : { caption }), mimeType, bytes };
}

/** JPEG starts FF D8 FF; PNG with its 8-byte signature. */
function sniffImageType(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((byte, index) => bytes[index] === byte)) return "image/png";
  return null;
}

function tooLarge(): AppError {
  return new AppError(413, "photo_too_large", `The photo is over ${PHOTO_MAX_BYTES / 1024 / 1024} MB`);
}

/**
 * The body, or null when it is over `maxBytes`. An oversized body is still read (and dropped) so
 * the client gets the 413 rather than a reset, up to a bound past which the connection is cut.
 */
async function readCapped(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) {
    req.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    received += buffer.byteLength;
    if (received > DRAIN_LIMIT_BYTES) {
      req.destroy();
      return null;
    }
    if (received <= maxBytes) chunks.push(buffer);
  }
  return received > maxBytes ? null : Buffer.concat(chunks);
}
