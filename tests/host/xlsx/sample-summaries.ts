/**
 * The sample's scrutiny summary as a reader gets it, for the print test and the screenshots:
 * built from examples/sample-staff.xlsx (staff and posts) with DfE benchmarks for Manchester,
 * written by the .xlsx adapter into the sample's workbook (the live summary, with formulas) and
 * into a new workbook (the shareable copy, values only).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { bundledIndicators } from "../../../src/core/comparators/dfe";
import { ingestPosts, ingestStaff } from "../../../src/core/ingest";
import { buildSummaryPlan } from "../../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../../src/core/summary/options";
import type { SheetSpec, WorkbookPlan } from "../../../src/core/summary/plan";
import { makeShareable } from "../../../src/core/summary/shareable";
import { XlsxWorkbook } from "../../../src/host/xlsx/xlsx-workbook";

export const SAMPLE = join(__dirname, "..", "..", "..", "examples", "sample-staff.xlsx");

export interface SampleSummary {
  label: "summary" | "shareable";
  /** The workbook's bytes. */
  bytes: Uint8Array;
  /** The summary sheet's name in it. */
  sheetName: string;
  /** The plan's summary sheet. */
  sheet: SheetSpec;
  plan: WorkbookPlan;
}

export async function sampleSummaries(): Promise<SampleSummary[]> {
  const book = await XlsxWorkbook.fromBuffer(new Uint8Array(await readFile(SAMPLE)));
  const tables = await book.listTables();
  const staff = tables.find((t) => t.name === "Staff")!;
  const posts = tables.find((t) => t.name === "Posts")!;
  const plan = buildSummaryPlan({
    staff: ingestStaff(await book.readTable(staff)),
    posts: ingestPosts(await book.readTable(posts)),
    options: DEFAULT_SUMMARY_OPTIONS,
    source: { staffTable: staff.name, postsTable: posts.name },
    benchmarks: { indicators: await bundledIndicators(), la: "Manchester" },
    version: "test",
    builtOn: "2026-11-22",
  });
  const live = await book.writePlan(plan);
  const shared = makeShareable(plan, { version: "test", preparedOn: "2026-11-22" });
  const copy = XlsxWorkbook.empty();
  const written = await copy.writePlan(shared);
  return [
    {
      label: "summary",
      bytes: await book.toBuffer(),
      sheetName: live.sheetNames.summary,
      sheet: plan.sheets[0],
      plan,
    },
    {
      label: "shareable",
      bytes: await copy.toBuffer(),
      sheetName: written.sheetNames.summary,
      sheet: shared.sheets[0],
      plan: shared,
    },
  ];
}

/** The key points of a summary sheet, as written. */
export function keyPointTexts(sheet: SheetSpec): string[] {
  return sheet.blocks.flatMap((b) =>
    b.cells.flatMap((row) =>
      row
        .filter((c) => c.style === "keypoint" && typeof c.value === "string")
        .map((c) => String(c.value))
    )
  );
}
