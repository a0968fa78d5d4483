import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/testApp.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.resolve("test/artifacts");

let app: TestApp;
let context: BrowserContext;
let userDataDir: string;

describe("the API reference in a real browser", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium); .ci/run does this`,
      );
    }
    app = await startTestApp({ role: "web" });
    userDataDir = mkdtempSync(path.join(os.tmpdir(), "loyaltylaas-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
      ],
      headless: true,
      viewport: { width: 1280, height: 900 },
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
    await app?.stop();
  });

  it("when /api/docs is opened, then Swagger UI renders the app's document from this origin only", async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    const requested: string[] = [];
    const failed: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    page.on("requestfailed", (request) => failed.push(request.url()));
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });

    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}/api/docs`);
    await page.locator(".info .title", { hasText: "LoyaltyLaaS API" }).waitFor({ timeout: 60_000 });
    // The vendor routes are listed, grouped by tag, with the routes of the minimal contract.
    await page.locator(".opblock-summary-path", { hasText: "/api/v1/purchases" }).first().waitFor({ timeout: 10_000 });
    expect(await page.locator(".opblock").count()).toBeGreaterThan(50);
    expect(await page.locator("button.authorize").count()).toBe(1);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "api-docs.png") });

    expect(failed).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(requested.some((url) => url.endsWith("/api/openapi.json"))).toBe(true);
    expect(requested.filter((url) => !url.startsWith(`${app.url}/`) && !url.startsWith("data:"))).toEqual([]);
    // A 1.7 MB bundle parsed by a browser on two shared cores: generous under load.
  }, 90_000);
});
