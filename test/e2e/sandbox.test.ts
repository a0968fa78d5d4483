import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { crc32, deflateSync } from "node:zlib";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../src/db/sql.ts";
import { withPlatform } from "../../src/db/withTenant.ts";
import { startRuntime, type Runtime } from "../../src/runtime.ts";
import { createCapturingLogger, createTestPool, testConfig, testDatabaseUrl } from "../helpers/testContext.ts";
import { TEST_REDIS_URL } from "../helpers/testDatabase.ts";

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
const ARTIFACTS = path.resolve("test/artifacts");
const STEP_TIMEOUT_MS = 15_000;

let runtime: Runtime;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let dataDir: string;
const logs = createCapturingLogger("info");

describe("the sandbox web chat in a real browser", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium); .ci/run does this`,
      );
    }
    // Receipt photos the tests send are stored here, not in the repository's .data.
    dataDir = mkdtempSync(path.join(os.tmpdir(), "loyaltylaas-sandbox-data-"));
    const config = testConfig({
      LOG_LEVEL: "info",
      DATA_DIR: dataDir,
      REDIS_URL: TEST_REDIS_URL,
      WHATSAPP_TOKEN: undefined,
      WHATSAPP_PHONE_NUMBER_ID: undefined,
      WHATSAPP_APP_SECRET: undefined,
    });
    runtime = await startRuntime({
      config,
      log: logs.log,
      databaseUrl: testDatabaseUrl(),
      role: "all",
      // One database for every test app: no minute scan of other tests' broadcasts.
      platformSchedules: false,
      host: "127.0.0.1",
      queuePrefix: `{sbx${process.pid}_${Date.now()}}`,
    });
    userDataDir = mkdtempSync(path.join(os.tmpdir(), "loyaltylaas-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
    await runtime?.stop();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it("when a customer joins DEMO, staff log a purchase with the PIN and the customer redeems, then the chat shows the balance and the code", async () => {
    const customer = randomMobile();
    const url = runtime.url ?? "";

    // The start-up block names the sandbox URL, the vendor code and the demo staff credentials.
    const banner = logs.lines.find((line) => line["sandboxUrl"] === `${url}/sandbox`);
    expect(String(banner?.["msg"])).toMatch(/vendor code DEMO .*staff phone \+2348030000001 .*staff PIN 2468/);

    await page.goto(`${url}/sandbox`);
    await expect.poll(() => page.locator("#vendor-name").textContent(), { timeout: STEP_TIMEOUT_MS }).toBe("Demo Café");
    expect(await page.locator("#join-link").getAttribute("href")).toBe("https://wa.me/15550000000?text=JOIN%20DEMO");
    await expect
      .poll(
        () =>
          page
            .locator("#vendor-qr")
            .evaluate((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0),
        { timeout: STEP_TIMEOUT_MS },
      )
      .toBe(true);

    // Customer, by keyboard alone: type the number, Enter; type JOIN DEMO, Enter.
    await chatAs(customer);
    await page.focus("#message-input");
    await page.keyboard.type("JOIN DEMO");
    await page.keyboard.press("Enter");
    await botSays(/Welcome to Demo Café/);
    // A first-time member is offered the languages before the menu; the page's picker answers it.
    await botSays(/Which language should I use\?/);
    const beforePidgin = await page.locator("#messages > li").count();
    await page.selectOption("#language-select", "pcm");
    await page.locator("#language-form button[type='submit']").click();
    await botSays(/from now I go dey yarn you for Pidgin/, beforePidgin);
    await botSays(/Wetin you wan do\?/, beforePidgin);
    // And back to English for the rest of the walk-through.
    const beforeEnglish = await page.locator("#messages > li").count();
    await page.selectOption("#language-select", "en");
    await page.locator("#language-form button[type='submit']").click();
    await botSays(/What would you like to do\?/, beforeEnglish);
    // The status callbacks went back through the signed webhook: the ticks turn to read.
    await page.locator("li.msg.out[data-status='read']").first().waitFor({ timeout: STEP_TIMEOUT_MS });

    // Staff persona: STAFF, the PIN, LOG, then tap the Yes button.
    await page.locator("#persona-staff").check();
    await expect
      .poll(() => page.locator("#chatting-as").textContent(), { timeout: STEP_TIMEOUT_MS })
      .toContain("+2348030000001");
    await botSays(/enter your PIN/, await say("STAFF"));
    await botSays(/you're signed in/, await say("2468"));
    const confirm = await botSays(
      /Log ₦5,000(\.00)? for .* \(\+50 points\)\? YES \/ NO/,
      await say(`LOG ${customer} 5000`),
    );
    const beforeYes = await page.locator("#messages > li").count();
    await confirm.locator("button[data-reply-id='YES']").focus();
    await page.keyboard.press("Enter");
    await botSays(/Recorded ₦5,000(\.00)? for .*: \+50 points, balance 50/, beforeYes);

    // Back to the customer: the balance, then REDEEM, pick the reward, confirm, see the code.
    await chatAs(customer);
    await botSays(/You have 50 points/, await say("BALANCE"));
    const choose = await botSays(/Which reward would you like\?/, await say("REDEEM"));
    const beforePick = await page.locator("#messages > li").count();
    await choose.locator("button", { hasText: "Free coffee" }).click();
    const sure = await botSays(/Free coffee/, beforePick);
    const beforeSure = await page.locator("#messages > li").count();
    await sure.locator("button[data-reply-id='YES']").click();
    const code = await botSays(/Show this code at the till: [A-Z0-9]{4,}/, beforeSure);
    const shown = /Show this code at the till: ([A-Z0-9-]+)/.exec((await code.textContent()) ?? "")?.[1];
    expect(shown).toBeDefined();

    // The database agrees with the chat: one purchase of ₦5,000 and one redemption with that code.
    const pool = await createTestPool();
    try {
      const rows = await withPlatform(pool, (tx) =>
        tx.one(sql.type(z.object({ purchases: z.number(), redemptions: z.number() }))`
          SELECT
            (SELECT count(*)::int FROM purchases p JOIN customers c ON c.id = p.customer_id
              WHERE c.phone_number = ${customer} AND p.amount_ngn = 500000) AS purchases,
            (SELECT count(*)::int FROM reward_redemptions r JOIN customers c ON c.id = r.customer_id
              WHERE c.phone_number = ${customer} AND r.redemption_code = ${shown ?? ""}) AS redemptions
        `),
      );
      expect(rows).toEqual({ purchases: 1, redemptions: 1 });
    } finally {
      await pool.end();
    }

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator("li.msg.out").last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "sandbox.png") });

    // Phone-sized: one column, nothing wider than the screen, the composer still reachable.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator("#message-input").scrollIntoViewIfNeeded();
    expect(await page.locator("#message-input").isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "sandbox-mobile.png"), fullPage: true });
  }, 120_000);

  it("when a vendor sends REGISTER and answers every step, then the chat shows the join link and the QR poster as an image served by the app", async () => {
    const owner = randomMobile();
    const tag = Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join("");
    const url = runtime.url ?? "";
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${url}/sandbox`);
    await chatAs(owner);

    await botSays(/What is your business called\?/, await say("REGISTER"));
    await botSays(new RegExp(`I suggest ${tag}SUYASP`), await say(`${tag} Suya Spot`));
    await botSays(/What is your name/, await say("YES"));
    await botSays(/Choose an owner PIN/, await say("Aisha Bello"));
    await botSays(/Type the same PIN again/, await say("7305"));
    await botSays(/for every ₦100/, await say("7305"));
    await botSays(/first reward/, await say("1"));
    await botSays(/Reply YES to create your programme/, await say("200 Free suya"));
    const since = await say("YES");
    await botSays(/is live on a 30-day free trial/, since);
    const poster = await botSays(/Your QR poster/, since);

    const image = poster.locator("img.image");
    await expect
      .poll(
        () =>
          image.evaluate(
            (img) =>
              img instanceof HTMLImageElement &&
              img.complete &&
              img.naturalWidth === 1748 &&
              img.naturalHeight === 2480,
          ),
        { timeout: STEP_TIMEOUT_MS },
      )
      .toBe(true);
    const src = await image.getAttribute("src");
    expect(src).toMatch(/^\/sandbox\/media\/\d+$/);
    const served = await fetch(`${url}${src ?? ""}`);
    expect(served.headers.get("content-type")).toBe("image/png");

    mkdirSync(ARTIFACTS, { recursive: true });
    await poster.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "sandbox-register.png") });
  }, 120_000);

  it("when a customer attaches a receipt photo with the caption 5000, then the chat shows the photo and the bot's 'sent for review'", async () => {
    const customer = randomMobile();
    const url = runtime.url ?? "";
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${url}/sandbox`);
    await chatAs(customer);
    await botSays(/Welcome to Demo Café/, await say("JOIN DEMO"));

    const since = await page.locator("#messages > li").count();
    await page.setInputFiles("#photo-input", { name: "receipt.png", mimeType: "image/png", buffer: tinyPng() });
    await page.fill("#photo-caption", "5000");
    await page.locator("#photo-button").click();
    const sent = page.locator("li.msg.in", { hasText: "5000" }).last();
    await sent.waitFor({ timeout: STEP_TIMEOUT_MS });
    await expect
      .poll(
        () =>
          sent
            .locator("img.image")
            .evaluate((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth === 8),
        { timeout: STEP_TIMEOUT_MS },
      )
      .toBe(true);
    await botSays(/Your receipt for ₦5,000(\.00)? has been sent for review/, since);
    // The form is cleared for the next photo.
    expect(await page.locator("#photo-caption").inputValue()).toBe("");

    // A file that is not a JPEG or PNG never leaves the page.
    await page.setInputFiles("#photo-input", { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hi") });
    await page.locator("#photo-button").click();
    await expect
      .poll(() => page.locator("#send-status").textContent(), { timeout: STEP_TIMEOUT_MS })
      .toContain("JPEG or PNG");
  }, 120_000);
});

/** Switches persona by typing a phone number and pressing Enter, as a keyboard user would. */
async function chatAs(phone: string): Promise<void> {
  await page.focus("#phone-input");
  await page.fill("#phone-input", phone);
  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.locator("#chatting-as").textContent(), { timeout: STEP_TIMEOUT_MS })
    .toContain(`+${phone}`);
}

/** Sends `text` from the message box with Enter; answers where the bot's replies to it start. */
async function say(text: string): Promise<number> {
  const since = await page.locator("#messages > li").count();
  await page.fill("#message-input", text);
  await page.press("#message-input", "Enter");
  await page.locator("li.msg.in", { hasText: text }).last().waitFor({ timeout: STEP_TIMEOUT_MS });
  return since;
}

/** Waits for a bot message whose text matches `pattern`, at or after position `since` in the chat. */
async function botSays(pattern: RegExp, since = 0) {
  const handle = await page
    .waitForFunction(
      ({ source, flags, from }) => {
        const items = [...document.querySelectorAll("#messages > li")].slice(from);
        const match = items.find(
          (li) =>
            li.classList.contains("out") &&
            new RegExp(source, flags).test(li.querySelector(".bubble")?.textContent ?? ""),
        );
        return match instanceof HTMLElement ? match.dataset["id"] : false;
      },
      { source: pattern.source, flags: pattern.flags, from: since },
      { timeout: STEP_TIMEOUT_MS },
    )
    .catch(async (err: unknown) => {
      const chat = await page.locator("#messages > li").allTextContents();
      throw new Error(`the bot never said ${String(pattern)}; the chat:\n${chat.join("\n---\n")}`, { cause: err });
    });
  const id = await handle.jsonValue();
  return page.locator(`li[data-id="${String(id)}"]`);
}

/** A random Nigerian mobile number (0803…): staff can LOG purchases only for valid mobiles and landlines. */
function randomMobile(): string {
  return `234803${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}

/** An 8×8 PNG of random colours (a real image the browser draws, and a new one every run). */
function tinyPng(): Buffer {
  const size = 8;
  const rows = Buffer.concat(
    Array.from({ length: size }, () => Buffer.concat([Buffer.from([0]), randomBytes(size * 3)])),
  );
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.byteLength);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
