import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ReceiptStore } from "./receiptStore.ts";

const SAFE_KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/**
 * Receipts on local disk under `root` (`DATA_DIR/receipts` by default): one file per key and a
 * `.type` file beside it with the MIME type. Writes go to a temporary name and are renamed into
 * place, so a reader never sees half a photo. Keys are checked, so none can climb out of root.
 */
export function createLocalReceiptStore(root: string): ReceiptStore {
  const fileOf = (key: string): string => {
    if (!SAFE_KEY.test(key)) throw new Error("invalid storage key");
    return path.join(root, key);
  };
  return {
    kind: "local",
    async put(key, bytes, mimeType) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, bytes);
      await writeFile(`${file}.type`, mimeType);
      await rename(temporary, file);
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const [bytes, mimeType] = await Promise.all([readFile(file), readFile(`${file}.type`, "utf8")]);
        return { bytes: new Uint8Array(bytes), mimeType: mimeType.trim() };
      } catch (err) {
        if (typeof err === "object" && err !== null && "code" in err && err.code === "ENOENT") return null;
        throw err;
      }
    },
  };
}
