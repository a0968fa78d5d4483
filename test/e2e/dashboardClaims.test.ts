import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../src/db/sql.ts";
import { withTenant } from "../../src/db/withTenant.ts";
import { fileReceiptClaim } from "../../src/domain/claims/fileReceiptClaim.ts";
import { findOrCreateCustomer } from "../../src/domain/customers/findOrCreateCustomer.ts";
import { WEB_DIST } from "../../src/http/web/webRoutes.ts";
import { createLocalReceiptStore } from "../../src/storage/createLocalReceiptStore.ts";
import { receiptKey } from "../../src/storage/receiptStore.ts";
import { formatNaira, todayIn } from "../../web/src/lib/format.ts";
import { buildWeb } from "../../web/scripts/buildWeb.ts";
import { startTestApp, type TestApp } from "../helpers/testApp.ts";
import { randomPhone } from "../helpers/testContext.ts";
import {
  call,
  createPlatformAdmin,
  onboardTenant,
  platformLogin,
  uniqueLocalPhone,
  type OnboardedTenant,
} from "../integration/api/apiHelpers.ts";
import {
  inBrowser,
  ARTIFACTS,
  CHROMIUM,
  checkPage,
  nav,
  STEP_TIMEOUT_MS,
  VIEWPORTS,
  type Viewport,
} from "./browserKit.ts";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "dashboard-claims-"));
const store = createLocalReceiptStore(path.join(dataDir, "receipts"));
let app: TestApp;
let adminToken: string;
// The run's current screen size and tenant (each size gets its own tenant).
let viewport: Viewport;
let tenant: OnboardedTenant;

/**
 * The receipt claims page, the claims and tiers settings and the overview's newer figures, in
 * Debian's Chromium at phone and desktop sizes: an owner sees pending claims oldest first with
 * their photos, cannot reject without a reason, approves one into a purchase and rejects another;
 * saves claim limits and tiers (read back through the API); the overview matches the analytics
 * API; a staff member whose permission to log purchases is taken away sees the API's refusal, not
 * a crash. Receipts are stored in this file's own DATA_DIR, as the app stores them.
 */
describe("receipt claims, claim and tier settings, and the overview in a real browser", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)`);
    if (!existsSync(path.join(WEB_DIST, "dashboard/index.html"))) await buildWeb();
    app = await startTestApp({ config: { DATA_DIR: dataDir } });
    adminToken = await platformLogin(app, await createPlatformAdmin(app.pool));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const size of VIEWPORTS) {
    it(`when an owner reviews receipt claims, saves claim and tier settings and opens the overview at ${size.name} size, then every step is done and checked in the API and the database`, async () => {
      viewport = size;
      tenant = await onboardTenant(app, adminToken, `Claims Kitchen ${size.name}`);
      await inBrowser(size, async (page) => {
        await ownerWalkThrough(page);
        await staffRefused(page);
      });
    }, 420_000);
  }
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `web-claims-${viewport.name}-${name}.png`), fullPage: true });

async function ownerWalkThrough(page: Page): Promise<void> {
  // A customer who joined in the chat (a message in and out), an API purchase, two claims.
  const joined = `234803${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const since = app.graph.requests.length;
  await app.sendText(joined, `JOIN ${tenant.vendorCode}`);
  await app.repliesTo(joined, 1, since, 90_000);
  const other = randomPhone();
  expect(
    (
      await call(app, "post", "/api/v1/purchases", {
        token: tenant.ownerToken,
        body: { customer_phone: `+${other}`, amount_kobo: 200_000 },
      })
    ).status,
  ).toBe(201);
  const older = await fileClaim(joined, 500_000, new Date(Date.now() - 2 * 3_600_000));
  const newer = await fileClaim(other, 120_000, new Date(Date.now() - 5 * 60_000));

  await signIn(page, tenant.ownerEmail, tenant.ownerPassword);
  await page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  // The nav entry counts the claims waiting.
  await page
    .getByRole("navigation")
    .getByRole("link", { name: "Claims (2 pending)" })
    .waitFor({ timeout: STEP_TIMEOUT_MS });

  await nav(page, /^Claims/);
  await page.getByRole("heading", { name: "Receipt claims" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const rows = page.locator("ul.rows > li");
  await rows.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(await rows.locator(".row-main strong").allTextContents()).toEqual(["₦5,000", "₦1,200"]);
  await rows.first().getByText(`+${joined}`).waitFor();
  await rows.first().getByText("2 hours ago").waitFor();
  await rows.nth(1).getByText("5 minutes ago").waitFor();
  await checkPage(page, viewport, "claims list");
  await shot(page, "01-list");

  // Open the older one: its photo loads through the session cookie.
  await page.getByRole("button", { name: `Review the ₦5,000 claim from +${joined}` }).click();
  const photo = page.getByRole("img", { name: `Receipt sent by +${joined} for ₦5,000` });
  await expect
    .poll(() => photo.evaluate((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth), {
      timeout: STEP_TIMEOUT_MS,
    })
    .toBe(120);
  await page.getByRole("button", { name: "Reject", exact: true }).click();
  await checkPage(page, viewport, "claim review");
  await shot(page, "02-review");
  // Rejecting without a reason is refused before anything is sent.
  await page.getByRole("button", { name: "Confirm reject", exact: true }).click();
  await page.getByRole("alert").getByText("Give a reason for rejecting").waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(await claimRow(older)).toMatchObject({ status: "pending", purchase_id: null });
  await page.getByRole("button", { name: "Cancel", exact: true }).click();

  // Approve: a purchase through the earning rules (1 point per ₦100), the list and count refreshed.
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await page
    .getByRole("status")
    .getByText(`Approved: ₦5,000, +50 points for +${joined}.`)
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  await expect.poll(() => rows.locator(".row-main strong").allTextContents()).toEqual(["₦1,200"]);
  await page
    .getByRole("navigation")
    .getByRole("link", { name: "Claims (1 pending)" })
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  const approved = await claimRow(older);
  expect(approved).toMatchObject({ status: "approved", reviewed_by_user_id: expect.any(String) });
  expect(await purchaseRow(approved.purchase_id ?? "")).toEqual({
    amount_ngn: 500_000,
    points_awarded: 50,
    source: "customer_self",
    receipt_url: `/api/v1/claims/${older}/receipt`,
  });

  // Reject the other with a reason: the customer is told it, nothing is awarded.
  await page.getByRole("button", { name: `Review the ₦1,200 claim from +${other}` }).click();
  await page.getByRole("button", { name: "Reject", exact: true }).click();
  await page.getByLabel("Reason for rejecting").fill("The receipt is from another shop");
  await page.getByRole("button", { name: "Confirm reject", exact: true }).click();
  await page
    .getByRole("status")
    .getByText(`Rejected: ₦1,200 from +${other} (“The receipt is from another shop”).`, { exact: false })
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByText("No claims are waiting.", { exact: false }).waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(await claimRow(newer)).toMatchObject({
    status: "rejected",
    rejection_reason: "The receipt is from another shop",
    purchase_id: null,
  });
  await page.getByRole("navigation").getByRole("link", { name: "Claims", exact: true }).waitFor();
  await checkPage(page, viewport, "claims decided");
  await shot(page, "03-decided");

  await settingsSaved(page);
  await overviewFigures(page);
}

async function settingsSaved(page: Page): Promise<void> {
  await nav(page, "Settings");
  await page.getByRole("heading", { name: "Settings", exact: true }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const claimsForm = page.getByRole("form", { name: "Receipt claims" });
  await claimsForm.getByLabel("Claims per customer per day").fill("0");
  await claimsForm.getByRole("button", { name: "Save receipt claims" }).click();
  await claimsForm.getByRole("alert").getByText("from 1 to 50").waitFor({ timeout: STEP_TIMEOUT_MS });
  await claimsForm.getByLabel("Claims per customer per day").fill("5");
  await claimsForm.getByLabel("Largest amount per claim (₦)").fill("250,000");
  await claimsForm.getByLabel("Customers may claim points with a receipt photo").uncheck();
  await claimsForm.getByRole("button", { name: "Save receipt claims" }).click();
  await claimsForm.getByText("Receipt claims off", { exact: false }).waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(await claimSettings()).toEqual({ enabled: false, max_per_day: 5, max_amount_kobo: 25_000_000 });
  await claimsForm.getByLabel("Customers may claim points with a receipt photo").check();
  await claimsForm.getByRole("button", { name: "Save receipt claims" }).click();
  await claimsForm
    .getByText("Receipt claims on: up to 5 a day per customer, ₦250,000 at most each.")
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(await claimSettings()).toEqual({ enabled: true, max_per_day: 5, max_amount_kobo: 25_000_000 });

  // Tiers: the form refuses what the API would, then saves; a removed row is gone in the API too.
  const tiersForm = page.getByRole("form", { name: "Tiers" });
  await tiersForm.getByText("No tiers", { exact: false }).waitFor();
  await tiersForm.getByRole("button", { name: "Add a tier" }).click();
  await tiersForm.getByRole("button", { name: "Add a tier" }).click();
  await tiersForm.getByLabel("Tier 1 name").fill("Gold");
  await tiersForm.getByLabel("Tier 1 points needed").fill("2000");
  await tiersForm.getByLabel("Tier 1 multiplier").fill("1.5");
  await tiersForm.getByLabel("Tier 2 name").fill("Silver");
  await tiersForm.getByLabel("Tier 2 points needed").fill("500");
  await tiersForm.getByLabel("Tier 2 multiplier").fill("1.25");
  await tiersForm.getByRole("button", { name: "Save tiers" }).click();
  await tiersForm
    .getByRole("alert")
    .getByText("Tier 2: needs more points than tier 1")
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  await tiersForm.getByLabel("Tier 2 multiplier").fill("1.255");
  await tiersForm.getByLabel("Tier 1 name").fill("Silver");
  await tiersForm.getByLabel("Tier 1 points needed").fill("500");
  await tiersForm.getByLabel("Tier 1 multiplier").fill("1.25");
  await tiersForm.getByLabel("Tier 2 name").fill("Gold");
  await tiersForm.getByLabel("Tier 2 points needed").fill("2,000");
  await tiersForm.getByRole("button", { name: "Save tiers" }).click();
  await tiersForm.getByRole("alert").getByText("Tier 2: the multiplier is from 1 to 5").waitFor();
  await tiersForm.getByLabel("Tier 2 multiplier").fill("1.5");
  await tiersForm.getByRole("button", { name: "Add a tier" }).click();
  await tiersForm.getByLabel("Tier 3 name").fill("Platinum");
  await tiersForm.getByLabel("Tier 3 points needed").fill("10000");
  await tiersForm.getByLabel("Tier 3 multiplier").fill("2");
  await tiersForm.getByRole("button", { name: "Save tiers" }).click();
  await tiersForm
    .getByText(
      "Tiers saved: Silver from 500 points ×1.25, Gold from 2,000 points ×1.5, Platinum from 10,000 points ×2.",
    )
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(await tiers()).toEqual([
    { name: "Silver", min_points: 500, multiplier: 1.25 },
    { name: "Gold", min_points: 2000, multiplier: 1.5 },
    { name: "Platinum", min_points: 10_000, multiplier: 2 },
  ]);
  await checkPage(page, viewport, "settings with tiers");
  await shot(page, "04-settings");
  await tiersForm.getByRole("button", { name: "Remove tier 2 (Gold)" }).click();
  await tiersForm.getByRole("button", { name: "Save tiers" }).click();
  await tiersForm
    .getByText("Tiers saved: Silver from 500 points ×1.25, Platinum from 10,000 points ×2.")
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(await tiers()).toEqual([
    { name: "Silver", min_points: 500, multiplier: 1.25 },
    { name: "Platinum", min_points: 10_000, multiplier: 2 },
  ]);
  // After a reload the form shows what the API holds.
  await page.reload();
  await page.getByRole("heading", { name: "Tiers" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(await page.getByLabel("Tier 2 name").inputValue()).toBe("Platinum");
  expect(await page.getByLabel("Largest amount per claim (₦)").inputValue()).toBe("250,000");
}

async function overviewFigures(page: Page): Promise<void> {
  await nav(page, "Overview");
  await page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const to = todayIn("Africa/Lagos");
  const from = new Date(Date.parse(`${to}T12:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const totals = async () =>
    z
      .object({ totals: z.record(z.string(), z.number()) })
      .parse(
        (await call(app, "get", `/api/v1/analytics/summary?from=${from}&to=${to}`, { token: tenant.ownerToken })).body,
      ).totals;
  const tile = (label: string) => page.locator(".stat", { hasText: label }).locator(".stat-value").textContent();
  // Two purchases (₦5,000 approved from the claim, ₦2,000 by the API): ₦3,500 on average.
  await expect.poll(() => tile("Average order"), { timeout: STEP_TIMEOUT_MS }).toBe("₦3,500");
  expect((await totals())["average_order_value_kobo"]).toBe(350_000);
  const first = await totals();
  expect(first["active_customers"]).toBeGreaterThanOrEqual(2);
  expect(first["messages_in"]).toBeGreaterThanOrEqual(1);
  expect(first["messages_out"]).toBeGreaterThanOrEqual(1);
  // The tiles show the API's figures (polled with a reload: a sent message may land between reads).
  await expect
    .poll(
      async () => {
        await page.reload();
        await page.locator(".stat", { hasText: "Average order" }).waitFor({ timeout: STEP_TIMEOUT_MS });
        const t = await totals();
        return {
          shown: {
            active: await tile("Customers who bought or wrote (30 days)"),
            churned: await tile("Churned (no purchase in 90 days)"),
            messages: await tile("WhatsApp messages in / out"),
            average: await tile("Average order"),
          },
          api: {
            active: String(t["active_customers"]),
            churned: String(t["churned_customers"]),
            messages: `${t["messages_in"]} / ${t["messages_out"]}`,
            average: formatNaira(t["average_order_value_kobo"] ?? -1),
          },
        };
      },
      { timeout: STEP_TIMEOUT_MS },
    )
    .toSatisfy(({ shown, api }: { shown: Record<string, string | null>; api: Record<string, string> }) =>
      Object.entries(api).every(([key, value]) => shown[key] === value),
    );
  await checkPage(page, viewport, "overview figures");
  await shot(page, "05-overview");
}

/**
 * A staff member on the claims page loses the permission to log purchases while signed in:
 * Approve shows the API's 403 message and the claim stays pending; after a reload the page
 * says they may only look.
 */
async function staffRefused(page: Page): Promise<void> {
  const customer = randomPhone();
  const pending = await fileClaim(customer, 300_000, new Date());
  const email = `claims-staff-${Date.now()}@vendor.test`;
  const created = await call(app, "post", "/api/v1/staff", {
    token: tenant.ownerToken,
    body: {
      full_name: "Kemi Till",
      email,
      phone_number: uniqueLocalPhone(),
      role: "staff",
      password: "kemi-password-123",
    },
  });
  expect(created.status).toBe(201);
  const staffId = z.object({ id: z.string() }).loose().parse(created.body).id;
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, email, "kemi-password-123");
  await page.getByRole("heading", { name: "Customers" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await nav(page, /^Claims/);
  await page.getByRole("button", { name: `Review the ₦3,000 claim from +${customer}` }).click();
  const revoked = await call(app, "patch", `/api/v1/staff/${staffId}`, {
    token: tenant.ownerToken,
    body: { permissions: { can_log_purchases: false } },
  });
  expect(revoked.status).toBe(200);
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await page.getByRole("alert").getByText("Your role may not do that").waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByRole("heading", { name: "Receipt claims" }).waitFor();
  expect(await claimRow(pending)).toMatchObject({ status: "pending", purchase_id: null });
  await checkPage(page, viewport, "claims refused");
  await shot(page, "06-staff-refused");
  await page.reload();
  await page.getByText("Your role may look at claims but not approve or reject them.").waitFor({
    timeout: STEP_TIMEOUT_MS,
  });
  await page.getByRole("button", { name: `Review the ₦3,000 claim from +${customer}` }).click();
  await page.getByRole("img", { name: `Receipt sent by +${customer} for ₦3,000` }).waitFor();
  expect(await page.getByRole("button", { name: "Approve", exact: true }).count()).toBe(0);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (!page.url().includes("/dashboard")) await page.goto(`${app.url}/dashboard`);
  await page.getByRole("heading", { name: "Sign in to your dashboard" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByLabel("Vendor code").fill(tenant.vendorCode);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

let photos = 0;
/** A real PNG (a receipt-shaped 120 × 160 picture), stored where the app keeps receipts, claimed. */
async function fileClaim(customerPhone: string, amountKobo: number, now: Date): Promise<string> {
  photos += 1;
  const png = new PNG({ width: 120, height: 160 });
  for (let i = 0; i < png.data.length; i += 4) {
    const row = Math.floor(i / 4 / 120);
    const ink = row % 12 < 2 && row > 10;
    png.data[i] = ink ? 40 : 250;
    png.data[i + 1] = ink ? 40 : 248;
    png.data[i + 2] = ink ? 40 : (240 + photos) % 256;
    png.data[i + 3] = 255;
  }
  const bytes = new Uint8Array(PNG.sync.write(png));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const key = receiptKey(tenant.id, sha256);
  await store.put(key, bytes, "image/png");
  const result = await withTenant(app.pool, tenant.id, async (tx) => {
    const customer = await findOrCreateCustomer(tx, { tenantId: tenant.id, phone: customerPhone, optedIn: true });
    if (!customer.ok) throw new Error("customer not created");
    return fileReceiptClaim(tx, {
      tenantId: tenant.id,
      customerId: customer.customer.id,
      amountKobo,
      receipt: { key, sha256, mimeType: "image/png", bytes: bytes.byteLength },
      now,
    });
  });
  if (!result.ok) throw new Error(`claim refused: ${result.reason}`);
  return result.claim.id;
}

const claimRowSchema = z.object({
  status: z.string(),
  purchase_id: z.string().nullable(),
  rejection_reason: z.string().nullable(),
  reviewed_by_user_id: z.string().nullable(),
});

async function claimRow(id: string) {
  return withTenant(app.pool, tenant.id, (tx) =>
    tx.one(sql.type(claimRowSchema)`
      SELECT status, purchase_id, rejection_reason, reviewed_by_user_id FROM purchase_claims WHERE id = ${id}`),
  );
}

async function purchaseRow(id: string) {
  return withTenant(app.pool, tenant.id, (tx) =>
    tx.one(
      sql.type(
        z.object({
          amount_ngn: z.number(),
          points_awarded: z.number(),
          source: z.string(),
          receipt_url: z.string().nullable(),
        }),
      )`SELECT amount_ngn, points_awarded, source, receipt_url FROM purchases WHERE id = ${id}`,
    ),
  );
}

const settingsBody = z
  .object({
    claims: z.object({ enabled: z.boolean(), max_per_day: z.number(), max_amount_kobo: z.number() }),
    tiers: z.array(z.object({ name: z.string(), min_points: z.number(), multiplier: z.number() })),
  })
  .loose();

async function claimSettings() {
  return settingsBody.parse((await call(app, "get", "/api/v1/settings", { token: tenant.ownerToken })).body).claims;
}

async function tiers() {
  return settingsBody.parse((await call(app, "get", "/api/v1/settings", { token: tenant.ownerToken })).body).tiers;
}
