import type { OutMessage } from "../whatsapp/outMessage.ts";

/** The platform's default approved template for "you earned points" outside the 24-hour window. */
export const POINTS_EARNED_TEMPLATE = "loyalty_points_earned";

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
}): OutMessage {
  if (input.insideServiceWindow) {
    return {
      kind: "text",
      body: `🎉 You earned ${input.points} points at ${input.vendorName}. Your balance is now ${input.balance} points. Send BALANCE or REWARDS any time.`,
    };
  }
  return {
    kind: "template",
    name: POINTS_EARNED_TEMPLATE,
    language: "en",
    bodyParams: [String(input.points), input.vendorName, String(input.balance), input.vendorCode],
  };
}
