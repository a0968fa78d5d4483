import type { Contact } from "../db/contacts.ts";
import type { Tx } from "../db/sql.ts";
import { findRoutingTenants, type RoutingTenant, type RoutingTenants } from "../db/tenants.ts";
import type { InboundRow } from "../db/whatsappMessages.ts";
import type { Logger } from "../logger.ts";
import { parseLanguage } from "../../flows/i18n/languages.ts";
import { parseKeyword } from "../../flows/parsers/parseKeyword.ts";
import type { EngineDeps, Handled, PersonMessage } from "./engineTypes.ts";
import { platformReplies } from "./platformReplies.ts";
import { speakerFor } from "./chooseLanguage.ts";
import { dataRightsCommandOf, handleDataRights, isEraseAwaitingAnswer } from "./handleDataRights.ts";
import { handleJoin } from "./handleJoin.ts";
import { findPendingCustomerInvite } from "../db/pendingCustomerInvite.ts";
import { handleLanguage } from "./handleLanguage.ts";
import { runCustomerConversation } from "./runCustomerConversation.ts";
import { isOwnerSessionOpen, routeOwnerMessage } from "./runOwnerConversation.ts";
import { runSignupConversation } from "./runSignupConversation.ts";
import { isSignupActive } from "../../flows/signup.ts";
import { endStaffSession, runStaffConversation, startStaffConversation } from "./runStaffConversation.ts";

/**
 * Routes one message (docs/architecture.md, "Routing and identity"): a tenant's own number, JOIN on
 * the shared number, an active staff session, STAFF, or the sender's active vendor; a stranger gets
 * the platform greeting. The caller holds the sender's contact row lock and has switched to no
 * tenant.
 */
export async function routeMessage(
  deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  row: InboundRow,
  /** The routing the drain already read for this contact and number, if it did. */
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

  const inSignup = dedicated === null && isSignupActive(contact.signup_state, now.toISOString());
  // LANGUAGE mid-sign-up or in an open owner session changes the language and nothing else: the
  // sign-up or the owner session goes on where it was, in the new language. Only a bare LANGUAGE
  // or one naming a language: "Ede Bakery" (Ede is a town) is a business name, not a request.
  if (
    command?.keyword === "LANGUAGE" &&
    (command.args.length === 0 || parseLanguage(command.rest) !== null) &&
    (inSignup || isOwnerSessionOpen(contact, now, dedicated))
  ) {
    const changed = await handleLanguage(deps, tx, contact, message, command.args, null, log);
    const language = parseLanguage(command.rest);
    if (!inSignup || language === null) return changed;
    // The sign-up's current question again, in the new language.
    const step = await runSignupConversation(deps, tx, { ...contact, language }, message, "repeat", log);
    return { ...step, route: "language", replies: [...changed.replies, ...step.replies] };
  }

  // Vendor sign-up lives on the platform's shared number: REGISTER starts it, and it takes the
  // sender's messages until it ends (CANCEL, done, or 30 minutes idle).
  if (dedicated === null && (command?.keyword === "REGISTER" || inSignup)) {
    return runSignupConversation(
      deps,
      tx,
      contact,
      message,
      command?.keyword === "REGISTER" ? "start" : "message",
      log,
    );
  }
  if (command?.keyword === "REGISTER" && dedicated !== null) {
    return {
      route: "signup_wrong_number",
      tenantId: dedicated.id,
      customerId: null,
      replies: [{ kind: "text", body: speakerFor(contact, dedicated).say("signup.notOnThisNumber") }],
    };
  }

  if (command?.keyword === "JOIN") {
    return handleJoin(
      deps,
      tx,
      contact,
      message,
      { code: command.args[0] ?? null, referralCode: command.args[1] ?? null, dedicated },
      log,
    );
  }

  const inStaffSession =
    contact.staff_tenant_id !== null &&
    contact.staff_session_expires_at !== null &&
    contact.staff_session_expires_at > now;
  if (command?.keyword === "LANGUAGE") {
    return handleLanguage(
      deps,
      tx,
      contact,
      message,
      command.args,
      inStaffSession ? null : (dedicated ?? routing.active),
      log,
    );
  }

  // Data rights (NDPR) are the person's own, across vendors: MY DATA, DELETE MY DATA and its YES.
  const dataRights = dataRightsCommandOf(message.text);
  if (dataRights !== null || isEraseAwaitingAnswer(contact, now)) {
    return handleDataRights(tx, contact, message, dataRights, speakerFor(contact, dedicated ?? routing.active), log);
  }

  // OWNER, and an open owner session (it takes every message but a bare STAFF).
  const owner = await routeOwnerMessage(deps, tx, contact, message, command, routing, log);
  if (owner !== null) return owner;

  // An open staff session takes every message until it ends.
  if (contact.staff_tenant_id !== null && contact.staff_session_expires_at !== null) {
    if (contact.staff_session_expires_at > now && (dedicated === null || dedicated.id === contact.staff_tenant_id)) {
      return runStaffConversation(deps, tx, contact, message, log);
    }
    if (contact.staff_session_expires_at <= now) {
      await endStaffSession(tx, contact.phone_number);
      if (command !== null && ["LOG", "VERIFY", "EXIT", "DONE"].includes(command.keyword)) {
        return {
          route: "staff_expired",
          tenantId: contact.staff_tenant_id,
          customerId: null,
          replies: [platformReplies.staffSessionEnded(speakerFor(contact, null))],
        };
      }
    }
  }

  const tenant: RoutingTenant | null = dedicated ?? routing.active;

  if (command?.keyword === "STAFF") {
    return startStaffConversation(deps, tx, contact, message, tenant, log);
  }
  if (tenant === null) {
    // A customer a vendor's staff recorded, replying to its invite: the reply joins them there.
    const invitedBy = await findPendingCustomerInvite(tx, contact.phone_number);
    if (invitedBy !== null) {
      return handleJoin(deps, tx, contact, message, { code: invitedBy, referralCode: null, dedicated }, log);
    }
    const speaker = speakerFor(contact, null);
    // A receipt photo before joining: how to join first, then send it again.
    const reply =
      row.message_type === "image"
        ? { kind: "text" as const, body: speaker.say("claims.customer.strangerPhoto") }
        : platformReplies.stranger(speaker);
    return { route: "stranger", tenantId: null, customerId: null, replies: [reply] };
  }
  return runCustomerConversation(deps, tx, contact, message, tenant);
}

function profileNameOf(row: InboundRow): string | null {
  return row.payload.profileName ?? null;
}
