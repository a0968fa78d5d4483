import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { loadConfig } from "../../src/config.ts";
import { sql } from "../../src/db/sql.ts";
import { withPlatform } from "../../src/db/withTenant.ts";
import { startRuntime, type Runtime } from "../../src/runtime.ts";
import { SHARED_PHONE_NUMBER_ID, textPayload } from "../helpers/testApp.ts";
import {
  createCapturingLogger,
  createTestPool,
  randomPhone,
  testConfig,
  testDatabaseUrl,
} from "../helpers/testContext.ts";
import { TEST_REDIS_URL } from "../helpers/testDatabase.ts";

/**
 * Fail closed (issue #13): no app secret outside sandbox mode ⇒ the webhook refuses every post;
 * `/sandbox` answers loopback clients only unless SANDBOX_PUBLIC=true; the server binds HOST.
 */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startWeb(overrides: Record<string, string | undefined>, host?: string) {
  const logs = createCapturingLogger("info");
  const runtime: Runtime = await startRuntime({
    config: testConfig({ REDIS_URL: TEST_REDIS_URL, ...overrides }),
    log: logs.log,
    databaseUrl: testDatabaseUrl(),
    role: "web",
    ...(host === undefined ? {} : { host }),
    queuePrefix: `{fc${process.pid}_${Date.now()}}`,
  });
  cleanups.push(() => runtime.stop());
  return { runtime, url: runtime.url ?? "", logs };
}

const SANDBOX = { WHATSAPP_TOKEN: undefined, WHATSAPP_PHONE_NUMBER_ID: undefined, WHATSAPP_APP_SECRET: undefined };

/** An address of this machine other people could reach it on (not loopback), if it has one. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i !== undefined && i.family === "IPv4" && !i.internal)?.address;

describe("fail closed", { timeout: 60_000 }, () => {
  it("when the app has WhatsApp credentials but no app secret, then an unsigned webhook post is refused with 401 and nothing is stored", async () => {
    const { url, logs } = await startWeb({ WHATSAPP_APP_SECRET: undefined });
    const wamid = `wamid.failclosed.${Date.now()}`;
    const res = await fetch(`${url}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        textPayload({ phoneNumberId: SHARED_PHONE_NUMBER_ID, from: randomPhone(), text: "BALANCE", id: wamid }),
      ),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_signature" } });
    const pool = await createTestPool();
    cleanups.push(() => pool.end());
    const stored = await withPlatform(pool, (tx) =>
      tx.oneFirst(
        sql.type(
          z.object({ n: z.number() }),
        )`SELECT count(*)::int AS n FROM whatsapp_messages WHERE whatsapp_message_id = ${wamid}`,
      ),
    );
    expect(stored).toBe(0);
    expect(logs.lines.some((l) => String(l["msg"]).includes("WHATSAPP_APP_SECRET is not set"))).toBe(true);
  });

  it("when HOST is not set, then the config binds 127.0.0.1 and the server listens there", async () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    const { runtime, logs } = await startWeb({});
    const address = runtime.server?.address();
    expect(typeof address === "object" && address !== null ? address.address : null).toBe("127.0.0.1");
    expect(logs.lines.find((l) => l["msg"] === "http server listening")).toMatchObject({ host: "127.0.0.1" });
  });

  it("when a client behind a trusted proxy forwards a non-loopback address, then /sandbox answers 404; SANDBOX_PUBLIC=true serves it", async () => {
    const forwarded = { "x-forwarded-for": "203.0.113.7" };
    const closed = await startWeb({ ...SANDBOX, TRUST_PROXY: "loopback" });
    expect((await fetch(`${closed.url}/sandbox`, { headers: forwarded })).status).toBe(404);
    expect((await fetch(`${closed.url}/sandbox/api/info`, { headers: forwarded })).status).toBe(404);
    expect((await fetch(`${closed.url}/sandbox/api/info`)).status).toBe(200);
    expect(closed.logs.lines.some((l) => String(l["msg"]).startsWith("sandbox served on loopback only"))).toBe(true);

    const open = await startWeb({ ...SANDBOX, TRUST_PROXY: "loopback", SANDBOX_PUBLIC: "true" });
    expect((await fetch(`${open.url}/sandbox/api/info`, { headers: forwarded })).status).toBe(200);
    expect(open.logs.lines.some((l) => String(l["msg"]).startsWith("sandbox served to every client"))).toBe(true);
  });

  it("when TRUST_PROXY is off (the default), then a forged X-Forwarded-For does not change who the client is", async () => {
    const { url } = await startWeb({ ...SANDBOX });
    // The peer is loopback and the header is ignored: the sandbox still serves this machine.
    expect((await fetch(`${url}/sandbox/api/info`, { headers: { "x-forwarded-for": "203.0.113.7" } })).status).toBe(
      200,
    );
  });

  it.skipIf(outsideAddress === undefined)(
    "when a client connects from another address of the machine, then /sandbox answers 404",
    async () => {
      const { runtime } = await startWeb({ ...SANDBOX }, "0.0.0.0");
      const address = runtime.server?.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      const res = await fetch(`http://${outsideAddress}:${port}/sandbox/api/info`);
      expect(res.status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/sandbox/api/info`)).status).toBe(200);
    },
  );
});
