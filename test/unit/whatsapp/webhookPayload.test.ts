import { describe, expect, it } from "vitest";
import { parseWebhookPayload, type WebhookEvents } from "../../../src/whatsapp/webhookPayload.ts";
import { listFixtures, readFixture } from "./fixtures.ts";

const PHONE_NUMBER_ID = "109876543210987";
const CUSTOMER = "2348012345678";

function parseOk(json: unknown): WebhookEvents {
  const result = parseWebhookPayload(json);
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.value;
}

function parseFixture(name: string): WebhookEvents {
  return parseOk(readFixture(name));
}

/** A one-change payload around the given value fields. */
function payload(value: Record<string, unknown>): unknown {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102938475610293",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "2347000000000", phone_number_id: PHONE_NUMBER_ID },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

const WEBHOOK_FIXTURES = listFixtures().filter((name) => !name.startsWith("send-"));

describe("parseWebhookPayload over the shared fixtures", () => {
  it("when the fixtures folder is listed, then every webhook fixture is covered below", () => {
    expect(WEBHOOK_FIXTURES).toEqual([
      "batched-two-customers.json",
      "image.json",
      "interactive-button-reply.json",
      "interactive-list-reply.json",
      "status-delivered.json",
      "status-failed.json",
      "status-read.json",
      "template-quick-reply.json",
      "text-join.json",
      "text-unicode.json",
    ]);
  });

  it.each(WEBHOOK_FIXTURES)("when %s arrives, then it parses with nothing skipped", (name) => {
    const events = parseFixture(name);
    expect(events.skipped).toEqual([]);
    expect(events.messages.length + events.statuses.length).toBeGreaterThan(0);
  });

  it("when text-join.json arrives, then one text message with sender, profile and time is read", () => {
    expect(parseFixture("text-join.json")).toEqual({
      messages: [
        {
          waMessageId: "wamid.HBgNMjM0ODAxMjM0NTY3OBUCABIYFDNBMDFBQkNERUYwMTIzNDU2Nzg5AA==",
          from: CUSTOMER,
          phoneNumberId: PHONE_NUMBER_ID,
          profileName: "Ada Obi",
          timestamp: new Date(1764150000 * 1000),
          kind: "text",
          text: "JOIN ABC123",
          title: null,
          type: "text",
        },
      ],
      statuses: [],
      skipped: [],
    });
  });

  it("when text-unicode.json arrives, then the accented name and emoji survive", () => {
    const [message] = parseFixture("text-unicode.json").messages;
    expect(message?.profileName).toBe("José Obi");
    expect(message?.text).toBe("Balance please José 👋");
  });

  it("when interactive-button-reply.json arrives, then the button id is the text and its label the title", () => {
    const events = parseFixture("interactive-button-reply.json");
    expect(events.messages).toHaveLength(1);
    expect(events.messages[0]).toMatchObject({
      kind: "interactive",
      text: "menu.balance",
      title: "Balance",
      type: "interactive",
    });
  });

  it("when interactive-list-reply.json arrives, then the row id is the text and its title the title", () => {
    const events = parseFixture("interactive-list-reply.json");
    expect(events.messages[0]).toMatchObject({ kind: "interactive", text: "reward.2", title: "Free drink" });
  });

  it("when template-quick-reply.json arrives, then the payload is the text and the label the title", () => {
    const events = parseFixture("template-quick-reply.json");
    expect(events.messages[0]).toMatchObject({
      kind: "button",
      text: "STOP",
      title: "Stop promotions",
      type: "button",
    });
  });

  it("when image.json arrives, then it is an 'other' message keeping its raw type", () => {
    const events = parseFixture("image.json");
    expect(events.messages[0]).toMatchObject({
      kind: "other",
      text: null,
      title: null,
      type: "image",
      from: CUSTOMER,
      media: { id: "1234567890123456", mimeType: "image/jpeg" },
    });
    expect(events.skipped).toEqual([]);
  });

  it("when a photo carries a caption, then the caption is its text (the claim's amount) and it stays 'other'", () => {
    const raw = JSON.parse(JSON.stringify(readFixture("image.json")));
    raw.entry[0].changes[0].value.messages[0].image.caption = "₦5,000";
    const events = parseWebhookPayload(raw);
    expect(events.ok && events.value.messages[0]).toMatchObject({ kind: "other", text: "₦5,000", type: "image" });
  });

  it("when a photo has no media id, then it is skipped with a reason", () => {
    const raw = JSON.parse(JSON.stringify(readFixture("image.json")));
    delete raw.entry[0].changes[0].value.messages[0].image.id;
    const events = parseWebhookPayload(raw);
    expect(events.ok && events.value.skipped[0]?.reason).toMatch(/malformed image message/);
  });

  it("when status-delivered.json arrives, then one delivered status without error is read", () => {
    expect(parseFixture("status-delivered.json")).toEqual({
      messages: [],
      statuses: [
        {
          waMessageId: "wamid.outbound0001",
          status: "delivered",
          timestamp: new Date(1764150020 * 1000),
          recipientId: CUSTOMER,
          errorCode: null,
          errorMessage: null,
        },
      ],
      skipped: [],
    });
  });

  it("when status-read.json arrives, then the status is read", () => {
    expect(parseFixture("status-read.json").statuses[0]).toMatchObject({
      status: "read",
      waMessageId: "wamid.outbound0001",
    });
  });

  it("when status-failed.json arrives, then the error code and message are kept", () => {
    const [status] = parseFixture("status-failed.json").statuses;
    expect(status).toMatchObject({ status: "failed", waMessageId: "wamid.outbound0004", errorCode: "131047" });
    expect(status?.errorMessage).toMatch(/^Re-engagement message: Message failed to send because more than 24 hours/);
  });

  it("when batched-two-customers.json arrives, then both entries, both messages and the status are read", () => {
    const events = parseFixture("batched-two-customers.json");
    expect(events.messages.map((m) => [m.waMessageId, m.from, m.profileName, m.text])).toEqual([
      ["wamid.batch.0001", "2348012345678", "Ada Obi", "BALANCE"],
      ["wamid.batch.0002", "2348098765432", "Bola Ade", "JOIN ABC123"],
    ]);
    expect(events.statuses.map((s) => [s.waMessageId, s.status])).toEqual([["wamid.outbound0001", "delivered"]]);
    expect(events.skipped).toEqual([]);
  });
});

describe("parseWebhookPayload with unusual or malformed shapes", () => {
  it("when a message comes from a username-only user with only from_user_id, then it is skipped with a reason", () => {
    const events = parseOk(
      payload({
        contacts: [{ profile: { name: "Anon" }, user_id: "NG.123" }],
        messages: [
          { from_user_id: "NG.123", id: "wamid.nouser", timestamp: "1764150000", type: "text", text: { body: "hi" } },
          { from: CUSTOMER, id: "wamid.ok", timestamp: "1764150001", type: "text", text: { body: "BALANCE" } },
        ],
      }),
    );
    expect(events.skipped).toEqual([{ id: "wamid.nouser", reason: expect.stringContaining("username-only") }]);
    expect(events.messages.map((m) => m.waMessageId)).toEqual(["wamid.ok"]);
    expect(events.messages[0]?.profileName).toBeNull();
  });

  it("when one message of a batch is malformed, then the others are still read", () => {
    const events = parseOk(
      payload({
        messages: [
          { from: CUSTOMER, id: "wamid.bad", timestamp: "1764150000", type: "text" },
          { from: CUSTOMER, id: "wamid.badtime", timestamp: "yesterday", type: "text", text: { body: "x" } },
          { from: CUSTOMER, timestamp: "1764150000", type: "text", text: { body: "no id" } },
          { from: CUSTOMER, id: "wamid.good", timestamp: "1764150000", type: "text", text: { body: "ok" } },
        ],
      }),
    );
    expect(events.messages.map((m) => m.waMessageId)).toEqual(["wamid.good"]);
    expect(events.skipped).toEqual([
      { id: "wamid.bad", reason: expect.stringContaining("malformed text message") },
      { id: "wamid.badtime", reason: expect.stringContaining("timestamp") },
      { reason: expect.stringContaining("id") },
    ]);
  });

  it("when an interactive message is a flow reply, then it is an 'other' message", () => {
    const events = parseOk(
      payload({
        messages: [
          {
            from: CUSTOMER,
            id: "wamid.flow",
            timestamp: "1764150000",
            type: "interactive",
            interactive: { type: "nfm_reply", nfm_reply: { response_json: "{}" } },
          },
        ],
      }),
    );
    expect(events.messages[0]).toMatchObject({ kind: "other", type: "interactive", text: null });
  });

  it("when an interactive button reply lacks its reply object, then it is skipped", () => {
    const events = parseOk(
      payload({
        messages: [
          {
            from: CUSTOMER,
            id: "wamid.x",
            timestamp: "1764150000",
            type: "interactive",
            interactive: { type: "button_reply" },
          },
        ],
      }),
    );
    expect(events.messages).toEqual([]);
    expect(events.skipped).toEqual([{ id: "wamid.x", reason: expect.stringContaining("button_reply") }]);
  });

  it("when a status is unknown or has no recipient_id, then it is skipped and the valid ones are kept", () => {
    const events = parseOk(
      payload({
        statuses: [
          { id: "wamid.s1", status: "deleted", timestamp: "1764150000", recipient_id: CUSTOMER },
          { id: "wamid.s2", status: "sent", timestamp: "1764150000", recipient_user_id: "NG.1" },
          { id: "wamid.s3", status: "sent", timestamp: "1764150000", recipient_id: CUSTOMER },
        ],
      }),
    );
    expect(events.statuses.map((s) => s.waMessageId)).toEqual(["wamid.s3"]);
    expect(events.skipped.map((s) => s.id)).toEqual(["wamid.s1", "wamid.s2"]);
  });

  it("when the value carries webhook-level errors, then they are reported as skipped", () => {
    const events = parseOk(payload({ errors: [{ code: 131051, title: "Unsupported message type" }] }));
    expect(events.skipped).toEqual([{ reason: "webhook error: 131051 Unsupported message type" }]);
  });

  it("when a change has another field, then it is skipped without failing the payload", () => {
    const events = parseOk({
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "account_update", value: { event: "VERIFIED_ACCOUNT" } }] }],
    });
    expect(events).toEqual({
      messages: [],
      statuses: [],
      skipped: [{ reason: expect.stringContaining("account_update") }],
    });
  });

  it("when unknown fields appear at every level, then they are ignored", () => {
    const events = parseOk({
      object: "whatsapp_business_account",
      novelty: true,
      entry: [
        {
          id: "1",
          extra: 1,
          changes: [
            {
              field: "messages",
              value: {
                metadata: { phone_number_id: PHONE_NUMBER_ID, future: "x" },
                contacts: [{ wa_id: CUSTOMER, user_id: "NG.1", profile: { name: "Ada", username: "ada" } }],
                messages: [
                  {
                    from: CUSTOMER,
                    from_user_id: "NG.1",
                    id: "wamid.n",
                    timestamp: "1",
                    type: "text",
                    text: { body: "hi", x: 1 },
                    y: 2,
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(events.messages[0]).toMatchObject({ waMessageId: "wamid.n", profileName: "Ada", text: "hi" });
  });

  it.each([
    ["null", null],
    ["a string", "hello"],
    ["an empty object", {}],
    ["the wrong object", { object: "page", entry: [] }],
    ["entry not an array", { object: "whatsapp_business_account", entry: {} }],
    ["changes missing", { object: "whatsapp_business_account", entry: [{ id: "1" }] }],
    [
      "no metadata",
      { object: "whatsapp_business_account", entry: [{ changes: [{ field: "messages", value: { messages: [] } }] }] },
    ],
    ["messages not an array", payload({ messages: { id: "x" } })],
  ])("when the payload is %s, then the result is not ok with a reason", (_label, json) => {
    const result = parseWebhookPayload(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^malformed /);
  });

  it("when the entry list is empty, then there is nothing to do", () => {
    expect(parseOk({ object: "whatsapp_business_account", entry: [] })).toEqual({
      messages: [],
      statuses: [],
      skipped: [],
    });
  });
});
