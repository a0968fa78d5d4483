import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { SHARED_PHONE_NUMBER_ID, startTestApp, type TestApp } from "../../helpers/testApp.ts";
import {
  call,
  createPlatformAdmin,
  errorBody,
  onboardTenant,
  platformLogin,
  type OnboardedTenant,
} from "./apiHelpers.ts";

/**
 * Routing hijack (issue #13): a vendor cannot name a WhatsApp phone_number_id (whoever does
 * receives its inbound); a platform admin assigns a tenant's own number after the Graph API
 * confirms it with the tenant's token; the shared number is refused; a unique index backs it.
 */
let app: TestApp;
let platformToken: string;
let a: OnboardedTenant;
let b: OnboardedTenant;

const configRow = z.object({ phone_number_id: z.string().nullable() });

async function routedNumberOf(tenantId: string): Promise<string | null> {
  return withPlatform(app.pool, (tx) =>
    tx.oneFirst(
      sql.type(
        configRow,
      )`SELECT whatsapp_config->>'phone_number_id' AS phone_number_id FROM tenants WHERE id = ${tenantId}`,
    ),
  );
}

let numberCounter = 0;
function newNumber(token?: string) {
  numberCounter += 1;
  token ??= `EAAG${"x".repeat(30)}${numberCounter}`;
  const id = `77${Date.now()}${numberCounter}`.slice(0, 16);
  const number = { id, displayPhoneNumber: "+234 809 999 0000", verifiedName: "Features Foods", token };
  app.graph.addPhoneNumber(number);
  return number;
}

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
  platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
  a = await onboardTenant(app, platformToken, "Number A Foods");
  b = await onboardTenant(app, platformToken, "Number B Foods");
}, 120_000);
afterAll(async () => {
  await app.stop();
});

describe("a tenant's own WhatsApp number", { timeout: 60_000 }, () => {
  it("when a vendor owner names a phone_number_id in settings (the shared one or any), then it answers 400 and routing is unchanged", async () => {
    for (const body of [
      { whatsapp_phone_number_id: SHARED_PHONE_NUMBER_ID },
      { whatsapp_phone_number_id: "123456789012" },
      { whatsapp_display_phone_number: "+2348099990000" },
    ]) {
      const res = await call(app, "patch", "/api/v1/settings", { token: a.ownerToken, body });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect(await routedNumberOf(a.id)).toBeNull();
  });

  it("when a platform admin assigns the shared number, then it answers 422 without asking the Graph API", async () => {
    const before = app.graph.requests.length;
    const res = await call(app, "put", `/api/platform/tenants/${a.id}/whatsapp-number`, {
      token: platformToken,
      body: { phone_number_id: app.phoneNumberId, access_token: `EAAG${"s".repeat(30)}` },
    });
    expect(res.status).toBe(422);
    expect(errorBody.parse(res.body).error.code).toBe("shared_number");
    expect(app.graph.requests.length).toBe(before);
    expect(await routedNumberOf(a.id)).toBeNull();
  });

  it("when the token does not own the number, then it answers 422 and nothing is stored", async () => {
    const number = newNumber();
    const res = await call(app, "put", `/api/platform/tenants/${a.id}/whatsapp-number`, {
      token: platformToken,
      body: { phone_number_id: number.id, access_token: `EAAG${"w".repeat(30)}` },
    });
    expect(res.status).toBe(422);
    expect(errorBody.parse(res.body).error.code).toBe("number_not_confirmed");
    expect(await routedNumberOf(a.id)).toBeNull();
  });

  it("when the Graph API confirms the number with the tenant's token, then it routes to the tenant, the join link uses it and the token stays unreadable", async () => {
    const number = newNumber();
    const res = await call(app, "put", `/api/platform/tenants/${a.id}/whatsapp-number`, {
      token: platformToken,
      body: { phone_number_id: number.id, access_token: number.token },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      tenant_id: a.id,
      phone_number_id: number.id,
      display_phone_number: "2348099990000",
      verified_name: "Features Foods",
    });
    expect(await routedNumberOf(a.id)).toBe(number.id);
    const settings = await call(app, "get", "/api/v1/settings", { token: a.ownerToken });
    expect(settings.body).toMatchObject({
      whatsapp_phone_number_id: number.id,
      join_link: expect.stringContaining("wa.me/2348099990000"),
    });
    expect(JSON.stringify(settings.body)).not.toContain(number.token);
    // The tenant role has no grant on the token table at all, not even for its own row.
    await expect(
      withTenant(app.pool, a.id, (tx) =>
        tx.any(sql.type(z.object({ access_token: z.string() }))`SELECT access_token FROM tenant_whatsapp_numbers`),
      ),
    ).rejects.toThrow(/permission denied/);
    const audit = await call(app, "get", "/api/v1/audit-logs?action=tenant.whatsapp_number_assigned", {
      token: a.ownerToken,
    });
    expect(JSON.stringify(audit.body)).toContain(number.id);
    expect(JSON.stringify(audit.body)).not.toContain(number.token);
  });

  it("when a number already belongs to another tenant, then the platform admin gets 409 (one at a time or racing)", async () => {
    const number = newNumber();
    const [one, two] = await Promise.all(
      [a, b].map((t) =>
        call(app, "put", `/api/platform/tenants/${t.id}/whatsapp-number`, {
          token: platformToken,
          body: { phone_number_id: number.id, access_token: number.token },
        }),
      ),
    );
    expect([one?.status, two?.status].sort()).toEqual([200, 409]);
    const owners = [await routedNumberOf(a.id), await routedNumberOf(b.id)].filter((id) => id === number.id);
    expect(owners).toHaveLength(1);
    const loser = one?.status === 409 ? a : b;
    const again = await call(app, "put", `/api/platform/tenants/${loser.id}/whatsapp-number`, {
      token: platformToken,
      body: { phone_number_id: number.id, access_token: number.token },
    });
    expect(again.status).toBe(409);
  });

  it("when two tenants' rows are written with one number directly, then the unique index refuses the second", async () => {
    const number = newNumber();
    const write = (tenantId: string) =>
      withPlatform(app.pool, (tx) =>
        tx.query(sql.type(z.object({}))`
          UPDATE tenants SET whatsapp_config = COALESCE(whatsapp_config, '{}'::jsonb) || ${sql.jsonb({ phone_number_id: number.id })} WHERE id = ${tenantId}
        `),
      );
    const c = await onboardTenant(app, platformToken, "Number C Foods");
    const d = await onboardTenant(app, platformToken, "Number D Foods");
    await write(c.id);
    await expect(write(d.id)).rejects.toThrow(/unique|duplicate/i);
  });

  it("when the number is taken back, then the tenant is served on the shared number again; a support admin may not assign", async () => {
    const number = newNumber();
    const assigned = await call(app, "put", `/api/platform/tenants/${b.id}/whatsapp-number`, {
      token: platformToken,
      body: { phone_number_id: number.id, access_token: number.token },
    });
    expect(assigned.status).toBe(200);
    expect(
      (await call(app, "delete", `/api/platform/tenants/${b.id}/whatsapp-number`, { token: platformToken })).status,
    ).toBe(204);
    expect(await routedNumberOf(b.id)).toBeNull();
    const support = await platformLogin(app, await createPlatformAdmin(app.pool, "support"));
    expect(
      (
        await call(app, "put", `/api/platform/tenants/${b.id}/whatsapp-number`, {
          token: support,
          body: { phone_number_id: number.id, access_token: number.token },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(app, "put", `/api/platform/tenants/${b.id}/whatsapp-number`, {
          token: b.ownerToken,
          body: { phone_number_id: number.id, access_token: number.token },
        })
      ).status,
    ).toBe(403);
  });
});
