import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";

/**
 * `npm run web:build` (and `prepare`, so `npm install` builds it): the dashboard and console
 * into web/dist, then the JavaScript each page loads first — its entry and every chunk the HTML
 * preloads — measured gzipped, printed, and written to bundle-size.json. The dashboard's budget
 * is 150 kB; test/integration/web/webBuild.test.ts checks it on a fresh build.
 */
export const DIST = path.resolve(import.meta.dirname, "../dist");
export const DASHBOARD_BUDGET_BYTES = 150 * 1024;

export type FirstLoad = { files: string[]; gzipBytes: number };
export type BundleSize = { dashboard: FirstLoad; admin: FirstLoad };

/** Builds both pages into `outDir` and measures their first load. */
export async function buildWeb(outDir = DIST): Promise<BundleSize> {
  await build({
    configFile: path.resolve(import.meta.dirname, "../vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  const size: BundleSize = {
    dashboard: measureFirstLoad(outDir, "dashboard/index.html"),
    admin: measureFirstLoad(outDir, "admin/index.html"),
  };
  writeFileSync(path.join(outDir, "bundle-size.json"), `${JSON.stringify(size, null, 2)}\n`);
  return size;
}

/** Gzipped bytes of the JavaScript an HTML page of the build loads on first visit. */
export function measureFirstLoad(outDir: string, htmlFile: string): FirstLoad {
  const html = readFileSync(path.join(outDir, htmlFile), "utf8");
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map(
    (m) => m[1] ?? "",
  );
  const unique = [...new Set(files)];
  const gzipBytes = unique.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).length,
    0,
  );
  return { files: unique, gzipBytes };
}

if (import.meta.main) {
  const size = await buildWeb();
  for (const [page, s] of Object.entries(size)) {
    process.stdout.write(
      `web: ${page} first load ${(s.gzipBytes / 1024).toFixed(1)} kB of JavaScript gzipped (${s.files.join(", ")})\n`,
    );
  }
  if (size.dashboard.gzipBytes > DASHBOARD_BUDGET_BYTES) {
    process.stderr.write(`web: the dashboard's first load is over its ${DASHBOARD_BUDGET_BYTES / 1024} kB budget\n`);
    process.exitCode = 1;
  }
}
