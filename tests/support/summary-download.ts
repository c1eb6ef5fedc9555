/**
 * A workbook the workbench downloaded, read back: every formula cell of its summary sheet holds
 * the value core computes for that cell from the same staff and posts rows (the sample's, or a
 * generated table's).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { buildSummaryPlan } from "../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import { plainCell } from "../../src/host/xlsx/cell-values";
import { XlsxWorkbook } from "../../src/host/xlsx/xlsx-workbook";
import type { Grid } from "../../src/core/ingest";
import type { WorkbookPlan } from "../../src/core/summary/plan";
import { readSheets } from "../../src/node/read-file";
import { ROOT } from "./built-pages";

/** Checks the downloaded file against core for the sample; returns how many formula cells were compared. */
export async function expectSampleSummaryEqualsCore(file: string): Promise<number> {
  const sample = await readSheets(join(ROOT, "examples", "sample-staff.xlsx"));
  const grid = (name: string) => sample.find((s) => s.name === name)!.grid;
  return (await expectSummaryEqualsCore(file, grid("Staff"), grid("Posts"))).compared;
}

/**
 * Checks the downloaded file against core for these staff and posts rows; returns the workbook
 * read back, core's plan and how many formula cells were compared.
 */
export async function expectSummaryEqualsCore(
  file: string,
  staff: Grid,
  posts: Grid
): Promise<{ book: XlsxWorkbook; plan: WorkbookPlan; compared: number }> {
  const plan = buildSummaryPlan({
    staff: ingestStaff(staff),
    posts: ingestPosts(posts),
    options: DEFAULT_SUMMARY_OPTIONS,
    source: { staffTable: "Staff", postsTable: "Posts" },
  });
  const book = await XlsxWorkbook.fromBuffer(readFileSync(file));
  const ws = book.workbook.getWorksheet("Scrutiny summary")!;
  expect(ws, "the Scrutiny summary sheet").toBeDefined();
  const cells = plan.sheets[0].blocks[0].cells;
  let compared = 0;
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell.formula) return;
      const got = plainCell(ws.getCell(r + 1, c + 1));
      if (typeof cell.value === "number")
        expect(got as number, `R${r + 1}C${c + 1}`).toBeCloseTo(cell.value, 9);
      else expect(got, `R${r + 1}C${c + 1}`).toBe(cell.value);
      compared++;
    })
  );
  expect(compared).toBeGreaterThan(300);
  return { book, plan, compared };
}
