import { describe, expect, it } from "vitest";
import { outMessageSchema, outMessageText } from "../../../src/whatsapp/outMessage.ts";

const MEDIA_ID = "0b6f3c2e-4d1a-4f7e-9a51-3c0d2b8e6f11";

describe("image messages in the outbox", () => {
  it("when an image names a stored media row and a caption, then it is a valid outbox message whose text is the caption", () => {
    const parsed = outMessageSchema.safeParse({ kind: "image", mediaId: MEDIA_ID, caption: "Your QR poster" });
    expect(parsed.success).toBe(true);
    expect(outMessageText({ kind: "image", mediaId: MEDIA_ID, caption: "Your QR poster" })).toBe("Your QR poster");
    expect(outMessageText({ kind: "image", mediaId: MEDIA_ID })).toBe("[image]");
  });

  it("when the media id is not a uuid (say, Meta's id or a path) or the caption is empty or over 1024, then it is refused", () => {
    expect(outMessageSchema.safeParse({ kind: "image", mediaId: "1234567890" }).success).toBe(false);
    expect(outMessageSchema.safeParse({ kind: "image", mediaId: "../../etc/passwd" }).success).toBe(false);
    expect(outMessageSchema.safeParse({ kind: "image", mediaId: MEDIA_ID, caption: "" }).success).toBe(false);
    expect(outMessageSchema.safeParse({ kind: "image", mediaId: MEDIA_ID, caption: "x".repeat(1025) }).success).toBe(
      false,
    );
    expect(outMessageSchema.safeParse({ kind: "image", mediaId: MEDIA_ID, caption: "x".repeat(1024) }).success).toBe(
      true,
    );
  });
});
