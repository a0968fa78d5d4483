import QRCode from "qrcode";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { templateKeyFor, templateSettingSchema } from "../../domain/tenants/templateSetting.ts";
import { LANGUAGES, parseLanguage, type Language } from "../../../flows/i18n/languages.ts";
import type { Config } from "../../config.ts";
import { buildJoinLink } from "../../conversation/buildJoinLink.ts";
import { withTenant } from "../../db/withTenant.ts";
import { getAnalyticsSummary } from "../../domain/analytics/getAnalyticsSummary.ts";
import { createApiKey } from "../../domain/apiKeys/createApiKey.ts";
import { listApiKeys } from "../../domain/apiKeys/listApiKeys.ts";
import { revokeApiKey } from "../../domain/apiKeys/revokeApiKey.ts";
import { listAuditLogs } from "../../domain/audit/listAuditLogs.ts";
import { findTenant } from "../../domain/tenants/findTenant.ts";
import { tierSchema, tiersSettingSchema } from "../../domain/lifecycle/tiers.ts";
import { getTenantSettings } from "../../domain/tenants/getTenantSettings.ts";
import type { Tenant } from "../../domain/tenants/tenantRecord.ts";
import { updateTenantSettings } from "../../domain/tenants/updateTenantSettings.ts";
import { NotFoundError, ValidationError } from "../../errors.ts";
import type { VendorAuth } from "../auth/authContext.ts";
import { noBody, noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { date, dateTime, idParams, pageOf, pageQuery, text } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";
import { ANY_CALLER, MANAGERS, OWNER_ONLY, PEOPLE } from "./roles.ts";
import { personId } from "./staffRoutes.ts";
import { apiKeyResponse, auditLogResponse, serializeApiKey, serializeAuditLog } from "./vendorSchemas.ts";

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** An approved template's name as Meta spells them (lower case, digits, underscores) and language. */
const templateRefInput = z.union([
  z.string().regex(/^[a-z0-9_]{1,512}$/, "a template name: lower case letters, digits and underscores"),
  z.strictObject({
    name: z.string().regex(/^[a-z0-9_]{1,512}$/, "a template name: lower case letters, digits and underscores"),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "a language code such as en or en_GB")
      .default("en"),
  }),
]);
const templateRefResponse = z.object({ name: z.string(), language: z.string() });

/** The languages besides English a tenant may name templates for (English's are `templates`). */
const OTHER_LANGUAGES = LANGUAGES.filter((language): language is Exclude<Language, "en"> => language !== "en");

/**
 * Where each template choice lives in `whatsapp_config`, which the senders read: every message
 * the platform may send outside the 24-hour window (docs/api.md lists each one's parameters).
 */
const TEMPLATE_KEYS = {
  broadcast: "broadcast_template",
  expiry_reminder: "expiry_reminder_template",
  points_earned: "points_earned_template",
  birthday: "birthday_template",
  tier_up: "tier_up_template",
  referral_earned: "referral_earned_template",
  customer_invite: "customer_invite_template",
  redemption_expired: "redemption_expired_template",
  claim_approved: "claim_approved_template",
  claim_rejected: "claim_rejected_template",
  purchase_voided: "purchase_voided_template",
  staff_invite: "staff_invite_template",
} as const;
type TemplateKind = keyof typeof TEMPLATE_KEYS;
const TEMPLATE_KINDS = Object.keys(TEMPLATE_KEYS) as TemplateKind[];

/** One schema per template kind. */
function perTemplateKind<T extends z.ZodType>(schema: T): { [K in TemplateKind]: T } {
  return Object.fromEntries(TEMPLATE_KINDS.map((kind) => [kind, schema])) as { [K in TemplateKind]: T };
}

const templatesInput = z.strictObject(perTemplateKind(templateRefInput.nullable().optional()));
const templatesResponse = z.object(perTemplateKind(templateRefResponse.nullable()));

const settingsResponse = z
  .object({
    business_name: z.string(),
    vendor_code: z.string(),
    subscription_status: z.string(),
    timezone: z.string(),
    currency: z.string(),
    country: z.string(),
    /** The chat language of customers and staff who have not chosen one (en, pcm, yo, ha, ig). */
    language: z.enum(LANGUAGES),
    points_expiry_days: z.int().nullable(),
    redemption_window_days: z.int(),
    inactive_after_days: z.int(),
    /** VIP tiers on lifetime points earned, lowest first; empty without tiers. */
    tiers: z.array(tierSchema.meta({ id: "Tier" })),
    /** Receipt-photo claims: on or off, claims per customer per day, the largest amount of one claim. */
    claims: z
      .object({ enabled: z.boolean(), max_per_day: z.int(), max_amount_kobo: z.int() })
      .meta({ id: "ClaimsSettings" }),
    greeting_message: z.string().nullable(),
    templates: templatesResponse,
    /** Templates for customers who read another language; null: they get the English one. */
    templates_by_language: z.object({
      pcm: templatesResponse,
      yo: templatesResponse,
      ha: templatesResponse,
      ig: templatesResponse,
    }),
    whatsapp_phone_number_id: z.string().nullable(),
    whatsapp_display_phone_number: z.string().nullable(),
    join_link: z.string(),
  })
  .meta({ id: "Settings" });

const updateSettingsBody = z
  .strictObject({
    timezone: z.string().max(64).refine(isTimeZone, "must be an IANA time zone such as Africa/Lagos").optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    language: z.enum(LANGUAGES).optional(),
    points_expiry_days: z.int().min(1).max(3650).nullable().optional(),
    redemption_window_days: z.int().min(1).max(90).optional(),
    inactive_after_days: z.int().min(7).max(3650).optional(),
    tiers: tiersSettingSchema.optional().meta({
      description:
        "VIP tiers, lowest first (at most 5): name (≤ 20 characters), min_points (lifetime points earned, ascending), multiplier (1 to 5, two decimals) on spending points; [] removes them",
    }),
    claims: z
      .strictObject({
        enabled: z.boolean().optional(),
        max_per_day: z.int().min(1).max(50).optional(),
        max_amount_kobo: z.int().min(100).max(100_000_000_000).optional(),
      })
      .optional()
      .meta({
        description:
          "Receipt-photo claims: enabled, max_per_day (1 to 50 claims per customer per day), max_amount_kobo (₦1 to ₦1,000,000,000 per claim); keys left out keep their value",
      }),
    greeting_message: text(1000).nullable().optional(),
    /** Approved templates for messages outside the 24-hour window; null returns to the platform default. */
    templates: templatesInput.optional(),
    // No whatsapp_phone_number_id or display number here: whoever names a number id receives
    // its inbound, so a platform admin assigns a tenant's own number (whatsappNumberRoutes).
    /** Approved templates in another language, per language; a recipient who reads it gets it, others English's. */
    templates_by_language: z
      .strictObject({
        pcm: templatesInput.optional(),
        yo: templatesInput.optional(),
        ha: templatesInput.optional(),
        ig: templatesInput.optional(),
      })
      .optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "name at least one setting to change")
  .meta({ id: "UpdateSettings" });

const analyticsQuery = z.strictObject({ from: date.optional(), to: date.optional() });

const analyticsResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    totals: z.record(z.string(), z.int()).meta({
      description:
        "new_customers, total_purchases, revenue_kobo, points_earned, points_redeemed, points_expired, rewards_redeemed, active_customers (distinct customers who bought or wrote in the range), churned_customers (whose last purchase turned 90 days old in the range), average_order_value_kobo (revenue ÷ purchases, rounded), messages_in, messages_out, customers, active_customers_30d",
    }),
    days: z.array(z.record(z.string(), z.union([z.string(), z.int()]))).meta({
      description:
        "One entry per day with figures: date and the same keys as totals except customers and active_customers_30d; active_customers is that day's",
    }),
    top_customers: z.array(
      z.object({
        id: z.uuid(),
        phone_number: z.string(),
        whatsapp_name: z.string().nullable(),
        total_spent_kobo: z.int(),
        total_purchases: z.int(),
      }),
    ),
  })
  .meta({ id: "AnalyticsSummary" });

const auditQuery = pageQuery.extend({
  action: z
    .string()
    .max(255)
    .regex(/^[a-z_.]+$/)
    .optional(),
  entity_type: z
    .string()
    .max(100)
    .regex(/^[a-z_]+$/)
    .optional(),
  entity_id: z.uuid().optional(),
  user_id: z.uuid().optional(),
  since: dateTime.optional(),
  until: dateTime.optional(),
});

const meResponse = z
  .object({
    tenant_id: z.uuid(),
    user_id: z.uuid().nullable(),
    api_key_id: z.uuid().nullable(),
    role: z.string(),
    permissions: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "Me" });

const qrSvgResponse = z.string();

const qrPngQuery = z.strictObject({ size: z.coerce.number().int().min(128).max(2048).default(512) });

const qrPngResponse = z.string().meta({ format: "binary" });

const auditLogsPage = pageOf(auditLogResponse);

const createApiKeyBody = z
  .strictObject({
    name: text(100),
    /** e.g. `purchases:write`, `customers:read`: the path's resource and read (GET) or write. Absent: every scope. */
    scopes: z
      .array(z.string().regex(/^[a-z0-9-]{1,40}:(read|write)$/, "must look like purchases:write"))
      .min(1)
      .max(50)
      .optional(),
    expires_at: dateTime.optional(),
    kind: z
      .enum(["api", "pos"])
      .optional()
      .meta({ description: "pos: a till system (its purchases are pos_integration); api (default): any other client" }),
  })
  .refine((body) => body.expires_at === undefined || Date.parse(body.expires_at) > Date.now(), {
    message: "must be in the future",
    path: ["expires_at"],
  })
  .meta({ id: "CreateApiKey" });

const createdApiKeyResponse = apiKeyResponse.extend({ key: z.string() });

const apiKeysResponse = z.object({ data: z.array(apiKeyResponse) });

/** A stored template choice as the API shows it; null when the tenant uses the platform default. */
function templateOrNull(value: unknown): { name: string; language: string } | null {
  const parsed = templateSettingSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Vendor: who am I, settings, the QR code, analytics, the audit log and API keys. */
export function businessRoutes(deps: { pool: DatabasePool; config: Config }): ApiRoute[] {
  const { pool, config } = deps;
  const loadTenant = async (auth: VendorAuth): Promise<Tenant> => {
    const tenant = await withTenant(pool, auth.tenantId, (tx) => findTenant(tx, auth.tenantId));
    if (tenant === null) throw new NotFoundError("No such business");
    return tenant;
  };
  const joinLink = (tenant: Tenant) =>
    buildJoinLink(config, { vendor_code: tenant.vendorCode, whatsapp_config: tenant.whatsappConfig });
  return [
    vendorRoute({
      method: "get",
      path: "/api/v1/me",
      summary: "Who the token or API key belongs to",
      tag: "auth",
      roles: ANY_CALLER,
      body: noBody,
      query: noQuery,
      params: noParams,
      responses: { 200: { description: "The caller", schema: meResponse } },
      async handle({ auth }) {
        return {
          status: 200,
          json: {
            tenant_id: auth.tenantId,
            user_id: auth.userId,
            api_key_id: auth.apiKeyId,
            role: auth.role,
            permissions: auth.permissions,
          },
        };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/settings",
      summary: "The business's settings",
      tag: "settings",
      roles: PEOPLE,
      body: noBody,
      query: noQuery,
      params: noParams,
      responses: { 200: { description: "The settings", schema: settingsResponse } },
      async handle({ auth }) {
        const json = await withTenant(pool, auth.tenantId, async (tx) => {
          const tenant = await findTenant(tx, auth.tenantId);
          if (tenant === null) throw new NotFoundError("No such business");
          const settings = await getTenantSettings(tx, auth.tenantId);
          return serializeSettings(tenant, settings, joinLink(tenant));
        });
        return { status: 200, json };
      },
    }),
    vendorRoute({
      method: "patch",
      path: "/api/v1/settings",
      summary:
        "Change settings (timezone, currency, expiry, tiers, receipt claims, greeting, language, templates); null resets. A tenant's own WhatsApp number is assigned by a platform admin",
      tag: "settings",
      roles: OWNER_ONLY,
      body: updateSettingsBody,
      query: noQuery,
      params: noParams,
      responses: { 200: { description: "The settings", schema: settingsResponse } },
      async handle({ auth, body }) {
        const settings: Record<string, unknown> = {};
        for (const key of [
          "timezone",
          "currency",
          "country",
          "language",
          "points_expiry_days",
          "redemption_window_days",
          "inactive_after_days",
          "tiers",
        ] satisfies (keyof typeof body)[]) {
          if (body[key] !== undefined) settings[key] = body[key];
        }
        const whatsapp: Record<string, unknown> = {};
        if (body.greeting_message !== undefined) whatsapp["greeting_message"] = body.greeting_message;
        for (const kind of TEMPLATE_KINDS) {
          const choice = body.templates?.[kind];
          if (choice !== undefined)
            whatsapp[TEMPLATE_KEYS[kind]] = typeof choice === "string" ? { name: choice, language: "en" } : choice;
        }
        for (const language of OTHER_LANGUAGES) {
          const choices = body.templates_by_language?.[language];
          if (choices === undefined) continue;
          const choose = (key: string, choice: z.infer<typeof templateRefInput> | null | undefined) => {
            if (choice === undefined) return;
            whatsapp[templateKeyFor(key, language)] =
              typeof choice === "string" ? { name: choice, language: metaLanguageOf(language) } : choice;
          };
          for (const kind of TEMPLATE_KINDS) choose(TEMPLATE_KEYS[kind], choices[kind]);
        }
        const json = await withTenant(pool, auth.tenantId, async (tx) => {
          // `claims` is one settings key: the keys left out keep their current values.
          if (body.claims !== undefined)
            settings["claims"] = { ...(await getTenantSettings(tx, auth.tenantId)).claims, ...body.claims };
          await updateTenantSettings(tx, {
            tenantId: auth.tenantId,
            userId: auth.userId,
            changes: { settings, whatsapp },
          });
          const tenant = await findTenant(tx, auth.tenantId);
          if (tenant === null) throw new NotFoundError("No such business");
          return serializeSettings(tenant, await getTenantSettings(tx, auth.tenantId), joinLink(tenant));
        });
        return { status: 200, json };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/qr.svg",
      summary: "The QR code of the join link, as SVG (print it at the till)",
      tag: "settings",
      roles: ANY_CALLER,
      body: noBody,
      query: noQuery,
      params: noParams,
      responses: { 200: { description: "An SVG image", contentType: "image/svg+xml", schema: qrSvgResponse } },
      async handle({ auth }) {
        const svg = await QRCode.toString(joinLink(await loadTenant(auth)), {
          type: "svg",
          errorCorrectionLevel: "M",
          margin: 2,
        });
        return { status: 200, contentType: "image/svg+xml", body: svg };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/qr.png",
      summary: "The QR code of the join link, as PNG",
      tag: "settings",
      roles: ANY_CALLER,
      body: noBody,
      query: qrPngQuery,
      params: noParams,
      responses: { 200: { description: "A PNG image", contentType: "image/png", schema: qrPngResponse } },
      async handle({ auth, query }) {
        const png = await QRCode.toBuffer(joinLink(await loadTenant(auth)), {
          type: "png",
          errorCorrectionLevel: "M",
          margin: 2,
          width: query.size,
        });
        return { status: 200, contentType: "image/png", body: png };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/analytics/summary",
      summary: "Figures for a date range (default the last 30 days): daily_metrics plus today live, and top customers",
      tag: "analytics",
      roles: MANAGERS,
      permission: "can_view_analytics",
      body: noBody,
      query: analyticsQuery,
      params: noParams,
      responses: { 200: { description: "The summary", schema: analyticsResponse } },
      async handle({ auth, query }) {
        const now = new Date();
        const to = query.to ?? now.toISOString().slice(0, 10);
        const from = query.from ?? new Date(now.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
        if (from > to) throw new ValidationError("from must not be after to");
        if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000)
          throw new ValidationError("The range may span at most 366 days");
        const summary = await withTenant(pool, auth.tenantId, (tx) =>
          getAnalyticsSummary(tx, { tenantId: auth.tenantId, from, to, now }),
        );
        const figures = (d: Omit<(typeof summary.days)[number], "date">) => ({
          new_customers: d.newCustomers,
          total_purchases: d.totalPurchases,
          revenue_kobo: d.revenueKobo,
          points_earned: d.pointsEarned,
          points_redeemed: d.pointsRedeemed,
          points_expired: d.pointsExpired,
          rewards_redeemed: d.rewardsRedeemed,
          active_customers: d.activeCustomers,
          churned_customers: d.churnedCustomers,
          average_order_value_kobo: d.averageOrderValueKobo,
          messages_in: d.messagesIn,
          messages_out: d.messagesOut,
        });
        return {
          status: 200,
          json: {
            from: summary.from,
            to: summary.to,
            totals: {
              ...figures(summary.totals),
              customers: summary.totals.customers,
              active_customers_30d: summary.totals.activeCustomers30d,
            },
            days: summary.days.map((d) => ({ date: d.date, ...figures(d) })),
            top_customers: summary.topCustomers.map((c) => ({
              id: c.id,
              phone_number: c.phoneNumber,
              whatsapp_name: c.whatsappName,
              total_spent_kobo: c.totalSpentKobo,
              total_purchases: c.totalPurchases,
            })),
          },
        };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/audit-logs",
      summary: "The audit log, newest first, filterable",
      tag: "audit",
      roles: MANAGERS,
      permission: "can_view_audit_log",
      body: noBody,
      query: auditQuery,
      params: noParams,
      responses: { 200: { description: "A page of audit rows", schema: auditLogsPage } },
      async handle({ auth, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withTenant(pool, auth.tenantId, (tx) =>
          listAuditLogs(tx, {
            action: query.action,
            entityType: query.entity_type,
            entityId: query.entity_id,
            userId: query.user_id,
            since: query.since === undefined ? undefined : new Date(query.since),
            until: query.until === undefined ? undefined : new Date(query.until),
            after,
            limit: query.limit,
          }),
        );
        return { status: 200, json: toPage(rows, query.limit, serializeAuditLog) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/api-keys",
      summary: "Create an API key for a machine client (the key is shown once)",
      tag: "api-keys",
      roles: OWNER_ONLY,
      body: createApiKeyBody,
      query: noQuery,
      params: noParams,
      responses: { 201: { description: "The key, with its secret this once", schema: createdApiKeyResponse } },
      async handle({ auth, body }) {
        const userId = personId(auth);
        const created = await withTenant(pool, auth.tenantId, (tx) =>
          createApiKey(tx, {
            tenantId: auth.tenantId,
            name: body.name,
            userId,
            scopes: body.scopes ?? null,
            expiresAt: body.expires_at === undefined ? null : new Date(body.expires_at),
            kind: body.kind ?? "api",
          }),
        );
        return { status: 201, json: { ...serializeApiKey(created.apiKey), key: created.key } };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/api-keys",
      summary: "List API keys (never their secrets)",
      tag: "api-keys",
      roles: OWNER_ONLY,
      body: noBody,
      query: noQuery,
      params: noParams,
      responses: { 200: { description: "The keys", schema: apiKeysResponse } },
      async handle({ auth }) {
        const keys = await withTenant(pool, auth.tenantId, (tx) => listApiKeys(tx));
        return { status: 200, json: { data: keys.map(serializeApiKey) } };
      },
    }),
    vendorRoute({
      method: "delete",
      path: "/api/v1/api-keys/{id}",
      summary: "Revoke an API key",
      tag: "api-keys",
      roles: OWNER_ONLY,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The revoked key", schema: apiKeyResponse },
        404: { description: "No such key" },
      },
      async handle({ auth, params }) {
        const userId = personId(auth);
        const key = await withTenant(pool, auth.tenantId, (tx) =>
          revokeApiKey(tx, { tenantId: auth.tenantId, apiKeyId: params.id, userId, now: new Date() }),
        );
        if (key === null) throw new NotFoundError("No such API key");
        return { status: 200, json: serializeApiKey(key) };
      },
    }),
  ];
}

function serializeSettings(
  tenant: Tenant,
  settings: Awaited<ReturnType<typeof getTenantSettings>>,
  joinLink: string,
): z.infer<typeof settingsResponse> {
  const str = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    business_name: tenant.businessName,
    vendor_code: tenant.vendorCode,
    subscription_status: tenant.subscriptionStatus,
    timezone: settings.timezone,
    currency: settings.currency,
    country: settings.country,
    language: parseLanguage(str(settings["language"]) ?? "en") ?? "en",
    points_expiry_days: settings.points_expiry_days ?? null,
    redemption_window_days: settings.redemption_window_days,
    inactive_after_days: settings.inactive_after_days,
    tiers: settings.tiers,
    claims: settings.claims,
    greeting_message: str(tenant.whatsappConfig["greeting_message"]),
    templates: templatesOf(tenant.whatsappConfig, "en"),
    templates_by_language: {
      pcm: templatesOf(tenant.whatsappConfig, "pcm"),
      yo: templatesOf(tenant.whatsappConfig, "yo"),
      ha: templatesOf(tenant.whatsappConfig, "ha"),
      ig: templatesOf(tenant.whatsappConfig, "ig"),
    },
    whatsapp_phone_number_id: str(tenant.whatsappConfig["phone_number_id"]),
    whatsapp_display_phone_number: str(tenant.whatsappConfig["display_phone_number"]),
    join_link: joinLink,
  };
}

/** A tenant's templates for one language, as the API shows them (`en`: the `templates` object). */
function templatesOf(whatsappConfig: Record<string, unknown>, language: Language): z.infer<typeof templatesResponse> {
  return Object.fromEntries(
    TEMPLATE_KINDS.map((kind) => [kind, templateOrNull(whatsappConfig[templateKeyFor(TEMPLATE_KEYS[kind], language)])]),
  ) as z.infer<typeof templatesResponse>;
}

/**
 * The language code a template named only by its name is approved under at Meta: the language's
 * own code, except Nigerian Pidgin, which Meta's template languages do not list (a Pidgin text is
 * approved as English).
 */
function metaLanguageOf(language: Language): string {
  return language === "pcm" ? "en" : language;
}
