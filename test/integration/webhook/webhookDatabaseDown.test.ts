import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { startRuntime } from "../../../src/runtime.ts";
import { signWebhookBody } from "../../../src/whatsapp/verifyWebhookSignature.ts";
import { APP_SECRET, SHARED_PHONE_NUMBER_ID, textPayload } from "../../helpers/testApp.ts";
import { startTcpProxy } from "../../helpers/tcpProxy.ts";
import { createCapturingLogger, randomPhone, testConfig, testDatabaseUrl } from "../../helpers/testContext.ts";
import { TEST_REDIS_URL } from "../../helpers/testDatabase.ts";

describe("webhook when PostgreSQL is unreachable", () => {
  it("when a message cannot be stored, then the webhook answers 503 JSON so Meta delivers it again", async () => {
    const proxy = await startTcpProxy(Number(new URL(testDatabaseUrl()).port || 5432));
    const viaProxy = new URL(testDatabaseUrl());
    viaProxy.port = String(proxy.port);
    const logs = createCapturingLogger("info");
    const runtime = await startRuntime({
      config: testConfig({ REDIS_URL: TEST_REDIS_URL, DATABASE_URL: viaProxy.toString(), LOG_LEVEL: "info" }),
      log: logs.log,
      databaseUrl: viaProxy.toString(),
      role: "web",
      host: "127.0.0.1",
      queuePrefix: `{t-dbdown-${process.pid}}`,
    });
    try {
      proxy.cut();
      const body = JSON.stringify(
        textPayload({
          phoneNumberId: SHARED_PHONE_NUMBER_ID,
          from: randomPhone(),
          text: "BALANCE",
          id: `wamid.down.${randomUUID()}`,
        }),
      );
      const res = await fetch(`${runtime.url}/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(body, APP_SECRET) },
        body,
      });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { code: "service_unavailable", message: "Try again later" } });
      expect(logs.lines.some((l) => l.msg === "webhook not stored; answering 503 so Meta retries")).toBe(true);
      expect(logs.raw.join("\n")).not.toContain("BALANCE");
    } finally {
      await runtime.stop().catch(() => undefined);
      await proxy.close();
    }
  });
});
