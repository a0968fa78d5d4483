import type { Config } from "../config.ts";
import { createLocalReceiptStore } from "./createLocalReceiptStore.ts";
import { createS3ReceiptStore } from "./createS3ReceiptStore.ts";
import type { ReceiptStore } from "./receiptStore.ts";

/** The receipt store the configuration names (S3 when `S3_BUCKET` is set, else local disk). */
export function createReceiptStore(storage: Config["receiptStorage"]): ReceiptStore {
  if (storage.kind === "local") return createLocalReceiptStore(storage.dir);
  return createS3ReceiptStore(storage);
}
