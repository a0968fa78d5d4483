import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildWeb } from "../../web/scripts/buildWeb.ts";
import { WEB_DIST } from "../../src/http/web/webRoutes.ts";
import {
  call,
  createPlatformAdmin,
  onboardTenant,
  platformLogin,
  type OnboardedTenant,
} from "../integration/api/apiHelpers.ts";
import { startTestApp, type TestApp } from "../helpers/testApp.ts";
import {
  inBrowser,
  ARTIFACTS,
  CHROMIUM,
  checkPage,
  DOCS,
  nav,
  STEP_TIMEOUT_MS,
  VIEWPORTS,
  type Viewport,
} from "./browserKit.ts";

let app: TestApp;
let platformToken: string;
let admin: { email: string; password: string };

/**
 * The dashboard and the console in Debian's Chromium (playwright-core), at phone and desktop
 * sizes: an owner signs in, adds a reward and a staff member, adjusts a customer's points,
 * schedules a broadcast after seeing its audience, voids a purchase; a platform admin suspends
 * the tenant and its dashboard and chat show it. Every page passes axe-core (no serious or
 * critical violation), keeps controls ≥ 44 px and fits the screen. Screenshots: test/artifacts.
 */
describe("the vendor dashboard and platform console in a real browser", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)`);
    if (!existsSync(path.join(WEB_DIST, "dashboard/index.html"))) await buildWeb();
    app = await startTestApp();
    const created = await createPlatformAdmin(app.pool);
    admin = created;
    platformToken = await platformLogin(app, created);
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  for (const viewport of VIEWPORTS) {
    it(`when an owner and a platform admin work through every page at ${viewport.name} size, then each step shows its result and every page is accessible`, async () => {
      await inBrowser(viewport, (page) => walkThrough(page, viewport));
    }, 420_000);
  }
});

async function walkThrough(page: Page, viewport: Viewport): Promise<void> {
  const shot = async (name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `web-${viewport.name}-${name}.png`), fullPage: true });
  const url = app.url;
  const tenant = await onboardTenant(app, platformToken, `Mama Put ${viewport.name}`);
  // The growth plan, so the broadcast and staff limits of the trial do not stand in the way.
  await call(app, "patch", `/api/platform/tenants/${tenant.id}`, { token: platformToken, body: { plan: "growth" } });
  const customer = `234803${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  // The chat reply may wait for the drain behind the whole suite's load on CI.
  const joinedSince = app.graph.requests.length;
  await app.sendText(customer, `JOIN ${tenant.vendorCode}`);
  await app.repliesTo(customer, 1, joinedSince, 90_000);
  const purchase = await call(app, "post", "/api/v1/purchases", {
    token: tenant.ownerToken,
    body: { customer_phone: `+${customer}`, amount_kobo: 1_250_050 },
  });
  expect(purchase.status).toBe(201);

  // Sign in.
  await page.goto(`${url}/dashboard`);
  await page.getByRole("heading", { name: "Sign in to your dashboard" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await checkPage(page, viewport, "sign-in");
  await shot("01-sign-in");
  await page.getByLabel("Vendor code").fill(tenant.vendorCode);
  await page.getByLabel("Email").fill(tenant.ownerEmail);
  await page.getByLabel("Password").fill("wrong password!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("Wrong vendor code, email or password.").waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByLabel("Password").fill(tenant.ownerPassword);
  await page.getByRole("button", { name: "Sign in" }).click();

  // Overview: figures in naira with separators, charts drawn.
  await page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator(".stat", { hasText: "Revenue" }).getByText("₦12,500.50").waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator(".chart canvas").first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await checkPage(page, viewport, "overview");
  await shot("02-overview");
  await page.screenshot({ path: path.join(DOCS, `dashboard-${viewport.name}.png`) });

  // Create a reward.
  await nav(page, "Rewards");
  const rewardName = `Free jollof ${viewport.name}`;
  await page.getByLabel("Name").fill(rewardName);
  await page.getByLabel("Points needed").fill("150");
  await page.getByLabel("Stock").fill("20");
  await page.getByRole("button", { name: "Add reward" }).click();
  await page.getByText(`Added “${rewardName}”.`).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page
    .locator("ul.rows li", { hasText: rewardName })
    .getByText("150 points · 20 left")
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  await checkPage(page, viewport, "rewards");
  await shot("03-reward-created");
  const rewards = z
    .object({ data: z.array(z.object({ name: z.string(), points_required: z.int() })) })
    .parse((await call(app, "get", "/api/v1/rewards", { token: tenant.ownerToken })).body);
  expect(rewards.data).toContainEqual(expect.objectContaining({ name: rewardName, points_required: 150 }));

  // Add staff.
  await nav(page, "Staff");
  await page.getByLabel("Full name").fill("Tunde Till");
  await page.getByLabel("Email").fill(`tunde-${viewport.name}-${Date.now()}@vendor.test`);
  await page.getByLabel("WhatsApp phone").fill(`0803${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`);
  await page.getByLabel("PIN (optional)").fill("2468");
  await page.getByRole("button", { name: "Add staff member" }).click();
  await page.getByText("Added Tunde Till.").waitFor({ timeout: STEP_TIMEOUT_MS });
  await page
    .locator("ul.rows li", { hasText: "Tunde Till" })
    .getByText("PIN set")
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  await checkPage(page, viewport, "staff");
  await shot("04-staff-added");

  // Log an adjustment on the customer who joined.
  await nav(page, "Customers");
  await page.getByLabel("Search by phone or name").fill(customer.slice(-7));
  await page
    .locator("ul.rows li", { hasText: `+${customer}` })
    .getByRole("link")
    .click();
  await page.getByRole("heading", { name: "Adjust points" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const before = await balanceShown(page);
  await page.getByLabel("Points (negative to remove)").fill("25");
  await page.getByLabel("Reason").fill("Birthday treat");
  await page.getByRole("button", { name: "Log adjustment" }).click();
  await page.getByText("Adjusted by +25 points.").waitFor({ timeout: STEP_TIMEOUT_MS });
  await page
    .locator("ul.rows li", { hasText: "Birthday treat" })
    .getByText("+25")
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  await expect.poll(() => balanceShown(page), { timeout: STEP_TIMEOUT_MS }).toBe(before + 25);
  await checkPage(page, viewport, "customer");
  await shot("05-adjustment-logged");

  // Compose a broadcast, see the live audience count, schedule it.
  await nav(page, "Broadcasts");
  await page.getByText("1 customer will get this (opted-in only).").waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByLabel("At least this many points").fill("1000000");
  await page.getByText("0 customers will get this (opted-in only).").waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByLabel("At least this many points").fill("");
  await page.getByText("1 customer will get this (opted-in only).").waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByLabel("Name (for you)").fill("Weekend promo");
  await page.getByLabel("Message").fill("Double points on jollof all weekend!");
  await page.getByLabel(/^Send at/).fill("2030-01-04T09:00");
  await page.getByRole("button", { name: "Schedule" }).click();
  await page.getByText("Scheduled “Weekend promo” for 4 Jan 2030, 09:00.").waitFor({ timeout: STEP_TIMEOUT_MS });
  await page
    .locator("ul.rows li", { hasText: "Weekend promo" })
    .getByText("scheduled")
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  await checkPage(page, viewport, "broadcasts");
  await shot("06-broadcast-scheduled");
  const broadcasts = z
    .object({ data: z.array(z.object({ name: z.string(), status: z.string(), scheduled_at: z.string().nullable() })) })
    .parse((await call(app, "get", "/api/v1/broadcasts", { token: tenant.ownerToken })).body);
  // 09:00 in Lagos (UTC+1), the business's time zone, whatever the browser's.
  expect(broadcasts.data).toContainEqual(
    expect.objectContaining({ name: "Weekend promo", status: "scheduled", scheduled_at: "2030-01-04T08:00:00.000Z" }),
  );

  // The other pages load and pass the same checks.
  for (const [title, heading] of [
    ["Claims", "Receipt claims"],
    ["Earning", "Earning rules and campaigns"],
    ["QR poster", "QR poster"],
    ["Settings", "Settings"],
    ["Plan", "Plan and usage"],
  ] as const) {
    await nav(page, title);
    await page.getByRole("heading", { name: heading, exact: true }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.locator(".loading").first().waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
    if (title === "QR poster") {
      await expect
        .poll(
          () =>
            page
              .locator(".qr img")
              .evaluate((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0),
          { timeout: STEP_TIMEOUT_MS },
        )
        .toBe(true);
    }
    await checkPage(page, viewport, title);
    await shot(`07-${title.toLowerCase().replace(/\s+/g, "-")}`);
  }
  await voidPurchase(page, viewport, tenant, shot);

  // The platform console suspends the tenant.
  await page.goto(`${url}/admin`);
  await page.getByRole("heading", { name: "Platform console sign-in" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await checkPage(page, viewport, "console sign-in");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Platform metrics" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator(".chart canvas").first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await checkPage(page, viewport, "console metrics");
  await shot("10-console-metrics");
  await nav(page, "Tenants");
  await page.getByLabel("Search by name or vendor code").fill(tenant.vendorCode);
  await page.locator("ul.rows li", { hasText: tenant.vendorCode }).getByRole("link").click();
  await page.getByRole("heading", { name: "Usage" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator("ul.rows li", { hasText: "Staff" }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByLabel("Reason for suspending").fill("Unpaid invoice");
  await checkPage(page, viewport, "console tenant");
  await page.getByRole("button", { name: "Suspend tenant" }).click();
  await page.getByText("Suspended: the bot and the dashboard are paused.").waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByRole("button", { name: "Reactivate" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await shot("11-console-suspended");
  await nav(page, "Plans");
  await page.getByRole("heading", { name: "Plans" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator(".loading").first().waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  await checkPage(page, viewport, "console plans");
  await nav(page, "Audit log");
  await page.locator("ul.rows li", { hasText: "tenant.suspended" }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await checkPage(page, viewport, "console audit log");

  // The tenant's dashboard and chat show it.
  await page.goto(`${url}/dashboard/customers`);
  await page.getByRole("heading", { name: "Account suspended" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await checkPage(page, viewport, "suspended");
  await shot("12-dashboard-suspended");
  const replies = await app.say(customer, "BALANCE", 1);
  expect(replies.join("\n")).toMatch(/loyalty program is paused/);

  // Sign-out ends the session on the server: the old cookie is refused afterwards.
  await call(app, "post", `/api/platform/tenants/${tenant.id}/reactivate`, { token: platformToken, body: {} });
  await page.goto(`${url}/dashboard`);
  await page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const cookies = await page.context().cookies(`${url}/api/v1/me`);
  const session = cookies.find((c) => c.name === "llx_dashboard");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api/v1" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByText("You have signed out.").waitFor({ timeout: STEP_TIMEOUT_MS });
  const reused = await fetch(`${url}/api/v1/me`, { headers: { cookie: `llx_dashboard=${session?.value ?? ""}` } });
  expect(reused.status).toBe(401);

  // A staff member sees only what their role allows.
  const staffEmail = `till-${viewport.name}-${Date.now()}@vendor.test`;
  const staffPassword = "till-password-123";
  const staffMember = await call(app, "post", "/api/v1/staff", {
    token: tenant.ownerToken,
    body: {
      full_name: "Bisi Till",
      email: staffEmail,
      phone_number: `0803${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`,
      role: "staff",
      password: staffPassword,
    },
  });
  expect(staffMember.status).toBe(201);
  await page.getByLabel("Vendor code").fill(tenant.vendorCode);
  await page.getByLabel("Email").fill(staffEmail);
  await page.getByLabel("Password").fill(staffPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Customers" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const tabs = await page.getByRole("navigation").getByRole("link").allTextContents();
  expect(tabs).toEqual(["Customers", "Purchases", "Claims", "Rewards", "QR poster", "Settings"]);
  await page.goto(`${url}/dashboard/staff`);
  await page.getByRole("heading", { name: "Customers" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await nav(page, "Purchases");
  await page.locator("ul.rows li", { hasText: "₦12,500.50" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(await page.getByRole("button", { name: /Void/ }).count()).toBe(0);
  await nav(page, "Rewards");
  await page.locator("ul.rows li", { hasText: rewardName }).waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(await page.getByRole("button", { name: "Add reward" }).count()).toBe(0);
  await checkPage(page, viewport, "staff view");
  await shot("13-staff-view");
}

/** Voids the customer's purchase from the purchases page, when the API has purchase voids. */
async function voidPurchase(
  page: Page,
  viewport: Viewport,
  tenant: OnboardedTenant,
  shot: (name: string) => Promise<unknown>,
): Promise<void> {
  await nav(page, "Purchases");
  const row = page.locator("ul.rows li", { hasText: "₦12,500.50" });
  await row.getByRole("button", { name: /Void/ }).click();
  await page.getByLabel("Reason for voiding").fill("Entered twice");
  await page.getByRole("button", { name: "Confirm void" }).click();
  await page.getByText(/Voided ₦12,500\.50/).waitFor({ timeout: STEP_TIMEOUT_MS });
  await row.locator(".badge", { hasText: "voided" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await checkPage(page, viewport, "purchases");
  await shot("08-purchase-voided");
  const purchases = z
    .object({
      data: z.array(
        z.object({ amount_kobo: z.int(), voided_at: z.string().nullable(), void_reason: z.string().nullable() }),
      ),
    })
    .parse((await call(app, "get", "/api/v1/purchases", { token: tenant.ownerToken })).body);
  expect(purchases.data).toContainEqual(
    expect.objectContaining({ amount_kobo: 1_250_050, void_reason: "Entered twice" }),
  );
}

async function balanceShown(page: Page): Promise<number> {
  const text = await page.locator(".stat", { hasText: "Points" }).locator(".stat-value").textContent();
  return Number((text ?? "").replace(/,/g, ""));
}
