// @vitest-environment jsdom
/**
 * The settings the new sections keep, and their helpers. (Opening the shareable workbook in
 * Excel is the Office adapter's deliverFile: tests/host/office/office-workbook.test.ts.)
 */
import "./setup";
import { describe, expect, test } from "vitest";
import { readSettings, settingsRecord } from "../../src/taskpane/app/settings";
import {
  filterAuthorities,
  findAuthority,
  percent,
  yearsText,
} from "../../src/taskpane/features/benchmarks/authorities";
import { sharedMessage, shareableName } from "../../src/taskpane/features/build/share";

describe("settings and helpers of the new sections", () => {
  test("the benchmark choice and a loaded indicators file are read back; anything else is dropped", () => {
    expect(
      readSettings({ benchmarks: { la: "352", indicatorsCsv: "a,b\n1,2" } }).benchmarks
    ).toEqual({ la: "352", indicatorsCsv: "a,b\n1,2" });
    expect(readSettings({ benchmarks: { la: 352, indicatorsCsv: [] } }).benchmarks).toBeUndefined();
    expect(readSettings({ benchmarks: "Manchester" }).benchmarks).toBeUndefined();
    expect(readSettings({ benchmarks: { la: "  " } }).benchmarks).toBeUndefined();
    expect(settingsRecord({ staffTable: "Staff", benchmarks: undefined })).toEqual({
      staffTable: "Staff",
    });
  });

  test("the LA list is searched by name, region and number", () => {
    const list = [
      { name: "Bristol, City of", code: "E06000023", oldCode: "801", region: "South West" },
      { name: "Manchester", code: "E08000003", oldCode: "352", region: "North West" },
      { name: "St. Helens", code: "E08000013", oldCode: "342", region: "North West" },
    ];
    const names = (q: string) => filterAuthorities(list, q).map((a) => a.name);
    expect(names("")).toHaveLength(3);
    expect(names("bristol city")).toEqual(["Bristol, City of"]);
    expect(names("st helens")).toEqual(["St. Helens"]);
    expect(names("north west")).toEqual(["Manchester", "St. Helens"]);
    expect(names("35")).toEqual(["Manchester"]);
    expect(names("e08000003")).toEqual(["Manchester"]);
    expect(findAuthority(list, "352")?.name).toBe("Manchester");
    expect(findAuthority(list, "E08000013")?.name).toBe("St. Helens");
    expect(findAuthority(list, "manchester")?.oldCode).toBe("352");
    expect(findAuthority(list, "999")).toBeNull();
    expect(yearsText([2017, 2018, 2025])).toBe("2017 to 2025");
    expect(yearsText([2025])).toBe("2025");
    expect(percent(0.117)).toBe("11.7%");
    expect(percent(null)).toBe("not published");
  });

  test("the share message and file name", () => {
    expect(sharedMessage(5)).toBe(
      "A new workbook holds the shareable summary: values only, no staff data, groups of fewer than 5 people, and figures that would reveal them, shown as c. This workbook is unchanged."
    );
    expect(sharedMessage(0)).toMatch(/no numbers hidden/);
    expect(shareableName(new Date(2024, 2, 7))).toBe("Scrutiny summary to share 2024-03-07.xlsx");
  });
});
