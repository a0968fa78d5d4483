import { afterEach, describe, expect, it } from "vitest";
import { startRuntime, type Runtime } from "../../src/runtime.ts";
import { safeEqual } from "../../src/http/safeEqual.ts";
import { createCapturingLogger, testConfig, testDatabaseUrl } from "../helpers/testContext.ts";
import { TEST_REDIS_URL } from "../helpers/testDatabase.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startWeb(overrides: Record<string, string | undefined>): Promise<string> {
  const runtime: Runtime = await startRuntime({
    config: testConfig({ REDIS_URL: TEST_REDIS_URL, ...overrides }),
    log: createCapturingLogger("silent").log,
    databaseUrl: testDatabaseUrl(),
    role: "web",
    host: "127.0.0.1",
    queuePrefix: `{mt${process.pid}_${Date.now()}}`,
  });
  cleanups.push(() => runtime.stop());
  return runtime.url ?? "";
}

describe("metrics token and verify token", { timeout: 60_000 }, () => {
  it("when METRICS_TOKEN is set, then /metrics answers 401 without it or with a wrong one, and the metrics with it", async () => {
    const token = "metrics-token-0123456789";
    const url = await startWeb({ METRICS_TOKEN: token });
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${url}/metrics`, { headers: { authorization: "Bearer metrics-token-012345678X" } })).status,
    ).toBe(401);
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("# TYPE");
  });

  it("when METRICS_TOKEN is not set, then /metrics stays open (scraped on a private network)", async () => {
    const url = await startWeb({});
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
  });

  it("when Meta's handshake brings a wrong, shorter, longer or missing verify token, then it is refused; the right one echoes the challenge", async () => {
    const url = await startWeb({});
    const handshake = (token?: string) =>
      fetch(
        `${url}/webhook?hub.mode=subscribe&hub.challenge=42${token === undefined ? "" : `&hub.verify_token=${encodeURIComponent(token)}`}`,
      );
    for (const token of ["test-verify-toke", "test-verify-tokenX", "TEST-VERIFY-TOKEN", undefined])
      expect((await handshake(token)).status).toBe(403);
    const ok = await handshake("test-verify-token");
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("42");
    expect([safeEqual("a", "a"), safeEqual("a", "ab"), safeEqual("", "a")]).toEqual([true, false, false]);
  });
});
