/**
 * The fake Excel refuses what Excel refuses (so a passing adapter test means something): each
 * refusal is shown here on its own, with Excel's error code.
 */
import { describe, expect, it } from "vitest";
import { definedNameProblem, fakeExcel, sheetNameProblem } from "./fake-excel";

type Anyish = Record<string, any>;

function setup(options?: Parameters<typeof fakeExcel>[1]) {
  const excel = fakeExcel(
    [
      {
        name: "Staff",
        cells: [
          ["a", 1],
          ["b", "n/a"],
        ],
      },
    ],
    options
  );
  const wb = excel.context.workbook as Anyish;
  return { excel, wb, ws: wb.worksheets.getItem("Staff") as Anyish };
}

async function refusal(excel: ReturnType<typeof fakeExcel>): Promise<string> {
  try {
    await excel.context.sync();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return "accepted";
}

describe("the fake Excel refuses what Excel refuses", () => {
  it("a matrix whose shape is not its range's", async () => {
    const { excel, ws } = setup();
    ws.getRange("A1:B2").values = [[1, 2]];
    expect(await refusal(excel)).toBe("InvalidArgument");
    ws.getRange("A1:B2").values = [
      [1, 2],
      [3, 4],
    ];
    expect(await refusal(excel)).toBe("accepted");
  });

  it("a request over 5 MB, and a response over 5 MB", async () => {
    const { excel, ws } = setup();
    const big = [["x".repeat(6 * 1024 * 1024)]];
    ws.getRange("C1").values = big;
    expect(await refusal(excel)).toBe("RequestPayloadSizeLimitExceeded");
    const small = setup({ payloadLimitBytes: 1_000 });
    small.ws.getRange("C1").values = [["y".repeat(600)]];
    small.ws.getRange("D1").values = [["y".repeat(600)]];
    expect(await refusal(small.excel)).toBe("RequestPayloadSizeLimitExceeded");
    small.ws.getRange("C1").values = [["y".repeat(600)]];
    expect(await refusal(small.excel)).toBe("accepted");
    small.ws.getRange("A1:Z40").load("values");
    small.ws.getRange("C1").load("values");
    // 40 × 26 blank cells and the text: over 1,000 bytes of response.
    expect(await refusal(small.excel)).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("sheet names Excel refuses", async () => {
    for (const bad of ["", "x".repeat(32), "a/b", "a[1]", "'quoted'", "History", "staff"]) {
      const { excel, wb } = setup();
      wb.worksheets.add(bad);
      expect(await refusal(excel), bad).not.toBe("accepted");
    }
    expect(sheetNameProblem("Scrutiny summary (2)")).toBeUndefined();
  });

  it("table and defined names Excel refuses, and names taken", async () => {
    for (const bad of ["1st", "A1", "R1C1", "C", "has space", "x-y", ""])
      expect(definedNameProblem(bad), bad).toBeDefined();
    expect(definedNameProblem("WFS_Staff.FTE")).toBeUndefined();
    const { excel, wb, ws } = setup();
    wb.names.add("WFS_X", ws.getRange("A1"));
    expect(await refusal(excel)).toBe("accepted");
    wb.names.add("wfs_x", ws.getRange("A2"));
    expect(await refusal(excel)).toBe("ItemAlreadyExists");
    ws.tables.add("A1:B2", true).name = "WFS_X";
    expect(await refusal(excel)).toBe("ItemAlreadyExists");
    ws.tables.add("D1:E2", true).name = "A1";
    expect(await refusal(excel)).toBe("InvalidArgument");
  });

  it("a table overlapping another", async () => {
    const { excel, ws } = setup();
    ws.tables.add("A1:B3", true).name = "One";
    expect(await refusal(excel)).toBe("accepted");
    ws.tables.add("B3:C4", true);
    expect(await refusal(excel)).toBe("InvalidArgument");
  });

  it("reading a property before it is loaded and synced", async () => {
    const { excel, wb, ws } = setup();
    expect(() => wb.worksheets.items).toThrow(/not loaded/);
    const range = ws.getRange("A1:B2");
    range.load("values");
    expect(() => range.values).toThrow(/not loaded/);
    await excel.context.sync();
    expect(range.values).toEqual([
      ["a", 1],
      ["b", "n/a"],
    ]);
    const marker = ws.customProperties.getItemOrNullObject("WorkforceScrutiny");
    expect(() => marker.isNullObject).toThrow(/not available/);
    await excel.context.sync();
    expect(marker.isNullObject).toBe(true);
    expect(() => marker.value).toThrow(/not available/);
  });

  it("an API above the requirement set this Excel has", async () => {
    const { excel, ws } = setup({ apiVersion: "1.11" });
    void ws.customProperties;
    expect(await refusal(excel)).toBe("ApiNotFound");
    const old = setup({ apiVersion: "1.5" });
    old.ws.getRange("A1").conditionalFormats.add("Custom");
    expect(await refusal(old.excel)).toBe("ApiNotFound");
    expect(old.excel.isSetSupported("ExcelApi", "1.4")).toBe(true);
    expect(old.excel.isSetSupported("ExcelApi", "1.12")).toBe(false);
  });

  it("a property Excel's objects do not have (e.g. chart alt text)", () => {
    const { ws } = setup();
    const chart = ws.charts.add("Line", ws.getRange("B1"), "Rows");
    expect(() => {
      chart.altTextDescription = "A chart";
    }).toThrow(TypeError);
  });

  it("the first series of a chart made from cells with no number", async () => {
    const { excel, ws } = setup();
    const text = ws.charts.add("Line", ws.getRange("B2"), "Rows");
    const count = text.series.getCount();
    await excel.context.sync();
    expect(count.value).toBe(0);
    text.series.getItemAt(0);
    expect(await refusal(excel)).toBe("ItemNotFound");
    const numbers = ws.charts.add("Line", ws.getRange("B1"), "Rows");
    numbers.series.getItemAt(0).name = "ok";
    expect(await refusal(excel)).toBe("accepted");
  });

  it("stops a request at its failing operation, keeping those before it", async () => {
    const { excel, wb, ws } = setup();
    wb.names.add("Before", ws.getRange("A1"));
    ws.getRange("A1:B2").values = [[1]];
    wb.names.add("After", ws.getRange("A1"));
    expect(await refusal(excel)).toBe("InvalidArgument");
    expect(excel.names.map((n) => n.name)).toEqual(["Before"]);
    // and a failure injected at an operation behaves the same way
    excel.failAtOperation(2);
    wb.names.add("One", ws.getRange("A1"));
    wb.names.add("Two", ws.getRange("A1"));
    wb.names.add("Three", ws.getRange("A1"));
    expect(await refusal(excel)).toBe("GeneralException");
    expect(excel.names.map((n) => n.name)).toEqual(["Before", "One"]);
  });
});
