import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { ReceiptStore } from "./receiptStore.ts";

export type S3StoreOptions = {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, R2, a local fake in tests); AWS's own when unset. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible stores need. */
  forcePathStyle: boolean;
};

/**
 * Receipts in S3-compatible object storage through the AWS SDK (it signs every request with
 * SigV4). Objects are private: the app reads them back and serves them only to the tenant's
 * signed-in users, so no public or presigned URL ever leaves the server.
 */
export function createS3ReceiptStore(options: S3StoreOptions): ReceiptStore {
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  });
  return {
    kind: "s3",
    async put(key, bytes, mimeType) {
      await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: bytes, ContentType: mimeType }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: key }));
        if (object.Body === undefined) return null;
        return {
          bytes: await object.Body.transformToByteArray(),
          mimeType: object.ContentType ?? "application/octet-stream",
        };
      } catch (err) {
        if (err instanceof NoSuchKey) return null;
        throw err;
      }
    },
  };
}
