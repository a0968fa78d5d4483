import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { addStaff, createTestTenant, startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("staff PIN removed during a session", () => {
  it("when the owner removes the PIN after STAFF, then the PIN is refused as not staff and the session ends", async () => {
    const tenant = await createTestTenant(app.pool);
    const staffPhone = randomPhone();
    const staffId = await addStaff(app.pool, tenant, staffPhone, "4321");
    await app.sendText(staffPhone, `JOIN ${tenant.vendorCode}`);
    await app.repliesTo(staffPhone, 2);
    const [askPin] = await app.say(staffPhone, "STAFF", 1);
    expect(askPin).toContain("PIN");

    await withPlatform(app.pool, (tx) =>
      tx.query(sql.type(z.object({ id: z.uuid() }))`
        UPDATE vendor_users SET staff_pin_hash = NULL, pin_enabled = false WHERE id = ${staffId} RETURNING id`),
    );
    const replies = await app.say(staffPhone, "4321", 1);
    expect(replies.join("\n")).toContain("not set up as staff");
    expect(replies.join("\n")).not.toContain("locked");
    const session = await withPlatform(app.pool, (tx) =>
      tx.oneFirst(sql.type(z.object({ staff_user_id: z.uuid().nullable() }))`
        SELECT staff_user_id FROM contacts WHERE phone_number = ${staffPhone}`),
    );
    expect(session).toBeNull();
  });
});
