/**
 * A second spreadsheet application opens what the .xlsx adapter writes: LibreOffice Calc
 * (headless) loads the sample's summary workbook, recalculates every formula (a profile sets
 * OOXMLRecalcMode to "always"), and each recalculated formula cell of the summary and data sheets
 * equals the cached value the product wrote (core's value). A few cached values are deliberately
 * wrong in the file, so the test fails if Calc only echoed the caches. The shareable copy (values
 * only) reads back to the plan's values. The workbook also converts
 * to .xlsx (read back, with its charts and tables) and to PDF (rendered to PNG when poppler's pdftoppm is
 * there).
 *
 * Skipped when `soffice` is not on PATH (Debian: apt-get install libreoffice-calc-nogui).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkbookPlan } from "../../../src/core/summary/plan";
import { cellAddress } from "../../../src/core/summary/plan";
import { makeShareable } from "../../../src/core/summary/shareable";
import { XlsxWorkbook } from "../../../src/host/xlsx/xlsx-workbook";
import {
  convert,
  CSV_ALL_SHEETS,
  csvValue,
  makeProfile,
  onPath,
  readCsv,
  recalculatedEquals,
  sheetCsvPath,
} from "./libreoffice";
import { loadExcelJs, messyWorkbookBytes, planCells, summaryPlanOf, unzip } from "./support";

const SOFFICE = onPath("soffice");
const SAMPLE = join(__dirname, "..", "..", "..", "examples", "sample-staff.xlsx");
if (!SOFFICE) {
  console.warn(
    "libreoffice.test.ts: skipped, soffice is not on PATH (Debian: apt-get install libreoffice-calc-nogui)"
  );
}
const title = SOFFICE
  ? "LibreOffice Calc recalculates the summary workbook to the product's values"
  : "LibreOffice Calc (skipped: soffice is not on PATH; apt-get install libreoffice-calc-nogui to run it)";

/** The plan with a few cached values made wrong: Calc must recalculate them to pass. */
function poisoned(plan: WorkbookPlan): { plan: WorkbookPlan; cells: string[] } {
  const copy = structuredClone(plan) as WorkbookPlan;
  const cells: string[] = [];
  for (const key of ["summary", "data"]) {
    const sheet = copy.sheets.find((s) => s.key === key)!;
    let left = 2;
    for (const block of [...sheet.blocks, ...sheet.tables]) {
      block.cells.forEach((row, i) =>
        row.forEach((cell, j) => {
          if (left > 0 && cell?.formula && typeof cell.value === "number" && cell.value !== 0) {
            cell.value = -987654.321;
            cells.push(`${key}!${cellAddress(block.row + i, block.column + j)}`);
            left--;
          }
        })
      );
    }
  }
  return { plan: copy, cells };
}

describe.skipIf(!SOFFICE)(title, () => {
  let dir: string;
  let profile: string;
  /** The sample's summary (with posts), and a messy generated table without posts ("n/a" results). */
  const cases: {
    label: string;
    file: string;
    plan: WorkbookPlan;
    sheetNames: Record<string, string>;
    poisoned: string[];
  }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "wfs-lo-"));
    profile = await makeProfile();
    const inputs: [string, Uint8Array][] = [
      ["summary", new Uint8Array(await readFile(SAMPLE))],
      ["no-posts", await messyWorkbookBytes()],
    ];
    for (const [label, bytes] of inputs) {
      const book = await XlsxWorkbook.fromBuffer(bytes);
      const plan = await summaryPlanOf(book);
      const bad = poisoned(plan);
      const { sheetNames } = await book.writePlan(bad.plan);
      const file = join(dir, `${label}.xlsx`);
      await writeFile(file, await book.toBuffer());
      cases.push({ label, file, plan, sheetNames, poisoned: bad.cells });
    }
  }, 60_000);

  it("every formula cell of the summary and data sheets equals core's value after recalculation", async () => {
    const started = Date.now();
    await convert(
      cases.map((c) => c.file),
      CSV_ALL_SHEETS,
      join(dir, "csv"),
      profile
    );
    const seconds = (Date.now() - started) / 1000;
    for (const c of cases) {
      const grids: Record<string, string[][]> = {};
      for (const key of ["summary", "data"])
        grids[key] = await readCsv(sheetCsvPath(join(dir, "csv"), c.file, c.sheetNames[key]));
      const formulas = planCells(c.plan).filter((p) => p.cell.formula !== undefined);
      const mismatches: unknown[] = [];
      for (const p of formulas) {
        const text = grids[p.sheetKey][p.row]?.[p.column] ?? "";
        if (!recalculatedEquals(csvValue(text), p.cell.value))
          mismatches.push({
            at: `${p.sheetKey}!${cellAddress(p.row, p.column)}`,
            formula: p.cell.formula!.slice(0, 200),
            product: p.cell.value,
            libreoffice: text,
          });
      }
      const numbers = formulas.filter((p) => typeof p.cell.value === "number").length;
      console.info(
        `${c.label}: LibreOffice recalculated ${formulas.length} formula cells (${numbers} numbers, ${formulas.length - numbers} text); ${mismatches.length} differ; poisoned caches: ${c.poisoned.join(", ")}`
      );
      expect(formulas.length).toBeGreaterThan(300);
      expect(c.poisoned.length).toBeGreaterThanOrEqual(2);
      expect(mismatches.slice(0, 10)).toEqual([]);
    }
    console.info(
      `LibreOffice converted ${cases.length} workbooks to CSV in ${seconds.toFixed(1)} s`
    );
    // The messy case must really compare text results.
    expect(
      planCells(cases[1].plan).some((p) => p.cell.formula && typeof p.cell.value === "string")
    ).toBe(true);
  }, 240_000);

  it("reads the shareable copy (values only) to the values of core's plan", async () => {
    const shared = makeShareable(cases[0].plan, { version: "test", preparedOn: "2026-11-22" });
    const book = XlsxWorkbook.empty();
    const { sheetNames } = await book.writePlan(shared);
    const file = join(dir, "shareable.xlsx");
    await writeFile(file, await book.toBuffer());
    await convert(file, CSV_ALL_SHEETS, join(dir, "csv-shared"), profile);
    const grid = await readCsv(sheetCsvPath(join(dir, "csv-shared"), file, sheetNames.summary));
    const cells = planCells(shared).filter(
      (p) => p.cell.value !== undefined && p.cell.value !== null && p.cell.value !== ""
    );
    expect(cells.some((p) => p.cell.formula !== undefined)).toBe(false);
    // Text compares as the text Calc shows (a team called "007" is not 7).
    const shown = (row: number, column: number, value: unknown) => {
      const text = grid[row]?.[column] ?? "";
      return typeof value === "string" ? text : csvValue(text);
    };
    const bad = cells
      .filter((p) => !recalculatedEquals(shown(p.row, p.column, p.cell.value), p.cell.value))
      .map((p) => ({
        at: cellAddress(p.row, p.column),
        core: p.cell.value,
        libreoffice: grid[p.row]?.[p.column],
      }));
    expect(cells.length).toBeGreaterThan(300);
    expect(cells.filter((p) => p.cell.value === "c").length).toBeGreaterThan(0);
    expect(bad.slice(0, 10)).toEqual([]);
  }, 240_000);

  it("converts to .xlsx: the result reads back with its sheets, tables and charts", async () => {
    const { file, plan, sheetNames } = cases[0];
    await convert(file, "xlsx", join(dir, "xlsx"), profile);
    const bytes = new Uint8Array(await readFile(join(dir, "xlsx", "summary.xlsx")));
    const wb = await loadExcelJs(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["Staff", "Posts", sheetNames.summary, sheetNames.data])
    );
    const zip = await unzip(bytes);
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(plan.sheets.find((s) => s.key === "summary")!.charts.length);
    const tables = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))
        .map(async (p) => / name="([^"]+)"/.exec(await zip.file(p)!.async("string"))![1])
    );
    const summary = plan.sheets.find((s) => s.key === "summary")!;
    expect(tables).toEqual(
      expect.arrayContaining([
        "WFS_Staff",
        "WFS_Posts",
        "WFS_England",
        ...(summary.tableRanges ?? []).map((t) => t.name),
      ])
    );
  }, 240_000);

  it("prints to PDF (and renders the first page to PNG when pdftoppm is there)", async () => {
    const { file } = cases[0];
    await convert(file, "pdf", join(dir, "pdf"), profile);
    const pdf = join(dir, "pdf", "summary.pdf");
    expect((await stat(pdf)).size).toBeGreaterThan(10_000);
    const pdftoppm = onPath("pdftoppm");
    if (!pdftoppm) return;
    await promisify(execFile)(
      pdftoppm,
      ["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, join(dir, "page")],
      { timeout: 60_000 }
    );
    expect((await stat(join(dir, "page.png"))).size).toBeGreaterThan(1_000);
  }, 240_000);
});
