import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { addStaff, createTestTenant, startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";

/**
 * Staff sessions are re-checked on every message (issue #13, docs/architecture.md, "Routing and
 * identity"): a staff member disabled, deleted, moved to another phone or whose PIN was removed
 * loses the chat at once.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const changes = {
  disabled: sql.fragment`is_active = false`,
  deleted: sql.fragment`deleted_at = now()`,
  "moved to another phone": sql.fragment`phone_number = ${randomPhone()}`,
  "PIN removed": sql.fragment`staff_pin_hash = NULL, pin_enabled = false`,
};

describe("staff session re-checked on every message", { timeout: 60_000 }, () => {
  for (const [what, change] of Object.entries(changes)) {
    it(`when a signed-in staff member is ${what}, then the next message ends the session and logs nothing`, async () => {
      const tenant = await createTestTenant(app.pool);
      const staffPhone = randomPhone();
      const staffId = await addStaff(app.pool, tenant, staffPhone, "4321");
      await app.sendText(staffPhone, `JOIN ${tenant.vendorCode}`);
      await app.repliesTo(staffPhone, 2);
      await app.say(staffPhone, "STAFF");
      expect((await app.say(staffPhone, "4321")).join("\n")).toContain("signed in");

      await withPlatform(app.pool, (tx) =>
        tx.query(
          sql.type(z.object({ id: z.uuid() }))`UPDATE vendor_users SET ${change} WHERE id = ${staffId} RETURNING id`,
        ),
      );
      const replies = await app.say(staffPhone, `LOG ${randomPhone()} 5000`);
      expect(replies.join("\n")).toContain("Your staff session has ended");
      const session = await withPlatform(app.pool, (tx) =>
        tx.oneFirst(
          sql.type(
            z.object({ staff_user_id: z.uuid().nullable() }),
          )`SELECT staff_user_id FROM contacts WHERE phone_number = ${staffPhone}`,
        ),
      );
      expect(session).toBeNull();
      // YES after the refused LOG records nothing either.
      await app.say(staffPhone, "YES");
      const purchases = await withPlatform(app.pool, (tx) =>
        tx.oneFirst(
          sql.type(
            z.object({ n: z.number() }),
          )`SELECT count(*)::int AS n FROM purchases WHERE tenant_id = ${tenant.id}`,
        ),
      );
      expect(purchases).toBe(0);
    });
  }
});

describe("a big sale over the staff chat", { timeout: 60_000 }, () => {
  it("when staff log a ₦50,000,000 purchase (past the old int4 ceiling), then it is recorded whole", async () => {
    const tenant = await createTestTenant(app.pool);
    const staffPhone = randomPhone();
    const customerPhone = randomPhone();
    await addStaff(app.pool, tenant, staffPhone, "4321");
    await app.sendText(staffPhone, `JOIN ${tenant.vendorCode}`);
    await app.repliesTo(staffPhone, 2);
    await app.say(staffPhone, "STAFF");
    await app.say(staffPhone, "4321");
    expect((await app.say(staffPhone, `LOG ${customerPhone} ₦50,000,000`)).join("\n")).toContain("₦50,000,000.00");
    await app.say(staffPhone, "YES");
    const amount = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(
        sql.type(z.object({ amount_ngn: z.number() }))`SELECT amount_ngn FROM purchases WHERE tenant_id = ${tenant.id}`,
      ),
    );
    expect(amount).toBe(5_000_000_000);
  });
});
