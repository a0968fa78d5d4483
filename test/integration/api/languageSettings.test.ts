import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { call, createPlatformAdmin, onboardTenant, platformLogin, type OnboardedTenant } from "./apiHelpers.ts";

/** Settings for issue #18: the vendor's default chat language and its templates per language. */
let app: TestApp;
let tenant: OnboardedTenant;
let other: OnboardedTenant;

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
  const platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
  tenant = await onboardTenant(app, platformToken, "Language Foods");
  other = await onboardTenant(app, platformToken, "Other Foods");
}, 120_000);

afterAll(async () => {
  await app.stop();
});

async function whatsappConfigOf(tenantId: string): Promise<Record<string, unknown>> {
  return withPlatform(app.pool, (tx) =>
    tx.oneFirst(
      sql.type(
        z.object({ whatsapp_config: z.record(z.string(), z.unknown()) }),
      )`SELECT whatsapp_config FROM tenants WHERE id = ${tenantId}`,
    ),
  );
}

describe("language settings", { timeout: 90_000 }, () => {
  it("when the owner sets the language to Pidgin, then it is read back; a language we do not speak is refused with 400", async () => {
    const token = tenant.ownerToken;
    const patched = await call(app, "patch", "/api/v1/settings", { token, body: { language: "pcm" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ language: "pcm" });
    for (const language of ["fr", "en_GB", "PCM", "", 7]) {
      const refused = await call(app, "patch", "/api/v1/settings", { token, body: { language } });
      expect(refused.status, String(language)).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect((await call(app, "get", "/api/v1/settings", { token })).body).toMatchObject({ language: "pcm" });
  });

  it("when the owner names templates per language, then they are stored where the senders read them and shown per language; null removes one", async () => {
    const token = tenant.ownerToken;
    const patched = await call(app, "patch", "/api/v1/settings", {
      token,
      body: {
        templates: { broadcast: "lf_promo" },
        templates_by_language: {
          yo: { broadcast: "lf_promo_yo", points_earned: { name: "lf_points_yo", language: "yo" } },
          pcm: { broadcast: "lf_promo_pcm" },
        },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      templates: { broadcast: { name: "lf_promo", language: "en" } },
      templates_by_language: {
        yo: {
          broadcast: { name: "lf_promo_yo", language: "yo" },
          points_earned: { name: "lf_points_yo", language: "yo" },
          expiry_reminder: null,
        },
        // Meta lists no Pidgin template language: a Pidgin text is approved as English.
        pcm: { broadcast: { name: "lf_promo_pcm", language: "en" }, points_earned: null, expiry_reminder: null },
        ha: { broadcast: null, points_earned: null, expiry_reminder: null },
        ig: { broadcast: null, points_earned: null, expiry_reminder: null },
      },
    });
    expect(await whatsappConfigOf(tenant.id)).toMatchObject({
      broadcast_template: { name: "lf_promo", language: "en" },
      broadcast_template_yo: { name: "lf_promo_yo", language: "yo" },
      points_earned_template_yo: { name: "lf_points_yo", language: "yo" },
      broadcast_template_pcm: { name: "lf_promo_pcm", language: "en" },
    });

    const removed = await call(app, "patch", "/api/v1/settings", {
      token,
      body: { templates_by_language: { yo: { broadcast: null } } },
    });
    expect(removed.body).toMatchObject({
      templates_by_language: { yo: { broadcast: null, points_earned: { name: "lf_points_yo", language: "yo" } } },
    });
    expect(await whatsappConfigOf(tenant.id)).not.toHaveProperty("broadcast_template_yo");
    // Another tenant's settings are untouched.
    expect(await whatsappConfigOf(other.id)).not.toHaveProperty("points_earned_template_yo");
  });

  it("when a template name or language is malformed, or the language is not one of ours, then it is refused with 400 and nothing is stored", async () => {
    const token = tenant.ownerToken;
    const before = await whatsappConfigOf(tenant.id);
    for (const body of [
      { templates_by_language: { yo: { broadcast: "Big Promo!" } } },
      { templates_by_language: { fr: { broadcast: "promo_fr" } } },
      { templates_by_language: { en: { broadcast: "promo_en" } } },
      { templates_by_language: { ha: { broadcast: { name: "promo_ha", language: "hausa language" } } } },
      { templates_by_language: { ig: { welcome: "promo_ig" } } },
    ]) {
      const refused = await call(app, "patch", "/api/v1/settings", { token, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    expect(await whatsappConfigOf(tenant.id)).toEqual(before);
  });

  it("when the owner names a template for every kind of notice, then each is stored per language, and a voided purchase of a Yoruba customer uses the Yoruba one", async () => {
    const token = other.ownerToken;
    const kinds = [
      "broadcast",
      "expiry_reminder",
      "points_earned",
      "birthday",
      "tier_up",
      "referral_earned",
      "customer_invite",
      "redemption_expired",
      "claim_approved",
      "claim_rejected",
      "purchase_voided",
      "staff_invite",
    ];
    const named = Object.fromEntries(kinds.map((kind) => [kind, `of_${kind}_yo`]));
    const patched = await call(app, "patch", "/api/v1/settings", {
      token,
      body: { templates: { purchase_voided: "of_void" }, templates_by_language: { yo: named } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      templates: { purchase_voided: { name: "of_void", language: "en" }, staff_invite: null },
      templates_by_language: {
        yo: Object.fromEntries(kinds.map((kind) => [kind, { name: `of_${kind}_yo`, language: "yo" }])),
        ha: Object.fromEntries(kinds.map((kind) => [kind, null])),
      },
    });
    const stored = await whatsappConfigOf(other.id);
    for (const kind of kinds)
      expect(stored[`${kind}_template_yo`], kind).toEqual({ name: `of_${kind}_yo`, language: "yo" });

    // A customer who chose Yoruba and has not written in 24 hours: the void notice is a template, the Yoruba one.
    const yoruba = `23480${String(Date.now()).slice(-8)}`;
    const english = `23481${String(Date.now()).slice(-8)}`;
    await withPlatform(app.pool, (tx) =>
      tx.query(sql.unsafe`INSERT INTO contacts (phone_number, language) VALUES (${yoruba}, 'yo'), (${english}, 'en')`),
    );
    const sentFor = async (phone: string) => {
      const logged = await call(app, "post", "/api/v1/purchases", {
        token,
        body: { customer_phone: phone, amount_kobo: 250_000 },
      });
      expect(logged.status).toBe(201);
      const purchaseId = z.object({ id: z.uuid() }).loose().parse(logged.body).id;
      const voided = await call(app, "post", `/api/v1/purchases/${purchaseId}/void`, {
        token,
        body: { reason: "rung up twice" },
      });
      expect(voided.status).toBe(200);
      return withPlatform(app.pool, (tx) =>
        tx.oneFirst(sql.type(z.object({ payload: z.unknown() }))`
          SELECT payload FROM whatsapp_messages
          WHERE contact_phone = ${phone} AND direction = 'outbound' AND triggered_by = 'purchase_voided'`),
      );
    };
    expect(await sentFor(yoruba)).toMatchObject({ kind: "template", name: "of_purchase_voided_yo", language: "yo" });
    expect(await sentFor(english)).toMatchObject({ kind: "template", name: "of_void", language: "en" });
  });
});
