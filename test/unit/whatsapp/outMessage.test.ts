import { describe, expect, it } from "vitest";
import { outMessageSchema, type OutMessage } from "../../../src/whatsapp/outMessage.ts";

const valid: Array<[string, OutMessage]> = [
  ["text", { kind: "text", body: "Hello José 👋" }],
  [
    "buttons",
    {
      kind: "buttons",
      body: "Menu",
      buttons: [
        { id: "menu.balance", title: "Balance" },
        { id: "menu.rewards", title: "Rewards" },
        { id: "menu.help", title: "Help" },
      ],
    },
  ],
  [
    "list",
    {
      kind: "list",
      body: "Pick one",
      button: "Rewards",
      sections: [
        { title: "Drinks", rows: [{ id: "r1", title: "Coffee", description: "100 points" }] },
        { title: "Food", rows: [{ id: "r2", title: "Cake" }] },
      ],
    },
  ],
  ["template", { kind: "template", name: "points_reminder", language: "en", bodyParams: ["Ada", "150"] }],
  ["template without params", { kind: "template", name: "hello_world", language: "en_US", bodyParams: [] }],
];

describe("outMessageSchema", () => {
  it.each(valid)(
    "when a stored %s message round-trips through JSON, then it parses to the same value",
    (_label, message) => {
      const stored: unknown = JSON.parse(JSON.stringify(message));
      const parsed = outMessageSchema.safeParse(stored);
      expect(parsed.success && parsed.data).toEqual(message);
    },
  );

  it.each<[string, unknown]>([
    ["an unknown kind", { kind: "image", url: "x" }],
    ["a text without body", { kind: "text" }],
    ["an empty text", { kind: "text", body: "" }],
    ["a text over 4096 characters", { kind: "text", body: "x".repeat(4097) }],
    ["no buttons", { kind: "buttons", body: "b", buttons: [] }],
    ["four buttons", { kind: "buttons", body: "b", buttons: ["1", "2", "3", "4"].map((id) => ({ id, title: id })) }],
    [
      "a button title over 20 characters",
      { kind: "buttons", body: "b", buttons: [{ id: "a", title: "x".repeat(21) }] },
    ],
    [
      "duplicate button ids",
      {
        kind: "buttons",
        body: "b",
        buttons: [
          { id: "a", title: "A" },
          { id: "a", title: "B" },
        ],
      },
    ],
    [
      "a list button label over 20 characters",
      { kind: "list", body: "b", button: "x".repeat(21), sections: [{ title: "", rows: [{ id: "a", title: "A" }] }] },
    ],
    [
      "a row title over 24 characters",
      {
        kind: "list",
        body: "b",
        button: "Open",
        sections: [{ title: "", rows: [{ id: "a", title: "x".repeat(25) }] }],
      },
    ],
    [
      "a row description over 72 characters",
      {
        kind: "list",
        body: "b",
        button: "Open",
        sections: [{ title: "", rows: [{ id: "a", title: "A", description: "x".repeat(73) }] }],
      },
    ],
    [
      "eleven rows in total",
      {
        kind: "list",
        body: "b",
        button: "Open",
        sections: [
          { title: "A", rows: Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, title: "A" })) },
          { title: "B", rows: Array.from({ length: 6 }, (_, i) => ({ id: `b${i}`, title: "B" })) },
        ],
      },
    ],
    ["a template param that is not a string", { kind: "template", name: "t", language: "en", bodyParams: [150] }],
  ])("when the payload has %s, then it is rejected", (_label, payload) => {
    expect(outMessageSchema.safeParse(payload).success).toBe(false);
  });
});
