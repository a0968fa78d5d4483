/** Where receipt photos live: local disk by default, S3-compatible object storage when configured. */
export type ReceiptStore = {
  readonly kind: "local" | "s3";
  /** Stores the bytes under `key` (overwriting the same key is harmless: keys are content hashes). */
  put(key: string, bytes: Uint8Array, mimeType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<{ bytes: Uint8Array; mimeType: string } | null>;
};

/** A receipt's storage key: per tenant, named by the photo's SHA-256 (no customer data in it). */
export function receiptKey(tenantId: string, sha256Hex: string): string {
  return `receipts/${tenantId}/${sha256Hex}`;
}
