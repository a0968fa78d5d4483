import { afterEach, describe, expect, it } from "vitest";
import { startRuntime, type Runtime } from "../../../src/runtime.ts";
import { createLogger } from "../../../src/logger.ts";
import { TEST_REDIS_URL } from "../../helpers/testDatabase.ts";
import { startTcpProxy } from "../../helpers/tcpProxy.ts";
import { testConfig, testDatabaseUrl } from "../../helpers/testContext.ts";

let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
});

describe("health endpoints", () => {
  it.each([
    ["redis", TEST_REDIS_URL],
    ["postgres", undefined],
  ])("when PostgreSQL and the %s queue backend answer, then /healthz and /readyz are 200", async (kind, redisUrl) => {
    runtime = await startRuntime({
      config: testConfig({ REDIS_URL: redisUrl }),
      log: createLogger("silent"),
      databaseUrl: testDatabaseUrl(),
      role: "web",
      host: "127.0.0.1",
      queuePrefix: `{test-health-${process.pid}}`,
    });
    const health = await fetch(`${runtime.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${runtime.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: { database: "ok", queue: "ok", queueBackend: kind },
    });
    expect(health.headers.get("x-request-id")).toMatch(/^[\w-]+$/);
  });

  it("when PostgreSQL becomes unreachable, then /readyz is 503 and /healthz stays 200", async () => {
    const proxy = await startTcpProxy(Number(new URL(testDatabaseUrl()).port || 5432));
    const viaProxy = new URL(testDatabaseUrl());
    viaProxy.port = String(proxy.port);
    try {
      runtime = await startRuntime({
        config: testConfig({ REDIS_URL: TEST_REDIS_URL, DATABASE_URL: viaProxy.toString() }),
        log: createLogger("silent"),
        databaseUrl: viaProxy.toString(),
        role: "web",
        host: "127.0.0.1",
        queuePrefix: `{test-health-${process.pid}}`,
      });
      expect((await fetch(`${runtime.url}/readyz`)).status).toBe(200);
      proxy.cut();
      const ready = await fetch(`${runtime.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: "not_ready",
        checks: { database: "unreachable", queue: "ok" },
      });
      expect((await fetch(`${runtime.url}/healthz`)).status).toBe(200);
    } finally {
      await runtime?.stop().catch(() => undefined);
      runtime = undefined;
      await proxy.close();
    }
  });

  it("when a route does not exist, then the answer is a JSON 404", async () => {
    runtime = await startRuntime({
      config: testConfig({ REDIS_URL: TEST_REDIS_URL }),
      log: createLogger("silent"),
      databaseUrl: testDatabaseUrl(),
      role: "web",
      host: "127.0.0.1",
    });
    const res = await fetch(`${runtime.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "No route for GET /nope" } });
  });
});
