import path from "node:path";
import { defineConfig } from "vite";

const root = import.meta.dirname;

/**
 * The dashboard (/dashboard) and the platform console (/admin) as two pages of one build, so
 * each loads only its own code; shared code (Preact, the API client, uPlot) becomes shared
 * chunks. Output: web/dist (gitignored), served by express (src/http/web/webRoutes.ts).
 */
export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: path.join(root, "dist"),
    emptyOutDir: true,
    assetsDir: "assets",
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { dashboard: path.join(root, "dashboard/index.html"), admin: path.join(root, "admin/index.html") },
    },
  },
});
