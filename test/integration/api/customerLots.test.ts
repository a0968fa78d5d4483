import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { call, createPlatformAdmin, onboardTenant, platformLogin, uniqueLocalPhone } from "./apiHelpers.ts";

/** The customer detail pages its open lots (issue #13): a customer with many lots is not one huge answer. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ role: "web" });
}, 120_000);
afterAll(async () => {
  await app.stop();
});

const page = z.object({
  lots: z.array(z.object({ id: z.uuid(), points_remaining: z.number() })),
  lots_next_offset: z.number().nullable(),
});

describe("customer detail lots", { timeout: 60_000 }, () => {
  it("when a customer has 5 open lots, then they come 2 at a time with the next offset, and bad paging answers 400", async () => {
    const t = await onboardTenant(
      app,
      await platformLogin(app, await createPlatformAdmin(app.pool)),
      "Many Lots Foods",
    );
    const rule = await call(app, "post", "/api/v1/rules", {
      token: t.ownerToken,
      body: { name: "5 per visit", rule_type: "per_purchase", config: { points_per_purchase: 5 } },
    });
    expect(rule.status).toBe(201);
    const phone = uniqueLocalPhone();
    let customerId = "";
    for (let i = 0; i < 5; i += 1) {
      const res = await call(app, "post", "/api/v1/purchases", {
        token: t.ownerToken,
        body: { customer_phone: phone, amount_kobo: 100_000 },
      });
      customerId = z.object({ customer_id: z.uuid() }).parse(res.body).customer_id;
    }
    const seen: string[] = [];
    let offset: number | null = 0;
    const sizes: number[] = [];
    while (offset !== null) {
      const res = await call(app, "get", `/api/v1/customers/${customerId}?lots_limit=2&lots_offset=${offset}`, {
        token: t.ownerToken,
      });
      expect(res.status).toBe(200);
      const p = page.parse(res.body);
      sizes.push(p.lots.length);
      seen.push(...p.lots.map((l) => l.id));
      offset = p.lots_next_offset;
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(new Set(seen).size).toBe(5);
    const all = page.parse((await call(app, "get", `/api/v1/customers/${customerId}`, { token: t.ownerToken })).body);
    expect(all).toMatchObject({ lots_next_offset: null });
    expect(all.lots).toHaveLength(5);
    for (const bad of ["lots_limit=0", "lots_limit=201", "lots_offset=-1", "lots_limit=x"]) {
      expect((await call(app, "get", `/api/v1/customers/${customerId}?${bad}`, { token: t.ownerToken })).status).toBe(
        400,
      );
    }
  });
});
