import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { z } from "zod";

/** What the dashboard's browser tests share: Debian's Chromium, the screen sizes, the page checks. */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const ARTIFACTS = path.resolve("test/artifacts");
export const DOCS = path.resolve("docs");
// Generous: on a busy CI machine a page or a chat reply can take far longer than on a quiet one.
export const STEP_TIMEOUT_MS = 45_000;
const AXE_SOURCE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export const VIEWPORTS = [
  { name: "phone", width: 360, height: 740, mobile: true },
  { name: "desktop", width: 1280, height: 900, mobile: false },
] as const;
export type Viewport = (typeof VIEWPORTS)[number];

/**
 * Runs `work` on a fresh page of Debian's Chromium at `viewport` (a throwaway profile), then
 * expects the page to have thrown no errors, and closes the browser whatever happened.
 */
export async function inBrowser(viewport: Viewport, work: (page: Page) => Promise<void>): Promise<void> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "loyaltylaas-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.mobile,
    hasTouch: viewport.mobile,
    // axe-core is injected as an inline script, which the pages' CSP would refuse.
    bypassCSP: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await work(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Follows a nav entry by its name (exact text, or a pattern for one that carries a count). */
export async function nav(page: Page, title: string | RegExp): Promise<void> {
  await page
    .getByRole("navigation")
    .getByRole("link", typeof title === "string" ? { name: title, exact: true } : { name: title })
    .click();
}

const violationsSchema = z.array(
  z.object({ id: z.string(), impact: z.string().nullable(), help: z.string(), nodes: z.array(z.string()) }),
);
const smallTargetsSchema = z.array(z.object({ what: z.string(), width: z.number(), height: z.number() }));

/**
 * axe-core finds no serious or critical violation; every control is at least 44 × 44 px
 * (inline links in text excepted, as WCAG 2.5.8 allows); nothing is wider than the screen.
 */
export async function checkPage(page: Page, viewport: Viewport, name: string): Promise<void> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = violationsSchema.parse(
    await page.evaluate(
      `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) })))`,
    ),
  );
  expect({
    page: name,
    viewport: viewport.name,
    violations: violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
  }).toEqual({
    page: name,
    viewport: viewport.name,
    violations: [],
  });
  const small = smallTargetsSchema.parse(
    await page.evaluate(`[...document.querySelectorAll("button, input, select, textarea, nav a, .row-main a, a.button")]
      .filter((el) => el.getClientRects().length > 0 && !el.closest(".visually-hidden") && el.type !== "hidden")
      .map((el) => ({ what: el.outerHTML.slice(0, 80), width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height }))
      .filter((r) => r.height < 44 || r.width < 44)`),
  );
  expect({ page: name, small }).toEqual({ page: name, small: [] });
  const wide = z
    .array(z.string())
    .parse(
      await page.evaluate(
        `[...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > ${viewport.width} + 1 && !el.closest("nav.tabs") && !el.closest(".visually-hidden")).map((el) => el.outerHTML.slice(0, 100))`,
      ),
    );
  expect({ page: name, wide }).toEqual({ page: name, wide: [] });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
}
