import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalReceiptStore } from "../../../src/storage/createLocalReceiptStore.ts";
import { createS3ReceiptStore } from "../../../src/storage/createS3ReceiptStore.ts";
import { receiptKey } from "../../../src/storage/receiptStore.ts";
import { startFakeS3, type FakeS3 } from "../../helpers/fakeS3.ts";

const tenantId = "3f0c2a4e-1111-4c3b-9d7e-2a2b3c4d5e6f";
const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);

describe("local receipt store", () => {
  it("when a photo is stored, then it reads back with its type, and an unknown key reads as null", async () => {
    const store = createLocalReceiptStore(mkdtempSync(path.join(tmpdir(), "receipts-")));
    const key = receiptKey(tenantId, "ab".repeat(32));
    await store.put(key, photo, "image/jpeg");
    expect(await store.get(key)).toEqual({ bytes: photo, mimeType: "image/jpeg" });
    expect(await store.get(receiptKey(tenantId, "cd".repeat(32)))).toBeNull();
  });

  it("when a key tries to climb out of the folder, then it is refused", async () => {
    const store = createLocalReceiptStore(mkdtempSync(path.join(tmpdir(), "receipts-")));
    await expect(store.put("../../etc/passwd", photo, "image/jpeg")).rejects.toThrow("invalid storage key");
    await expect(store.get("receipts/../../x")).rejects.toThrow("invalid storage key");
  });
});

describe("S3 receipt store", () => {
  let s3: FakeS3;
  beforeAll(async () => {
    s3 = await startFakeS3("receipts-bucket");
  });
  afterAll(async () => {
    await s3.close();
  });

  it("when a photo is stored through the AWS SDK, then the request is SigV4-signed, path-style, and reads back; a missing key is null", async () => {
    const store = createS3ReceiptStore({
      bucket: "receipts-bucket",
      region: "us-east-1",
      endpoint: s3.url,
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "secret",
      forcePathStyle: true,
    });
    const key = receiptKey(tenantId, "ef".repeat(32));
    await store.put(key, photo, "image/jpeg");
    expect(s3.objects.get(key)).toEqual({ body: Buffer.from(photo), contentType: "image/jpeg" });
    expect(await store.get(key)).toEqual({ bytes: photo, mimeType: "image/jpeg" });
    expect(await store.get(receiptKey(tenantId, "00".repeat(32)))).toBeNull();
    expect(
      s3.requests.every((request) => request.signed && request.path.startsWith("/receipts-bucket/receipts/")),
    ).toBe(true);
  });
});
