import { randomBytes } from "node:crypto";

/** An uploaded file as the sandbox's fake Graph API keeps it. */
export type SandboxMedia = { mimeType: string; bytes: Buffer };

export type SandboxMediaStore = {
  add(id: string, media: SandboxMedia): void;
  find(id: string): SandboxMedia | null;
  /** A fresh numeric media id, like Meta's (15 to 17 digits), not yet in the store. */
  newId(): string;
};

const MAX_FILES = 50;
/** Ten 5 MB photos at most; posters are about 150 kB. */
const MAX_TOTAL_BYTES = 50 * 1024 * 1024;

/**
 * What the sandbox's fake Graph API keeps of its media: the files the bot uploaded to its media
 * endpoint (the web chat shows an image message like WhatsApp does) and the photos the web chat
 * sends (the engine downloads them through the fake's media retrieval). Bounded by count and by
 * bytes: the oldest file is forgotten first (the newest is always kept).
 */
export function createSandboxMediaStore(maxFiles = MAX_FILES, maxTotalBytes = MAX_TOTAL_BYTES): SandboxMediaStore {
  const files = new Map<string, SandboxMedia>();
  let totalBytes = 0;
  function remove(id: string): void {
    const media = files.get(id);
    if (media === undefined) return;
    totalBytes -= media.bytes.byteLength;
    files.delete(id);
  }
  return {
    add(id, media) {
      remove(id);
      files.set(id, media);
      totalBytes += media.bytes.byteLength;
      while (files.size > 1 && (files.size > maxFiles || totalBytes > maxTotalBytes)) {
        const oldest = files.keys().next();
        if (oldest.done === true) break;
        remove(oldest.value);
      }
    },
    find(id) {
      return files.get(id) ?? null;
    },
    newId() {
      for (;;) {
        const id = String(BigInt(`0x${randomBytes(7).toString("hex")}`) + 10n ** 15n);
        if (!files.has(id)) return id;
      }
    },
  };
}
