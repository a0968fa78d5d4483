import { ENGLISH, type Speaker } from "../../flows/i18n/createSpeaker.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";

/**
 * Replies the engine gives before any vendor's flow runs (routing outcomes), in the speaker's
 * language (English when the caller names none).
 */
export const platformReplies = {
  slowDown: (speaker: Speaker = ENGLISH): OutMessage => text(speaker.say("platform.slowDown")),
  stranger: (speaker: Speaker = ENGLISH): OutMessage => text(speaker.say("platform.stranger")),
  unknownVendor: (code: string, speaker: Speaker = ENGLISH): OutMessage =>
    text(speaker.say("platform.unknownVendor", { code: code.slice(0, 20) })),
  joinWithoutCode: (speaker: Speaker = ENGLISH): OutMessage => text(speaker.say("platform.joinWithoutCode")),
  paused: (vendorName: string | null, speaker: Speaker = ENGLISH): OutMessage =>
    text(
      vendorName === null
        ? speaker.say("platform.pausedUnnamed")
        : speaker.say("platform.paused", { vendor: vendorName }),
    ),
  blocked: (vendorName: string, speaker: Speaker = ENGLISH): OutMessage =>
    text(speaker.say("platform.blocked", { vendor: vendorName })),
  programFull: (vendorName: string, speaker: Speaker = ENGLISH): OutMessage =>
    text(speaker.say("platform.programFull", { vendor: vendorName })),
  staffUnknown: (speaker: Speaker = ENGLISH): OutMessage => text(speaker.say("platform.staffUnknown")),
  staffSessionEnded: (speaker: Speaker = ENGLISH): OutMessage => text(speaker.say("platform.staffSessionEnded")),
  pinLocked: (untilText: string, speaker: Speaker = ENGLISH): OutMessage =>
    text(speaker.say("platform.pinLocked", { time: untilText })),
};

function text(body: string): OutMessage {
  return { kind: "text", body };
}
