import type { DatabasePool } from "slonik";
import type { Config } from "../config.ts";
import { claimSenderOf, readLockedContact, type Contact } from "../db/contacts.ts";
import { finishInboundMessage, listPendingInbound, type Reply } from "../db/inbox.ts";
import type { Tx } from "../db/sql.ts";
import { findRoutingTenants, type RoutingTenant, type RoutingTenants } from "../db/tenants.ts";
import type { InboundRow } from "../db/whatsappMessages.ts";
import { enterPlatform, withPlatform } from "../db/withTenant.ts";
import { maskPhone, type Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";
import { parseKeyword } from "../../flows/parsers/parseKeyword.ts";
import { platformReplies } from "./platformReplies.ts";
import { speakerFor } from "./chooseLanguage.ts";
import { handleJoin } from "./handleJoin.ts";
import { handleLanguage } from "./handleLanguage.ts";
import { runCustomerConversation } from "./runCustomerConversation.ts";
import { endStaffSession, runStaffConversation, startStaffConversation } from "./runStaffConversation.ts";

export type EngineDeps = { pool: DatabasePool; config: Config; log: Logger; metrics: Metrics };

/** What one handled message produced: replies to send and who they belong to. */
export type Handled = {
  route: string;
  tenantId: string | null;
  customerId: string | null;
  replies: OutMessage[];
  /** The customer flow's new snapshot, saved on `customerId` with the handled mark. */
  conversationState?: unknown;
  /** Messages to other people (a customer told about points a staff member logged). */
  notifications?: { contactPhone: string; customerId: string; message: OutMessage; triggeredBy: string }[];
};

/** The person's message as the flows see it. */
export type PersonMessage = { text: string | null; now: Date; profileName: string | null; row: InboundRow };

/**
 * The inbound worker's job: handle a sender's unprocessed messages, oldest first, in one
 * transaction that holds the sender's contact row lock (so two workers never reorder a chat),
 * and write the replies to the outbox. Returns the outbox row ids to queue after commit.
 */
export async function handleInbound(deps: EngineDeps, messageId: string): Promise<string[]> {
  return withPlatform(deps.pool, async (tx) => {
    const claimed = await claimSenderOf(tx, messageId);
    if (claimed === null) return [];
    const { contact } = claimed;
    const pending = claimed.pending ?? (await listPendingInbound(tx, contact.phone_number));
    const outboxIds: string[] = [];
    for (const row of pending) {
      const log = deps.log.child({ messageId: row.id, phoneMasked: maskPhone(row.contact_phone) });
      // The lock is held; the row may have changed while handling the previous message.
      const first = row === pending[0];
      const current = first ? contact : await readLockedContact(tx, row.contact_phone);
      // The claim routed its own message; the first pending one arrived on the same number as a rule.
      const routed = first && row.business_phone_number_id === claimed.routing.phoneNumberId ? claimed.routing.tenants : null;
      const handled = await handleOne(deps, tx, current, row, routed, log);
      await enterPlatform(tx);
      const replies: Reply[] = [
        ...handled.replies.map((message) => ({
          tenantId: handled.tenantId,
          customerId: handled.customerId,
          contactPhone: row.contact_phone,
          businessPhoneNumberId: row.business_phone_number_id,
          message,
          triggeredBy: `chat:${handled.route}`,
        })),
        ...(handled.notifications ?? []).map((note) => ({
          tenantId: handled.tenantId,
          customerId: note.customerId,
          contactPhone: note.contactPhone,
          businessPhoneNumberId: row.business_phone_number_id,
          message: note.message,
          triggeredBy: note.triggeredBy,
        })),
      ];
      outboxIds.push(...(await finishInboundMessage(tx, row.id, { tenantId: handled.tenantId, customerId: handled.customerId, conversationState: handled.conversationState }, replies)));
      deps.metrics.inboundProcessed.inc({ route: handled.route });
      log.info({ tenantId: handled.tenantId, route: handled.route, replies: handled.replies.length }, "message handled");
    }
    return outboxIds;
  });
}

function profileNameOf(row: InboundRow): string | null {
  return row.payload.profileName ?? null;
}

/**
 * Routes one message (DESIGN.md §3): a tenant's own number, JOIN on the shared number, an
 * active staff session, STAFF, or the sender's active vendor; a stranger gets the platform
 * greeting.
 */
async function handleOne(
  deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  row: InboundRow,
  /** The routing the claim already read for this contact and number, if it did. */
  routed: RoutingTenants | null,
  log: Logger,
): Promise<Handled> {
  const now = new Date();
  const message: PersonMessage = {
    text: row.payload.kind === "other" ? null : row.message_body,
    now,
    profileName: profileNameOf(row),
    row,
  };
  const command = message.text === null ? null : parseKeyword(message.text);
  const routing = routed ?? (await findRoutingTenants(tx, row.business_phone_number_id, contact.active_tenant_id));
  const dedicated = routing.dedicated;

  if (command?.keyword === "JOIN") {
    return handleJoin(deps, tx, contact, message, { code: command.args[0] ?? null, referralCode: command.args[1] ?? null, dedicated }, log);
  }

  const inStaffSession = contact.staff_tenant_id !== null && contact.staff_session_expires_at !== null && contact.staff_session_expires_at > now;
  if (command?.keyword === "LANGUAGE") {
    return handleLanguage(deps, tx, contact, message, command.args, inStaffSession ? null : (dedicated ?? routing.active), log);
  }

  // An open staff session takes every message until it ends.
  if (contact.staff_tenant_id !== null && contact.staff_session_expires_at !== null) {
    if (contact.staff_session_expires_at > now && (dedicated === null || dedicated.id === contact.staff_tenant_id)) {
      return runStaffConversation(deps, tx, contact, message, log);
    }
    if (contact.staff_session_expires_at <= now) {
      await endStaffSession(tx, contact.phone_number);
      if (command !== null && ["LOG", "VERIFY", "EXIT", "DONE"].includes(command.keyword)) {
        return { route: "staff_expired", tenantId: contact.staff_tenant_id, customerId: null, replies: [platformReplies.staffSessionEnded(speakerFor(contact, null))] };
      }
    }
  }

  const tenant: RoutingTenant | null = dedicated ?? routing.active;

  if (command?.keyword === "STAFF") {
    return startStaffConversation(deps, tx, contact, message, tenant, log);
  }
  if (tenant === null) {
    return { route: "stranger", tenantId: null, customerId: null, replies: [platformReplies.stranger(speakerFor(contact, null))] };
  }
  return runCustomerConversation(deps, tx, contact, message, tenant);
}
