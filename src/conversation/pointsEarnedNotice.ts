import { ENGLISH, type Speaker } from "../../flows/i18n/createSpeaker.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";
import type { TemplateRef } from "../domain/tenants/templateSetting.ts";

/**
 * The platform's default approved template for "you earned points" outside the 24-hour window;
 * a tenant may name its own as `points_earned_template` in `whatsapp_config`.
 */
export const POINTS_EARNED_TEMPLATE: TemplateRef = { name: "loyalty_points_earned", language: "en" };

/**
 * Tells a customer what a purchase earned them. Inside the 24-hour customer-service window a
 * free-form text; outside it only an approved template may be sent (Graph API error 131047).
 * https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
 */
export function pointsEarnedNotice(input: {
  vendorName: string;
  vendorCode: string;
  points: number;
  balance: number;
  insideServiceWindow: boolean;
  /** The approved template to use outside the window (the tenant's for the customer's language, or the platform default). */
  template?: TemplateRef;
  /** The customer's language (English when not given). */
  speaker?: Speaker;
}): OutMessage {
  if (input.insideServiceWindow) {
    const speaker = input.speaker ?? ENGLISH;
    return {
      kind: "text",
      body: speaker.say("customer.pointsEarned", {
        points: input.points,
        vendor: input.vendorName,
        balance: input.balance,
      }),
    };
  }
  return {
    kind: "template",
    name: (input.template ?? POINTS_EARNED_TEMPLATE).name,
    language: (input.template ?? POINTS_EARNED_TEMPLATE).language,
    bodyParams: [String(input.points), input.vendorName, String(input.balance), input.vendorCode],
  };
}
