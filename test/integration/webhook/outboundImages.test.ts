import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { renderQrPoster } from "../../../src/domain/tenants/renderQrPoster.ts";
import { findMediaFile, storeMedia } from "../../../src/db/media.ts";
import { sql } from "../../../src/db/sql.ts";
import { insertOutboxMessage } from "../../../src/db/whatsappMessages.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { enqueueOutbound, OUTBOUND_QUEUE } from "../../../src/queues/messageQueues.ts";
import type { OutMessage } from "../../../src/whatsapp/outMessage.ts";
import type { FakeGraphRequest, FakeGraphResponse } from "../../helpers/fakeGraphApi.ts";
import { eventually, messagesOf, stopAndClean } from "../../helpers/conversationKit.ts";
import { SHARED_PHONE_NUMBER_ID, startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { createTestTenant, randomPhone, type TestTenant } from "../../helpers/testContext.ts";

let app: TestApp;
let tenant: TestTenant;
let poster: Buffer;
/** Answers for uploads, by the test that set them (uploads carry no recipient). */
let uploadAnswer: ((nth: number) => FakeGraphResponse | undefined) | null = null;
let uploads = 0;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await createTestTenant(app.pool);
  poster = await renderQrPoster({
    businessName: tenant.businessName,
    vendorCode: tenant.vendorCode,
    joinLink: `https://wa.me/2348000000000?text=JOIN%20${tenant.vendorCode}`,
  });
  app.graph.respondWith((req) => {
    if (req.endpoint !== "media") return undefined;
    uploads += 1;
    return uploadAnswer?.(uploads);
  });
});

afterAll(async () => {
  await stopAndClean(app);
});

async function storePoster(bytes: Uint8Array = poster): Promise<string> {
  return withTenant(app.pool, tenant.id, (tx) =>
    storeMedia(tx, { tenantId: tenant.id, purpose: "qr_poster", mimeType: "image/png", bytes }),
  );
}

async function queueReply(phone: string, message: OutMessage): Promise<string> {
  const id = await withTenant(app.pool, tenant.id, (tx) =>
    insertOutboxMessage(tx, {
      tenantId: tenant.id,
      customerId: null,
      contactPhone: phone,
      businessPhoneNumberId: SHARED_PHONE_NUMBER_ID,
      message,
      triggeredBy: "test",
    }),
  );
  await enqueueOutbound(app.runtime.queues.queue(OUTBOUND_QUEUE), [id]);
  return id;
}

async function outboundOf(phone: string) {
  return (await messagesOf(app.pool, phone)).filter((m) => m.direction === "outbound");
}

function uploadsSince(since: number): FakeGraphRequest[] {
  return app.graph.requests.slice(since).filter((r) => r.endpoint === "media");
}

const imageSendSchema = z.object({
  to: z.string(),
  type: z.literal("image"),
  image: z.object({ id: z.string(), caption: z.string().optional() }),
});

// Some tests render a poster first: over a second on a loaded 2-core machine.
describe("outbound image messages", { timeout: 120_000 }, () => {
  it("when an image reply is queued, then it is uploaded to the media endpoint as multipart and sent as an image with the returned media id", async () => {
    const phone = randomPhone();
    const since = app.graph.requests.length;
    const mediaId = await storePoster();
    const rowId = await queueReply(phone, { kind: "image", mediaId, caption: "Your QR poster" });

    const [send] = await app.repliesTo(phone, 1, since);
    const [upload] = uploadsSince(since);
    expect(upload?.phoneNumberId).toBe(SHARED_PHONE_NUMBER_ID);
    expect(upload?.authorization).toBe("Bearer test-token");
    expect(upload?.upload).toMatchObject({ messagingProduct: "whatsapp", type: "image/png", fileType: "image/png" });
    expect(upload?.upload?.bytes.equals(poster)).toBe(true);
    const body = imageSendSchema.parse(send?.body);
    expect(body).toMatchObject({ to: phone, image: { caption: "Your QR poster" } });
    await eventually(async () => {
      const [row] = await outboundOf(phone);
      expect(row).toMatchObject({
        id: rowId,
        whatsapp_status: "sent",
        message_type: "image",
        message_body: "Your QR poster",
      });
    });
    const recorded = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(
        sql.type(
          z.object({ graph_media_id: z.string() }),
        )`SELECT graph_media_id FROM media_uploads WHERE media_id = ${mediaId} AND phone_number_id = ${SHARED_PHONE_NUMBER_ID}`,
      ),
    );
    expect(recorded).toBe(body.image.id);
  });

  it("when the same image is sent again from the same number, then it is stored once and not uploaded again", async () => {
    const first = await storePoster();
    const again = await storePoster();
    expect(again).toBe(first);
    const phone = randomPhone();
    await queueReply(phone, { kind: "image", mediaId: first });
    await app.repliesTo(phone, 1);
    const since = app.graph.requests.length;
    await queueReply(phone, { kind: "image", mediaId: first });
    const [send] = await app.repliesTo(phone, 1, since);

    expect(uploadsSince(since)).toEqual([]);
    expect(imageSendSchema.parse(send?.body).image.id).toMatch(/^\d+$/);
  });

  it("when the upload fails with a 500 once, then the reply is retried, uploaded again and sent once", async () => {
    const phone = randomPhone();
    const mediaId = await storePoster(
      await renderQrPoster({
        businessName: "Retry Foods",
        vendorCode: "RETRY1",
        joinLink: "https://wa.me/2348000000000?text=JOIN%20RETRY1",
      }),
    );
    const since = app.graph.requests.length;
    const startAt = uploads;
    uploadAnswer = (nth) =>
      nth === startAt + 1
        ? { status: 500, body: { error: { message: "An unknown error occurred", type: "OAuthException", code: 1 } } }
        : undefined;
    try {
      await queueReply(phone, { kind: "image", mediaId });
      await app.repliesTo(phone, 1, since);
    } finally {
      uploadAnswer = null;
    }
    expect(uploadsSince(since)).toHaveLength(2);
    await eventually(async () => {
      const rows = await outboundOf(phone);
      expect(rows.map((r) => [r.whatsapp_status, r.attempts])).toEqual([["sent", 2]]);
    });
  });

  it("when Meta refuses the file for good (131053), then the reply fails with that code and nothing is sent", async () => {
    const phone = randomPhone();
    const mediaId = await storePoster(
      await renderQrPoster({
        businessName: "Refused Foods",
        vendorCode: "REFUSE1",
        joinLink: "https://wa.me/2348000000000?text=JOIN%20REFUSE1",
      }),
    );
    const since = app.graph.requests.length;
    uploadAnswer = () => ({
      status: 400,
      body: {
        error: {
          message: "Media upload error",
          type: "OAuthException",
          code: 131053,
          error_data: { details: "Unsupported file" },
        },
      },
    });
    try {
      await queueReply(phone, { kind: "image", mediaId });
      await eventually(async () => {
        const [row] = await outboundOf(phone);
        expect(row).toMatchObject({ whatsapp_status: "failed", error_code: "131053" });
      });
    } finally {
      uploadAnswer = null;
    }
    expect(app.graph.requests.slice(since).filter((r) => r.endpoint === "messages")).toEqual([]);
  });

  it("when the outbox names an image that is not stored, then the reply fails as invalid without calling the Graph API", async () => {
    const phone = randomPhone();
    const since = app.graph.requests.length;
    await queueReply(phone, { kind: "image", mediaId: randomUUID() });
    await eventually(async () => {
      const [row] = await outboundOf(phone);
      expect(row).toMatchObject({ whatsapp_status: "failed", error_code: "invalid_message" });
    });
    expect(app.graph.requests.slice(since)).toEqual([]);
  });

  it("when another tenant reads the media table, then row-level security hides the image", async () => {
    const mediaId = await storePoster();
    const other = await createTestTenant(app.pool);
    const seen = await withTenant(app.pool, other.id, (tx) => findMediaFile(tx, mediaId));
    const own = await withTenant(app.pool, tenant.id, (tx) => findMediaFile(tx, mediaId));
    expect(seen).toBeNull();
    expect(own?.bytes.equals(poster)).toBe(true);
  });
});
