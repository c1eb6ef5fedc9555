import { describe, expect, it } from "vitest";
import {
  addYears,
  completedYears,
  isoFromSerial,
  parseDate,
  serialFromYmd,
} from "../../src/core/dates";

describe("dates", () => {
  it("uses Excel's serial numbers (1 Jan 1900 = 1, 30 Sep 2022 = 44834)", () => {
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(serialFromYmd(2022, 9, 30)).toBe(44834);
    expect(isoFromSerial(44834)).toBe("2022-09-30");
  });

  it.each([
    [44834, 44834],
    ["2022-09-30", 44834],
    ["30/09/2022", 44834],
    ["30 Sep 2022", 44834],
    ["30 September 2022", 44834],
    ["30-Sep-2022", 44834],
    ["2022-09-30T00:00:00", 44834],
    ["44834", 44834],
    [new Date(Date.UTC(2022, 8, 30)), 44834],
    ["1/2/2022", serialFromYmd(2022, 2, 1)],
  ])("reads %j", (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(["09/30/2022", "31/02/2022", "2022", "yesterday", "", "#REF!", -5, true])(
    "rejects %j (UK day-first only)",
    (input) => {
      expect(parseDate(input)).toBeNull();
    }
  );

  it("steps back a year as EDATE does (29 Feb → 28 Feb)", () => {
    expect(addYears(serialFromYmd(2024, 2, 29), -1)).toBe(serialFromYmd(2023, 2, 28));
    expect(addYears(serialFromYmd(2022, 9, 30), -1)).toBe(serialFromYmd(2021, 9, 30));
  });

  it('counts completed years as DATEDIF(...,"Y")', () => {
    expect(completedYears(serialFromYmd(1985, 10, 1), serialFromYmd(2022, 9, 30))).toBe(36);
    expect(completedYears(serialFromYmd(1985, 9, 30), serialFromYmd(2022, 9, 30))).toBe(37);
    expect(completedYears(serialFromYmd(2022, 10, 1), serialFromYmd(2022, 9, 30))).toBe(-1);
  });
});

describe("version", () => {
  it("is package.json's", async () => {
    const { VERSION } = await import("../../src/core/version");
    const pkg = await import("../../package.json");
    expect(VERSION).toBe(pkg.version);
  });
});
