/** An uploaded file as the sandbox's fake Graph API keeps it. */
export type SandboxMedia = { mimeType: string; bytes: Buffer };

export type SandboxMediaStore = {
  add(id: string, media: SandboxMedia): void;
  find(id: string): SandboxMedia | null;
};

const MAX_FILES = 50;

/**
 * What the sandbox's fake Graph API keeps of the files uploaded to its media endpoint, so the web
 * chat can show an image message like WhatsApp does. Bounded (a poster is about 150 kB): the
 * oldest upload is forgotten first.
 */
export function createSandboxMediaStore(maxFiles = MAX_FILES): SandboxMediaStore {
  const files = new Map<string, SandboxMedia>();
  return {
    add(id, media) {
      files.set(id, media);
      while (files.size > maxFiles) {
        const oldest = files.keys().next();
        if (oldest.done === true) break;
        files.delete(oldest.value);
      }
    },
    find(id) {
      return files.get(id) ?? null;
    },
  };
}
