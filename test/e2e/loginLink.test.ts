import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { withTenant } from "../../src/db/withTenant.ts";
import { createLoginLink } from "../../src/domain/auth/createLoginLink.ts";
import { WEB_DIST } from "../../src/http/web/webRoutes.ts";
import { buildWeb } from "../../web/scripts/buildWeb.ts";
import {
  call,
  createPlatformAdmin,
  onboardTenant,
  platformLogin,
  type OnboardedTenant,
} from "../integration/api/apiHelpers.ts";
import { startTestApp, type TestApp } from "../helpers/testApp.ts";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const STEP_TIMEOUT_MS = 15_000;

let app: TestApp;
let tenant: OnboardedTenant;
let ownerId: string;
let context: BrowserContext;
let page: Page;
let userDataDir: string;

/** The WhatsApp LOGIN link: /dashboard/login#<token> signs the owner in with a cookie session, once. */
describe("the dashboard's WhatsApp sign-in link in a real browser", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)`);
    if (!existsSync(path.join(WEB_DIST, "dashboard/index.html"))) await buildWeb();
    app = await startTestApp({ role: "web" });
    const platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
    tenant = await onboardTenant(app, platformToken, "Link Foods");
    ownerId = z
      .object({ user_id: z.uuid() })
      .parse((await call(app, "get", "/api/v1/me", { token: tenant.ownerToken })).body).user_id;
    userDataDir = mkdtempSync(path.join(os.tmpdir(), "loyaltylaas-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    mkdirSync(path.resolve("test/artifacts"), { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
    await app?.stop();
  });

  it("when the owner opens the link, then they are signed in, the token leaves the address bar, and the same link cannot be used again", async () => {
    const link = await withTenant(app.pool, tenant.id, (tx) =>
      createLoginLink(tx, { tenantId: tenant.id, userId: ownerId, now: new Date() }),
    );
    await page.goto(`${app.url}/dashboard/login#${link.token}`);
    await page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(page.url()).toBe(`${app.url}/dashboard`);
    expect(page.url()).not.toContain(link.token);
    const cookies = await context.cookies(`${app.url}/api/v1/me`);
    expect(cookies.find((c) => c.name === "llx_dashboard")).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    await page.screenshot({ path: path.resolve("test/artifacts/web-phone-login-link.png") });

    // Signed out, the same link is spent: the page says so and offers the form.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out.").waitFor({ timeout: STEP_TIMEOUT_MS });
    // A fresh load (a change of fragment alone would not reload the page).
    await page.goto("about:blank");
    await page.goto(`${app.url}/dashboard/login#${link.token}`);
    await page.getByText("This sign-in link has expired or was already used.").waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.getByLabel("Vendor code").waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.goto("about:blank");
    await page.goto(`${app.url}/dashboard/login#not-a-real-token-but-long-enough`);
    await page.getByText("This sign-in link has expired or was already used.").waitFor({ timeout: STEP_TIMEOUT_MS });
  }, 120_000);
});
