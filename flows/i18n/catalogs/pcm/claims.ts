import type { claimsEn } from "../en/claims.ts";
import type { Translation } from "../translation.ts";

/** Group `claims.` in this language: same keys and placeholders as ../en/claims.ts. */
export const claimsPcm: Translation<typeof claimsEn> = {
  "claims.customer.askAmount":
    "Thank you for the receipt photo! How much you spend? Reply with the amount, like 5000. Send CANCEL make we stop.",
  "claims.customer.askAmountRetry":
    "Dat one no be amount. Reply with wetin you spend, like 5000 or ₦5,000. Send CANCEL make we stop.",
  "claims.customer.gaveUp":
    "Make we leave am for now. Send the receipt photo again with the amount as caption, like 5000.",
  "claims.customer.filed":
    "We don send your receipt for {amount} make dem check am. We go message you when the shop approve am.",
  "claims.customer.refused.claimsOff":
    "Sorry, dis shop no dey collect receipt photo. Tell the staff for the counter make dem record your purchase.",
  "claims.customer.refused.duplicate": "You don send dis receipt before. One receipt fit claim only once.",
  "claims.customer.refused.dailyLimit":
    "You don send {limit, plural, one {# receipt} other {# receipts}} today, na the most wey dem allow. Try again tomorrow, or tell the staff for the counter.",
  "claims.customer.refused.overMax":
    "Receipt wey pass {amount} no fit claim by photo. Tell the staff for the counter make dem record dis purchase.",
  "claims.customer.refused.tooLarge": "Dat photo too big (e pass 5 MB). Abeg send smaller photo of the receipt.",
  "claims.customer.refused.unsupported":
    "I no fit read dat picture. Abeg send the receipt as normal photo (JPEG or PNG).",
  "claims.customer.refused.failed": "Sorry, I no fit collect your photo now. Abeg send am again after some minutes.",
  "claims.customer.mediaNotUnderstood":
    "I no fit read voice note, video, sticker, file or location. I sabi read text message, and photo of your receipt (with the amount as caption). Send MENU to see wetin I fit do.",
  "claims.customer.strangerPhoto":
    "Thank you for the photo! To get points for receipt, first join the shop: scan their QR code, or send JOIN and the shop code. Then send the photo again.",
  "claims.notice.approved":
    "✅ {vendor} don approve your receipt: you get {points, plural, one {# point} other {# points}}. Your balance now na {balance}.",
  "claims.notice.rejected":
    "❌ {vendor} no fit approve your receipt: {why}. Ask for the counter if you think say dem make mistake.",
  "claims.notice.referrerEarned":
    "🎉 Your padi wey you invite don buy their first thing for {vendor}: you get {points, plural, one {# point} other {# points}}. Your balance now na {balance}.",
  "claims.staff.none": "No receipt claim dey wait. Send MENU for your menu.",
  "claims.staff.waiting":
    "{count, plural, one {# receipt claim dey} other {# receipt claims dey}} wait. Send CLAIMS make you check dem.",
  "claims.staff.list":
    "Receipt claims wey dey wait: {count}. Reply with number to open one, or CANCEL to close claims.",
  "claims.staff.line": "{number}. {phone}, {amount}, {age}",
  "claims.staff.more": "…and {count} more after dis ones.",
  "claims.staff.age.minutes": "{minutes, plural, one {# minute ago} other {# minutes ago}}",
  "claims.staff.age.hours": "{hours, plural, one {# hour ago} other {# hours ago}}",
  "claims.staff.age.days": "{days, plural, one {# day ago} other {# days ago}}",
  "claims.staff.pickRetry": "Reply with claim number from the list, like 1, or CANCEL to close claims.",
  "claims.staff.opened":
    "Claim {number}: {amount} from {phone}, dem send am {age}. Reply APPROVE to record the purchase, or REJECT and reason (like: REJECT wrong shop). BACK go return you to the list.",
  "claims.staff.receiptCaption": "Receipt for claim {number}: {amount}",
  "claims.staff.noImage": "The receipt photo no fit show for dis chat; you fit see am for the dashboard.",
  "claims.staff.askReason": "Why you dey reject am? Type the reason wey customer go see, like: photo no clear.",
  "claims.staff.decideRetry": "Reply APPROVE, or REJECT and reason, or BACK for the list.",
  "claims.staff.approved": "Approved: {amount} don record for {phone}, +{points} points. We don tell the customer.",
  "claims.staff.rejected": "Rejected. We don tell the customer why: {why}.",
  "claims.staff.alreadyReviewed": "Another person don already check dat claim.",
  "claims.staff.notFound": "Dat claim no dey again.",
  "claims.staff.purchaseRefused": "The purchase no fit record, so the claim still dey wait. Ask the owner.",
  "claims.staff.notPermitted": "Your account no get permission to check receipt claims. Ask the owner.",
  "claims.staff.closed": "Claims don close. Send MENU for your menu.",
  "claims.staff.nonText": "Reply with text: claim number, APPROVE, REJECT and reason, or CANCEL.",
};
