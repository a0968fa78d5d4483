import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify, stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const run = promisify(execFile);
const probe = path.resolve("test/helpers/logProbe.ts");
const logLine = z.object({
  level: z.literal("info"),
  time: z.string(),
  tenantId: z.literal("tenant-1"),
  phone: z.string(),
  msg: z.literal("probe line"),
});

describe("log destination", () => {
  it("when stdout is a pipe, then every line is one JSON object, with personal data redacted", async () => {
    const { stdout } = await run(process.execPath, [probe]);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const line = logLine.parse(JSON.parse(lines[0] ?? ""));
    expect(line.phone).toBe("[redacted]");
    expect(stdout).not.toContain("2348012345678");
  });

  // util-linux's `script` gives the child a pseudo-terminal, as a person's shell would.
  it.skipIf(!existsSync("/usr/bin/script"))(
    "when stdout is a terminal, then lines are pretty-printed, still redacted",
    async () => {
      const { stdout } = await run("/usr/bin/script", [
        "-qec",
        `${JSON.stringify(process.execPath)} ${JSON.stringify(probe)}`,
        "/dev/null",
      ]);
      const plain = stripVTControlCharacters(stdout);
      expect(plain).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: probe line/m);
      expect(plain).toContain('tenantId: "tenant-1"');
      expect(plain).toContain('phone: "[redacted]"');
      expect(plain).not.toContain("2348012345678");
      expect(() => JSON.parse(plain.trim())).toThrow();
    },
  );
});
