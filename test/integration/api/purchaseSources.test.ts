import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { randomMobile, stopAndClean } from "../../helpers/conversationKit.ts";
import { startTestApp, textOf, type TestApp } from "../../helpers/testApp.ts";
import { call, createPlatformAdmin, onboardTenant, platformLogin, type OnboardedTenant } from "./apiHelpers.ts";

/** Issue 19, every source and everyone told: the key's kind picks the source; API purchases notify like chat ones. */
let app: TestApp;
let t: OnboardedTenant;
const NAME = "Sources Suya Spot";

beforeAll(async () => {
  app = await startTestApp();
  t = await onboardTenant(app, await platformLogin(app, await createPlatformAdmin(app.pool)), NAME);
  await withPlatform(app.pool, (tx) =>
    tx.query(sql.unsafe`
      INSERT INTO points_rules (tenant_id, name, rule_type, config, priority, conditions) VALUES
        (${t.id}, 'Spend', 'per_amount_spent', ${sql.jsonb({ points_per_ngn: 0.1 })}, 0, '{}'::jsonb),
        (${t.id}, 'Referral', 'referral', ${sql.jsonb({ referrer_points: 100 })}, 1, '{}'::jsonb)`),
  );
}, 120_000);
afterAll(async () => {
  await stopAndClean(app);
});

const createdKey = z.object({ id: z.uuid(), key: z.string(), kind: z.enum(["api", "pos"]) });
async function makeKey(kind?: "api" | "pos") {
  const res = await call(app, "post", "/api/v1/api-keys", {
    token: t.ownerToken,
    body: { name: `Key ${kind ?? "default"}`, ...(kind === undefined ? {} : { kind }) },
  });
  expect(res.status).toBe(201);
  return createdKey.parse(res.body);
}
const sourceRow = z.object({ source: z.string(), logged_via: z.string().nullable() });
async function sourceOf(purchaseId: string) {
  return withPlatform(app.pool, (tx) =>
    tx.one(sql.type(sourceRow)`SELECT source, logged_via FROM purchases WHERE id = ${purchaseId}`),
  );
}
const purchaseBody = z.object({ id: z.uuid(), points_awarded: z.number() });
async function buy(token: string, phone: string, amountKobo = 500_000) {
  const res = await call(app, "post", "/api/v1/purchases", {
    token,
    body: { customer_phone: phone, amount_kobo: amountKobo },
  });
  expect(res.status).toBe(201);
  return purchaseBody.parse(res.body);
}
const referralCode = z.object({ referral_code: z.string() });
const optedInRow = z.object({ opted_in: z.boolean().nullable() });
async function optedIn(phone: string) {
  const row = await withPlatform(app.pool, (tx) =>
    tx.one(sql.type(optedInRow)`SELECT opted_in FROM customers WHERE tenant_id = ${t.id} AND phone_number = ${phone}`),
  );
  return row.opted_in === true;
}

describe("purchases from every source", { timeout: 90_000 }, () => {
  it("when a POS key, an API key or a person logs a purchase, then its source is pos_integration, api or manual", async () => {
    const pos = await makeKey("pos");
    const other = await makeKey();
    expect(other.kind).toBe("api");
    expect(await sourceOf((await buy(pos.key, randomMobile())).id)).toEqual({
      source: "pos_integration",
      logged_via: "api_key",
    });
    expect((await sourceOf((await buy(other.key, randomMobile())).id)).source).toBe("api");
    expect((await sourceOf((await buy(t.ownerToken, randomMobile())).id)).source).toBe("manual");
  });

  it("when a key of an unknown kind is asked for, then it is refused", async () => {
    const res = await call(app, "post", "/api/v1/api-keys", { token: t.ownerToken, body: { name: "x", kind: "till" } });
    expect(res.status).toBe(400);
  });

  it("when a purchase is logged for someone who never joined, then they get one invite, and their reply joins them", async () => {
    const pos = await makeKey("pos");
    const phone = randomMobile();
    const since = app.graph.requests.length;
    await buy(pos.key, phone);
    expect((await app.repliesTo(phone, 1, since)).map((r) => textOf(r.body))).toEqual([
      "template:loyalty_customer_invite",
    ]);
    const invite = app.graph.requests.slice(since).find((r) => textOf(r.body) === "template:loyalty_customer_invite");
    expect(JSON.stringify(invite?.body)).toContain(t.vendorCode);
    // A second purchase before they reply: the points notice, not a second invite.
    const second = app.graph.requests.length;
    await buy(pos.key, phone);
    expect((await app.repliesTo(phone, 1, second)).map((r) => textOf(r.body))).toEqual([
      "template:loyalty_points_earned",
    ]);
    expect(await optedIn(phone)).toBe(false);
    const welcome = await app.say(phone, "Hello", 2);
    expect(welcome[0]).toContain(NAME);
    expect(await optedIn(phone)).toBe(true);
  });

  it("when the API logs a friend's first purchase, then the buyer and the referrer are both told, once", async () => {
    const referrer = randomMobile();
    await app.say(referrer, `JOIN ${t.vendorCode}`, 2);
    const { referral_code } = await withPlatform(app.pool, (tx) =>
      tx.one(sql.type(referralCode)`
        SELECT referral_code FROM customers WHERE tenant_id = ${t.id} AND phone_number = ${referrer}`),
    );
    const friend = randomMobile();
    await app.say(friend, `JOIN ${t.vendorCode} ${referral_code}`, 2);
    const pos = await makeKey("pos");
    const since = app.graph.requests.length;
    await buy(pos.key, friend);
    const toFriend = await app.repliesTo(friend, 1, since);
    expect(textOf(toFriend[0]?.body)).toMatch(/500 points/);
    const toReferrer = await app.repliesTo(referrer, 1, since);
    expect(toReferrer.map((r) => textOf(r.body))).toEqual([
      `🎉 A friend you invited made their first purchase at ${NAME}: you earned 100 points. Your balance is now 100.`,
    ]);
    const again = app.graph.requests.length;
    await buy(pos.key, friend);
    await app.repliesTo(friend, 1, again);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.graph.requests.slice(again).filter((r) => textOf(r.body).includes("friend you invited"))).toEqual([]);
  });
});
