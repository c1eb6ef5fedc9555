/**
 * Shared pieces of the .xlsx adapter's tests: a user's workbook (a sheet called "Scrutiny
 * summary" of their own, raw Staff and Posts sheets), the summary plan built from it as the pane
 * builds it, the plan's cells, and well-formedness checks of package parts.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ingestPosts, ingestStaff } from "../../../src/core/ingest";
import { buildSummaryPlan } from "../../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../../src/core/summary/options";
import type { CellSpec, WorkbookPlan } from "../../../src/core/summary/plan";
import { generateStaff } from "../../../src/sample/generate";
import { XlsxWorkbook } from "../../../src/host/xlsx/xlsx-workbook";

export const HYPERLINK_TEXT = '=HYPERLINK("x")';

/** The user's own workbook: their "Scrutiny summary" sheet, and raw Staff and Posts sheets (no tables). */
export async function userWorkbookBytes(): Promise<Uint8Array> {
  const { staff, posts } = generateStaff({ rows: 400, seed: 3 });
  // A staff ID that a spreadsheet would read as a formula if it were typed.
  staff[5] = [...staff[5]];
  staff[5][0] = HYPERLINK_TEXT;
  const wb = new ExcelJS.Workbook();
  const mine = wb.addWorksheet("Scrutiny summary");
  mine.getCell("A1").value = "My own scrutiny notes";
  mine.getCell("A1").font = { bold: true, size: 13, name: "Arial" };
  mine.getCell("B3").value = 0.125;
  mine.getCell("B3").numFmt = "0.0%";
  mine.getCell("B4").value = { formula: "B3*2", result: 0.25 };
  mine.getCell("B4").numFmt = "0.00%";
  mine.getCell("C4").value = { formula: "Staff!E2*10", result: 10 };
  mine.getCell("D5").value = "-not a formula";
  mine.getCell("D5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFCC00" } };
  mine.getColumn(1).width = 40;
  const raw = wb.addWorksheet("Staff");
  for (const row of staff) raw.addRow(row as ExcelJS.CellValue[]);
  raw.getColumn(6).numFmt = "dd/mm/yyyy";
  const postsSheet = wb.addWorksheet("Posts");
  for (const row of posts) postsSheet.addRow(row as ExcelJS.CellValue[]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A raw Staff sheet only (no posts), with the spellings a real HR extract has. */
export async function messyWorkbookBytes(): Promise<Uint8Array> {
  const { staff } = generateStaff({ rows: 400, seed: 3, messy: true });
  const wb = new ExcelJS.Workbook();
  const raw = wb.addWorksheet("Staff");
  for (const row of staff) raw.addRow(row as ExcelJS.CellValue[]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The summary plan of a workbook's Staff and Posts sheets, read through the port as the pane reads them. */
export async function summaryPlanOf(book: XlsxWorkbook): Promise<WorkbookPlan> {
  const tables = await book.listTables();
  const staff = tables.find((t) => t.name === "Staff");
  const posts = tables.find((t) => t.name === "Posts");
  if (!staff) throw new Error("no Staff table or sheet");
  return buildSummaryPlan({
    staff: ingestStaff(await book.readTable(staff)),
    posts: posts ? ingestPosts(await book.readTable(posts)) : null,
    options: DEFAULT_SUMMARY_OPTIONS,
    source: { staffTable: staff.name, postsTable: posts?.name ?? null },
    version: "test",
    builtOn: "2026-11-22",
  });
}

export interface PlanCell {
  sheetKey: string;
  row: number;
  column: number;
  cell: CellSpec;
}

/** Every cell of a plan (blocks and tables), 0-based positions. */
export function planCells(plan: WorkbookPlan): PlanCell[] {
  const out: PlanCell[] = [];
  for (const sheet of plan.sheets) {
    for (const block of [...sheet.blocks, ...sheet.tables]) {
      block.cells.forEach((cells, i) =>
        cells.forEach((cell, j) => {
          if (cell)
            out.push({ sheetKey: sheet.key, row: block.row + i, column: block.column + j, cell });
        })
      );
    }
  }
  return out;
}

export async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function partText(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`no part ${path}`);
  return file.async("string");
}

/** Throws when the XML is not well-formed (libxml2, as in the manifest check). */
export async function assertWellFormed(xml: string, label: string): Promise<void> {
  const { XmlDocument } = await import("libxml2-wasm");
  let doc: { dispose(): void } | undefined;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    throw new Error(`${label} is not well-formed XML: ${String(error)}`);
  } finally {
    doc?.dispose();
  }
}

/** A cell's value, formula, number format and the style bits a user sees, for "unchanged" checks. */
export function cellSnapshot(cell: ExcelJS.Cell): unknown {
  return {
    value: cell.value,
    // ExcelJS's cell.value of a formula drops a 0 or FALSE result; cell.result keeps it.
    result: cell.type === ExcelJS.ValueType.Formula ? cell.result : undefined,
    numFmt: cell.numFmt ?? null,
    bold: cell.font?.bold ?? false,
    italic: cell.font?.italic ?? false,
    size: cell.font?.size ?? null,
    fontName: cell.font?.name ?? null,
    fill: cell.fill && cell.fill.type === "pattern" ? (cell.fill.fgColor?.argb ?? null) : null,
  };
}

export function sheetSnapshot(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      out[cell.address] = cellSnapshot(cell);
    })
  );
  out.columnWidths = ws.columns?.map((c) => c.width ?? null) ?? [];
  return out;
}
