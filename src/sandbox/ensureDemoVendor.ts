import type { DatabasePool } from "slonik";
import { z } from "zod";
import { noRows, sql, type Tx } from "../db/sql.ts";
import { withPlatform } from "../db/withTenant.ts";
import { createStaffMember } from "../domain/staff/createStaffMember.ts";
import type { Logger } from "../logger.ts";

/** The demo vendor sandbox mode creates; the start-up log and the web chat show these. */
export const DEMO_VENDOR = {
  vendorCode: "DEMO",
  businessName: "Demo Café",
  slug: "demo-cafe",
  phoneNumber: "2348039990000",
  greeting: "☕ Every ₦100 you spend earns 1 point. Show your code at the till to get your reward.",
  staff: {
    fullName: "Tunde (demo staff)",
    email: "staff@demo-cafe.example",
    phoneNumber: "2348030000001",
    pin: "2468",
  },
  rewards: [
    { name: "Free coffee", points: 50, description: "Any coffee, any size" },
    { name: "Croissant + coffee", points: 120, description: "Breakfast on us" },
    { name: "Lunch for two", points: 600, description: "Two mains and two drinks" },
  ],
  rule: { name: "1 point per ₦100", config: { points_per_ngn: 0.01 } },
} as const;

export type DemoVendor = { tenantId: string; created: boolean };

/**
 * Creates the demo vendor of sandbox mode unless a vendor with its code exists: Demo Café
 * (`DEMO`), three rewards, a per-amount-spent rule and a staff member with a phone and PIN.
 * Idempotent and safe when two processes start at once (one advisory lock, one transaction).
 * @throws when the database refuses the inserts.
 */
export async function ensureDemoVendor(pool: DatabasePool, log: Logger): Promise<DemoVendor> {
  return withPlatform(pool, async (tx) => {
    await tx.query(sql.type(noRows)`SELECT FROM pg_advisory_xact_lock(hashtextextended('sandbox:demo-vendor', 0))`);
    const existing = await tx.maybeOneFirst(sql.type(idRow)`
      SELECT id FROM tenants WHERE upper(vendor_code) = ${DEMO_VENDOR.vendorCode}
    `);
    if (existing !== null) return { tenantId: existing, created: false };

    const tenantId = await insertTenant(tx);
    for (const reward of DEMO_VENDOR.rewards) {
      await tx.query(sql.type(idRow)`
        INSERT INTO rewards (tenant_id, name, description, points_required, category)
        VALUES (${tenantId}, ${reward.name}, ${reward.description}, ${reward.points}, 'product')
        RETURNING id
      `);
    }
    await tx.query(sql.type(idRow)`
      INSERT INTO points_rules (tenant_id, name, rule_type, config, priority)
      VALUES (${tenantId}, ${DEMO_VENDOR.rule.name}, 'per_amount_spent', ${sql.jsonb(DEMO_VENDOR.rule.config)}, 0)
      RETURNING id
    `);
    const staff = await createStaffMember(tx, {
      tenantId,
      email: DEMO_VENDOR.staff.email,
      fullName: DEMO_VENDOR.staff.fullName,
      phoneNumber: DEMO_VENDOR.staff.phoneNumber,
      role: "staff",
      pin: DEMO_VENDOR.staff.pin,
    });
    if (!staff.ok) throw new Error(`demo staff member not created: ${staff.reason}`);
    log.info({ tenantId, vendorCode: DEMO_VENDOR.vendorCode }, "sandbox demo vendor created");
    return { tenantId, created: true };
  });
}

async function insertTenant(tx: Tx): Promise<string> {
  return tx.oneFirst(sql.type(idRow)`
    INSERT INTO tenants (
      business_name, slug, vendor_code, phone_number, subscription_status, subscription_plan_id,
      settings, whatsapp_config, onboarding_completed
    ) VALUES (
      ${DEMO_VENDOR.businessName}, ${DEMO_VENDOR.slug}, ${DEMO_VENDOR.vendorCode}, ${DEMO_VENDOR.phoneNumber}, 'active',
      (SELECT id FROM subscription_plans WHERE slug = 'growth'),
      ${sql.jsonb({ timezone: "Africa/Lagos", currency: "NGN" })},
      ${sql.jsonb({ greeting_message: DEMO_VENDOR.greeting })},
      true
    )
    RETURNING id
  `);
}

const idRow = z.object({ id: z.uuid() });
