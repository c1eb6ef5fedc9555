/**
 * "Above target" highlights flag numbers only. The very rule each adapter writes (Office.js:
 * the custom rule's formula as the fake Excel received it; .xlsx: the rule read back from the
 * file by ExcelJS) is evaluated by HyperFormula as Excel evaluates a conditional-format formula:
 * relative to the range's top-left cell, filled down the range, over "n/a", a number above the
 * target, a number below it and the target itself.
 */
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { ingestStaff } from "../../src/core/ingest";
import { buildSummaryPlan } from "../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import type { WorkbookPlan } from "../../src/core/summary/plan";
import { OfficeWorkbook } from "../../src/host/office/office-workbook";
import { parseAddress } from "../../src/host/sheet-helpers";
import { XlsxWorkbook } from "../../src/host/xlsx/xlsx-workbook";
import { generateStaff } from "../../src/sample/generate";
import { fakeExcel } from "./office/fake-excel";

const TARGET = 18;
const CELLS: unknown[] = ["n/a", 25, 10, TARGET];
const FLAGGED = [false, true, false, false];

function summaryPlan(): WorkbookPlan {
  return buildSummaryPlan({
    staff: ingestStaff(generateStaff({ rows: 120, seed: 4 }).staff),
    posts: null,
    options: DEFAULT_SUMMARY_OPTIONS,
    source: { staffTable: "Staff", postsTable: null },
  });
}

/** Whether each of CELLS (placed down the range from its top-left cell) is flagged by the rule. */
function flags(rule: string, ref: string): boolean[] {
  const where = parseAddress(ref);
  expect(where.rows).toBeGreaterThanOrEqual(CELLS.length);
  const grid: unknown[][] = [];
  const probe = where.column + 3;
  CELLS.forEach((value, i) => {
    const row = (grid[where.row + i] = [] as unknown[]);
    row[where.column] = value;
  });
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  const hf = HyperFormula.buildFromSheets({ S: grid as never }, { licenseKey: "gpl-v3" });
  hf.addNamedExpression("WFS_CaseloadTarget", TARGET);
  const sheet = hf.getSheetId("S")!;
  // The rule as written for the top-left cell, then filled down the range as Excel applies it.
  hf.setCellContents({ sheet, row: where.row, col: probe }, [[`=${rule}`]]);
  hf.copy({
    start: { sheet, row: where.row, col: probe },
    end: { sheet, row: where.row, col: probe },
  });
  for (let i = 1; i < CELLS.length; i++) hf.paste({ sheet, row: where.row + i, col: probe });
  return CELLS.map((_, i) => hf.getCellValue({ sheet, row: where.row + i, col: probe }) === true);
}

describe("the above-target highlight flags numbers only", () => {
  it("HyperFormula, like Excel, ranks text above numbers: a plain 'value > target' rule marks n/a", () => {
    expect(flags("A1>WFS_CaseloadTarget", "A1:A4")).toEqual([true, true, false, false]);
  });

  it("the rule the Office.js adapter writes", async () => {
    const plan = summaryPlan();
    const excel = fakeExcel([]);
    await new OfficeWorkbook(excel.run).writePlan(plan);
    const ranges = excel.sheet("Scrutiny summary").ranges.filter((r) => r.conditional.length);
    expect(ranges).toHaveLength(plan.sheets[0].conditionalFormats!.length);
    for (const range of ranges) {
      const rule = range.conditional[0].custom.rule.formula!;
      expect(rule.startsWith("=")).toBe(true);
      expect(flags(rule.slice(1), range.address)).toEqual(FLAGGED);
    }
  });

  it("the rule the .xlsx adapter writes, read back from the file", async () => {
    const plan = summaryPlan();
    const book = XlsxWorkbook.empty();
    await book.writePlan(plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
    const cfs = (
      wb.getWorksheet("Scrutiny summary") as unknown as {
        conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[];
      }
    ).conditionalFormattings;
    expect(cfs).toHaveLength(plan.sheets[0].conditionalFormats!.length);
    for (const cf of cfs) {
      expect(cf.rules[0].type).toBe("expression");
      expect(flags(cf.rules[0].formulae[0], cf.ref)).toEqual(FLAGGED);
    }
  });
});
