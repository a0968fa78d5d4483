import { randomBytes } from "node:crypto";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { verifySecret } from "../../../src/domain/auth/passwords.ts";
import { registerVendor } from "../../../src/domain/tenants/registerVendor.ts";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import {
  eventually,
  expectNoSecretsInLogs,
  messagesOf,
  randomMobile,
  stopAndClean,
} from "../../helpers/conversationKit.ts";
import { createTestTenant, recipientOf, startTestApp, textOf, type TestApp } from "../../helpers/testApp.ts";

/** A tenant's own number (this file's app drains it too). */
const OWN_NUMBER_ID = `5${String(Math.floor(Math.random() * 1e14)).padStart(14, "0")}`;

// See test/unit/tenants/renderQrPoster.test.ts: jsqr's CommonJS export may come wrapped.
const jsQR = typeof jsQRModule === "function" ? jsQRModule : jsQRModule.default;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ extraPhoneNumberIds: [OWN_NUMBER_ID] });
});

afterAll(async () => {
  await stopAndClean(app);
});

/** A business name of the test's own (both test projects share one database, so codes must differ). */
function uniqueBusiness(): { name: string; code: string } {
  const tag = Array.from(randomBytes(6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
  // The suggested code is the name's first 12 letters and digits.
  return { name: `${tag} Kitchen`, code: `${tag}KITCHEN`.slice(0, 12) };
}

const tenantRow = z.object({
  id: z.uuid(),
  business_name: z.string(),
  vendor_code: z.string(),
  phone_number: z.string(),
  subscription_status: z.string(),
  plan_slug: z.string(),
  trial_ends_at: z.date(),
});
async function tenantByCode(code: string) {
  return withPlatform(app.pool, (tx) =>
    tx.maybeOne(sql.type(tenantRow)`
      SELECT t.id, t.business_name, t.vendor_code, t.phone_number, t.subscription_status, p.slug AS plan_slug, t.trial_ends_at
      FROM tenants t JOIN subscription_plans p ON p.id = t.subscription_plan_id WHERE t.vendor_code = ${code}`),
  );
}

const ownerRow = z.object({
  id: z.uuid(),
  role: z.string(),
  phone_number: z.string().nullable(),
  full_name: z.string(),
  staff_pin_hash: z.string().nullable(),
  pin_enabled: z.boolean().nullable(),
  email: z.string(),
});
const ruleRow = z.object({
  rule_type: z.string(),
  config: z.record(z.string(), z.unknown()),
  is_active: z.boolean().nullable(),
});
const rewardRow = z.object({ name: z.string(), points_required: z.number() });
const auditRow = z.object({ action: z.string(), user_type: z.string().nullable(), new_values: z.unknown() });

async function rowsOf(tenantId: string) {
  return withPlatform(app.pool, async (tx) => ({
    users: await tx.any(
      sql.type(
        ownerRow,
      )`SELECT id, role, phone_number, full_name, staff_pin_hash, pin_enabled, email FROM vendor_users WHERE tenant_id = ${tenantId}`,
    ),
    rules: await tx.any(
      sql.type(ruleRow)`SELECT rule_type, config, is_active FROM points_rules WHERE tenant_id = ${tenantId}`,
    ),
    rewards: await tx.any(sql.type(rewardRow)`SELECT name, points_required FROM rewards WHERE tenant_id = ${tenantId}`),
    audits: await tx.any(
      sql.type(
        auditRow,
      )`SELECT action, user_type, new_values FROM audit_logs WHERE tenant_id = ${tenantId} ORDER BY created_at, action`,
    ),
  }));
}

/**
 * Sends the summary's YES and waits for the join link and the poster. The poster is rendered
 * (and then uploaded) on the way: on a loaded machine that outlasts app.say's 15 s.
 */
async function confirmSignup(phone: string): Promise<string[]> {
  const since = app.graph.requests.length;
  await app.sendText(phone, "YES");
  const sent = await eventually(async () => {
    const mine = app.graph.requests.slice(since).filter((r) => recipientOf(r) === phone);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    return mine;
  }, 60_000);
  return sent.map((r) => textOf(r.body));
}

/** Says each answer in turn (one reply each) and returns the last replies. */
async function answer(phone: string, answers: readonly string[]): Promise<string[]> {
  let last: string[] = [];
  for (const text of answers) last = await app.say(phone, text);
  return last;
}

// A sign-up is a dozen messages, three slow PIN hashes and a poster render: on a loaded 2-core
// machine that takes longer than the default 30 s.
describe("vendor sign-up in WhatsApp (REGISTER)", { timeout: 120_000 }, () => {
  it("when a stranger writes to the shared number, then the greeting offers REGISTER", async () => {
    const replies = await app.say(randomMobile(), "hello");
    expect(replies[0]).toContain("Send REGISTER to start a loyalty programme");
  });

  it("when a vendor registers in chat, then the tenant (trial), owner, rule, reward and audit rows exist, the join link is sent and the poster goes out as an uploaded image; a customer can then JOIN the new code", async () => {
    const phone = randomMobile();
    const business = uniqueBusiness();
    expect((await app.say(phone, "REGISTER"))[0]).toContain("What is your business called?");
    expect((await app.say(phone, business.name))[0]).toContain(`I suggest ${business.code}`);
    await answer(phone, ["YES", "Ngozi Okafor", "4821", "4821", "2"]);
    const summary = await app.say(phone, "150 Free small chops");
    expect(summary[0]).toContain(`Vendor code: ${business.code}`);

    const since = app.graph.requests.length;
    const done = await confirmSignup(phone);

    expect(done[0]).toContain(`${business.name} is live on a 30-day free trial`);
    expect(done[0]).toContain(`https://wa.me/`);
    expect(done[0]).toContain(`text=JOIN%20${business.code}`);
    expect(done[1]).toBe(`image:Your QR poster: print it at A5 and put it where customers pay. Code: ${business.code}`);
    const [upload] = app.graph.requests.slice(since).filter((r) => r.endpoint === "media");
    expect(upload?.phoneNumberId).toBe(app.phoneNumberId);
    expect(upload?.upload?.fileType).toBe("image/png");
    const poster = PNG.sync.read(upload?.upload?.bytes ?? Buffer.alloc(0));
    expect({ width: poster.width, height: poster.height }).toEqual({ width: 1748, height: 2480 });
    expect(jsQR(new Uint8ClampedArray(poster.data), poster.width, poster.height)?.data).toMatch(
      new RegExp(`text=JOIN%20${business.code}$`),
    );

    const tenant = await tenantByCode(business.code);
    expect(tenant).toMatchObject({
      business_name: business.name,
      phone_number: phone,
      subscription_status: "trial",
      plan_slug: "trial",
    });
    const trialDays = ((tenant?.trial_ends_at.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(trialDays).toBeGreaterThan(29.9);
    expect(trialDays).toBeLessThan(30.1);
    const rows = await rowsOf(tenant?.id ?? "");
    expect(rows.users).toHaveLength(1);
    const [owner] = rows.users;
    expect(owner).toMatchObject({ role: "owner", phone_number: phone, full_name: "Ngozi Okafor", pin_enabled: true });
    expect(owner?.staff_pin_hash).not.toContain("4821");
    expect(await verifySecret("4821", owner?.staff_pin_hash ?? "")).toBe(true);
    expect(rows.rules).toEqual([{ rule_type: "per_amount_spent", config: { points_per_ngn: 0.02 }, is_active: true }]);
    expect(rows.rewards).toEqual([{ name: "Free small chops", points_required: 150 }]);
    expect(rows.audits.map((a) => a.action).sort()).toEqual(["reward.created", "rule.created", "tenant.registered"]);
    expect(rows.audits.find((a) => a.action === "tenant.registered")).toMatchObject({
      user_type: "vendor_user",
      new_values: { channel: "whatsapp", vendorCode: business.code, plan: "trial" },
    });
    await eventually(async () => {
      const sent = (await messagesOf(app.pool, phone)).filter(
        (m) => m.direction === "outbound" && m.message_type === "image",
      );
      expect(sent.map((m) => [m.whatsapp_status, m.tenant_id])).toEqual([["sent", tenant?.id]]);
    }, 30_000);

    const customer = randomMobile();
    const welcome = await app.say(customer, `JOIN ${business.code}`, 2);
    expect(welcome.join("\n")).toContain(business.name);
    const member = await withPlatform(app.pool, (tx) =>
      tx.maybeOne(
        sql.type(
          z.object({ id: z.uuid() }),
        )`SELECT id FROM customers WHERE tenant_id = ${tenant?.id ?? ""} AND phone_number = ${customer}`,
      ),
    );
    expect(member).not.toBeNull();
    expectNoSecretsInLogs(app, ["4821", phone]);
  });

  it("when Meta delivers the final YES twice (a replay), then one tenant is created and one poster sent", async () => {
    const phone = randomMobile();
    const business = uniqueBusiness();
    await answer(phone, ["REGISTER", business.name, "YES", "Tayo", "2468", "2468", "1", "SKIP"]);
    const since = app.graph.requests.length;
    const wamid = `wamid.replay.${business.code}`;
    await app.sendText(phone, "YES", { id: wamid });
    await app.sendText(phone, "YES", { id: wamid });
    await eventually(async () => {
      expect(app.graph.requests.slice(since).filter((r) => recipientOf(r) === phone).length).toBeGreaterThanOrEqual(2);
    }, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const count = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(
        sql.type(z.object({ n: z.number() }))`SELECT count(*)::int AS n FROM tenants WHERE phone_number = ${phone}`,
      ),
    );
    expect(count).toBe(1);
    expect(app.graph.requests.slice(since).filter((r) => r.endpoint === "media")).toHaveLength(1);
  });

  it("when the phone already owns a tenant, then REGISTER says so and offers OWNER, and nothing is created", async () => {
    const phone = randomMobile();
    const business = uniqueBusiness();
    await answer(phone, ["REGISTER", business.name, "YES", "Ade", "1234", "1234", "1", "SKIP"]);
    await confirmSignup(phone);

    const again = await app.say(phone, "REGISTER");

    expect(again[0]).toContain(`This number already runs ${business.name}`);
    expect(again[0]).toContain("[OWNER]");
    const count = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(
        sql.type(z.object({ n: z.number() }))`SELECT count(*)::int AS n FROM tenants WHERE phone_number = ${phone}`,
      ),
    );
    expect(count).toBe(1);
  });

  it("when the suggested or typed code is taken, then the vendor is told and offered a free one", async () => {
    const existing = await createTestTenant(app.pool);
    const phone = randomMobile();
    await answer(phone, ["REGISTER", uniqueBusiness().name]);

    const taken = await app.say(phone, existing.vendorCode.toLowerCase());

    expect(taken[0]).toContain(
      `The code ${existing.vendorCode} is already taken. Reply YES to use ${existing.vendorCode}2`,
    );
    const next = await app.say(phone, "YES");
    expect(next[0]).toContain(`Your vendor code is ${existing.vendorCode}2.`);
    await app.say(phone, "CANCEL");
  });

  it("when the two PINs differ, then the vendor chooses the PIN again, and the second PIN is the one kept", async () => {
    const phone = randomMobile();
    const business = uniqueBusiness();
    await answer(phone, ["REGISTER", business.name, "YES", "Bola", "1111"]);
    const mismatch = await app.say(phone, "2222");
    expect(mismatch[0]).toContain("The two PINs don't match");
    await answer(phone, ["5678", "5678", "1", "SKIP"]);
    await confirmSignup(phone);

    const tenant = await tenantByCode(business.code);
    const rows = await rowsOf(tenant?.id ?? "");
    expect(await verifySecret("5678", rows.users[0]?.staff_pin_hash ?? "")).toBe(true);
    expect(await verifySecret("1111", rows.users[0]?.staff_pin_hash ?? "")).toBe(false);
    expect(rows.rewards).toEqual([]);
    expectNoSecretsInLogs(app, ["1111", "2222", "5678"]);
  });

  it("when one phone starts sign-ups again and again, then the fourth start in a day is refused (kept in PostgreSQL)", async () => {
    const phone = randomMobile();
    for (let n = 0; n < 3; n += 1) {
      expect((await app.say(phone, "REGISTER"))[0]).toContain("What is your business called?");
      await app.say(phone, "CANCEL");
    }
    const refused = await app.say(phone, "REGISTER");
    expect(refused[0]).toBe("You have started too many sign-ups today. Please try again tomorrow.");
    const attempts = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(
        sql.type(
          z.object({ n: z.number() }),
        )`SELECT count(*)::int AS n FROM signup_attempts WHERE phone_number = ${phone}`,
      ),
    );
    expect(attempts).toBe(3);
    // Out of the sign-up, the phone is a stranger again.
    expect((await app.say(phone, "hi"))[0]).toContain("Send REGISTER");
  });

  it("when the platform's daily sign-ups are used up, then registering is refused and nothing is created", async () => {
    const phone = randomMobile();
    const business = uniqueBusiness();
    const result = await withPlatform(app.pool, (tx) =>
      registerVendor(tx, {
        phoneNumber: phone,
        businessName: business.name,
        vendorCode: business.code,
        ownerName: "Ade",
        ownerPinHash: "scrypt$1$1$1$AA==$AA==",
        pointsPer100: 1,
        reward: null,
        now: new Date(),
        limits: { startsPerPhonePerDay: 3, completedPerDay: 0 },
      }),
    );
    expect(result).toEqual({ ok: false, reason: "daily_limit" });
    expect(await tenantByCode(business.code)).toBeNull();
  });

  it("when CANCEL is sent mid sign-up, then the sign-up ends and the next message is routed as usual", async () => {
    const phone = randomMobile();
    await answer(phone, ["REGISTER", uniqueBusiness().name]);
    expect((await app.say(phone, "cancel"))[0]).toContain("Sign-up cancelled");
    const state = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(
        sql.type(
          z.object({ signup_state: z.unknown() }),
        )`SELECT signup_state FROM contacts WHERE phone_number = ${phone}`,
      ),
    );
    expect(state).toBeNull();
    expect((await app.say(phone, "BALANCE"))[0]).toContain("Send REGISTER");
  });

  it("when REGISTER is sent to a vendor's own number, then the sender is told to use the platform number", async () => {
    const ownNumberId = OWN_NUMBER_ID;
    await createTestTenant(app.pool, {
      whatsappConfig: { phone_number_id: ownNumberId, display_phone_number: "2348000000001" },
    });
    const phone = randomMobile();
    const since = app.graph.requests.length;
    await app.sendText(phone, "REGISTER", { phoneNumberId: ownNumberId });
    const [reply] = await app.repliesTo(phone, 1, since);
    expect(JSON.stringify(reply?.body)).toContain("message the LoyaltyLaaS number");
  });
});
