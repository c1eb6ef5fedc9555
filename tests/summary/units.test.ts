/**
 * Units a reader trusts (issue 10 §4): the difference between two rates is shown in percentage
 * points ("−5.6 pp", never "−5.6%"), and DfE's own published 0 is marked as DfE's figure. Checked
 * on the plan, in HyperFormula (the points are what the formula computes), in the workbench's
 * formatter, and as LibreOffice Calc displays the cells (CSV "as shown") when soffice is there.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bundledIndicators } from "../../src/core/comparators/dfe";
import { censusDate } from "../../src/core/dates";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { buildSummaryPlan } from "../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import type { CellSpec, WorkbookPlan } from "../../src/core/summary/plan";
import { XlsxWorkbook } from "../../src/host/xlsx/xlsx-workbook";
import { generateStaff } from "../../src/sample/generate";
import { formatCell } from "../../src/workbench/format";
import { convert, makeProfile, onPath, readCsv, sheetCsvPath } from "../host/xlsx/libreoffice";
import { loadPlan } from "../support/plan-engine";

/** The CSV filter with "save cell contents as shown": the text a reader sees. */
const CSV_AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
const SOFFICE = onPath("soffice");

let plan: WorkbookPlan;
let cells: CellSpec[][];
const row = (label: string, after = 0) =>
  cells.findIndex((r, i) => i > after && r[0]?.value === label);

beforeAll(async () => {
  const { staff, posts } = generateStaff({ rows: 500, seed: 31 });
  plan = buildSummaryPlan({
    staff: ingestStaff(staff),
    posts: ingestPosts(posts),
    // Census year 2022: DfE published Manchester's turnover rate as 0.
    options: { ...DEFAULT_SUMMARY_OPTIONS, asOf: censusDate(2022) },
    source: { staffTable: "Staff", postsTable: "Posts" },
    benchmarks: { indicators: await bundledIndicators(), la: "Manchester" },
  });
  cells = plan.sheets[0].blocks[0].cells;
});

describe("difference from England", () => {
  it("is in percentage points for rates: the cell holds the points and shows them as pp", () => {
    const loaded = loadPlan(plan);
    for (const label of ["Vacancy rate", "Agency rate", "Turnover rate"]) {
      const r = cells[row(label)];
      const own = r[1].value as number;
      const england = r[4].value as number;
      expect(typeof own, label).toBe("number");
      expect(r[5].value as number).toBeCloseTo((own - england) * 100, 9);
      expect(loaded.value("Scrutiny summary", row(label), 5) as number).toBeCloseTo(
        (own - england) * 100,
        9
      );
      expect(r[5].format).not.toMatch(/%/);
      const shown = formatCell(r[5].value, r[5].format);
      expect(shown).toMatch(/^([+−]\d+\.\d|0\.0) pp$/);
      expect(shown).toBe(
        `${own - england > 0 ? "+" : "−"}${Math.abs((own - england) * 100).toFixed(1)} pp`
      );
    }
  });

  it("stays in cases for the average caseload", () => {
    const r = cells[row("Average caseload")];
    expect(r[5].value as number).toBeCloseTo((r[1].value as number) - (r[4].value as number), 9);
    expect(r[5].format).toBe("0.0");
  });
});

describe("DfE's published 0", () => {
  it("is marked * in the benchmarks and the trend, with a note that it is DfE's figure", () => {
    const top = cells.findIndex((r) => String(r[0]?.value).startsWith("Benchmarks: Manchester"));
    const turnover = cells[row("Turnover rate", top)];
    expect(turnover[2]).toEqual({ value: 0, format: '0.0%" *"' });
    expect(formatCell(turnover[2].value, turnover[2].format)).toBe("0.0% *");
    // Figures that are not 0 carry no mark.
    expect(cells[row("Vacancy rate", top)][2].format).toBe("0.0%");
    const notes = cells
      .slice(top)
      .map((r) => r[0]?.value)
      .filter((v): v is string => typeof v === "string" && v.startsWith("* "));
    expect(notes[0]).toContain("Manchester, turnover rate, 2022");
    expect(notes[0]).toContain("not a zero measured from this workbook's data");
    const trend = cells.findIndex(
      (r, i) => i > top && String(r[0]?.value).startsWith("Turnover rate: Manchester")
    );
    expect(cells[row("2022", trend)][1].format).toBe('0.0%" *"');
    expect(notes.some((n) => n.includes("Manchester, 2022"))).toBe(true);
  });
});

describe.skipIf(!SOFFICE)("as LibreOffice Calc displays them", () => {
  it("shows the rates' differences as ± pp and DfE's 0 as 0.0% *", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wfs-units-"));
    const book = XlsxWorkbook.empty();
    const { sheetNames } = await book.writePlan(plan);
    const file = join(dir, "units.xlsx");
    await writeFile(file, await book.toBuffer());
    await convert(file, CSV_AS_SHOWN, join(dir, "csv"), await makeProfile());
    const shown = await readCsv(sheetCsvPath(join(dir, "csv"), file, sheetNames.summary));
    for (const label of ["Vacancy rate", "Agency rate", "Turnover rate"]) {
      const r = row(label);
      expect(shown[r][5], label).toBe(formatCell(cells[r][5].value, cells[r][5].format));
      expect(shown[r][5]).toMatch(/ pp$/);
    }
    const top = cells.findIndex((r) => String(r[0]?.value).startsWith("Benchmarks: Manchester"));
    expect(shown[row("Turnover rate", top)][2]).toBe("0.0% *");
  }, 120_000);
});
