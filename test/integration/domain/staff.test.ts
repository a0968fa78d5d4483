import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { checkStaffPin } from "../../../src/domain/staff/checkStaffPin.ts";
import { createStaffMember, type CreateStaffMemberInput } from "../../../src/domain/staff/createStaffMember.ts";
import { findStaffByPhone } from "../../../src/domain/staff/findStaffByPhone.ts";
import { setStaffPin } from "../../../src/domain/staff/setStaffPin.ts";
import { getTenantSettings } from "../../../src/domain/tenants/getTenantSettings.ts";
import { createTestTenant, randomPhone, type TestTenant } from "../../helpers/testContext.ts";
import { day, ledgerCheckedPool } from "./domainFixtures.ts";

let tenant: TestTenant;
const pool = await ledgerCheckedPool(() => tenant);

async function create(overrides: Partial<CreateStaffMemberInput> = {}) {
  const result = await withTenant(pool, tenant.id, (tx) =>
    createStaffMember(tx, {
      tenantId: tenant.id,
      email: `staff-${crypto.randomUUID()}@example.com`,
      fullName: "Ada Staff",
      phoneNumber: randomPhone(),
      role: "staff",
      pin: "4821",
      ...overrides,
    }),
  );
  return result;
}

async function check(contactPhone: string, staffUserId: string, pin: string, now: Date) {
  return withTenant(pool, tenant.id, (tx) => checkStaffPin(tx, { contactPhone, staffUserId, pin, now }));
}

describe("staff PIN", () => {
  it("when wrong PINs are typed, then attempts left go down, the 5th locks for 15 minutes with an audit row, and after 15 minutes the right PIN works", async () => {
    tenant = await createTestTenant(pool);
    const created = await create();
    if (!created.ok) throw new Error(created.reason);
    const staff = created.staff;
    const phone = staff.phoneNumber ?? "";
    const t0 = day(1);

    const attempts = [];
    for (let i = 0; i < 4; i += 1)
      attempts.push(await check(phone, staff.id, "0000", new Date(t0.getTime() + i * 1000)));
    expect(attempts).toEqual([4, 3, 2, 1].map((attemptsLeft) => ({ ok: false, reason: "wrong_pin", attemptsLeft })));
    const until = new Date(t0.getTime() + 4000 + 15 * 60_000);
    expect(await check(phone, staff.id, "1111", new Date(t0.getTime() + 4000))).toEqual({
      ok: false,
      reason: "locked",
      until,
    });
    // While locked even the right PIN is refused.
    expect(await check(phone, staff.id, "4821", new Date(until.getTime() - 1))).toEqual({
      ok: false,
      reason: "locked",
      until,
    });

    const audit = await withTenant(pool, tenant.id, (tx) =>
      tx.any(
        sql.type(
          z.object({ action: z.string(), entity_id: z.string() }),
        )`SELECT action, entity_id FROM audit_logs WHERE action = 'staff.pin_locked'`,
      ),
    );
    expect(audit).toEqual([{ action: "staff.pin_locked", entity_id: staff.id }]);

    expect(await check(phone, staff.id, "4821", until)).toEqual({ ok: true });
    const contact = await withPlatform(pool, (tx) =>
      tx.one(sql.type(z.object({ pin_failures: z.number(), pin_locked_until: z.date().nullable() }))`
        SELECT pin_failures, pin_locked_until FROM contacts WHERE phone_number = ${phone}`),
    );
    expect(contact).toEqual({ pin_failures: 0, pin_locked_until: null });
    expect(await check(phone, staff.id, "9999", until)).toEqual({ ok: false, reason: "wrong_pin", attemptsLeft: 4 });
  });

  it("when a lock has passed without a right PIN, then a wrong PIN starts a fresh count", async () => {
    tenant = await createTestTenant(pool);
    const created = await create();
    if (!created.ok) throw new Error(created.reason);
    const phone = created.staff.phoneNumber ?? "";
    for (let i = 0; i < 5; i += 1) await check(phone, created.staff.id, "0000", day(1));
    expect(await check(phone, created.staff.id, "0000", day(2))).toEqual({
      ok: false,
      reason: "wrong_pin",
      attemptsLeft: 4,
    });
  });

  it("when staff belong to tenant A, then under tenant B they are not found and their PIN cannot be checked", async () => {
    tenant = await createTestTenant(pool);
    const created = await create();
    if (!created.ok) throw new Error(created.reason);
    const phone = created.staff.phoneNumber ?? "";
    expect(await withTenant(pool, tenant.id, (tx) => findStaffByPhone(tx, phone))).toMatchObject({
      id: created.staff.id,
      pinEnabled: true,
    });
    const other = await createTestTenant(pool);
    expect(await withTenant(pool, other.id, (tx) => findStaffByPhone(tx, phone))).toBeNull();
    expect(
      await withTenant(pool, other.id, (tx) =>
        checkStaffPin(tx, { contactPhone: phone, staffUserId: created.staff.id, pin: "4821", now: day(1) }),
      ),
    ).toEqual({ ok: false, reason: "no_pin" });
  });

  it("when a PIN is stored, then only its hash is kept, and changing it is audited", async () => {
    tenant = await createTestTenant(pool);
    const owner = await create({ role: "owner", pin: undefined, phoneNumber: null });
    const created = await create();
    if (!owner.ok || !created.ok) throw new Error("create failed");
    const stored = await withTenant(pool, tenant.id, (tx) =>
      tx.oneFirst(
        sql.type(
          z.object({ staff_pin_hash: z.string().nullable() }),
        )`SELECT staff_pin_hash FROM vendor_users WHERE id = ${created.staff.id}`,
      ),
    );
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain("4821");
    expect(
      await withTenant(pool, tenant.id, (tx) =>
        setStaffPin(tx, { tenantId: tenant.id, staffUserId: created.staff.id, pin: "12", userId: owner.staff.id }),
      ),
    ).toEqual({ ok: false, reason: "invalid_pin" });
    expect(
      await withTenant(pool, tenant.id, (tx) =>
        setStaffPin(tx, { tenantId: tenant.id, staffUserId: created.staff.id, pin: "777777", userId: owner.staff.id }),
      ),
    ).toEqual({ ok: true });
    const phone = created.staff.phoneNumber ?? "";
    expect(await check(phone, created.staff.id, "4821", day(1))).toMatchObject({ ok: false, reason: "wrong_pin" });
    expect(await check(phone, created.staff.id, "777777", day(1))).toEqual({ ok: true });
    const actions = await withTenant(pool, tenant.id, (tx) =>
      tx.anyFirst(
        sql.type(
          z.object({ action: z.string() }),
        )`SELECT action FROM audit_logs WHERE entity_id = ${created.staff.id} ORDER BY created_at`,
      ),
    );
    expect(actions).toEqual(["staff.created", "staff.pin_changed"]);
  });

  it("when the plan's max_staff is reached or the email is taken, then creation is refused as a result", async () => {
    tenant = await createTestTenant(pool, { planSlug: "trial" });
    expect(await create({ role: "owner", email: "owner@example.com" })).toMatchObject({ ok: true });
    expect(await create({ email: "one@example.com" })).toMatchObject({ ok: true });
    expect(await create()).toEqual({ ok: false, reason: "plan_limit" });
    expect(await create({ role: "owner", email: "ONE@example.com" })).toEqual({ ok: false, reason: "email_taken" });
    expect(await create({ pin: "12ab" })).toEqual({ ok: false, reason: "invalid_pin" });
  });
});

describe("tenant settings", () => {
  it("when settings are partly set, then the defaults fill the rest", async () => {
    tenant = await createTestTenant(pool, { settings: { points_expiry_days: 365 } });
    expect(await withTenant(pool, tenant.id, (tx) => getTenantSettings(tx, tenant.id))).toEqual({
      timezone: "Africa/Lagos",
      currency: "NGN",
      points_expiry_days: 365,
      redemption_window_days: 7,
      country: "NG",
      inactive_after_days: 45,
      tiers: [],
      claims: { enabled: true, max_per_day: 3, max_amount_kobo: 10_000_000 },
    });
  });
});
