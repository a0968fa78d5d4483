import { z } from "zod";
import { intlLocaleFor, type Speaker } from "../../flows/i18n/createSpeaker.ts";
import type { Contact } from "../db/contacts.ts";
import { sql, type Tx } from "../db/sql.ts";
import { enterPlatform } from "../db/withTenant.ts";
import { describePersonalData, type PersonalDataHeld } from "../domain/dataPortability/describePersonalData.ts";
import { erasePersonalData } from "../domain/dataPortability/erasePersonalData.ts";
import type { Logger } from "../logger.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";
import type { Handled, PersonMessage } from "./engineTypes.ts";

/** DELETE MY DATA waits this long for YES; after it the question lapses and nothing is erased. */
export const ERASE_CONFIRM_MS = 10 * 60 * 1000;

/** A WhatsApp text body may hold 4,096 characters; the MY DATA answer is split well below it. */
const MAX_TEXT = 1000;

export type DataRightsCommand = "MY_DATA" | "DELETE_MY_DATA";

/** `MY DATA` or `DELETE MY DATA`, in any case and spacing, with or without a final full stop. */
export function dataRightsCommandOf(text: string | null): DataRightsCommand | null {
  if (text === null) return null;
  const words = text
    .trim()
    .replace(/[.!]+$/u, "")
    .split(/\s+/u)
    .join(" ")
    .toUpperCase();
  if (words === "MY DATA") return "MY_DATA";
  if (words === "DELETE MY DATA") return "DELETE_MY_DATA";
  return null;
}

/** Whether the contact was asked to confirm an erasure and the question has not lapsed. */
export function isEraseAwaitingAnswer(contact: Contact, now: Date): boolean {
  const asked = contact.data_erase_requested_at;
  return asked !== null && now.getTime() - asked.getTime() < ERASE_CONFIRM_MS;
}

const phoneRow = z.object({ phone_number: z.string() });
const idRow = z.object({ id: z.string() });

async function setEraseRequested(tx: Tx, phone: string, at: Date | null): Promise<void> {
  await tx.query(sql.type(phoneRow)`
    UPDATE contacts SET data_erase_requested_at = ${at === null ? null : sql.timestamp(at)}
    WHERE phone_number = ${phone} RETURNING phone_number
  `);
}

/**
 * The person's data rights in chat (NDPR), on the platform path since their data spans vendors:
 * `MY DATA` answers what each vendor holds; `DELETE MY DATA` asks for YES, and YES (only YES)
 * erases everything {@link erasePersonalData} does; any other answer cancels. The number is the
 * proof of identity: only the person themselves can ask for their own data.
 */
export async function handleDataRights(
  tx: Tx,
  contact: Contact,
  message: PersonMessage,
  command: DataRightsCommand | null,
  speaker: Speaker,
  log: Logger,
): Promise<Handled> {
  await enterPlatform(tx);
  const phone = contact.phone_number;
  const reply = (route: string, replies: OutMessage[]): Handled => ({
    route,
    tenantId: null,
    customerId: null,
    replies,
  });

  if (command === "MY_DATA") {
    if (contact.data_erase_requested_at !== null) await setEraseRequested(tx, phone, null);
    const held = await describePersonalData(tx, phone);
    return reply("my_data", myDataMessages(speaker, held));
  }
  if (command === "DELETE_MY_DATA") {
    const held = await describePersonalData(tx, phone);
    if (held.length === 0) {
      if (contact.data_erase_requested_at !== null) await setEraseRequested(tx, phone, null);
      return reply("delete_my_data", [text(speaker.say("lifecycle.myData.none"))]);
    }
    await setEraseRequested(tx, phone, message.now);
    return reply("delete_my_data", [text(speaker.say("lifecycle.deleteData.confirm", { shops: held.length }))]);
  }
  // The answer to the question: YES erases, anything else keeps everything.
  if (message.text?.trim().toUpperCase() !== "YES") {
    await setEraseRequested(tx, phone, null);
    return reply("delete_my_data_cancelled", [text(speaker.say("lifecycle.deleteData.cancelled"))]);
  }
  // Messages that came in after YES and wait unread go with the rest: closed unanswered, before
  // the erasure takes the number off them (they could no longer be found by it).
  await tx.query(sql.type(idRow)`
    UPDATE whatsapp_messages SET processed_at = now(), whatsapp_status = 'skipped', error_code = 'erased'
    WHERE contact_phone = ${phone} AND direction = 'inbound' AND processed_at IS NULL AND id <> ${message.row.id}
    RETURNING id
  `);
  const result = await erasePersonalData(tx, { phone, now: message.now });
  log.info(
    { customersErased: result.customersErased, messagesScrubbed: result.messagesScrubbed },
    "personal data erased",
  );
  return reply("delete_my_data_done", [text(speaker.say("lifecycle.deleteData.done"))]);
}

function text(body: string): OutMessage {
  return { kind: "text", body };
}

/** The MY DATA answer: a header, then a block per vendor, split into texts of at most {@link MAX_TEXT} characters. */
export function myDataMessages(speaker: Speaker, held: readonly PersonalDataHeld[]): OutMessage[] {
  if (held.length === 0) return [text(speaker.say("lifecycle.myData.none"))];
  const blocks = held.map((vendor) =>
    [
      speaker.say("lifecycle.myData.vendor", {
        vendor: vendor.businessName,
        date: vendor.joinedAt === null ? "—" : speaker.date(vendor.joinedAt.toISOString(), "Africa/Lagos"),
      }),
      speaker.say("lifecycle.myData.name", { name: vendor.name ?? "—" }),
      speaker.say("lifecycle.myData.birthday", { birthday: birthdayOf(speaker, vendor.birthDate) }),
      speaker.say("lifecycle.myData.counts", {
        purchases: vendor.purchases,
        points: vendor.balance,
        messages: vendor.messages,
      }),
      speaker.say(vendor.marketing ? "lifecycle.myData.offersOn" : "lifecycle.myData.offersOff"),
    ].join("\n"),
  );
  const parts = [speaker.say("lifecycle.myData.header"), ...blocks, speaker.say("lifecycle.myData.footer")];
  const messages: OutMessage[] = [];
  let current = "";
  for (const part of parts) {
    if (current !== "" && current.length + 2 + part.length > MAX_TEXT) {
      messages.push(text(current));
      current = part;
    } else {
      current = current === "" ? part : `${current}\n\n${part}`;
    }
  }
  if (current !== "") messages.push(text(current));
  return messages;
}

/** A birth date as day and month (the year is not asked for); "—" when none is held. */
function birthdayOf(speaker: Speaker, birthDate: string | null): string {
  if (birthDate === null) return "—";
  const match = /^\d{4}-(\d{2})-(\d{2})$/u.exec(birthDate);
  if (match === null) return "—";
  return new Intl.DateTimeFormat(intlLocaleFor(speaker.language), {
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2000, Number(match[1]) - 1, Number(match[2]))));
}
