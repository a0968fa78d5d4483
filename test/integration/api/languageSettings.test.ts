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
});
