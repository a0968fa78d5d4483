import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

describe("billing configuration", () => {
  it("when nothing is set, then Paystack's own API, no key (sandbox outside production) and a 7-day grace are used", () => {
    const config = loadConfig({ NODE_ENV: "development" });
    expect(config.billing).toEqual({
      paystackSecretKey: undefined,
      paystackApiUrl: "https://api.paystack.co",
      graceDays: 7,
    });
  });

  it("when a key, a local fake's URL and a grace are given, then they are used (trailing slash dropped)", () => {
    const config = loadConfig({
      PAYSTACK_SECRET_KEY: "sk_test_x",
      PAYSTACK_API_URL: "http://127.0.0.1:4010/",
      BILLING_GRACE_DAYS: "3",
    });
    expect(config.billing).toEqual({
      paystackSecretKey: "sk_test_x",
      paystackApiUrl: "http://127.0.0.1:4010",
      graceDays: 3,
    });
  });

  it("when the URL or the grace is bad, then start-up stops with one line naming the variable", () => {
    expect(() => loadConfig({ PAYSTACK_API_URL: "ftp://paystack" })).toThrow(
      new ConfigError("config: PAYSTACK_API_URL must be a URL starting with http:// or https://"),
    );
    expect(() => loadConfig({ BILLING_GRACE_DAYS: "-1" })).toThrow(ConfigError);
    expect(() => loadConfig({ BILLING_GRACE_DAYS: "-1" })).toThrow(/^config: BILLING_GRACE_DAYS /);
  });
});
