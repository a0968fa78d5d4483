import { ENGLISH, type Speaker } from "../../flows/i18n/createSpeaker.ts";
import type { TemplateRef } from "../domain/tenants/templateSetting.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";

/**
 * The platform's default approved template for "you were added as staff" outside the 24-hour
 * window; a tenant may name its own as `staff_invite_template` in `whatsapp_config`.
 * Body parameter: the business name.
 */
export const STAFF_INVITE_TEMPLATE: TemplateRef = { name: "loyalty_staff_invite", language: "en" };

/**
 * Tells someone the owner added them as staff: a text inside the 24-hour window of their last
 * message to the bot, otherwise the approved template (Graph API error 131047 otherwise).
 * https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
 */
export function staffInviteNotice(input: {
  vendorName: string;
  insideServiceWindow: boolean;
  template?: TemplateRef;
  /** The new staff member's language (English when not given). */
  speaker?: Speaker;
}): OutMessage {
  if (input.insideServiceWindow) {
    const speaker = input.speaker ?? ENGLISH;
    return { kind: "text", body: speaker.say("owner.notice.staffInvite", { vendor: input.vendorName }) };
  }
  const template = input.template ?? STAFF_INVITE_TEMPLATE;
  return { kind: "template", name: template.name, language: template.language, bodyParams: [input.vendorName] };
}
