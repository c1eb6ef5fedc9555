// @vitest-environment jsdom
/**
 * The add-in's openWorkbook (Prepare to share in Excel): Excel.createWorkbook with the file as
 * base64 where ExcelApi 1.8 is supported, else a download; and the settings the new sections keep.
 */
import "./setup";
import { afterEach, describe, expect, test, vi } from "vitest";
import { readSettings, settingsRecord } from "../../src/taskpane/app/settings";
import { openWorkbookInExcel, toBase64 } from "../../src/taskpane/app/open-workbook";
import {
  filterAuthorities,
  findAuthority,
  percent,
  yearsText,
} from "../../src/taskpane/features/benchmarks/authorities";
import { sharedMessage, shareableName } from "../../src/taskpane/features/build/share";

const globals = globalThis as { Office?: unknown; Excel?: unknown };

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
  vi.restoreAllMocks();
});

function excel(supported: boolean) {
  const createWorkbook = vi.fn(async (base64?: string) => {
    void base64;
  });
  globals.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, v: string) =>
          supported && name === "ExcelApi" && v === "1.8",
      },
    },
  };
  globals.Excel = { createWorkbook };
  return createWorkbook;
}

describe("openWorkbook in Excel", () => {
  test("base64 matches Node's, for every byte value and across chunks", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(toBase64(new Uint8Array())).toBe("");
  });

  test("with ExcelApi 1.8 the bytes go to Excel.createWorkbook as base64", async () => {
    const createWorkbook = excel(true);
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click");
    await openWorkbookInExcel(new Uint8Array([80, 75, 3, 4]), "x.xlsx");
    expect(createWorkbook).toHaveBeenCalledWith("UEsDBA==");
    expect(click).not.toHaveBeenCalled();
  });

  test("without it the file is downloaded", async () => {
    const createWorkbook = excel(false);
    window.URL.createObjectURL = vi.fn(() => "blob:test");
    window.URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      names.push(this.download);
    });
    await openWorkbookInExcel(new Uint8Array([1, 2, 3]), "Scrutiny summary to share.xlsx");
    expect(createWorkbook).not.toHaveBeenCalled();
    expect(names).toEqual(["Scrutiny summary to share.xlsx"]);
    const blob = vi.mocked(window.URL.createObjectURL).mock.calls[0][0] as Blob;
    expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(blob.size).toBe(3);
  });
});

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
