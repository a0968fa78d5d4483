import type { OutMessage } from "../whatsapp/outMessage.ts";

/** Replies the engine gives before any vendor's flow runs (routing outcomes). */
export const platformReplies = {
  slowDown: (): OutMessage => ({
    kind: "text",
    body: "You're sending messages faster than we can answer them. Please wait a minute, then send your message again.",
  }),
  stranger: (): OutMessage => ({
    kind: "text",
    body: "Hi! 👋 To join a loyalty program, scan your vendor's QR code, or send JOIN followed by their code (for example: JOIN MAMAPUT).\nRun a business? Send REGISTER to start a loyalty programme for it.",
  }),
  unknownVendor: (code: string): OutMessage => ({
    kind: "text",
    body: `Sorry, there is no vendor with the code "${code.slice(0, 20)}". Check the code on the vendor's QR poster and send JOIN <code> again.`,
  }),
  joinWithoutCode: (): OutMessage => ({
    kind: "text",
    body: "Send JOIN followed by the vendor's code, for example: JOIN MAMAPUT.",
  }),
  paused: (vendorName: string): OutMessage => ({
    kind: "text",
    body: `${vendorName}'s loyalty program is paused at the moment. Please check back later or speak to the vendor.`,
  }),
  blocked: (vendorName: string): OutMessage => ({
    kind: "text",
    body: `Your membership at ${vendorName} is on hold. Please speak to the vendor.`,
  }),
  programFull: (vendorName: string): OutMessage => ({
    kind: "text",
    body: `Sorry, ${vendorName}'s loyalty program is full right now. Please ask the vendor.`,
  }),
  staffUnknown: (): OutMessage => ({
    kind: "text",
    body: "This number is not set up as staff. Ask the owner to add your phone number and a PIN.",
  }),
  staffSessionEnded: (): OutMessage => ({
    kind: "text",
    body: "Your staff session has ended. Send STAFF to start a new one.",
  }),
  pinLocked: (untilText: string): OutMessage => ({
    kind: "text",
    body: `Too many wrong PINs. Staff chat is locked until ${untilText}.`,
  }),
};
