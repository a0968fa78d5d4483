import { formatNaira } from "../../flows/format.ts";
import { ENGLISH, type Speaker } from "../../flows/i18n/createSpeaker.ts";
import type { TemplateRef } from "../domain/tenants/templateSetting.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";

/**
 * The platform's default approved template for "a purchase was cancelled" outside the 24-hour
 * window; a tenant may name its own as `purchase_voided_template` in `whatsapp_config`.
 * Body parameters: amount, vendor name, points taken back, new balance.
 */
export const PURCHASE_VOIDED_TEMPLATE: TemplateRef = { name: "loyalty_purchase_voided", language: "en" };

/**
 * Tells a customer that a purchase was cancelled and what that did to their points. Inside the
 * 24-hour customer-service window a free-form text; outside it only an approved template may be
 * sent (Graph API error 131047), as for {@link pointsEarnedNotice}.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
 */
export function purchaseVoidedNotice(input: {
  vendorName: string;
  amountKobo: number;
  pointsReversed: number;
  balance: number;
  insideServiceWindow: boolean;
  template?: TemplateRef;
  /** The customer's language (English when not given). */
  speaker?: Speaker;
}): OutMessage {
  if (input.insideServiceWindow) {
    const speaker = input.speaker ?? ENGLISH;
    const values = {
      amount: speaker.naira(input.amountKobo),
      vendor: input.vendorName,
      points: input.pointsReversed,
      balance: input.balance,
    };
    return {
      kind: "text",
      body: speaker.say(
        input.pointsReversed > 0 ? "owner.notice.purchaseVoided" : "owner.notice.purchaseVoidedNoPoints",
        values,
      ),
    };
  }
  const template = input.template ?? PURCHASE_VOIDED_TEMPLATE;
  return {
    kind: "template",
    name: template.name,
    language: template.language,
    bodyParams: [formatNaira(input.amountKobo), input.vendorName, String(input.pointsReversed), String(input.balance)],
  };
}
