import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { claimUniquePhone, forgetClaimedPhones, phoneClaimsDir } from "../../helpers/uniquePhone.ts";

describe("test phone numbers", () => {
  it("when the random draw repeats a number, then the second caller gets the next fresh one, and the teardown forgets them", () => {
    const database = `unique_phone_${process.pid}_${Date.now()}`;
    const url = `postgres://postgres@127.0.0.1:5432/${database}`;
    const draws = ["2348030000001", "2348030000001", "2348030000001", "2348030000002"];
    const draw = () => draws.shift() ?? "exhausted";
    expect(claimUniquePhone(url, draw)).toBe("2348030000001");
    expect(claimUniquePhone(url, draw)).toBe("2348030000002");
    expect(draws).toEqual([]);
    forgetClaimedPhones(database);
    expect(existsSync(phoneClaimsDir(database))).toBe(false);
  });
});
