import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaDownloader, type MediaDownloader } from "../../../src/whatsapp/downloadMedia.ts";

type MediaFixture = { mime: string; bytes: Buffer; declaredSize?: number };

const media = new Map<string, MediaFixture>();
const fetched: string[] = [];
let baseUrl = "";
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (req.headers.authorization !== "Bearer test-token") {
    res
      .writeHead(401, { "content-type": "application/json" })
      .end(JSON.stringify({ error: { code: 190, message: "Invalid OAuth access token" } }));
    return;
  }
  const lookup = /^\/v23\.0\/(\d+)$/.exec(url.pathname);
  if (lookup !== null) {
    const item = media.get(lookup[1] ?? "");
    if (item === undefined) {
      res
        .writeHead(400, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { code: 100, message: "Unsupported get request" } }));
      return;
    }
    // As Meta documents: a short-lived URL to fetch with the same token, the type, hash and size.
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        messaging_product: "whatsapp",
        url: `${baseUrl}/whatsapp_business/attachments/?mid=${lookup[1]}`,
        mime_type: item.mime,
        sha256: createHash("sha256").update(item.bytes).digest("base64"),
        ...(item.declaredSize === undefined ? {} : { file_size: item.declaredSize }),
        id: lookup[1],
      }),
    );
    return;
  }
  if (url.pathname === "/whatsapp_business/attachments/") {
    const id = url.searchParams.get("mid") ?? "";
    fetched.push(id);
    const item = media.get(id);
    res
      .writeHead(item === undefined ? 404 : 200, { "content-type": item?.mime ?? "text/plain" })
      .end(item?.bytes ?? "gone");
    return;
  }
  res.writeHead(404).end();
});

let download: MediaDownloader;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  download = createMediaDownloader({ apiUrl: baseUrl, apiVersion: "v23.0", token: "test-token" });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const limits = { maxBytes: 1000, mimeTypes: ["image/jpeg", "image/png"] };

describe("downloading inbound media", () => {
  it("when the photo is within limits, then its bytes, type and SHA-256 come back", async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]);
    media.set("1001", { mime: "image/jpeg", bytes, declaredSize: bytes.length });
    const result = await download("1001", limits);
    expect(result).toEqual({
      ok: true,
      media: {
        bytes: new Uint8Array(bytes),
        mimeType: "image/jpeg",
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    });
  });

  it("when Meta says the file is too large, then it is refused without downloading it", async () => {
    media.set("1002", { mime: "image/jpeg", bytes: Buffer.alloc(10), declaredSize: 5_000_000 });
    expect(await download("1002", limits)).toMatchObject({ ok: false, reason: "too_large" });
    expect(fetched).not.toContain("1002");
  });

  it("when no size is declared and the body runs past the limit, then the download stops and is refused", async () => {
    media.set("1003", { mime: "image/png", bytes: Buffer.alloc(5000, 1) });
    expect(await download("1003", limits)).toMatchObject({ ok: false, reason: "too_large" });
  });

  it("when the media is not an accepted type, then it is refused", async () => {
    media.set("1004", { mime: "audio/ogg; codecs=opus", bytes: Buffer.alloc(10), declaredSize: 10 });
    expect(await download("1004", limits)).toMatchObject({ ok: false, reason: "unsupported_type" });
  });

  it("when the media id is unknown, then the result says so instead of throwing", async () => {
    expect(await download("9999", limits)).toMatchObject({ ok: false });
  });
});
