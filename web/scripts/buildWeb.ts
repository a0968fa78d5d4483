import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";

/**
 * `npm run web:build` (and `prepare`, so `npm install` builds it): the dashboard and console
 * into web/dist, then the JavaScript each page loads first — its entry and every chunk the HTML
 * preloads — measured gzipped, printed, and written to web/dist/bundle-size.json (the bundle
 * size test reads it). The dashboard's budget is 150 kB.
 */
export const DIST = path.resolve(import.meta.dirname, "../dist");
export const DASHBOARD_BUDGET_BYTES = 150 * 1024;

export type BundleSize = Record<"dashboard" | "admin", { files: string[]; gzipBytes: number }>;

/** Gzipped bytes of the JavaScript an HTML page of the build loads on first visit. */
export function measureFirstLoad(htmlFile: string): { files: string[]; gzipBytes: number } {
  const html = readFileSync(htmlFile, "utf8");
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1] ?? "");
  const unique = [...new Set(files)];
  const gzipBytes = unique.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(DIST, file))).length, 0);
  return { files: unique, gzipBytes };
}

if (import.meta.main) {
  await build({ configFile: path.resolve(import.meta.dirname, "../vite.config.ts"), logLevel: "warn" });
  const size: BundleSize = {
    dashboard: measureFirstLoad(path.join(DIST, "dashboard/index.html")),
    admin: measureFirstLoad(path.join(DIST, "admin/index.html")),
  };
  writeFileSync(path.join(DIST, "bundle-size.json"), `${JSON.stringify(size, null, 2)}\n`);
  for (const [page, s] of Object.entries(size)) {
    process.stdout.write(`web: ${page} first load ${(s.gzipBytes / 1024).toFixed(1)} kB of JavaScript gzipped (${s.files.length} files)\n`);
  }
  if (size.dashboard.gzipBytes > DASHBOARD_BUDGET_BYTES) {
    process.stderr.write(`web: the dashboard's first load is over its ${DASHBOARD_BUDGET_BYTES / 1024} kB budget\n`);
    process.exitCode = 1;
  }
}
