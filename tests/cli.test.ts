/** The workforce command line, run as a user runs it: the built bin on real files. */
import { execFileSync, spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDate } from "../src/core/dates";
import { ingestPosts, ingestStaff } from "../src/core/ingest";
import { defaultAsOf, METRICS_JSON_KEYS, metricsReport } from "../src/core/report";
import { readCensus } from "../src/core/census/read";
import { readSheets } from "../src/node/read-file";
import { SAMPLE_PATH, validateCensus } from "./census/support";
import { toCsv } from "../src/core/csv";
import { buildSummaryPlan } from "../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../src/core/summary/options";
import { generateStaff } from "../src/sample/generate";
import {
  convert,
  CSV_ALL_SHEETS,
  csvValue,
  makeProfile,
  onPath,
  readCsv,
  recalculatedEquals,
  sheetCsvPath,
} from "./host/xlsx/libreoffice";
import { planCells } from "./host/xlsx/support";

const ROOT = join(__dirname, "..");
const SAMPLE = join(ROOT, "examples", "sample-staff.xlsx");
const tmp = mkdtempSync(join(tmpdir(), "workforce-cli-"));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "bin", "workforce.js"), ...args], { encoding: "utf8" });

beforeAll(() => {
  execFileSync(process.execPath, [
    join(ROOT, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    join(ROOT, "tsconfig.cli.json"),
  ]);
});

describe("workforce metrics", () => {
  it("prints exactly the agreed JSON keys, with core's values for the sample workbook", async () => {
    const r = run("metrics", SAMPLE, "--json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      "asOf",
      ...METRICS_JSON_KEYS,
      "rowsUsed",
      "rowsLeftOut",
      "problems",
    ]);
    const sheets = await readSheets(SAMPLE);
    const staff = ingestStaff(sheets.find((s) => s.name === "Staff")!.grid);
    const posts = ingestPosts(sheets.find((s) => s.name === "Posts")!.grid);
    expect(json).toEqual(metricsReport(staff, posts, { asOf: parseDate("2023-09-30")! }));
    expect(json.asOf).toBe("2023-09-30");
    expect(json.rowsLeftOut).toBe(2);
    expect(json.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 42, column: "FTE", found: "37" })])
    );
    expect(json.vacancyRate).toBeGreaterThan(0);
  });

  it("reads a CSV with a byte-order mark and takes --as-of", () => {
    const file = join(tmp, "staff.csv");
    writeFileSync(
      file,
      "\ufeffStaff ID,Team,Role,Worker type,FTE,Start date,Leave date\r\n" +
        '1,North,SW1,Permanent,1,01/01/2020,\r\n2,North,SW1,Permanent,0.5,01/01/2020,31/03/2022\r\n3,"North",SW1,Agency,1,01/01/2021,\r\n'
    );
    const r = run("metrics", file, "--json", "--as-of", "2022-09-30");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      asOf: "2022-09-30",
      fteSocialWorkers: 1,
      headcount: 1,
      agencyFte: 1,
      leaversFte: 0.5,
      turnoverRate: 0.5,
      vacancyRate: null,
      rowsUsed: 3,
    });
  });

  it("prints a readable table by default", () => {
    const r = run("metrics", SAMPLE);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Vacancy rate\s+\d+\.\d %\s+18\.9 %/); // England 2023 beside it
    expect(r.stdout).toMatch(/rows left out: 2/);
  });
});

describe("workforce check", () => {
  it("lists every problem by row and column and exits 1 when a row is left out", () => {
    const r = run("check", SAMPLE);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /Row 42, FTE: found "37"; expected an FTE between 0 and 1: this looks like weekly hours/
    );
    expect(r.stdout).toMatch(/Row 98, Start Date: found a blank cell/);
  });

  it("exits 0 on clean data", () => {
    const file = join(tmp, "clean.csv");
    writeFileSync(
      file,
      "Staff ID,Team,Role,Worker type,FTE,Start date\n1,North,SW1,Permanent,1,2020-01-01\n"
    );
    expect(run("check", file).status).toBe(0);
  });
});

describe("bad files get one clear line and exit 2", () => {
  it.each([
    ["not a workbook", "bad.xlsx", "this is not a zip", /is not an Excel workbook/],
    ["empty CSV", "empty.csv", "", /is empty/],
    ["no header row", "noheader.csv", "a,b,c\n1,2,3\n", /no header row found/],
  ])("%s", (_name, fileName, content, message) => {
    const file = join(tmp, fileName);
    writeFileSync(file, content);
    const r = run("metrics", file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat \w+.*\(/); // no stack trace
  });

  it("a missing file and an unknown command", () => {
    expect(run("metrics", join(tmp, "nope.xlsx")).stderr).toMatch(/cannot read/);
    expect(run("frobnicate", SAMPLE).status).toBe(2);
  });
});

describe("census returns on the command line", () => {
  it("workforce metrics on a census file prints the measures, with the LA-level vacancies and agency", () => {
    const r = run("metrics", SAMPLE_PATH, "--json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.asOf).toBe("2022-09-30");
    expect(json.vacancyFte).toBe(79.68);
    // Agency comes from the LA level (NoAgencyFTE), not the few agency worker records (1.41).
    expect(json.agencyFte).toBe(59.82);
    expect(json.agencyRate).toBeCloseTo(59.82 / (59.82 + json.fteSocialWorkers), 10);
    expect(json.problems.length).toBeGreaterThan(0); // the sample's implausible values surface
  });

  it("workforce check on liia-tools' sample says where agency comes from", () => {
    const r = run("check", SAMPLE_PATH);
    expect(r.stdout).toMatch(/LA level: vacancies 79\.68 FTE; agency 59\.82 FTE, 71 workers\./);
    expect(r.stdout).toMatch(
      /Agency worker records: [\d.]+ FTE, \d+ workers in post — not the LA-level figures/
    );
  });

  it("workforce census refuses to write a return without a vacancy figure, naming the ways to give one", () => {
    const staff = join(tmp, "no-posts.csv");
    writeFileSync(
      staff,
      "Staff ID,Team,Role,Worker type,FTE,Start date\nSW1000000001,North,SW1,Permanent,1,2020-01-06\nSW1000000002,North,SW1,Agency,0.5,2021-01-06\n"
    );
    const file = join(tmp, "refused.xml");
    const r = run("census", staff, "--year", "2023", "--la", "352", "-o", file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no vacancy figure for the 2023 return/);
    expect(r.stderr).toMatch(
      /add --posts FILE, --posts-sheet NAME or --vacancies FTE\. Nothing was written\./
    );
    expect(existsSync(file)).toBe(false);

    // With --vacancies, the figure is written, and reads back as a real vacancy rate.
    const given = run(
      "census",
      staff,
      "--year",
      "2023",
      "--la",
      "352",
      "--vacancies",
      "2.5",
      "-o",
      file
    );
    expect(given.stdout).toMatch(/Wrote .*refused\.xml: 2 workers/);
    expect(readFileSync(file, "utf8")).toContain("<NumberOfVacancies>2.50</NumberOfVacancies>");
    const back = JSON.parse(run("metrics", file, "--json").stdout);
    expect(back.vacancyFte).toBe(2.5);
    expect(back.vacancyRate).toBeCloseTo(2.5 / 3.5, 10);
    expect(back.agencyFte).toBe(0.5);
    expect(
      run("census", staff, "--year", "2023", "--la", "352", "--vacancies", "lots", "-o", file)
        .stderr
    ).toMatch(/--vacancies "lots" is not a vacancy FTE/);

    // A return made without posts data before this (NumberOfVacancies 0.00) reads back as
    // "not available", never a 0 % vacancy rate.
    const old = JSON.parse(
      run("metrics", join(ROOT, "tests", "corpus", "census-placeholders", "return.xml"), "--json")
        .stdout
    );
    expect(old.vacancyFte).toBeNull();
    expect(old.vacancyRate).toBeNull();
  });

  it("the usage text shows how census takes its vacancy figure", () => {
    const r = run("--help");
    for (const option of ["--posts FILE", "--posts-sheet NAME", "--vacancies FTE"])
      expect(r.stdout).toMatch(new RegExp(`workforce census[^\n]*\n[^\n]*${option}`));
  });

  it("workforce census writes a return that validates against DfE's schema, after a pre-submission report", () => {
    const file = join(tmp, "return.xml");
    const r = run("census", SAMPLE, "--year", "2023", "--la", "352", "-o", file);
    expect(r.stdout).toMatch(/Wrote .*return\.xml: \d+ workers, collection year 2023, LA 352/);
    // the sample's staff IDs are not Social Work England numbers: placeholders, reported as errors
    expect(r.stdout).toMatch(/Pre-submission errors/);
    expect(r.status).toBe(1);
    const xml = readFileSync(file, "utf8");
    expect(validateCensus(xml)).toEqual({ valid: true, errors: [] });
    // and the return reads back as a staff source
    const back = JSON.parse(run("metrics", file, "--json").stdout);
    expect(back.asOf).toBe("2023-09-30");
    expect(back.fteSocialWorkers).toBeGreaterThan(300);
    // The pre-submission report is grouped: one group for the placeholders, not one line each.
    expect(r.stdout.match(/placeholder/g)!.length).toBeLessThan(5);
    expect(r.stdout).toMatch(
      /Employee No: \d+ rows — expected a Social Work England number: two letters and ten digits, e\.g\. SW1234567890 \(the placeholder ZZ… was written\)/
    );
    // --csv keeps one line per problem.
    const csv = run("census", SAMPLE, "--year", "2023", "--la", "352", "-o", file, "--csv");
    expect(csv.status).toBe(1);
    const lines = csv.stdout.trim().split("\r\n");
    expect(lines[0]).toBe("row,column,found,expected,severity");
    const workers = Number(/: (\d+) workers,/.exec(r.stdout)![1]);
    expect(lines.filter((l) => l.includes("placeholder ZZ"))).toHaveLength(workers);
    // check on the return flags the placeholders it holds, and exits 1.
    const checked = run("check", file);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toMatch(
      /SWENo: \d+ rows — expected a Social Work England number, not a placeholder/
    );
    expect(checked.stdout).toMatch(
      /QualInst: \d+ rows — expected the institution where the worker qualified/
    );
  });
});

describe("workforce summary and template", () => {
  it("writes the input's sheets untouched plus the summary's, with the values core computes", async () => {
    const file = join(tmp, "summary.xlsx");
    const r = run("summary", SAMPLE, "-o", file);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Wrote .*summary\.xlsx: "Scrutiny summary", "Workforce data"/);
    const before = await readSheets(SAMPLE);
    const after = await readSheets(file);
    expect(after.map((s) => s.name)).toEqual([
      "Staff",
      "Posts",
      "Scrutiny summary",
      "Workforce data",
    ]);
    for (const name of ["Staff", "Posts"]) {
      expect(after.find((s) => s.name === name)!.grid).toEqual(
        before.find((s) => s.name === name)!.grid
      );
    }
  });

  it("writes a census return's staff table as the source sheet", async () => {
    const file = join(tmp, "census-summary.xlsx");
    const r = run("summary", SAMPLE_PATH, "-o", file);
    expect(r.status).toBe(0);
    const after = await readSheets(file);
    const source = after.find((s) => s.name === "csww-sample-return-2022")!;
    const { grid } = readCensus(readFileSync(SAMPLE_PATH));
    // Every worker as the return reads, the dates shown as dates.
    expect(source.grid).toEqual(grid);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet("csww-sample-return-2022")!;
    expect(ws.getCell(2, grid[0].indexOf("Start date") + 1).numFmt).toBe("dd/mm/yyyy");
  });

  it("puts a CSV's rows beside the summary, and LibreOffice recalculates the summary to core's values", async () => {
    const csv = join(tmp, "staff.csv");
    const { staff } = generateStaff({ rows: 2_000, seed: 21 });
    writeFileSync(csv, toCsv(staff));
    const file = join(tmp, "csv-summary.xlsx");
    expect(run("summary", csv, "-o", file).status).toBe(0);
    const after = await readSheets(file);
    const csvRows = (await readSheets(csv))[0].grid;
    // The CSV's cells as read (text), one for one; its blank cells empty.
    expect(after.find((s) => s.name === "staff")!.grid).toEqual(
      csvRows.map((row) => row.map((v) => (v === "" ? null : v)))
    );
    if (!onPath("soffice")) return;
    const table = ingestStaff(csvRows);
    const plan = buildSummaryPlan({
      staff: table,
      posts: null,
      options: { ...DEFAULT_SUMMARY_OPTIONS, asOf: defaultAsOf(table.records)! },
      source: { staffTable: "CSV", postsTable: null },
    });
    const out = join(tmp, "csv-summary-recalculated");
    await convert(file, CSV_ALL_SHEETS, out, await makeProfile());
    const names: Record<string, string> = { summary: "Scrutiny summary", data: "Workforce data" };
    const grids: Record<string, string[][]> = {};
    for (const key of Object.keys(names))
      grids[key] = await readCsv(sheetCsvPath(out, file, names[key]));
    const formulas = planCells(plan).filter((p) => p.cell.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(300);
    const differ = formulas.filter(
      (p) =>
        !recalculatedEquals(csvValue(grids[p.sheetKey]?.[p.row]?.[p.column] ?? ""), p.cell.value)
    );
    expect(differ.slice(0, 10).map((p) => `${p.sheetKey} R${p.row + 1}C${p.column + 1}`)).toEqual(
      []
    );
  }, 120_000);

  it("writes the staff data template", async () => {
    const file = join(tmp, "template.xlsx");
    expect(run("template", "-o", file).status).toBe(0);
    const sheets = await readSheets(file);
    expect(sheets.map((s) => s.name)).toEqual(["Staff", "Posts", "Comparators"]);
  });

  it("refuses an unknown LA for benchmarks in one clear line", () => {
    const r = run("summary", SAMPLE, "-o", join(tmp, "x.xlsx"), "--la", "Atlantis");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--la "Atlantis" is not a local authority/);
  });
});
