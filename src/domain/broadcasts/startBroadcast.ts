import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { LANGUAGES } from "../../../flows/i18n/languages.ts";
import { chooseLanguage } from "../../../flows/i18n/chooseLanguage.ts";
import { tenantTemplateFor } from "../tenants/templateSetting.ts";
import { recountBroadcast } from "./recountBroadcast.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { broadcastSegmentSchema, segmentCondition } from "./broadcastSegment.ts";
import { checkBroadcastAllowance } from "./checkBroadcastAllowance.ts";
import { checkMessageAllowance } from "../subscriptions/checkMessageAllowance.ts";
import { findBroadcast } from "./findBroadcast.ts";

/** The platform's default approved broadcast template: body `{{1}}` vendor name, `{{2}}` message. */
export const DEFAULT_BROADCAST_TEMPLATE = { name: "loyalty_broadcast", language: "en" };

export type StartBroadcastInput = {
  tenantId: string;
  broadcastId: string;
  now: Date;
  /** The shared number broadcasts go out on when the tenant has none of its own. */
  defaultPhoneNumberId: string;
};

export type StartBroadcastResult =
  | { ok: true; recipients: number; alreadyStarted: boolean }
  | { ok: false; reason: "not_found" | "not_startable" | "plan_limit_reached" | "invalid_segment"; message: string };

const tenantRow = z.object({
  business_name: z.string(),
  whatsapp_config: z.record(z.string(), z.unknown()).nullable().catch(null),
  default_language: z.string().nullable(),
});

const phoneNumberIdSchema = z.looseObject({ phone_number_id: z.string().min(1).optional() }).catch({});

const recipientsRow = z.object({ recipients: z.number() });

const idRow = z.object({ id: z.string() });

/**
 * Starts sending a due broadcast: resolves its segment over opted-in, unblocked customers as
 * they are now and writes one outbox row per recipient in one INSERT … SELECT (unique per
 * broadcast and customer, so running it again adds nothing), as the tenant's approved
 * template (or the platform default). The broadcast becomes `sending` (or `completed` at once
 * with no recipients) and `broadcast.sent` goes to the audit log. After commit the caller queues
 * the broadcast's sender (`enqueueBroadcastSend`), which sends the rows in batches.
 *
 * The tenant row is locked first, so two broadcasts of one tenant cannot both take the plan's
 * last monthly slot. A broadcast already sending answers ok with `alreadyStarted` (a worker
 * restarted mid-way only makes sure the sender runs).
 */
export async function startBroadcast(tx: Tx, input: StartBroadcastInput): Promise<StartBroadcastResult> {
  const tenant = await tx.one(sql.type(tenantRow)`
    SELECT business_name, whatsapp_config, settings->>'language' AS default_language FROM tenants WHERE id = ${input.tenantId} FOR UPDATE
  `);
  const broadcast = await findBroadcast(tx, input.broadcastId, { forUpdate: true });
  if (broadcast === null) return { ok: false, reason: "not_found", message: "No broadcast with that id." };
  if (broadcast.status === "sending") return { ok: true, recipients: broadcast.totalRecipients, alreadyStarted: true };
  if (broadcast.status !== "draft" && broadcast.status !== "scheduled") {
    return { ok: false, reason: "not_startable", message: `The broadcast is ${broadcast.status}.` };
  }
  const segment = broadcastSegmentSchema.safeParse(broadcast.targetSegment);
  if (!segment.success) return fail(tx, input, "invalid_segment", "The broadcast's audience is not valid any more.");
  const allowance = await checkBroadcastAllowance(tx, {
    tenantId: input.tenantId,
    now: input.now,
    exceptBroadcastId: input.broadcastId,
  });
  if (!allowance.ok) return fail(tx, input, allowance.reason, allowance.message);

  // The plan's monthly messages cap marketing only (billing, docs/billing.md): counted before writing.
  const audience = await tx.oneFirst(sql.type(recipientsRow)`
    SELECT count(*)::int AS recipients FROM customers c
    LEFT JOIN customer_points_balance b ON b.tenant_id = c.tenant_id AND b.customer_id = c.id
    WHERE c.tenant_id = ${input.tenantId} AND ${segmentCondition(segment.data)}
  `);
  const messages = await checkMessageAllowance(tx, { tenantId: input.tenantId, now: input.now, additional: audience });
  if (!messages.ok) return fail(tx, input, messages.reason, messages.message);

  const config = phoneNumberIdSchema.parse(tenant.whatsapp_config ?? {});
  // Each recipient gets the tenant's template for their language where it named one, else English's.
  const templates = LANGUAGES.map((language) => {
    const { template } = tenantTemplateFor(
      tenant.whatsapp_config,
      "broadcast_template",
      language,
      DEFAULT_BROADCAST_TEMPLATE,
    );
    const payload = {
      kind: "template",
      name: template.name,
      language: template.language,
      bodyParams: [tenant.business_name, broadcast.messageContent],
    };
    return { language, name: template.name, payload: JSON.stringify(payload) };
  });
  const template = templates[0] ?? { name: DEFAULT_BROADCAST_TEMPLATE.name };
  const vendorLanguage = chooseLanguage(null, tenant.default_language);
  const phoneNumberId = config.phone_number_id ?? input.defaultPhoneNumberId;

  const recipients = await tx.oneFirst(sql.type(recipientsRow)`
    WITH templates AS (
      SELECT * FROM unnest(
        ${sql.array(
          templates.map((t) => t.language),
          "text",
        )},
        ${sql.array(
          templates.map((t) => t.name),
          "text",
        )},
        ${sql.array(
          templates.map((t) => t.payload),
          "text",
        )}
      ) AS t(language, name, payload)
    ), fanout AS (
      INSERT INTO whatsapp_messages (
        tenant_id, customer_id, direction, message_type, message_body, contact_phone,
        business_phone_number_id, payload, whatsapp_status, triggered_by, broadcast_id
      )
      SELECT c.tenant_id, c.id, 'outbound', 'template', t.name, c.phone_number,
             ${phoneNumberId}, t.payload::jsonb, 'queued', 'broadcast', ${input.broadcastId}
      FROM customers c
      LEFT JOIN customer_points_balance b ON b.tenant_id = c.tenant_id AND b.customer_id = c.id
      LEFT JOIN contacts ct ON ct.phone_number = c.phone_number
      JOIN templates t ON t.language = COALESCE(ct.language, ${vendorLanguage})
      WHERE c.tenant_id = ${input.tenantId} AND ${segmentCondition(segment.data)}
      ORDER BY c.created_at, c.id
      ON CONFLICT (broadcast_id, customer_id) WHERE broadcast_id IS NOT NULL DO NOTHING
      RETURNING 1
    )
    SELECT count(*) AS recipients FROM fanout
  `);
  const at = sql.timestamp(input.now);
  await tx.query(sql.type(idRow)`
    UPDATE broadcasts SET status = 'sending', started_at = ${at}, total_recipients = ${recipients}
    WHERE id = ${input.broadcastId}
    RETURNING id
  `);
  // With no recipients there is nothing to wait for: this completes it.
  await recountBroadcast(tx, input.broadcastId);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(broadcast.createdByUserId),
    action: "broadcast.sent",
    entityType: "broadcast",
    entityId: input.broadcastId,
    oldValues: { status: broadcast.status },
    newValues: { status: "sending", recipients, template: template.name },
  });
  return { ok: true, recipients, alreadyStarted: false };
}

async function fail(
  tx: Tx,
  input: StartBroadcastInput,
  reason: "invalid_segment" | "plan_limit_reached",
  message: string,
): Promise<StartBroadcastResult> {
  await tx.query(sql.type(idRow)`
    UPDATE broadcasts SET status = 'failed', failure_reason = ${message}, completed_at = ${sql.timestamp(input.now)}
    WHERE id = ${input.broadcastId}
    RETURNING id
  `);
  return { ok: false, reason, message };
}
