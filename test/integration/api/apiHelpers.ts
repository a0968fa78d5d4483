import { randomInt, randomUUID } from "node:crypto";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { hashSecret } from "../../../src/domain/auth/passwords.ts";
import type { TestApp } from "../../helpers/testApp.ts";

export type ApiResponse = { status: number; body: unknown; headers: Headers };

/** Calls the app's HTTP API; `body` is sent as JSON unless `raw` is given. */
export async function call(
  app: TestApp,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; raw?: string; contentType?: string } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined && options.token !== null) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined;
  if (options.raw !== undefined) payload = options.raw;
  else if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers["content-type"] = options.contentType ?? "application/json";
  const res = await fetch(`${app.url}${path}`, {
    method: method.toUpperCase(),
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get("content-type") ?? "").includes("json")) body = JSON.parse(text);
  return { status: res.status, body, headers: res.headers };
}

/** A platform admin of the test's own (written directly: the env-created first admin is shared). */
export async function createPlatformAdmin(
  pool: DatabasePool,
  role = "super_admin",
): Promise<{ email: string; password: string; id: string }> {
  const email = `admin-${randomUUID()}@platform.test`;
  const password = `pw-${randomUUID()}`;
  const hash = await hashSecret(password);
  const id = await withPlatform(pool, (tx) =>
    tx.oneFirst(sql.type(z.object({ id: z.uuid() }))`
      INSERT INTO platform_admins (email, password_hash, full_name, role) VALUES (${email}, ${hash}, 'Test Admin', ${role}) RETURNING id
    `),
  );
  return { email, password, id };
}

const tokenBody = z.object({ token: z.string() });

export async function platformLogin(app: TestApp, admin: { email: string; password: string }): Promise<string> {
  const res = await call(app, "post", "/api/platform/auth/login", {
    body: { email: admin.email, password: admin.password },
  });
  if (res.status !== 200) throw new Error(`platform login answered ${res.status}: ${JSON.stringify(res.body)}`);
  return tokenBody.parse(res.body).token;
}

export async function vendorLogin(
  app: TestApp,
  who: { vendorCode: string; email: string; password: string },
): Promise<string> {
  const res = await call(app, "post", "/api/v1/auth/login", {
    body: { vendor_code: who.vendorCode, email: who.email, password: who.password },
  });
  if (res.status !== 200) throw new Error(`vendor login answered ${res.status}: ${JSON.stringify(res.body)}`);
  return tokenBody.parse(res.body).token;
}

export type OnboardedTenant = {
  id: string;
  vendorCode: string;
  ownerEmail: string;
  ownerPassword: string;
  ownerToken: string;
};

const usedPhones = new Set<string>();

/** A unique valid Nigerian mobile number as typed by a person (`0803 …`, 11 digits). */
export function uniqueLocalPhone(): string {
  for (;;) {
    const phone = `0803${String(randomInt(1e7)).padStart(7, "0")}`;
    if (!usedPhones.has(phone)) {
      usedPhones.add(phone);
      return phone;
    }
  }
}

const tenantBody = z.object({ id: z.uuid(), vendor_code: z.string() });

/** Creates a tenant through the platform API and logs its owner in. */
export async function onboardTenant(
  app: TestApp,
  adminToken: string,
  name = "Mama Put Kitchen",
): Promise<OnboardedTenant> {
  const ownerEmail = `owner-${randomUUID()}@vendor.test`;
  const ownerPassword = `owner-pw-${randomUUID()}`;
  const res = await call(app, "post", "/api/platform/tenants", {
    token: adminToken,
    body: {
      business_name: name,
      phone_number: uniqueLocalPhone(),
      owner: { email: ownerEmail, password: ownerPassword, full_name: "Ada Owner" },
    },
  });
  if (res.status !== 201) throw new Error(`create tenant answered ${res.status}: ${JSON.stringify(res.body)}`);
  const tenant = tenantBody.parse(res.body);
  const ownerToken = await vendorLogin(app, {
    vendorCode: tenant.vendor_code,
    email: ownerEmail,
    password: ownerPassword,
  });
  return { id: tenant.id, vendorCode: tenant.vendor_code, ownerEmail, ownerPassword, ownerToken };
}

/** Reads a JSON body's field path, for terse assertions. */
export const record = z.record(z.string(), z.unknown());
export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
