import { describe, expect, it } from "vitest";
import type { CellSpec } from "../../../src/core/summary/plan";
import {
  cleanSheetName,
  columnAddress,
  literalFor,
  needsTextPrefix,
  parseAddress,
  rowChunks,
  styleRects,
  uniqueSheetName,
} from "../../../src/host/sheet-helpers";

describe("sheet names", () => {
  it("removes what Excel forbids and keeps 31 characters", () => {
    expect(cleanSheetName("a[b]c:d*e?f/g\\h")).toBe("a b c d e f g h");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
    expect(cleanSheetName("x".repeat(40))).toHaveLength(31);
    expect(cleanSheetName("  ")).toBe("Sheet");
    expect(cleanSheetName("History")).toBe("History 1");
  });

  it("adds (2), (3), … case-insensitively and still fits 31 characters", () => {
    expect(uniqueSheetName("Scrutiny summary", new Set())).toBe("Scrutiny summary");
    expect(uniqueSheetName("Scrutiny summary", new Set(["scrutiny summary"]))).toBe(
      "Scrutiny summary (2)"
    );
    expect(
      uniqueSheetName("Scrutiny summary", new Set(["scrutiny summary", "scrutiny summary (2)"]))
    ).toBe("Scrutiny summary (3)");
    const long = "A very long scrutiny summary name";
    const name = uniqueSheetName(long, new Set([cleanSheetName(long).toLowerCase()]));
    expect(name).toHaveLength(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});

describe("addresses", () => {
  it("parses what Office.js gives", () => {
    expect(parseAddress("Sheet1!A1:O561")).toEqual({
      sheet: "Sheet1",
      row: 0,
      column: 0,
      rows: 561,
      columns: 15,
    });
    expect(parseAddress("'Staff ''23'!$B$2")).toEqual({
      sheet: "Staff '23",
      row: 1,
      column: 1,
      rows: 1,
      columns: 1,
    });
    expect(parseAddress("AA10:AB11")).toEqual({
      sheet: undefined,
      row: 9,
      column: 26,
      rows: 2,
      columns: 2,
    });
    expect(() => parseAddress("Sheet1!A:A")).toThrow(/cannot read/);
  });

  it("names whole columns", () => {
    expect(columnAddress(0)).toBe("A:A");
    expect(columnAddress(27)).toBe("AB:AB");
  });
});

describe("literal text", () => {
  it("prefixes text Excel would turn into a formula, number, date, boolean or error", () => {
    for (const text of [
      "=1+1",
      "+44 161",
      "-5",
      "@x",
      "00123",
      "1/2",
      "50%",
      "£5",
      "TRUE",
      "#N/A",
      "'quoted",
      "Sep 2023",
    ]) {
      expect(needsTextPrefix(text), text).toBe(true);
    }
    for (const text of ["North", " NORTH ", "SW2", "Level 2", "", "September"]) {
      expect(needsTextPrefix(text), text).toBe(false);
    }
  });

  it("writes numbers, booleans and blanks as themselves", () => {
    expect(literalFor({ value: 3 })).toBe(3);
    expect(literalFor({ value: false })).toBe(false);
    expect(literalFor({ value: null })).toBe("");
    expect(literalFor(undefined)).toBe("");
    expect(literalFor({ value: Number.NaN })).toBe("");
    expect(literalFor({ value: "=SUM(A1)" })).toBe("'=SUM(A1)");
  });
});

describe("chunks and style rectangles", () => {
  it("splits rows so each chunk stays under the budget", () => {
    const cells: CellSpec[][] = Array.from({ length: 100 }, (_, i) => [
      { value: `row ${i}` },
      { value: i },
    ]);
    const chunks = rowChunks(cells, 500);
    expect(chunks[0].start).toBe(0);
    expect(chunks[chunks.length - 1].end).toBe(100);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].start).toBe(chunks[i - 1].end);
    for (const c of chunks) expect(c.bytes).toBeLessThanOrEqual(500);
    expect(rowChunks(cells, 1e9)).toHaveLength(1);
  });

  it("merges runs of one style into rectangles", () => {
    const h: CellSpec = { value: "h", style: "header" };
    const i: CellSpec = { value: 1, style: "input" };
    const cells: CellSpec[][] = [
      [h, h, h],
      [i, i, { value: 2 }],
      [i, i, { value: 3 }],
    ];
    expect(styleRects(cells, { row: 4, column: 1 }, 0, 3)).toEqual([
      { style: "header", range: { row: 4, column: 1, rows: 1, columns: 3 } },
      { style: "input", range: { row: 5, column: 1, rows: 2, columns: 2 } },
    ]);
  });
});
