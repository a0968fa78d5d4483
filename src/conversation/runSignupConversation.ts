import type { Speaker } from "../../flows/i18n/createSpeaker.ts";
import { runSignupFlow, vendorCodeFromName, type SignupEvent, type SignupIntent } from "../../flows/signup.ts";
import type { Contact } from "../db/contacts.ts";
import { saveSignupState } from "../db/saveSignupState.ts";
import type { Tx } from "../db/sql.ts";
import { enterPlatform } from "../db/withTenant.ts";
import { hashSecret, verifySecret } from "../domain/auth/passwords.ts";
import { TRIAL_DAYS } from "../domain/tenants/createTenant.ts";
import { findOwnedTenant } from "../domain/tenants/findOwnedTenant.ts";
import { registerVendor } from "../domain/tenants/registerVendor.ts";
import { startSignupAttempt } from "../domain/tenants/startSignupAttempt.ts";
import { storeQrPoster } from "../domain/tenants/storeQrPoster.ts";
import { suggestVendorCode } from "../domain/tenants/suggestVendorCode.ts";
import type { Logger } from "../logger.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";
import { buildJoinLink } from "./buildJoinLink.ts";
import { speakerFor } from "./chooseLanguage.ts";
import { driveFlow } from "./driveFlow.ts";
import type { EngineDeps, Handled, PersonMessage } from "./engineTypes.ts";

/**
 * How a message reaches the sign-up: `start` (REGISTER), `message` (an answer to the current
 * step), or `repeat` (the person changed language: the current step is asked again).
 */
export type SignupTurn = "start" | "message" | "repeat";

/**
 * Vendor sign-up on the platform's shared number (REGISTER, docs/chat.md). `REGISTER` starts it
 * (unless this phone owns a tenant already, or is over the sign-up limits); the sender's later
 * messages go to the sign-up flow while it lasts. Its snapshot lives on the contact row (the sender
 * has no tenant yet). The final YES registers the vendor in this message's transaction and replies
 * with the join link and the QR poster as an image.
 */
export async function runSignupConversation(
  deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  message: PersonMessage,
  turn: SignupTurn,
  log: Logger,
): Promise<Handled> {
  const starting = turn === "start";
  await enterPlatform(tx);
  const phone = contact.phone_number;
  const nowIso = message.now.toISOString();
  // The person signing up is spoken to in their own language (LANGUAGE), else English.
  const speaker = speakerFor(contact, null);
  if (starting) {
    const refusal = await refuseStart(tx, speaker, phone, message.now);
    if (refusal !== null) {
      await saveSignupState(tx, phone, null);
      log.info({ reason: refusal.reason }, "sign-up refused");
      return { route: "signup_refused", tenantId: null, customerId: null, replies: [refusal.reply] };
    }
  }
  const first: SignupEvent = starting
    ? { type: "SIGNUP_START", now: nowIso }
    : turn === "repeat"
      ? { type: "REPEAT", now: nowIso }
      : message.text === null
        ? { type: "NON_TEXT", now: nowIso }
        : { type: "TEXT", text: message.text, now: nowIso };

  const outcome: { tenantId: string | null; replies: OutMessage[] } = { tenantId: null, replies: [] };
  const result = await driveFlow(
    (snapshot, event: SignupEvent) => runSignupFlow(snapshot, event, { speaker }),
    starting ? null : contact.signup_state,
    first,
    (intent: SignupIntent) => execute(deps, tx, speaker, phone, message.now, intent, outcome, log),
  );
  await enterPlatform(tx);
  await saveSignupState(tx, phone, result.snapshot);
  return {
    route: "signup",
    tenantId: outcome.tenantId,
    customerId: null,
    replies: [...result.replies, ...outcome.replies],
  };
}

/** Why REGISTER cannot start: this phone owns a tenant, or a limit is reached. */
async function refuseStart(
  tx: Tx,
  speaker: Speaker,
  phone: string,
  now: Date,
): Promise<{ reason: string; reply: OutMessage } | null> {
  const owned = await findOwnedTenant(tx, phone);
  if (owned !== null) return { reason: "already_owner", reply: alreadyOwner(speaker, owned.businessName) };
  const started = await startSignupAttempt(tx, phone, now);
  if (!started.ok) {
    const words = speaker.say(
      started.reason === "too_many_starts" ? "signup.tooManyStarts" : "signup.dailyLimitReached",
    );
    return { reason: started.reason, reply: { kind: "text", body: words } };
  }
  return null;
}

async function execute(
  deps: EngineDeps,
  tx: Tx,
  speaker: Speaker,
  phone: string,
  now: Date,
  intent: SignupIntent,
  outcome: { tenantId: string | null; replies: OutMessage[] },
  log: Logger,
): Promise<SignupEvent | null> {
  switch (intent.type) {
    case "reply":
    case "endSignup":
      return null;
    case "suggestCode": {
      const { suggestion } = await suggestVendorCode(tx, vendorCodeFromName(intent.businessName));
      return { type: "CODE_SUGGESTED", code: suggestion };
    }
    case "checkCode": {
      const checked = await suggestVendorCode(tx, intent.code);
      return { type: "CODE_CHECKED", code: intent.code, free: checked.free, suggestion: checked.suggestion };
    }
    case "hashPin":
      return { type: "PIN_HASHED", hash: await hashSecret(intent.pin) };
    case "comparePin":
      return { type: "PIN_COMPARED", same: await verifySecret(intent.pin, intent.hash) };
    case "register": {
      const { details } = intent;
      const registered = await registerVendor(tx, {
        phoneNumber: phone,
        businessName: details.businessName,
        vendorCode: details.vendorCode,
        ownerName: details.ownerName,
        ownerPinHash: details.pinHash,
        pointsPer100: details.pointsPer100,
        reward: details.reward,
        now,
      });
      if (!registered.ok) {
        log.info({ reason: registered.reason }, "sign-up not registered");
        if (registered.reason === "code_taken")
          return { type: "REGISTER_FAILED", reason: "code_taken", suggestion: registered.suggestion };
        if (registered.reason === "already_owner") {
          outcome.replies.push(alreadyOwner(speaker, registered.businessName));
          return { type: "REGISTER_FAILED", reason: "already_owner" };
        }
        outcome.replies.push({ kind: "text", body: speaker.say("signup.dailyLimitReached") });
        return { type: "REGISTER_FAILED", reason: "rate_limited" };
      }
      const { vendor } = registered;
      const joinLink = buildJoinLink(deps.config, { vendor_code: vendor.vendorCode, whatsapp_config: null });
      // registerVendor left the transaction on the new tenant: the poster is stored under its RLS.
      const mediaId = await storeQrPoster(tx, vendor.tenantId, {
        businessName: vendor.businessName,
        vendorCode: vendor.vendorCode,
        joinLink,
      });
      outcome.tenantId = vendor.tenantId;
      outcome.replies.push(
        {
          kind: "text",
          body: speaker.say("signup.registered", {
            vendor: vendor.businessName,
            code: vendor.vendorCode,
            link: joinLink,
            days: TRIAL_DAYS,
          }),
        },
        { kind: "image", mediaId, caption: speaker.say("signup.posterCaption", { code: vendor.vendorCode }) },
      );
      log.info({ tenantId: vendor.tenantId }, "vendor registered in chat");
      return { type: "REGISTERED" };
    }
  }
}

/** This phone runs a business already: a button opens its owner chat. */
function alreadyOwner(speaker: Speaker, businessName: string): OutMessage {
  return {
    kind: "buttons",
    body: speaker.say("signup.alreadyOwner", { vendor: businessName }),
    buttons: [{ id: "OWNER", title: speaker.say("signup.button.ownerMode") }],
  };
}
