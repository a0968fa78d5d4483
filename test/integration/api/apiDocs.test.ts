import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";

/** `/api/docs`: the interactive reference, served by the app itself with no CDN. */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
}, 120_000);
afterAll(async () => {
  await app.stop();
});

/** Every script, stylesheet and icon the page loads, as the browser would resolve them. */
function assetUrls(html: string, base: string): URL[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map(
    (match) => new URL(match[1] ?? "", base),
  );
}

describe("api docs", { timeout: 60_000 }, () => {
  it("when /api/docs is fetched, then the page loads and every asset it names is served by the app", async () => {
    const res = await fetch(`${app.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("<title>LoyaltyLaaS API reference</title>");

    const assets = assetUrls(html, `${app.url}/api/docs`);
    expect(assets.map((url) => url.pathname)).toEqual(
      expect.arrayContaining([
        "/api/docs/assets/swagger-ui.css",
        "/api/docs/assets/swagger-ui-bundle.js",
        "/api/docs/assets/init.js",
      ]),
    );
    for (const url of assets) {
      // Served locally: no CDN, nothing from another host.
      expect(url.origin).toBe(app.url);
      const asset = await fetch(url);
      expect(asset.status, url.pathname).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, url.pathname).toBeGreaterThan(0);
    }
    const bundle = await fetch(`${app.url}/api/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.headers.get("content-type")).toMatch(/javascript/);
    expect(await bundle.text()).toContain("SwaggerUIBundle");
  });

  it("when the page starts Swagger UI, then it points it at /api/openapi.json, which answers with the document", async () => {
    const html = await (await fetch(`${app.url}/api/docs`)).text();
    expect(html).toContain('data-openapi-url="/api/openapi.json"');
    const init = await (await fetch(`${app.url}/api/docs/assets/init.js`)).text();
    expect(init).toContain("root.dataset.openapiUrl");
    const doc = await fetch(`${app.url}/api/openapi.json`);
    expect(doc.status).toBe(200);
    expect(await doc.json()).toMatchObject({ openapi: "3.1.0" });
  });

  it("when a file of the package that the page does not use is asked for, then it is not served", async () => {
    for (const file of [
      "index.html",
      "swagger-initializer.js",
      "package.json",
      "..%2Fpackage.json",
      "swagger-ui-bundle.js.map",
    ]) {
      const res = await fetch(`${app.url}/api/docs/assets/${file}`);
      expect(res.status, file).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });
});
