import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { fileReceiptClaim } from "../../../src/domain/claims/fileReceiptClaim.ts";
import { findOrCreateCustomer } from "../../../src/domain/customers/findOrCreateCustomer.ts";
import { createLocalReceiptStore } from "../../../src/storage/createLocalReceiptStore.ts";
import { receiptKey } from "../../../src/storage/receiptStore.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";
import { expectLedgerConsistent } from "../domain/domainFixtures.ts";
import {
  call,
  createPlatformAdmin,
  onboardTenant,
  platformLogin,
  uniqueLocalPhone,
  type OnboardedTenant,
} from "./apiHelpers.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "claims-"));
const store = createLocalReceiptStore(path.join(dataDir, "receipts"));
let app: TestApp;
let a: OnboardedTenant;
let b: OnboardedTenant;

beforeAll(async () => {
  app = await startTestApp({ role: "web", config: { DATA_DIR: dataDir } });
  const admin = await platformLogin(app, await createPlatformAdmin(app.pool));
  a = await onboardTenant(app, admin, "Claims Cafe");
  b = await onboardTenant(app, admin, "Bravo Bakery");
}, 120_000);
afterAll(async () => {
  await app.stop();
});

const claimBody = z
  .object({
    id: z.uuid(),
    status: z.string(),
    amount_kobo: z.number(),
    purchase_id: z.uuid().nullable(),
    rejection_reason: z.string().nullable(),
    receipt_url: z.string(),
  })
  .loose();

let photoCounter = 0;
/** A distinct fake JPEG (bytes only; nothing decodes it) stored as the app would store it. */
async function fileClaim(tenantId: string, phone: string, amountKobo: number, bytes?: Uint8Array) {
  photoCounter += 1;
  const photo =
    bytes ??
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode(`receipt ${photoCounter} ${Math.random()}`)]);
  const sha256 = createHash("sha256").update(photo).digest("hex");
  const key = receiptKey(tenantId, sha256);
  await store.put(key, photo, "image/jpeg");
  return withTenant(app.pool, tenantId, async (tx) => {
    const customer = await findOrCreateCustomer(tx, { tenantId, phone, optedIn: true });
    if (!customer.ok) throw new Error("customer");
    return fileReceiptClaim(tx, {
      tenantId,
      customerId: customer.customer.id,
      amountKobo,
      receipt: { key, sha256, mimeType: "image/jpeg", bytes: photo.byteLength },
      now: new Date(),
    });
  });
}

function claimId(result: Awaited<ReturnType<typeof fileClaim>>): string {
  if (!result.ok) throw new Error(`claim refused: ${result.reason}`);
  return result.claim.id;
}

describe("receipt claims API", { timeout: 90_000 }, () => {
  it("when an owner lists pending claims and opens one, then they see it and its photo; another tenant's owner gets 404 for all of it", async () => {
    const id = claimId(await fileClaim(a.id, randomPhone(), 250_000));
    const list = await call(app, "get", "/api/v1/claims?status=pending", { token: a.ownerToken });
    expect(list.status).toBe(200);
    expect(
      z
        .object({ data: z.array(claimBody) })
        .parse(list.body)
        .data.map((claim) => claim.id),
    ).toContain(id);
    const photo = await fetch(`${app.url}/api/v1/claims/${id}/receipt`, {
      headers: { authorization: `Bearer ${a.ownerToken}` },
    });
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toContain("image/jpeg");
    expect(new Uint8Array(await photo.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));

    for (const [method, suffix, body] of [
      ["get", "", undefined],
      ["get", "/receipt", undefined],
      ["post", "/approve", {}],
      ["post", "/reject", { reason: "no" }],
    ] as const) {
      expect((await call(app, method, `/api/v1/claims/${id}${suffix}`, { token: b.ownerToken, body })).status).toBe(
        404,
      );
    }
    const theirList = await call(app, "get", "/api/v1/claims", { token: b.ownerToken });
    expect(
      z
        .object({ data: z.array(claimBody) })
        .parse(theirList.body)
        .data.map((claim) => claim.id),
    ).not.toContain(id);
    expect((await call(app, "get", `/api/v1/claims/${id}/receipt`)).status).toBe(401);
  });

  it("when a claim is approved, then the purchase is logged as customer_self with the receipt, points awarded, the customer told, and a second approval is 409", async () => {
    const phone = randomPhone();
    const id = claimId(await fileClaim(a.id, phone, 500_000));
    const approved = await call(app, "post", `/api/v1/claims/${id}/approve`, { token: a.ownerToken, body: {} });
    expect(approved.status).toBe(200);
    const claim = claimBody.parse(approved.body);
    expect(claim).toMatchObject({ status: "approved", amount_kobo: 500_000 });
    const purchase = await withTenant(app.pool, a.id, (tx) =>
      tx.one(sql.type(
        z.object({
          source: z.string(),
          logged_via: z.string().nullable(),
          points_awarded: z.number(),
          receipt_url: z.string().nullable(),
          amount_ngn: z.number(),
        }),
      )`
        SELECT source, logged_via, points_awarded, receipt_url, amount_ngn FROM purchases WHERE id = ${claim.purchase_id}`),
    );
    expect(purchase).toEqual({
      source: "customer_self",
      logged_via: "customer_self",
      points_awarded: 50,
      receipt_url: `/api/v1/claims/${id}/receipt`,
      amount_ngn: 500_000,
    });
    const told = await withPlatform(app.pool, (tx) =>
      tx.anyFirst(sql.type(z.object({ triggered_by: z.string() }))`
        SELECT triggered_by FROM whatsapp_messages WHERE tenant_id = ${a.id} AND contact_phone = ${phone} AND direction = 'outbound'`),
    );
    expect(told).toEqual(["claim_approved"]);
    expect((await call(app, "post", `/api/v1/claims/${id}/approve`, { token: a.ownerToken, body: {} })).status).toBe(
      409,
    );
    expect(
      (await call(app, "post", `/api/v1/claims/${id}/reject`, { token: a.ownerToken, body: { reason: "late" } }))
        .status,
    ).toBe(409);
    await expectLedgerConsistent(app.pool, a.id);
  });

  it("when a claim is rejected with a reason, then nothing is awarded and the customer is told the reason", async () => {
    const phone = randomPhone();
    const id = claimId(await fileClaim(a.id, phone, 120_000));
    const rejected = await call(app, "post", `/api/v1/claims/${id}/reject`, {
      token: a.ownerToken,
      body: { reason: "Receipt is from another shop" },
    });
    expect(claimBody.parse(rejected.body)).toMatchObject({
      status: "rejected",
      rejection_reason: "Receipt is from another shop",
      purchase_id: null,
    });
    const payload = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(sql.type(z.object({ payload: z.unknown() }))`
        SELECT payload FROM whatsapp_messages WHERE tenant_id = ${a.id} AND contact_phone = ${phone} AND direction = 'outbound'`),
    );
    expect(JSON.stringify(payload)).toContain("Receipt is from another shop");
    const bad = await call(
      app,
      "post",
      `/api/v1/claims/${claimId(await fileClaim(a.id, randomPhone(), 1000))}/reject`,
      { token: a.ownerToken, body: { reason: "" } },
    );
    expect(bad.status).toBe(400);
  });

  it("when staff approve with an amount override, then the override is logged; a negative or huge override is refused", async () => {
    const id = claimId(await fileClaim(a.id, randomPhone(), 900_000));
    for (const amount_kobo of [-5, 0, 1e15]) {
      expect(
        (await call(app, "post", `/api/v1/claims/${id}/approve`, { token: a.ownerToken, body: { amount_kobo } }))
          .status,
      ).toBe(400);
    }
    const staff = await call(app, "post", "/api/v1/staff", {
      token: a.ownerToken,
      body: {
        full_name: "Till Staff",
        email: `till-${Date.now()}@x.test`,
        phone_number: uniqueLocalPhone(),
        role: "staff",
        password: "staff-password-1",
      },
    });
    const email = z.object({ email: z.string() }).loose().parse(staff.body).email;
    const login = await call(app, "post", "/api/v1/auth/login", {
      body: { vendor_code: a.vendorCode, email, password: "staff-password-1" },
    });
    const staffToken = z.object({ token: z.string() }).parse(login.body).token;
    const approved = await call(app, "post", `/api/v1/claims/${id}/approve`, {
      token: staffToken,
      body: { amount_kobo: 800_000 },
    });
    expect(claimBody.parse(approved.body)).toMatchObject({ status: "approved", amount_kobo: 800_000 });
  });
});

describe("filing a receipt claim", { timeout: 60_000 }, () => {
  it("when the same photo is claimed twice, then the second is refused as a duplicate", async () => {
    const photo = new TextEncoder().encode(`same photo ${Math.random()}`);
    expect((await fileClaim(a.id, randomPhone(), 10_000, photo)).ok).toBe(true);
    expect(await fileClaim(a.id, randomPhone(), 10_000, photo)).toEqual({ ok: false, reason: "duplicate_photo" });
    // The same photo at another vendor is that vendor's business.
    expect((await fileClaim(b.id, randomPhone(), 10_000, photo)).ok).toBe(true);
  });

  it("when a customer passes the vendor's claims per day or maximum amount, or claims are off, then the claim is refused with the limit", async () => {
    const phone = randomPhone();
    for (let i = 0; i < 3; i += 1) expect((await fileClaim(a.id, phone, 10_000)).ok).toBe(true);
    expect(await fileClaim(a.id, phone, 10_000)).toEqual({ ok: false, reason: "daily_limit", limit: 3 });
    expect(await fileClaim(a.id, randomPhone(), 10_000_001)).toEqual({
      ok: false,
      reason: "over_max_amount",
      limit: 10_000_000,
    });
    const settings = await call(app, "get", "/api/v1/settings", { token: b.ownerToken });
    expect(settings.status).toBe(200);
    await withPlatform(app.pool, (tx) =>
      tx.query(sql.type(z.object({ id: z.string() }))`
        UPDATE tenants SET settings = COALESCE(settings, '{}'::jsonb) || '{"claims": {"enabled": false}}'::jsonb WHERE id = ${b.id} RETURNING id`),
    );
    expect(await fileClaim(b.id, randomPhone(), 10_000)).toEqual({ ok: false, reason: "claims_off" });
  });

  it("when the owner changes the claim settings through the API, then the keys named change, the others keep their values, and the limits apply", async () => {
    const c = await onboardTenant(app, await platformLogin(app, await createPlatformAdmin(app.pool)), "Charlie Chops");
    const claimsOf = (body: unknown) => z.object({ claims: z.unknown() }).loose().parse(body).claims;
    expect(claimsOf((await call(app, "get", "/api/v1/settings", { token: c.ownerToken })).body)).toEqual({
      enabled: true,
      max_per_day: 3,
      max_amount_kobo: 10_000_000,
    });
    const changed = await call(app, "patch", "/api/v1/settings", {
      token: c.ownerToken,
      body: { claims: { max_per_day: 1, max_amount_kobo: 500_000 } },
    });
    expect(changed.status).toBe(200);
    expect(claimsOf(changed.body)).toEqual({ enabled: true, max_per_day: 1, max_amount_kobo: 500_000 });
    const phone = randomPhone();
    expect((await fileClaim(c.id, phone, 500_000)).ok).toBe(true);
    expect(await fileClaim(c.id, phone, 10_000)).toEqual({ ok: false, reason: "daily_limit", limit: 1 });
    expect(await fileClaim(c.id, randomPhone(), 500_001)).toEqual({
      ok: false,
      reason: "over_max_amount",
      limit: 500_000,
    });
    const off = await call(app, "patch", "/api/v1/settings", {
      token: c.ownerToken,
      body: { claims: { enabled: false } },
    });
    expect(claimsOf(off.body)).toEqual({ enabled: false, max_per_day: 1, max_amount_kobo: 500_000 });
    expect(await fileClaim(c.id, randomPhone(), 10_000)).toEqual({ ok: false, reason: "claims_off" });
    for (const claims of [
      { max_per_day: 0 },
      { max_per_day: 51 },
      { max_amount_kobo: 99 },
      { enabled: "yes" },
      { approval: "auto" },
    ]) {
      expect((await call(app, "patch", "/api/v1/settings", { token: c.ownerToken, body: { claims } })).status).toBe(
        400,
      );
    }
  });
});
