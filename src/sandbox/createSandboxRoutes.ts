import { createHash, randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import express, { Router } from "express";
import { loopbackOnly } from "../http/loopbackOnly.ts";
import QRCode from "qrcode";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import type { Config } from "../config.ts";
import { buildJoinLink } from "../conversation/buildJoinLink.ts";
import { AppError, NotFoundError, ValidationError } from "../errors.ts";
import { buildWebhookPayload, type SandboxBusinessNumber, type SandboxInbound } from "./buildWebhookPayload.ts";
import { SANDBOX_MEDIA_PATH } from "./createSandboxGraphClient.ts";
import { DEMO_VENDOR } from "./ensureDemoVendor.ts";
import { findDeliveryStatuses } from "./findDeliveryStatuses.ts";
import { postSignedWebhook } from "./postSignedWebhook.ts";
import { readPhotoUpload } from "./readPhotoUpload.ts";
import type { SandboxChatLog } from "./sandboxChatLog.ts";
import type { SandboxMediaStore } from "./sandboxMediaStore.ts";

export type SandboxRoutesDeps = {
  config: Config;
  pool: DatabasePool;
  chatLog: SandboxChatLog;
  /** Files the fake Graph API accepted at its media endpoint (image messages show them). */
  mediaStore: SandboxMediaStore;
  business: SandboxBusinessNumber;
  appSecret: string;
  /** The app's own base URL, known once it listens. */
  appUrl: () => string | undefined;
};

const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The sandbox web chat (mounted only in sandbox mode, so every path here is a 404 otherwise):
 * `GET /sandbox` (the page and its static script and styles), `GET /sandbox/qr.svg` (the demo
 * vendor's join QR code), `GET /sandbox/api/info`, `POST /sandbox/api/send` (turns what the
 * person typed or tapped into Meta's webhook payload, signs it with the app secret and posts it
 * to the real `/webhook`: the browser never holds the secret), `POST /sandbox/api/photo` (a JPEG
 * or PNG up to 5 MB, kept where the fake Graph API serves media from and sent as an `image`
 * message the same way) and `GET /sandbox/api/messages` (the chat with one phone number, with the
 * delivery status the app stored for each reply).
 */
export function createSandboxRoutes(deps: SandboxRoutesDeps): Router {
  const router = Router();
  const joinLink = buildJoinLink(deps.config, { vendor_code: DEMO_VENDOR.vendorCode, whatsapp_config: null });
  let qrSvg: Promise<string> | undefined;

  // Anyone who reaches /sandbox can post signed webhooks as any phone: this machine only,
  // unless SANDBOX_PUBLIC=true says otherwise (a demo on a trusted network).
  if (!deps.config.sandboxPublic) router.use("/sandbox", loopbackOnly());
  router.use("/sandbox", (_req, res, next) => {
    res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("cache-control", "no-store");
    next();
  });

  router.get(["/sandbox", "/sandbox/"], (_req, res) => {
    res.sendFile("index.html", { root: PUBLIC_DIR });
  });
  router.use("/sandbox/assets", express.static(PUBLIC_DIR, { index: false, fallthrough: true }));

  router.get("/sandbox/qr.svg", async (_req, res) => {
    qrSvg ??= QRCode.toString(joinLink, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
    res.type("image/svg+xml").send(await qrSvg);
  });

  router.get("/sandbox/media/:id", (req, res) => {
    const media = deps.mediaStore.find(req.params.id);
    if (media === null) throw new NotFoundError("No such image");
    res.type(media.mimeType).send(media.bytes);
  });

  router.get("/sandbox/api/info", (_req, res) => {
    res.json({
      vendor: { code: DEMO_VENDOR.vendorCode, name: DEMO_VENDOR.businessName, joinLink, qrCodeUrl: "/sandbox/qr.svg" },
      staff: { name: DEMO_VENDOR.staff.fullName, phone: DEMO_VENDOR.staff.phoneNumber, pin: DEMO_VENDOR.staff.pin },
      botNumber: deps.business.displayPhoneNumber,
    });
  });

  router.post("/sandbox/api/send", async (req, res) => {
    const input = sendSchema.safeParse(req.body);
    if (!input.success) throw new ValidationError(input.error.issues[0]?.message ?? "The message is invalid");
    const appUrl = deps.appUrl();
    if (appUrl === undefined) throw new AppError(503, "not_ready", "The app is still starting");

    const { phone, name } = input.data;
    const id = inboundWamid(phone);
    const at = Date.now();
    const timestamp = Math.floor(at / 1000);
    const message: SandboxInbound =
      "text" in input.data
        ? { id, from: phone, profileName: name, timestamp, type: "text", text: input.data.text }
        : {
            id,
            from: phone,
            profileName: name,
            timestamp,
            type: input.data.reply.type,
            replyId: input.data.reply.id,
            title: input.data.reply.title,
          };

    const answer = await postSignedWebhook(appUrl, deps.appSecret, buildWebhookPayload(deps.business, { message }));
    if (answer !== 200) throw new AppError(502, "webhook_refused", `The webhook answered ${answer}`);
    const text = "text" in input.data ? input.data.text : input.data.reply.title;
    deps.chatLog.add(phone, { id, direction: "in", at, text });
    res.status(201).json({ id });
  });

  // The customer's photo (a receipt, with the amount as its caption): stored under a fresh media
  // id for the engine to download through the fake Graph API, then sent as Meta's image message.
  router.post("/sandbox/api/photo", async (req, res) => {
    const appUrl = deps.appUrl();
    if (appUrl === undefined) throw new AppError(503, "not_ready", "The app is still starting");
    const photo = await readPhotoUpload(req);

    const mediaId = deps.mediaStore.newId();
    deps.mediaStore.add(mediaId, { mimeType: photo.mimeType, bytes: photo.bytes });
    const id = inboundWamid(photo.phone);
    const at = Date.now();
    const message: SandboxInbound = {
      id,
      from: photo.phone,
      profileName: photo.name,
      timestamp: Math.floor(at / 1000),
      type: "image",
      mediaId,
      mimeType: photo.mimeType,
      // Meta's webhook gives the photo's SHA-256 in base64 (its media retrieval, in hex).
      sha256: createHash("sha256").update(photo.bytes).digest("base64"),
      ...(photo.caption === undefined ? {} : { caption: photo.caption }),
    };
    const answer = await postSignedWebhook(appUrl, deps.appSecret, buildWebhookPayload(deps.business, { message }));
    if (answer !== 200) throw new AppError(502, "webhook_refused", `The webhook answered ${answer}`);
    deps.chatLog.add(photo.phone, {
      id,
      direction: "in",
      at,
      text: photo.caption ?? "",
      image: `${SANDBOX_MEDIA_PATH}${mediaId}`,
    });
    res.status(201).json({ id, mediaId, bytes: photo.bytes.byteLength });
  });

  router.get("/sandbox/api/messages", async (req, res) => {
    const query = messagesQuerySchema.safeParse(req.query);
    if (!query.success) throw new ValidationError("phone must be a phone number");
    const entries = deps.chatLog.list(query.data.phone);
    const statuses = await findDeliveryStatuses(
      deps.pool,
      entries.filter((entry) => entry.direction === "out").map((entry) => entry.id),
    );
    res.json({
      entries: entries.map((entry) =>
        entry.direction === "out" ? { ...entry, status: statuses.get(entry.id) ?? "queued" } : entry,
      ),
    });
  });

  return router;
}

/** A wamid for a message the web chat sends (the Graph API gives the bot's). */
function inboundWamid(phone: string): string {
  return `wamid.${Buffer.from(`sandbox.in.${phone}.${randomBytes(12).toString("hex")}`).toString("base64url")}`;
}

const phoneSchema = z
  .string()
  .transform((value) => value.replace(/[\s()+-]/g, ""))
  .pipe(z.string().regex(/^\d{7,15}$/, "phone must be 7 to 15 digits, in international form"));

const nameSchema = z.string().trim().min(1).max(60).default("Sandbox user");

const sendSchema = z.union([
  z.object({ phone: phoneSchema, name: nameSchema, text: z.string().trim().min(1, "type a message").max(4096) }),
  z.object({
    phone: phoneSchema,
    name: nameSchema,
    reply: z.object({
      type: z.enum(["button_reply", "list_reply"]),
      id: z.string().min(1).max(256),
      title: z.string().min(1).max(24),
    }),
  }),
]);

const messagesQuerySchema = z.object({ phone: phoneSchema });
