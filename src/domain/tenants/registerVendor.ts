import { randomBytes } from "node:crypto";
import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { enterTenant } from "../../db/withTenant.ts";
import { hashSecret } from "../auth/passwords.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { generateShortCode } from "../customers/generateShortCode.ts";
import { createReward } from "../rewards/createReward.ts";
import { saveRule } from "../rules/saveRule.ts";
import { slugify, TRIAL_DAYS } from "./createTenant.ts";
import { findOwnedTenant } from "./findOwnedTenant.ts";
import { countCompletedSignups, DEFAULT_SIGNUP_LIMITS, type SignupLimits } from "./startSignupAttempt.ts";
import { suggestVendorCode } from "./suggestVendorCode.ts";

export type RegisterVendorInput = {
  /** The owner's WhatsApp id (`2348012345678`): the tenant's phone and the owner's login phone. */
  phoneNumber: string;
  businessName: string;
  /** Upper case, 3–20 letters and digits. */
  vendorCode: string;
  ownerName: string;
  /** The owner PIN, already hashed with hashSecret (the chat hashes it as soon as it is typed). */
  ownerPinHash: string;
  /** Points per ₦100 spent, 1–100: the tenant's default per_amount_spent rule. */
  pointsPer100: number;
  reward: { points: number; name: string } | null;
  now: Date;
  limits?: SignupLimits;
};

export type RegisteredVendor = {
  tenantId: string;
  ownerId: string;
  vendorCode: string;
  businessName: string;
  trialEndsAt: Date;
};

export type RegisterVendorResult =
  | { ok: true; vendor: RegisteredVendor }
  | { ok: false; reason: "code_taken"; suggestion: string }
  | { ok: false; reason: "already_owner"; businessName: string }
  | { ok: false; reason: "daily_limit" };

const DAY_MS = 24 * 60 * 60 * 1000;
const SLUG_ATTEMPTS = 5;
const idRow = z.object({ id: z.uuid() });
const existsRow = z.object({ x: z.number() });

/**
 * Self-service sign-up of a vendor, in the caller's one transaction (which starts on the
 * platform path and ends switched to the new tenant, so RLS applies to what follows): the tenant
 * on the trial plan, its owner (this phone, the PIN hash, no usable password), the default
 * earning rule (per_amount_spent), the first reward if any, the sign-up attempt marked complete,
 * and a `tenant.registered` audit row. A phone that owns a tenant already, a vendor code taken
 * meanwhile (with a free suggestion) and the platform's daily sign-up limit are results, not
 * errors. Used by the WhatsApp REGISTER flow; an HTTP sign-up would call it the same way.
 * @throws on database errors, or when a rule or reward the sign-up made is refused (a bug).
 */
export async function registerVendor(tx: Tx, input: RegisterVendorInput): Promise<RegisterVendorResult> {
  const limits = input.limits ?? DEFAULT_SIGNUP_LIMITS;
  // One sign-up at a time platform-wide: the daily count and the code check then hold until commit.
  await tx.query(sql.type(noRows)`SELECT pg_advisory_xact_lock(hashtextextended('signup:register', 0))`);
  const owned = await findOwnedTenant(tx, input.phoneNumber);
  if (owned !== null) return { ok: false, reason: "already_owner", businessName: owned.businessName };
  if ((await countCompletedSignups(tx, input.now)) >= limits.completedPerDay)
    return { ok: false, reason: "daily_limit" };
  const code = await suggestVendorCode(tx, input.vendorCode);
  if (!code.free) return { ok: false, reason: "code_taken", suggestion: code.suggestion };

  const trialEndsAt = new Date(input.now.getTime() + TRIAL_DAYS * DAY_MS);
  const tenantId = await insertTenant(tx, input, trialEndsAt);
  await tx.query(sql.type(noRows)`
    WITH latest AS (
      SELECT id FROM signup_attempts
      WHERE phone_number = ${input.phoneNumber} AND completed_at IS NULL
      ORDER BY started_at DESC LIMIT 1
    ), marked AS (
      UPDATE signup_attempts SET completed_at = ${sql.timestamp(input.now)}, registered_tenant_id = ${tenantId}
      WHERE id IN (SELECT id FROM latest)
      RETURNING id
    )
    INSERT INTO signup_attempts (phone_number, started_at, completed_at, registered_tenant_id)
    SELECT ${input.phoneNumber}, ${sql.timestamp(input.now)}, ${sql.timestamp(input.now)}, ${tenantId}
    WHERE NOT EXISTS (SELECT 1 FROM marked)
  `);

  await enterTenant(tx, tenantId);
  // No password: the owner signs in with the PIN here, or a one-time LOGIN link later.
  const unusablePassword = await hashSecret(randomBytes(32).toString("base64"));
  const ownerId = await tx.oneFirst(sql.type(idRow)`
    INSERT INTO vendor_users (tenant_id, email, password_hash, phone_number, full_name, role, staff_pin_hash, pin_enabled)
    VALUES (${tenantId}, ${placeholderEmail(input.phoneNumber)}, ${unusablePassword}, ${input.phoneNumber},
            ${input.ownerName}, 'owner', ${input.ownerPinHash}, true)
    RETURNING id
  `);
  const rule = await saveRule(tx, {
    tenantId,
    userId: ownerId,
    changes: {
      name: "Points per ₦100 spent",
      description: null,
      ruleType: "per_amount_spent",
      config: { points_per_ngn: input.pointsPer100 / 100 },
      priority: 0,
      conditions: {},
      isActive: true,
      validFrom: null,
      validUntil: null,
    },
  });
  if (!rule.ok) throw new Error(`the sign-up's earning rule was refused: ${rule.reason}`);
  const reward =
    input.reward === null
      ? null
      : await createReward(tx, {
          tenantId,
          userId: ownerId,
          fields: {
            name: input.reward.name,
            description: null,
            pointsRequired: input.reward.points,
            stockQuantity: null,
            maxRedemptionsPerCustomer: null,
            validFrom: null,
            validUntil: null,
            isActive: true,
          },
        });
  await writeAuditLog(tx, {
    tenantId,
    actor: { userType: "vendor_user", userId: ownerId },
    action: "tenant.registered",
    entityType: "tenant",
    entityId: tenantId,
    newValues: {
      channel: "whatsapp",
      businessName: input.businessName,
      vendorCode: input.vendorCode,
      plan: "trial",
      trialEndsAt: trialEndsAt.toISOString(),
      ownerId,
      ruleId: rule.rule.id,
      rewardId: reward?.id ?? null,
    },
  });
  return {
    ok: true,
    vendor: { tenantId, ownerId, vendorCode: input.vendorCode, businessName: input.businessName, trialEndsAt },
  };
}

/** The tenant row, with a unique slug (a random tail when the name's slug is taken). */
async function insertTenant(tx: Tx, input: RegisterVendorInput, trialEndsAt: Date): Promise<string> {
  const baseSlug = slugify(input.businessName);
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt += 1) {
    const slug = attempt === 0 ? baseSlug : `${baseSlug}-${generateShortCode(4).toLowerCase()}`;
    const id = await tx.maybeOneFirst(sql.type(idRow)`
      INSERT INTO tenants (business_name, slug, vendor_code, phone_number, email, subscription_plan_id,
                           subscription_status, trial_ends_at, settings)
      VALUES (
        ${input.businessName}, ${slug}, ${input.vendorCode}, ${input.phoneNumber}, NULL,
        (SELECT id FROM subscription_plans WHERE slug = 'trial'), 'trial', ${sql.timestamp(trialEndsAt)},
        ${sql.jsonb({ timezone: "Africa/Lagos", currency: "NGN", country: "NG" })}
      )
      ON CONFLICT DO NOTHING
      RETURNING id
    `);
    if (id !== null) return id;
    const slugTaken = await tx.exists(sql.type(existsRow)`SELECT 1 AS x FROM tenants WHERE slug = ${slug}`);
    // The code and phone were checked under the sign-up lock; only a platform admin's insert races it.
    if (!slugTaken) throw new Error("a tenant with this vendor code or phone appeared during sign-up");
  }
  throw new Error("could not find a free slug for the new tenant");
}

/**
 * vendor_users.email is required and unique per tenant; a WhatsApp owner has none yet. The
 * `.invalid` domain is reserved (RFC 2606): nothing is ever sent there.
 */
function placeholderEmail(phoneNumber: string): string {
  return `${phoneNumber}@whatsapp.invalid`;
}
