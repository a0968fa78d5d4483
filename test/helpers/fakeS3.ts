import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeS3 = {
  url: string;
  objects: Map<string, { body: Buffer; contentType: string }>;
  /** Every request's method, path and whether it carried a SigV4 Authorization header. */
  requests: { method: string; path: string; signed: boolean }[];
  close(): Promise<void>;
};

/**
 * A minimal S3-compatible server on 127.0.0.1 for path-style PutObject and GetObject, answering
 * as S3 documents: 200 with the object, 404 with an XML `NoSuchKey` error, 403 for an unsigned
 * request. Enough to prove the store speaks S3 through the AWS SDK, not a model of S3.
 */
export async function startFakeS3(bucket: string): Promise<FakeS3> {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const requests: FakeS3["requests"] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const signed = (req.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256 Credential=");
    requests.push({ method: req.method ?? "", path: url.pathname, signed });
    if (!signed) {
      res
        .writeHead(403, { "content-type": "application/xml" })
        .end("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
      return;
    }
    const prefix = `/${bucket}/`;
    if (!url.pathname.startsWith(prefix)) {
      res
        .writeHead(404, { "content-type": "application/xml" })
        .end("<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>");
      return;
    }
    const key = decodeURIComponent(url.pathname.slice(prefix.length));
    if (req.method === "PUT") {
      objects.set(key, {
        body: decodeAwsChunked(req, await readBody(req)),
        contentType: req.headers["content-type"] ?? "binary/octet-stream",
      });
      res.writeHead(200, { etag: '"fake"' }).end();
      return;
    }
    if (req.method === "GET") {
      const object = objects.get(key);
      if (object === undefined) {
        res
          .writeHead(404, { "content-type": "application/xml" })
          .end(
            `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${key}</Key></Error>`,
          );
        return;
      }
      res
        .writeHead(200, { "content-type": object.contentType, "content-length": object.body.length, etag: '"fake"' })
        .end(object.body);
      return;
    }
    res.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** S3's `aws-chunked` content encoding (`<hex size>[;chunk-signature=…]\r\n<data>\r\n…0\r\n<trailers>`). */
function decodeAwsChunked(req: IncomingMessage, raw: Buffer): Buffer {
  if (!(req.headers["content-encoding"] ?? "").includes("aws-chunked")) return raw;
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = raw.indexOf("\r\n", offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(raw.subarray(offset, lineEnd).toString("latin1").split(";")[0] ?? "0", 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
