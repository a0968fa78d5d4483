import { randomUUID } from "node:crypto";
import type { DatabasePool } from "slonik";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { noRows, sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { createInvoicePaymentLink } from "../../../src/domain/billing/createInvoicePaymentLink.ts";
import { settlePaystackCharge } from "../../../src/domain/billing/settlePaystackCharge.ts";
import { findOrCreateCustomer } from "../../../src/domain/customers/findOrCreateCustomer.ts";
import { expireSubscriptions } from "../../../src/domain/subscriptions/expireSubscriptions.ts";
import { getSubscriptionUsage } from "../../../src/domain/subscriptions/getSubscriptionUsage.ts";
import { JOB } from "../../../src/jobs/scheduled/scheduledJobs.ts";
import { createPaystackClient, type PaystackClient } from "../../../src/paystack/paystackClient.ts";
import { startFakePaystack, type FakePaystack } from "../../helpers/fakePaystack.ts";
import { createTestPool, createTestTenant, randomPhone } from "../../helpers/testContext.ts";
import { createJobHarness } from "../jobs/jobFixtures.ts";

/**
 * The billing lifecycle driven by the daily per-tenant job with an injected clock (never a
 * sleep): renewals and card charges against a fake Paystack server, payment reminders, the
 * grace period and suspension, reactivation on payment, trial reminders, downgrades at the
 * period's end and customer-limit warnings.
 */
let pool: DatabasePool;
let harness: ReturnType<typeof createJobHarness>;
let paystack: FakePaystack;
let client: PaystackClient;

beforeAll(async () => {
  pool = await createTestPool();
  paystack = await startFakePaystack();
  client = createPaystackClient({ apiUrl: paystack.url, secretKey: paystack.secretKey });
  harness = createJobHarness(pool);
  harness.deps.paystack = client;
  harness.deps.billingGraceDays = 7;
});
afterAll(async () => {
  await harness.close();
  await pool.end();
  await paystack.stop();
});
beforeEach(() => {
  paystack.chargeOutcome = "success";
});

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
/** The end of a paid period: 09:00 in Lagos. */
const PERIOD_END = new Date("2026-12-10T08:00:00Z");
const at = (offsetMs: number) => new Date(PERIOD_END.getTime() + offsetMs);

const billingResult = z.object({ renewal: z.string(), suspended: z.boolean(), notices: z.array(z.string()) });

async function runBilling(tenantId: string, now: Date) {
  return billingResult.parse(await harness.run(JOB.tenantBilling, { tenantId, now: now.toISOString() }));
}

type Shop = { id: string; ownerPhone: string };

/** A tenant with an owner who has a phone, on `plan`, paid until PERIOD_END (or on a trial ending then). */
async function createShop(options: {
  plan: string;
  trial?: boolean;
  card?: string;
  planFeatures?: Record<string, number>;
  /** The language the owner's phone chose with LANGUAGE (a contact row); none: never chose. */
  ownerLanguage?: string;
  settings?: Record<string, unknown>;
  whatsappConfig?: Record<string, unknown>;
}): Promise<Shop> {
  let planSlug = options.plan;
  if (options.planFeatures !== undefined) {
    planSlug = `p-${randomUUID().slice(0, 8)}`;
    await withPlatform(pool, (tx) =>
      tx.query(sql.type(noRows)`
        INSERT INTO subscription_plans (name, slug, price_ngn, billing_period, features, is_active)
        VALUES ('Small', ${planSlug}, 200000, 'monthly', ${sql.jsonb(options.planFeatures ?? {})}, false)`),
    );
  }
  const tenant = await createTestTenant(pool, {
    subscriptionStatus: options.trial === true ? "trial" : "active",
    planSlug,
    ...(options.settings === undefined ? {} : { settings: options.settings }),
    ...(options.whatsappConfig === undefined ? {} : { whatsappConfig: options.whatsappConfig }),
  });
  const ownerPhone = randomPhone();
  await withPlatform(pool, async (tx) => {
    if (options.trial === true) {
      await tx.query(sql.type(noRows)`
        UPDATE tenants SET trial_ends_at = ${sql.timestamp(PERIOD_END)}, created_at = ${sql.timestamp(new Date(PERIOD_END.getTime() - 30 * DAY))}
        WHERE id = ${tenant.id}`);
    } else {
      await tx.query(sql.type(noRows)`
        UPDATE tenants SET subscription_starts_at = ${sql.timestamp(new Date(PERIOD_END.getTime() - 30 * DAY))},
                           subscription_ends_at = ${sql.timestamp(PERIOD_END)}, trial_ends_at = NULL
        WHERE id = ${tenant.id}`);
      await tx.query(sql.type(noRows)`
        INSERT INTO tenant_billing (tenant_id, current_period_start, paystack_authorization_code, paystack_customer_email, card_last4)
        VALUES (${tenant.id}, ${sql.timestamp(new Date(PERIOD_END.getTime() - 30 * DAY))}, ${options.card ?? null}, 'owner@shop.test', '4081')`);
    }
    await tx.query(sql.type(noRows)`
      INSERT INTO vendor_users (tenant_id, email, password_hash, full_name, role, phone_number)
      VALUES (${tenant.id}, ${`owner-${randomUUID()}@shop.test`}, 'x', 'Owner', 'owner', ${ownerPhone})`);
    if (options.ownerLanguage !== undefined) {
      await tx.query(sql.type(noRows)`
        INSERT INTO contacts (phone_number, language) VALUES (${ownerPhone}, ${options.ownerLanguage})`);
    }
  });
  return { id: tenant.id, ownerPhone };
}

const stateRow = z.object({
  subscription_status: z.string(),
  plan: z.string().nullable(),
  subscription_ends_at: z.date().nullable(),
});
async function state(tenantId: string) {
  return withPlatform(pool, (tx) =>
    tx.one(sql.type(stateRow)`
      SELECT t.subscription_status, p.slug AS plan, t.subscription_ends_at
      FROM tenants t LEFT JOIN subscription_plans p ON p.id = t.subscription_plan_id WHERE t.id = ${tenantId}`),
  );
}

const noticeRow = z.object({
  contact_phone: z.string(),
  payload: z.object({
    kind: z.literal("template"),
    name: z.string(),
    language: z.string(),
    bodyParams: z.array(z.string()),
  }),
});
async function ownerNotices(tenantId: string) {
  const rows = await withPlatform(pool, (tx) =>
    tx.any(sql.type(noticeRow)`
      SELECT contact_phone, payload FROM whatsapp_messages
      WHERE tenant_id = ${tenantId} AND direction = 'outbound' AND triggered_by = 'billing_notice' ORDER BY created_at, id`),
  );
  return rows.map((r) => ({
    to: r.contact_phone,
    template: r.payload.name,
    language: r.payload.language,
    text: r.payload.bodyParams[1] ?? "",
  }));
}

const invoiceRow = z.object({
  id: z.string(),
  status: z.string(),
  kind: z.string(),
  total_amount_ngn: z.number(),
  due_date: z.string(),
});
async function invoices(tenantId: string) {
  return withPlatform(pool, (tx) =>
    tx.any(sql.type(invoiceRow)`
      SELECT id, status, kind, total_amount_ngn, due_date::text AS due_date FROM tenant_invoices WHERE tenant_id = ${tenantId} ORDER BY created_at`),
  );
}

const charges = () => paystack.requests.filter((r) => r.path === "/transaction/charge_authorization").length;

describe("renewals and dunning", () => {
  it("when the renewal charge fails, then reminders come on the due date, +3 and +6 days, the shop is suspended after the grace period, and paying reactivates it at once", async () => {
    const shop = await createShop({ plan: "starter", card: "AUTH_will_decline" });
    paystack.chargeOutcome = "failed";
    const chargesBefore = charges();

    const first = await runBilling(shop.id, at(HOUR));
    expect(first).toMatchObject({ renewal: "charge_failed", suspended: false });
    const [renewal] = await invoices(shop.id);
    expect(renewal).toMatchObject({
      kind: "renewal",
      status: "pending",
      total_amount_ngn: 500000,
      due_date: "2026-12-10",
    });
    if (renewal === undefined) throw new Error("no renewal invoice");
    expect(first.notices).toEqual([`dunning:${renewal.id}:0`]);
    expect(charges()).toBe(chargesBefore + 1);
    expect(paystack.requests.at(-2)?.body).toMatchObject({
      authorization_code: "AUTH_will_decline",
      amount: "500000",
      email: "owner@shop.test",
    });

    // The same day again: nothing new, no second charge, no second invoice.
    expect(await runBilling(shop.id, at(2 * HOUR))).toMatchObject({ notices: [], suspended: false });
    expect(charges()).toBe(chargesBefore + 1);
    expect(await invoices(shop.id)).toHaveLength(1);

    expect((await runBilling(shop.id, at(DAY + HOUR))).notices).toEqual([]);
    expect((await runBilling(shop.id, at(3 * DAY + HOUR))).notices).toEqual([`dunning:${renewal.id}:3`]);
    expect((await runBilling(shop.id, at(5 * DAY + HOUR))).notices).toEqual([]);
    expect((await runBilling(shop.id, at(6 * DAY + HOUR))).notices).toEqual([`dunning:${renewal.id}:6`]);
    expect((await state(shop.id)).subscription_status).toBe("active");

    const day7 = await runBilling(shop.id, at(7 * DAY + HOUR));
    expect(day7).toMatchObject({ suspended: true, notices: [] });
    expect((await state(shop.id)).subscription_status).toBe("suspended");

    const notices = await ownerNotices(shop.id);
    expect(notices).toHaveLength(3);
    expect(notices.every((n) => n.to === shop.ownerPhone && n.template === "loyaltylaas_billing_notice")).toBe(true);
    expect(notices[0]?.text).toMatch(
      /is due today\. Unpaid by 17 Dec 2026, your loyalty programme will be paused\. Pay now: https:\/\/checkout\.paystack\.com\//,
    );
    expect(notices[1]?.text).toMatch(/is 3 days overdue/);

    // The owner pays the open invoice: reactivated at once, the paid period continues from its end.
    const link = await createInvoicePaymentLink(
      { pool, paystack: client },
      { tenantId: shop.id, now: at(7 * DAY + 2 * HOUR) },
    );
    if (!link.ok) throw new Error(link.reason);
    expect(link.invoice.id).toBe(renewal.id);
    paystack.pay(link.reference);
    const settled = await settlePaystackCharge(
      { pool, paystack: client },
      { reference: link.reference, now: at(7 * DAY + 3 * HOUR) },
    );
    expect(settled).toMatchObject({ outcome: "applied", reactivated: true });
    expect(await state(shop.id)).toMatchObject({
      subscription_status: "active",
      subscription_ends_at: new Date("2027-01-10T08:00:00Z"),
    });

    // Never suspended again while the period is paid.
    expect(await runBilling(shop.id, at(8 * DAY + HOUR))).toMatchObject({
      suspended: false,
      renewal: "not_due",
      notices: [],
    });
    expect((await state(shop.id)).subscription_status).toBe("active");
  });

  it("when the renewal charge succeeds, then the invoice is paid and the period extended at once, and Paystack's later webhook changes nothing", async () => {
    const shop = await createShop({ plan: "growth", card: "AUTH_good" });
    const result = await runBilling(shop.id, at(HOUR));
    expect(result).toMatchObject({ renewal: "paid", suspended: false, notices: [] });
    expect(await invoices(shop.id)).toMatchObject([{ kind: "renewal", status: "paid", total_amount_ngn: 1500000 }]);
    expect(await state(shop.id)).toMatchObject({
      subscription_status: "active",
      subscription_ends_at: new Date("2027-01-10T08:00:00Z"),
    });
    const charge = paystack.requests.filter((r) => r.path === "/transaction/charge_authorization").at(-1);
    const reference = z.object({ reference: z.string() }).parse(charge?.body).reference;
    expect(await settlePaystackCharge({ pool, paystack: client }, { reference, now: at(2 * HOUR) })).toEqual({
      outcome: "duplicate",
    });
    expect(await runBilling(shop.id, at(DAY + HOUR))).toMatchObject({ renewal: "not_due" });
    expect(await invoices(shop.id)).toHaveLength(1);
  });

  it("when a paid invoice covers today, then the suspension job leaves the tenant serving even if its period looks lapsed", async () => {
    const shop = await createShop({ plan: "starter" });
    await withPlatform(pool, async (tx) => {
      await tx.query(
        sql.type(
          noRows,
        )`UPDATE tenants SET subscription_ends_at = ${sql.timestamp(at(-30 * DAY))} WHERE id = ${shop.id}`,
      );
      await tx.query(sql.type(noRows)`
        INSERT INTO tenant_invoices (tenant_id, invoice_number, amount_ngn, total_amount_ngn, billing_period_start, billing_period_end, status, paid_at)
        VALUES (${shop.id}, ${`INV-T-${randomUUID().slice(0, 8)}`}, 500000, 500000, '2026-12-01', '2026-12-31', 'paid', now())`);
    });
    const result = await withPlatform(pool, (tx) =>
      expireSubscriptions(tx, { now: at(HOUR), graceDays: 7, tenantId: shop.id }),
    );
    expect(result).toEqual({ trialsEnded: [], subscriptionsLapsed: [] });
    expect((await state(shop.id)).subscription_status).toBe("active");
  });
});

describe("a suspended business buying another plan", () => {
  it("when it buys a cheaper plan, then it is reactivated on that plan at once and the skipped renewal is no longer owed", async () => {
    const shop = await createShop({ plan: "growth", card: "AUTH_declines_too" });
    paystack.chargeOutcome = "failed";
    expect(await runBilling(shop.id, at(HOUR))).toMatchObject({ renewal: "charge_failed" });
    expect(await runBilling(shop.id, at(7 * DAY + HOUR))).toMatchObject({ suspended: true });

    const link = await createInvoicePaymentLink(
      { pool, paystack: client },
      { tenantId: shop.id, planSlug: "starter", now: at(7 * DAY + 2 * HOUR) },
    );
    if (!link.ok) throw new Error(link.reason);
    expect(link.invoice).toMatchObject({ kind: "upgrade", totalKobo: 500000 });
    paystack.pay(link.reference);
    const paidAt = at(7 * DAY + 3 * HOUR);
    expect(
      await settlePaystackCharge({ pool, paystack: client }, { reference: link.reference, now: paidAt }),
    ).toMatchObject({
      outcome: "applied",
      reactivated: true,
    });
    expect(await state(shop.id)).toMatchObject({
      subscription_status: "active",
      plan: "starter",
      subscription_ends_at: new Date("2027-01-17T11:00:00Z"),
    });

    const usage = await withTenant(pool, shop.id, (tx) => getSubscriptionUsage(tx, { tenantId: shop.id, now: paidAt }));
    expect(usage.openInvoice).toBeNull();
    const again = await createInvoicePaymentLink({ pool, paystack: client }, { tenantId: shop.id, now: paidAt });
    expect(again).toMatchObject({ ok: false, reason: "no_open_invoice" });
    expect(await runBilling(shop.id, at(9 * DAY + HOUR))).toMatchObject({ suspended: false, notices: [] });
  });
});

describe("trial reminders", () => {
  it("when a trial nears its end, then the owner is told 7, 3 and 1 days before with the plans and a pay link, once each, and suspended when it ends", async () => {
    const shop = await createShop({ plan: "trial", trial: true });
    const day = (d: number) => runBilling(shop.id, at(d * DAY));
    expect((await day(-8)).notices).toEqual([]);
    expect((await day(-7)).notices).toEqual(["trial:7:2026-12-10"]);
    expect((await runBilling(shop.id, at(-7 * DAY + 2 * HOUR))).notices).toEqual([]);
    expect((await day(-6)).notices).toEqual([]);
    expect((await day(-4)).notices).toEqual([]);
    expect((await day(-3)).notices).toEqual(["trial:3:2026-12-10"]);
    expect((await day(-2)).notices).toEqual([]);
    expect((await day(-1)).notices).toEqual(["trial:1:2026-12-10"]);
    expect((await state(shop.id)).subscription_status).toBe("trial");
    expect(await runBilling(shop.id, at(HOUR))).toMatchObject({ suspended: true, notices: [] });
    expect((await state(shop.id)).subscription_status).toBe("suspended");

    const notices = await ownerNotices(shop.id);
    expect(notices.map((n) => n.text.match(/ends in (\d+) days?/)?.[1])).toEqual(["7", "3", "1"]);
    // The seeded plans (other tests' plans are inactive and never offered).
    expect(notices[0]?.text).toContain(
      "Plans: Starter ₦5,000.00/month, Growth ₦15,000.00/month and Pro ₦30,000.00/month.",
    );
    expect(notices[0]?.text).toMatch(
      /Pay for Starter to keep your programme running: https:\/\/checkout\.paystack\.com\//,
    );
    // One upgrade invoice is offered (reused by every reminder); it is an offer, not a debt to chase.
    expect(await invoices(shop.id)).toMatchObject([{ kind: "upgrade", status: "pending", total_amount_ngn: 500000 }]);
  });
});

describe("notices in the owner's language", () => {
  const payLink = (text: string) => text.match(/https:\/\/checkout\.paystack\.com\/\S+$/)?.[0] ?? "no link";
  const trialReminder = (language: "en" | "yo", link: string) => {
    const speaker = createSpeaker(language);
    const plan = (name: string, kobo: number) =>
      speaker.say("billing.planItem", { plan: name, amount: speaker.naira(kobo), period: "monthly" });
    return speaker.say("billing.trial.reminderWithLink", {
      days: 7,
      date: speaker.date(PERIOD_END.toISOString(), "Africa/Lagos"),
      plans: speaker.list([plan("Starter", 500000), plan("Growth", 1500000), plan("Pro", 3000000)]),
      plan: "Starter",
      link,
    });
  };
  const templates = {
    billing_notice_template_yo: { name: "shop_billing_yo", language: "yo" },
    billing_notice_template_ig: { name: "shop_billing_ig", language: "ig" },
  };

  it("when the owner chose Yoruba and the tenant named a Yoruba billing template, then the notice is that template with the words in Yoruba", async () => {
    const shop = await createShop({ plan: "trial", trial: true, ownerLanguage: "yo", whatsappConfig: templates });
    expect((await runBilling(shop.id, at(-7 * DAY))).notices).toEqual(["trial:7:2026-12-10"]);
    const [notice] = await ownerNotices(shop.id);
    expect(notice).toMatchObject({ to: shop.ownerPhone, template: "shop_billing_yo", language: "yo" });
    expect(notice?.text).toBe(trialReminder("yo", payLink(notice?.text ?? "")));
    expect(notice?.text).toContain("ìdánwò ọ̀fẹ́");
  });

  it("when the owner chose Hausa and the tenant has no Hausa template, then the English template gets the English words", async () => {
    const shop = await createShop({ plan: "trial", trial: true, ownerLanguage: "ha", whatsappConfig: templates });
    expect((await runBilling(shop.id, at(-7 * DAY))).notices).toEqual(["trial:7:2026-12-10"]);
    const [notice] = await ownerNotices(shop.id);
    expect(notice).toMatchObject({ template: "loyaltylaas_billing_notice", language: "en" });
    expect(notice?.text).toBe(trialReminder("en", payLink(notice?.text ?? "")));
    expect(notice?.text).toMatch(/^Your free trial ends in 7 days \(10 Dec 2026\)\. Plans: Starter ₦5,000\.00\/month/);
  });

  it("when the owner never chose a language, then the tenant's default decides, and the owner's own choice wins over it", async () => {
    const settings = { timezone: "Africa/Lagos", language: "yo" };
    const byDefault = await createShop({ plan: "trial", trial: true, settings, whatsappConfig: templates });
    const ownChoice = await createShop({
      plan: "trial",
      trial: true,
      settings,
      ownerLanguage: "ig",
      whatsappConfig: templates,
    });
    await runBilling(byDefault.id, at(-7 * DAY));
    await runBilling(ownChoice.id, at(-7 * DAY));
    expect((await ownerNotices(byDefault.id))[0]).toMatchObject({ template: "shop_billing_yo", language: "yo" });
    const [igbo] = await ownerNotices(ownChoice.id);
    expect(igbo).toMatchObject({ template: "shop_billing_ig", language: "ig" });
    expect(igbo?.text).toContain(createSpeaker("ig").date(PERIOD_END.toISOString(), "Africa/Lagos"));
    expect(igbo?.text.startsWith("Nnwale n'efu gị ga-akwụsị n'ime ụbọchị 7")).toBe(true);
  });
});

describe("plan changes at the period's end", () => {
  it("when a downgrade is pending and usage fits, then the renewal switches to the cheaper plan; when usage grew past it, the plan stays and it is audited", async () => {
    const fits = await createShop({ plan: "growth" });
    const over = await createShop({ plan: "growth" });
    await withPlatform(pool, async (tx) => {
      for (const shop of [fits, over]) {
        await tx.query(sql.type(noRows)`
          UPDATE tenant_billing SET pending_plan_id = (SELECT id FROM subscription_plans WHERE slug = 'starter') WHERE tenant_id = ${shop.id}`);
      }
      for (let i = 0; i < 4; i += 1) {
        await tx.query(sql.type(noRows)`
          INSERT INTO vendor_users (tenant_id, email, password_hash, full_name, role) VALUES (${over.id}, ${`s-${randomUUID()}@shop.test`}, 'x', 'Staff', 'staff')`);
      }
    });
    expect(await runBilling(fits.id, at(HOUR))).toMatchObject({ renewal: "invoiced" });
    expect((await state(fits.id)).plan).toBe("starter");
    expect(await invoices(fits.id)).toMatchObject([{ kind: "renewal", total_amount_ngn: 500000 }]);

    expect(await runBilling(over.id, at(HOUR))).toMatchObject({ renewal: "invoiced" });
    expect((await state(over.id)).plan).toBe("growth");
    expect(await invoices(over.id)).toMatchObject([{ kind: "renewal", total_amount_ngn: 1500000 }]);
    const refused = await withPlatform(pool, (tx) =>
      tx.anyFirst(sql.type(z.object({ new_values: z.unknown() }))`
        SELECT new_values FROM audit_logs WHERE tenant_id = ${over.id} AND action = 'subscription.downgrade_refused'`),
    );
    expect(refused).toEqual([{ plan: "growth", reason: "Starter allows 3 staff and you have 4" }]);
  });
});

describe("customer limit warnings", () => {
  it("when customers reach 80 % and then 100 % of the plan's limit, then the owner is told once each this period, with the people turned away", async () => {
    const shop = await createShop({
      plan: "",
      planFeatures: { max_customers: 5, max_staff: 2, broadcasts_per_month: 2, messages_per_month: 100 },
    });
    await withPlatform(pool, (tx) =>
      tx.query(sql.type(noRows)`
        UPDATE tenants SET subscription_ends_at = ${sql.timestamp(at(20 * DAY))} WHERE id = ${shop.id}`),
    );
    const join = (phone: string) =>
      withTenant(pool, shop.id, (tx) =>
        findOrCreateCustomer(tx, { tenantId: shop.id, phone, optedIn: true, now: at(HOUR) }),
      );
    for (let i = 0; i < 3; i += 1) expect((await join(randomPhone())).ok).toBe(true);
    expect((await runBilling(shop.id, at(HOUR))).notices).toEqual([]);
    expect((await join(randomPhone())).ok).toBe(true);
    const period = "2026-11-10";
    expect((await runBilling(shop.id, at(DAY))).notices).toEqual([`customers80:${period}`]);
    expect((await runBilling(shop.id, at(2 * DAY))).notices).toEqual([]);
    expect((await join(randomPhone())).ok).toBe(true);
    expect((await join(randomPhone())).ok).toBe(false);
    expect((await runBilling(shop.id, at(3 * DAY))).notices).toEqual([`customers100:${period}`]);
    expect((await runBilling(shop.id, at(4 * DAY))).notices).toEqual([]);
    const notices = await ownerNotices(shop.id);
    const en = createSpeaker("en");
    expect(notices.map((n) => n.text)).toEqual([
      en.say("billing.customers.nearLimit", { customers: 4, limit: 5, percent: 0.8 }),
      en.say("billing.customers.full", { customers: 5, limit: 5, count: 1 }),
    ]);
    expect(notices[1]?.text).toBe(
      "Your programme is full: 5 of your plan's 5 customers. New customers are being turned away (1 so far). Upgrade your plan (send PLAN) to welcome them.",
    );
  });
});

describe("daily billing dispatch", () => {
  it("when the hourly dispatch runs, then a tenant's billing round is queued once its local morning has come, once per local date", async () => {
    const lagos = await createTestTenant(pool, { settings: { timezone: "Africa/Lagos" } });
    const day = "2026-12-10";
    const jobId = `${JOB.tenantBilling}-${lagos.id}-${day}`;
    // 07:30 UTC is 08:30 in Lagos: too early to write to an owner.
    await harness.run(JOB.billingCycle, { now: "2026-12-10T07:30:00Z" });
    expect(await harness.deps.scheduled.getJob(jobId)).toBeUndefined();
    await harness.run(JOB.billingCycle, { now: "2026-12-10T08:30:00Z" });
    await harness.run(JOB.billingCycle, { now: "2026-12-10T09:30:00Z" });
    const job = await harness.deps.scheduled.getJob(jobId);
    expect(job?.name).toBe(JOB.tenantBilling);
    expect(job?.data).toEqual({ tenantId: lagos.id });
  });
});
