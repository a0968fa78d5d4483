import { z } from "zod";
import { chooseLanguage } from "../../../flows/i18n/chooseLanguage.ts";
import { createSpeaker, type Speaker } from "../../../flows/i18n/createSpeaker.ts";
import { LANGUAGES, type Language } from "../../../flows/i18n/languages.ts";
import { sql, type Tx } from "../../db/sql.ts";
import { insertOutboxMessage } from "../../db/whatsappMessages.ts";
import { tenantTemplateFor, type TemplateRef } from "../tenants/templateSetting.ts";

/**
 * The platform's approved utility template for billing notices to an owner:
 * `{{1}}` business name, `{{2}}` the notice (one line, with a pay link where there is one).
 * A tenant may name another under `whatsapp_config.billing_notice_template`, and one per language
 * under `billing_notice_template_<language>` (`billing_notice_template_yo` …).
 */
export const DEFAULT_BILLING_NOTICE_TEMPLATE: TemplateRef = { name: "loyaltylaas_billing_notice", language: "en" };

const ownerRow = z.object({
  business_name: z.string(),
  whatsapp_config: z.record(z.string(), z.unknown()).nullable(),
  owner_phone: z.string().nullable(),
});

const keyRow = z.object({ notice_key: z.string() });
const languageRow = z.object({ language: z.enum(LANGUAGES).nullable(), default_language: z.string().nullable() });

/** The phone of tenant `t`'s first active owner with one: who billing notices go to. */
const OWNER_PHONE = sql.fragment`(
  SELECT u.phone_number FROM vendor_users u
  WHERE u.tenant_id = t.id AND u.role = 'owner' AND u.deleted_at IS NULL AND COALESCE(u.is_active, true)
    AND u.phone_number IS NOT NULL
  ORDER BY u.created_at LIMIT 1
)`;

/**
 * The language the tenant's owner reads (issue #18): the one the owner's phone chose with LANGUAGE,
 * else the tenant's default (`settings.language`), else English. Runs on the platform path: as the
 * tenant, an owner's contact row is visible only while an owner session is open.
 */
export async function findOwnerLanguage(tx: Tx, tenantId: string): Promise<Language> {
  const row = await tx.maybeOne(sql.type(languageRow)`
    SELECT (SELECT c.language FROM contacts c WHERE c.phone_number = ${OWNER_PHONE}) AS language,
           t.settings->>'language' AS default_language
    FROM tenants t WHERE t.id = ${tenantId}
  `);
  return chooseLanguage(row?.language ?? null, row?.default_language);
}

export type QueueOwnerNoticeResult =
  | { queued: true; outboxId: string }
  | { queued: false; reason: "already_sent" | "no_owner_phone" };

/**
 * Tells the tenant's owner something about billing on WhatsApp, once per `noticeKey` (recorded
 * in billing_notices on the caller's transaction, so a rerun sends nothing twice). Always a
 * template: an owner's last message is usually more than 24 hours old. The template is the
 * tenant's for `language` (the owner's, see findOwnerLanguage) where it named one, else the
 * English one; `text` is asked for in the language of the template chosen, so the template and
 * its `{{2}}` agree. The caller enqueues the outbox row after commit. No owner phone: nothing is
 * recorded, so a later run can still send.
 */
export async function queueOwnerNotice(
  tx: Tx,
  input: {
    tenantId: string;
    noticeKey: string;
    language: Language;
    text: (speaker: Speaker) => string;
    defaultPhoneNumberId: string;
    now: Date;
  },
): Promise<QueueOwnerNoticeResult> {
  const owner = await tx.maybeOne(sql.type(ownerRow)`
    SELECT t.business_name, t.whatsapp_config, ${OWNER_PHONE} AS owner_phone
    FROM tenants t WHERE t.id = ${input.tenantId}
  `);
  if (owner === null || owner.owner_phone === null) return { queued: false, reason: "no_owner_phone" };
  const claimed = await tx.maybeOne(sql.type(keyRow)`
    INSERT INTO billing_notices (tenant_id, notice_key, sent_at) VALUES (${input.tenantId}, ${input.noticeKey}, ${sql.timestamp(input.now)})
    ON CONFLICT (tenant_id, notice_key) DO NOTHING
    RETURNING notice_key
  `);
  if (claimed === null) return { queued: false, reason: "already_sent" };
  const { template, language } = tenantTemplateFor(
    owner.whatsapp_config,
    "billing_notice_template",
    input.language,
    DEFAULT_BILLING_NOTICE_TEMPLATE,
  );
  const phoneNumberId = z.string().min(1).safeParse(owner.whatsapp_config?.["phone_number_id"]);
  const outboxId = await insertOutboxMessage(tx, {
    tenantId: input.tenantId,
    customerId: null,
    contactPhone: owner.owner_phone,
    businessPhoneNumberId: phoneNumberId.success ? phoneNumberId.data : input.defaultPhoneNumberId,
    // Template parameters may not hold line breaks or long runs of spaces.
    message: {
      kind: "template",
      name: template.name,
      language: template.language,
      bodyParams: [owner.business_name, oneLine(input.text(createSpeaker(language)))],
    },
    triggeredBy: "billing_notice",
  });
  return { queued: true, outboxId };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 1000);
}
