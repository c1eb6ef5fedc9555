/**
 * Team, role, leaving-reason and comparator-area values that a spreadsheet would read as
 * criteria operators or wildcards (tests/corpus/hostile-names): the summary built from them is
 * recalculated by HyperFormula and by LibreOffice Calc (written by the .xlsx adapter, every
 * formula recalculated on load), and every formula cell must equal the value core computed; the
 * shareable copy (values only) reads back to core's values.
 * Skips the LibreOffice half, saying so, when soffice is not on PATH.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestComparators } from "../../src/core/comparators/user-comparators";
import { censusDate } from "../../src/core/dates";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { teamKeyOf } from "../../src/core/text";
import { buildSummaryPlan } from "../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import { cellAddress, type WorkbookPlan } from "../../src/core/summary/plan";
import { makeShareable } from "../../src/core/summary/shareable";
import { XlsxWorkbook } from "../../src/host/xlsx/xlsx-workbook";
import { readSheets } from "../../src/node/read-file";
import {
  convert,
  CSV_ALL_SHEETS,
  csvValue,
  makeProfile,
  onPath,
  readCsv,
  sheetCsvPath,
} from "../host/xlsx/libreoffice";
import { planCells } from "../host/xlsx/support";
import { HOSTILE_TEAMS, LONG_TEAM } from "../support/hostile-names";
import { loadPlan } from "../support/plan-engine";

const CORPUS = join(__dirname, "..", "corpus", "hostile-names");
const SOFFICE = onPath("soffice");
if (!SOFFICE)
  console.warn(
    "hostile-names.test.ts: LibreOffice half skipped, soffice is not on PATH (Debian: apt-get install libreoffice-calc-nogui)"
  );

/** Areas a user might paste: one is a wildcard for the other, one an operator, one differs in case. */
const COMPARATORS = [
  [
    "Area",
    "Census year",
    "FTE social workers",
    "Vacancy rate",
    "Agency rate",
    "Turnover rate",
    "Average caseload",
  ],
  ["North West", 2023, 5239.2, 15.7, 16.6, 12.2, 15.8],
  ["North*", 2023, 100, 10, 11, 12, 13],
  ["=North West", 2023, 200, 20, 21, 22, 23],
  ["north west", 2023, 300, 30, 31, 32, 33],
];

async function hostilePlan(asOf: number): Promise<WorkbookPlan> {
  const [staff] = await readSheets(join(CORPUS, "staff.csv"));
  const [posts] = await readSheets(join(CORPUS, "posts.csv"));
  return buildSummaryPlan({
    staff: ingestStaff(staff.grid),
    posts: ingestPosts(posts.grid),
    options: { ...DEFAULT_SUMMARY_OPTIONS, asOf },
    source: { staffTable: "Staff", postsTable: "Posts" },
    comparators: ingestComparators(COMPARATORS).rows,
    version: "test",
    builtOn: "2026-11-22",
  });
}

function close(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number" && typeof actual === "number")
    return Math.abs(actual - expected) <= 1e-7 * Math.max(1, Math.abs(expected));
  return actual === expected;
}

const dates = [censusDate(2023), censusDate(2022)];

describe("hostile team, role, reason and area names", () => {
  const plans: WorkbookPlan[] = [];
  beforeAll(async () => {
    for (const d of dates) plans.push(await hostilePlan(d));
  });

  it("are the summary's rows: every hostile team has a row with people in it", () => {
    const cells = plans[0].sheets[0].blocks[0].cells;
    const profile = cells.findIndex((r) => String(r[0]?.value).startsWith("2. Workforce profile"));
    const headcount = cells[profile + 1].findIndex((c) => c.value === "Headcount");
    const teams = HOSTILE_TEAMS.flat();
    for (const team of teams) {
      // Shown in its most common spelling: " <18  TEAM " and "<18 Team" are one team.
      const row = cells.find(
        (r, i) => i > profile + 1 && teamKeyOf(String(r[0]?.value)) === teamKeyOf(team)
      );
      expect(row, team).toBeDefined();
      expect(row![headcount].value, team).toBeGreaterThan(0);
    }
    // "Resignation", "resignation" and "  RESIGNATION  " are one reason, as for teams.
    const leavers = cells.findIndex((r) => String(r[0]?.value).startsWith("6. Leavers"));
    const reasons = cells.slice(
      leavers + 2,
      cells.findIndex((r, i) => i > leavers && r[0]?.value === "Total")
    );
    expect(reasons.filter((r) => teamKeyOf(String(r[0]?.value)) === "resignation")).toHaveLength(1);
    expect(reasons.map((r) => r[0]?.value)).toEqual(
      expect.arrayContaining(["Retired*", "=1+1", ">0"])
    );
    expect(teams).toContain(LONG_TEAM);
    expect(LONG_TEAM.length).toBeGreaterThan(255);
  });

  it.each(dates.map((d, i) => [i, d]))(
    "HyperFormula recalculates every formula to core's value (plan %i)",
    (i) => {
      const loaded = loadPlan(plans[i]);
      const numbers = loaded.formulaCells.filter((f) => typeof f.cell.value === "number");
      expect(numbers.length).toBeGreaterThan(500);
      const bad = loaded.formulaCells
        .filter((f) => !close(loaded.value(f.sheet, f.row, f.column), f.cell.value))
        .map((f) => ({
          at: `${f.sheet}!${cellAddress(f.row, f.column)}`,
          formula: f.cell.formula!.slice(0, 160),
          core: f.cell.value,
          engine: loaded.value(f.sheet, f.row, f.column),
        }));
      expect({
        differ: bad.length,
        of: loaded.formulaCells.length,
        first: bad.slice(0, 5),
      }).toEqual({ differ: 0, of: loaded.formulaCells.length, first: [] });
    }
  );

  it.skipIf(!SOFFICE)(
    "LibreOffice Calc recalculates every formula of the .xlsx to core's value",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "wfs-hostile-"));
      const files: { file: string; plan: WorkbookPlan; sheetNames: Record<string, string> }[] = [];
      for (const [i, plan] of plans.entries()) {
        const book = XlsxWorkbook.empty();
        const { sheetNames } = await book.writePlan(plan);
        const file = join(dir, `hostile-${i}.xlsx`);
        await writeFile(file, await book.toBuffer());
        files.push({ file, plan, sheetNames });
      }
      // The shareable copy of the first (values only, its tables' headers from hostile areas).
      const shared = makeShareable(plans[0], { version: "test", preparedOn: "2026-11-22" });
      const copy = XlsxWorkbook.empty();
      const sharedNames = (await copy.writePlan(shared)).sheetNames;
      const sharedFile = join(dir, "hostile-shared.xlsx");
      await writeFile(sharedFile, await copy.toBuffer());
      await convert(
        [...files.map((f) => f.file), sharedFile],
        CSV_ALL_SHEETS,
        join(dir, "csv"),
        await makeProfile()
      );
      const sharedGrid = await readCsv(
        sheetCsvPath(join(dir, "csv"), sharedFile, sharedNames.summary)
      );
      const values = planCells(shared).filter((p) => (p.cell.value ?? "") !== "");
      // Text compares as the text Calc shows ("007" is a team, not 7).
      const shown = (p: (typeof values)[number]) => {
        const text = sharedGrid[p.row]?.[p.column] ?? "";
        return typeof p.cell.value === "string" ? text : csvValue(text);
      };
      const wrong = values.filter((p) => !close(shown(p), p.cell.value));
      expect(values.length).toBeGreaterThan(300);
      expect(
        wrong.slice(0, 5).map((p) => [cellAddress(p.row, p.column), p.cell.value, shown(p)])
      ).toEqual([]);
      for (const { file, plan, sheetNames } of files) {
        const grids: Record<string, string[][]> = {};
        for (const key of ["summary", "data"])
          grids[key] = await readCsv(sheetCsvPath(join(dir, "csv"), file, sheetNames[key]));
        const formulas = planCells(plan).filter((p) => p.cell.formula !== undefined);
        const bad = formulas
          .filter((p) => !close(csvValue(grids[p.sheetKey][p.row]?.[p.column] ?? ""), p.cell.value))
          .map((p) => ({
            at: `${p.sheetKey}!${cellAddress(p.row, p.column)}`,
            formula: p.cell.formula!.slice(0, 160),
            core: p.cell.value,
            libreoffice: grids[p.sheetKey][p.row]?.[p.column],
          }));
        console.info(
          `${file}: LibreOffice recalculated ${formulas.length} formulas; ${bad.length} differ from core`
        );
        expect(formulas.length).toBeGreaterThan(500);
        expect({ differ: bad.length, first: bad.slice(0, 5) }).toEqual({ differ: 0, first: [] });
      }
    },
    240_000
  );
});
