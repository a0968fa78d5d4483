/** English, group `claims.`: see ../en.ts for the catalog's rules. */
export const claimsEn = {
  // Customer: a receipt photo becomes a claim for staff to approve.
  "claims.customer.askAmount":
    "Thanks for the receipt photo! How much did you spend? Reply with the amount, for example 5000. Send CANCEL to stop.",
  "claims.customer.askAmountRetry":
    "That is not an amount. Reply with what you spent, for example 5000 or ₦5,000. Send CANCEL to stop.",
  "claims.customer.gaveUp":
    "Let's leave it for now. Send the receipt photo again with the amount as its caption, for example 5000.",
  "claims.customer.filed":
    "Your receipt for {amount} has been sent for review. We'll message you when the shop approves it.",
  "claims.customer.refused.claimsOff":
    "Sorry, this shop does not take receipt photos. Ask the staff at the till to record your purchase.",
  "claims.customer.refused.duplicate": "This receipt was sent before. Each receipt can be claimed only once.",
  "claims.customer.refused.dailyLimit":
    "You have sent {limit, plural, one {# receipt} other {# receipts}} today, the most allowed. Try again tomorrow, or ask the staff at the till.",
  "claims.customer.refused.overMax":
    "Receipts over {amount} cannot be claimed by photo. Ask the staff at the till to record this purchase.",
  "claims.customer.refused.tooLarge":
    "That photo is too large (over 5 MB). Please send a smaller photo of the receipt.",
  "claims.customer.refused.unsupported":
    "I could not read that image. Please send the receipt as an ordinary photo (JPEG or PNG).",
  "claims.customer.refused.failed":
    "Sorry, I could not get your photo just now. Please send it again in a few minutes.",
  "claims.customer.mediaNotUnderstood":
    "I cannot read voice notes, videos, stickers, files or locations. I understand text messages, and photos of your receipts (with the amount as the caption). Send MENU to see what I can do.",
  "claims.customer.strangerPhoto":
    "Thanks for the photo! To earn points for a receipt, first join the shop: scan its QR code, or send JOIN and the shop's code. Then send the photo again.",
  "claims.notice.approved":
    "✅ {vendor} approved your receipt: you earned {points, plural, one {# point} other {# points}}. Your balance is now {balance}.",
  "claims.notice.rejected":
    "❌ {vendor} could not approve your receipt: {why}. Ask at the till if you think this is wrong.",
  // Staff (and, later, owner) review of pending claims.
  "claims.notice.referrerEarned":
    "🎉 A friend you invited made their first purchase at {vendor}: you earned {points, plural, one {# point} other {# points}}. Your balance is now {balance}.",
  "claims.staff.none": "No receipt claims are waiting. Send MENU for your menu.",
  "claims.staff.waiting":
    "{count, plural, one {# receipt claim is} other {# receipt claims are}} waiting. Send CLAIMS to review them.",
  "claims.staff.list": "Receipt claims waiting: {count}. Reply with a number to open one, or CANCEL to close claims.",
  "claims.staff.line": "{number}. {phone}, {amount}, {age}",
  "claims.staff.more": "…and {count} more after these.",
  "claims.staff.age.minutes": "{minutes, plural, one {# minute ago} other {# minutes ago}}",
  "claims.staff.age.hours": "{hours, plural, one {# hour ago} other {# hours ago}}",
  "claims.staff.age.days": "{days, plural, one {# day ago} other {# days ago}}",
  "claims.staff.pickRetry": "Reply with a claim's number from the list, for example 1, or CANCEL to close claims.",
  "claims.staff.opened":
    "Claim {number}: {amount} from {phone}, sent {age}. Reply APPROVE to log the purchase, or REJECT and a reason (for example: REJECT wrong shop). BACK returns to the list.",
  "claims.staff.receiptCaption": "Receipt for claim {number}: {amount}",
  "claims.staff.noImage": "The receipt photo cannot be shown in this chat; it can be seen in the dashboard.",
  "claims.staff.askReason":
    "Why are you rejecting it? Type the reason the customer will see, for example: blurry photo.",
  "claims.staff.decideRetry": "Reply APPROVE, or REJECT and a reason, or BACK for the list.",
  "claims.staff.approved": "Approved: {amount} logged for {phone}, +{points} points. The customer has been told.",
  "claims.staff.rejected": "Rejected. The customer has been told why: {why}.",
  "claims.staff.alreadyReviewed": "That claim was already reviewed by someone else.",
  "claims.staff.notFound": "That claim is no longer available.",
  "claims.staff.purchaseRefused": "The purchase could not be logged, so the claim is still waiting. Ask the owner.",
  "claims.staff.notPermitted": "Your account may not review receipt claims. Ask the owner.",
  "claims.staff.closed": "Claims closed. Send MENU for your menu.",
  "claims.staff.nonText": "Reply with text: a claim's number, APPROVE, REJECT and a reason, or CANCEL.",
};
