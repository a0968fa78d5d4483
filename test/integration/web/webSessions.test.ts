import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { noRows, sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import {
  call,
  createPlatformAdmin,
  errorBody,
  onboardTenant,
  platformLogin,
  type OnboardedTenant,
} from "../api/apiHelpers.ts";

/**
 * Cookie sessions of the dashboard and the console: sign-in sets an httpOnly SameSite=Strict
 * cookie backed by a hashed server-side row; the API accepts it beside Bearer tokens; writes need
 * the session's CSRF token; sign-out ends it on the server.
 */
let app: TestApp;
let platformToken: string;
let admin: { email: string; password: string; id: string };
let a: OnboardedTenant;
let b: OnboardedTenant;

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
  admin = await createPlatformAdmin(app.pool);
  platformToken = await platformLogin(app, admin);
  a = await onboardTenant(app, platformToken, "Session Foods A");
  b = await onboardTenant(app, platformToken, "Session Foods B");
}, 120_000);
afterAll(async () => {
  await app.stop();
});

const sessionBody = z.object({
  kind: z.string(),
  csrf_token: z.string().min(20),
  expires_at: z.string(),
  role: z.string(),
  tenant_id: z.uuid().nullable(),
  user_id: z.uuid(),
});

type Browser = { cookie: string; csrf: string };

/** Signs in to the dashboard as a browser would, keeping the cookie and CSRF token. */
async function signIn(who: OnboardedTenant): Promise<Browser & { setCookie: string }> {
  const res = await fetch(`${app.url}/api/v1/auth/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ vendor_code: who.vendorCode, email: who.ownerEmail, password: who.ownerPassword }),
  });
  expect(res.status).toBe(201);
  const setCookie = res.headers.get("set-cookie") ?? "";
  const body = sessionBody.parse(await res.json());
  return { cookie: setCookie.split(";")[0] ?? "", csrf: body.csrf_token, setCookie };
}

async function send(
  path: string,
  init: { method?: string; browser?: Browser; csrf?: string | null; body?: unknown } = {},
) {
  const headers: Record<string, string> = {};
  if (init.browser !== undefined) headers["cookie"] = init.browser.cookie;
  const csrf = init.csrf === undefined ? init.browser?.csrf : init.csrf;
  if (csrf !== undefined && csrf !== null) headers["x-csrf-token"] = csrf;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${app.url}${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text.startsWith("{") ? JSON.parse(text) : text, headers: res.headers };
}

describe("dashboard cookie sessions", { timeout: 60_000 }, () => {
  it("when an owner signs in, then the cookie is httpOnly, SameSite=Strict, scoped to /api/v1, and only its hash is stored", async () => {
    const browser = await signIn(a);
    expect(browser.setCookie).toMatch(
      /^llx_dashboard=[\w-]{40,}; Path=\/api\/v1; Max-Age=43200; HttpOnly; SameSite=Strict$/,
    );
    const secret = browser.cookie.split("=")[1] ?? "";
    const stored = await withPlatform(app.pool, (tx) =>
      tx.any(sql.type(z.object({ session_hash: z.string(), kind: z.string(), tenant_id: z.string().nullable() }))`
        SELECT session_hash, kind, tenant_id FROM web_sessions WHERE tenant_id = ${a.id}`),
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.every((row) => row.kind === "vendor" && row.tenant_id === a.id)).toBe(true);
  });

  it("when the cookie is sent, then reads work without a CSRF token and the session can be read back with it", async () => {
    const browser = await signIn(a);
    const customers = await send("/api/v1/customers", { browser, csrf: null });
    expect(customers.status).toBe(200);
    const session = await send("/api/v1/auth/session", { browser, csrf: null });
    expect(session.status).toBe(200);
    expect(sessionBody.parse(session.body)).toMatchObject({
      kind: "vendor",
      role: "owner",
      tenant_id: a.id,
      csrf_token: browser.csrf,
    });
  });

  it("when a write comes with the cookie but without or with a wrong CSRF token, then it answers 403 and nothing is written", async () => {
    const browser = await signIn(a);
    const missing = await send("/api/v1/rewards", {
      method: "POST",
      browser,
      csrf: null,
      body: { name: "Forged", points_required: 5 },
    });
    expect(missing.status).toBe(403);
    expect(errorBody.parse(missing.body).error.code).toBe("csrf_token_invalid");
    const other = await signIn(a);
    const wrong = await send("/api/v1/rewards", {
      method: "POST",
      browser,
      csrf: other.csrf,
      body: { name: "Forged", points_required: 5 },
    });
    expect(wrong.status).toBe(403);
    const list = await send("/api/v1/rewards", { browser });
    expect(JSON.stringify(list.body)).not.toContain("Forged");
    const made = await send("/api/v1/rewards", {
      method: "POST",
      browser,
      body: { name: "Real one", points_required: 5 },
    });
    expect(made.status).toBe(201);
  });

  it("when the person signs out, then the session ends on the server and the same cookie is refused", async () => {
    const browser = await signIn(a);
    const refused = await send("/api/v1/auth/session", { method: "DELETE", browser, csrf: null });
    expect(refused.status).toBe(403);
    const out = await send("/api/v1/auth/session", { method: "DELETE", browser });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/^llx_dashboard=; Path=\/api\/v1; Max-Age=0/);
    expect((await send("/api/v1/customers", { browser })).status).toBe(401);
    expect((await send("/api/v1/auth/session", { browser })).status).toBe(401);
    // Replaying the sign-out does not resurrect anything.
    expect((await send("/api/v1/auth/session", { method: "DELETE", browser })).status).toBe(401);
  });

  it("when a vendor Bearer token is exchanged (the WhatsApp LOGIN link), then it becomes a cookie session; an API key or a platform token cannot", async () => {
    const res = await fetch(`${app.url}/api/v1/auth/session`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${a.ownerToken}` },
      body: "{}",
    });
    expect(res.status).toBe(201);
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const csrf = sessionBody.parse(await res.json()).csrf_token;
    expect((await send("/api/v1/me", { browser: { cookie, csrf } })).status).toBe(200);

    const key = await call(app, "post", "/api/v1/api-keys", { token: a.ownerToken, body: { name: "POS" } });
    const apiKey = z.object({ key: z.string() }).parse(key.body).key;
    for (const bearer of [apiKey, platformToken, "not-a-token"]) {
      const refused = await fetch(`${app.url}/api/v1/auth/session`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
        body: "{}",
      });
      expect(refused.status).toBe(401);
      expect(refused.headers.get("set-cookie")).toBeNull();
    }
    expect(
      (
        await fetch(`${app.url}/api/v1/auth/session`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(401);
  });

  it("when the password is wrong or the body malformed, then no session is made", async () => {
    const wrong = await call(app, "post", "/api/v1/auth/session", {
      body: { vendor_code: a.vendorCode, email: a.ownerEmail, password: "wrong-password" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const extra = await call(app, "post", "/api/v1/auth/session", {
      body: { vendor_code: a.vendorCode, email: a.ownerEmail, password: "x", role: "owner" },
    });
    expect(extra.status).toBe(400);
  });

  it("when tenant B's session calls with tenant A's ids, then it answers 404", async () => {
    const browser = await signIn(b);
    const customers = await call(app, "get", "/api/v1/customers", { token: a.ownerToken });
    const list = z.object({ data: z.array(z.object({ id: z.uuid() })) }).parse(customers.body);
    const reward = await call(app, "post", "/api/v1/rewards", {
      token: a.ownerToken,
      body: { name: "A's", points_required: 3 },
    });
    const rewardId = z.object({ id: z.uuid() }).parse(reward.body).id;
    expect((await send(`/api/v1/rewards/${rewardId}`, { browser })).status).toBe(404);
    expect(
      (await send(`/api/v1/rewards/${rewardId}`, { method: "PATCH", browser, body: { is_active: false } })).status,
    ).toBe(404);
    for (const c of list.data) expect((await send(`/api/v1/customers/${c.id}`, { browser })).status).toBe(404);
  });

  it("when the tenant is suspended, then its live session is refused with 403 and works again after reactivation", async () => {
    const browser = await signIn(b);
    expect(
      (
        await call(app, "post", `/api/platform/tenants/${b.id}/suspend`, {
          token: platformToken,
          body: { reason: "Unpaid" },
        })
      ).status,
    ).toBe(200);
    const refused = await send("/api/v1/customers", { browser });
    expect(refused.status).toBe(403);
    expect(errorBody.parse(refused.body).error.message).toMatch(/suspended/);
    expect((await send("/api/v1/auth/session", { browser })).status).toBe(403);
    expect(
      (
        await call(app, "post", "/api/v1/auth/session", {
          body: { vendor_code: b.vendorCode, email: b.ownerEmail, password: b.ownerPassword },
        })
      ).status,
    ).toBe(403);
    await call(app, "post", `/api/platform/tenants/${b.id}/reactivate`, { token: platformToken, body: {} });
    expect((await send("/api/v1/customers", { browser })).status).toBe(200);
  });

  it("when a session has expired, then it is refused", async () => {
    const browser = await signIn(a);
    await withPlatform(app.pool, (tx) =>
      tx.query(
        sql.type(noRows)`UPDATE web_sessions SET expires_at = now() - interval '1 second' WHERE tenant_id = ${a.id}`,
      ),
    );
    expect((await send("/api/v1/customers", { browser })).status).toBe(401);
  });

  it("when a session expired more than a day ago, then the next sign-in removes its row", async () => {
    const old = await signIn(a);
    await withPlatform(app.pool, (tx) =>
      tx.query(
        sql.type(noRows)`UPDATE web_sessions SET expires_at = now() - interval '2 days' WHERE tenant_id = ${a.id}`,
      ),
    );
    await signIn(b);
    const left = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(
        sql.type(
          z.object({ count: z.number() }),
        )`SELECT count(*)::int AS count FROM web_sessions WHERE tenant_id = ${a.id}`,
      ),
    );
    expect(left).toBe(0);
    expect((await send("/api/v1/customers", { browser: old })).status).toBe(401);
  });
});

describe("console cookie sessions", { timeout: 60_000 }, () => {
  it("when a platform admin signs in, then the console cookie works on /api/platform only, writes need CSRF, and sign-out ends it", async () => {
    const res = await fetch(`${app.url}/api/platform/auth/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    expect(res.status).toBe(201);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^llx_console=[\w-]+; Path=\/api\/platform; Max-Age=43200; HttpOnly; SameSite=Strict$/);
    const browser = { cookie: setCookie.split(";")[0] ?? "", csrf: sessionBody.parse(await res.json()).csrf_token };
    expect((await send("/api/platform/tenants", { browser })).status).toBe(200);
    expect((await send("/api/platform/metrics", { browser })).status).toBe(200);
    // The console's cookie is no vendor credential.
    expect((await send("/api/v1/customers", { browser })).status).toBe(401);
    const forged = await send(`/api/platform/tenants/${a.id}/suspend`, {
      method: "POST",
      browser,
      csrf: null,
      body: { reason: "forged" },
    });
    expect(forged.status).toBe(403);
    const tenant = await call(app, "get", `/api/platform/tenants/${a.id}`, { token: platformToken });
    expect(tenant.body).toMatchObject({ subscription_status: "trial" });
    expect((await send("/api/platform/auth/session", { method: "DELETE", browser })).status).toBe(200);
    expect((await send("/api/platform/tenants", { browser })).status).toBe(401);
  });

  it("when a dashboard cookie is sent to the platform API, then it is refused", async () => {
    const browser = await signIn(a);
    const res = await send("/api/platform/tenants", {
      browser: { cookie: browser.cookie.replace("llx_dashboard", "llx_console"), csrf: browser.csrf },
    });
    expect(res.status).toBe(401);
  });
});
