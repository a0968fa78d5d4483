import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { startTestApp, type TestApp } from "../../helpers/testApp.ts";
import {
  call,
  createPlatformAdmin,
  errorBody,
  onboardTenant,
  platformLogin,
  uniqueLocalPhone,
  type OnboardedTenant,
} from "./apiHelpers.ts";

let app: TestApp;
let platformToken: string;
let tenant: OnboardedTenant;
let other: OnboardedTenant;

beforeAll(async () => {
  app = await startTestApp({ role: "web" });
  platformToken = await platformLogin(app, await createPlatformAdmin(app.pool));
  tenant = await onboardTenant(app, platformToken, "Export Eatery");
  other = await onboardTenant(app, platformToken, "Other Outfit");
}, 120_000);
afterAll(async () => {
  await app.stop();
});

const report = z.object({
  dry_run: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  kept_opted_out: z.number(),
});
const refused = z.object({
  error: z.object({
    code: z.literal("invalid_rows"),
    details: z.object({ rows: z.array(z.object({ line: z.number(), message: z.string() })) }),
  }),
});

function csvRows(text: unknown): string[][] {
  return z
    .string()
    .parse(text)
    .trim()
    .split("\r\n")
    .map((line) => line.split(","));
}

describe("customer CSV import", { timeout: 90_000 }, () => {
  it("when the file has bad rows, then nothing is written and each bad row is reported with its line number", async () => {
    const good = uniqueLocalPhone();
    const csv = [
      "phone,consent,first_name,birth_date",
      `${good},yes,Ada,1990-04-01`,
      "12345,yes,Bad,",
      `${uniqueLocalPhone()},maybe,Who,`,
      `${good},no,Twice,`,
      `${uniqueLocalPhone()},no,Date,31-12-1990`,
    ].join("\n");
    const res = await call(app, "post", "/api/v1/imports/customers", {
      token: tenant.ownerToken,
      body: { csv, dry_run: false },
    });
    expect(res.status).toBe(422);
    const rows = refused.parse(res.body).error.details.rows;
    expect(rows.map((row) => row.line)).toEqual([3, 4, 5, 6]);
    expect(rows[0]?.message).toContain("not a phone number");
    expect(rows[1]?.message).toContain("consent must be yes or no");
    expect(rows[2]?.message).toContain("the same phone as line 2");
    expect(rows[3]?.message).toContain("birth_date");
    const exported = await call(app, "get", "/api/v1/exports/customers.csv", { token: tenant.ownerToken });
    expect(csvRows(exported.body)).toHaveLength(1);
  });

  it("when a file lacks the consent column, then it is refused naming the column", async () => {
    const res = await call(app, "post", "/api/v1/imports/customers", {
      token: tenant.ownerToken,
      body: { csv: `phone\n${uniqueLocalPhone()}\n` },
    });
    expect(res.status).toBe(422);
    expect(refused.parse(res.body).error.details.rows[0]).toEqual({ line: 1, message: "missing column(s): consent" });
  });

  it("when a good file is dry-run, then it reports what it would do and writes nothing; run for real, it creates the customers with their consent, and a second run changes nothing", async () => {
    const [ada, bola] = [uniqueLocalPhone(), uniqueLocalPhone()];
    const csv = `\uFEFFPhone,Consent,First Name,Tags\r\n"${ada}",yes,"Ada, the first",vip;regular\r\n${bola},no,"=HYPERLINK(""x"")",\r\n`;
    const dry = await call(app, "post", "/api/v1/imports/customers", { token: tenant.ownerToken, body: { csv } });
    expect(dry.status).toBe(200);
    expect(report.parse(dry.body)).toEqual({
      dry_run: true,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      kept_opted_out: 0,
    });
    const count = () =>
      withPlatform(app.pool, (tx) =>
        tx.oneFirst(
          sql.type(
            z.object({ n: z.number() }),
          )`SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenant.id}`,
        ),
      );
    expect(await count()).toBe(0);

    const real = await call(app, "post", "/api/v1/imports/customers", {
      token: tenant.ownerToken,
      body: { csv, dry_run: false },
    });
    expect(report.parse(real.body)).toEqual({
      dry_run: false,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      kept_opted_out: 0,
    });
    expect(await count()).toBe(2);
    const again = await call(app, "post", "/api/v1/imports/customers", {
      token: tenant.ownerToken,
      body: { csv, dry_run: false },
    });
    expect(report.parse(again.body)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const exported = await call(app, "get", "/api/v1/exports/customers.csv", { token: tenant.ownerToken });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("text/csv");
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="customers.csv"');
    const text = z.string().parse(exported.body);
    expect(text.split("\r\n")[0]).toBe(
      "id,phone,first_name,last_name,whatsapp_name,email,status,marketing_consent,birth_date,purchases,spent_kobo,points_balance,tags,joined_at,last_purchase_at",
    );
    expect(text).toContain('"Ada, the first"');
    // A cell a spreadsheet would run as a formula is defused.
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).toMatch(new RegExp(`234${ada.slice(1)},"Ada, the first",,,,active,yes,,0,0,0,vip;regular`));
    expect(text).toMatch(new RegExp(`234${bola.slice(1)},.*,active,no,`));
  });

  it("when a customer who sent STOP is imported with consent yes, then they stay opted out and the report says so", async () => {
    const phone = uniqueLocalPhone();
    await call(app, "post", "/api/v1/imports/customers", {
      token: tenant.ownerToken,
      body: { csv: `phone,consent\n${phone},yes\n`, dry_run: false },
    });
    await withPlatform(app.pool, (tx) =>
      tx.query(sql.type(z.object({ id: z.string() }))`
        UPDATE customers SET opted_in = false, opted_out_at = now() WHERE tenant_id = ${tenant.id} AND phone_number = ${`234${phone.slice(1)}`} RETURNING id`),
    );
    const res = await call(app, "post", "/api/v1/imports/customers", {
      token: tenant.ownerToken,
      body: { csv: `phone,consent,first_name\n${phone},yes,Kemi\n`, dry_run: false },
    });
    expect(report.parse(res.body)).toMatchObject({ updated: 1, kept_opted_out: 1 });
    const optedIn = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(
        sql.type(
          z.object({ opted_in: z.boolean() }),
        )`SELECT opted_in FROM customers WHERE tenant_id = ${tenant.id} AND phone_number = ${`234${phone.slice(1)}`}`,
      ),
    );
    expect(optedIn).toBe(false);
  });
});

describe("CSV exports", { timeout: 90_000 }, () => {
  it("when purchases are exported, then only this tenant's purchases appear, in order, filtered by the range", async () => {
    const phone = uniqueLocalPhone();
    for (const amount of [150_000, 250_000]) {
      const res = await call(app, "post", "/api/v1/purchases", {
        token: tenant.ownerToken,
        body: { customer_phone: phone, amount_kobo: amount },
      });
      expect(res.status).toBe(201);
    }
    const theirs = await call(app, "post", "/api/v1/purchases", {
      token: other.ownerToken,
      body: { customer_phone: uniqueLocalPhone(), amount_kobo: 999_900 },
    });
    expect(theirs.status).toBe(201);

    const all = csvRows((await call(app, "get", "/api/v1/exports/purchases.csv", { token: tenant.ownerToken })).body);
    expect(all[0]).toEqual([
      "id",
      "created_at",
      "customer_id",
      "customer_phone",
      "amount_kobo",
      "points_awarded",
      "source",
      "logged_via",
      "staff",
      "product",
    ]);
    expect(all.slice(1).map((row) => row[4])).toEqual(["150000", "250000"]);
    expect(all.flat()).not.toContain("999900");
    const future = await call(
      app,
      "get",
      `/api/v1/exports/purchases.csv?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      { token: tenant.ownerToken },
    );
    expect(csvRows(future.body)).toHaveLength(1);
    const badRange = await call(app, "get", "/api/v1/exports/purchases.csv?from=yesterday", {
      token: tenant.ownerToken,
    });
    expect(badRange.status).toBe(400);
  });

  it("when a staff member or an unauthenticated caller asks for an export or an import, then it is refused", async () => {
    const staff = await call(app, "post", "/api/v1/staff", {
      token: tenant.ownerToken,
      body: {
        full_name: "Sade Staff",
        email: `sade-${Date.now()}@x.test`,
        phone_number: uniqueLocalPhone(),
        role: "staff",
        password: "staff-password-1",
      },
    });
    expect(staff.status).toBe(201);
    const login = await call(app, "post", "/api/v1/auth/login", {
      body: {
        vendor_code: tenant.vendorCode,
        email: z.object({ email: z.string() }).loose().parse(staff.body).email,
        password: "staff-password-1",
      },
    });
    const staffToken = z.object({ token: z.string() }).parse(login.body).token;
    for (const [method, path, body] of [
      ["get", "/api/v1/exports/customers.csv", undefined],
      ["get", "/api/v1/exports/purchases.csv", undefined],
      ["post", "/api/v1/imports/customers", { csv: "phone,consent\n" }],
    ] as const) {
      expect((await call(app, method, path, { token: staffToken, body })).status).toBe(403);
      const anonymous = await call(app, method, path, { body });
      expect(anonymous.status).toBe(401);
      expect(errorBody.safeParse(anonymous.body).success).toBe(true);
    }
  });
});
