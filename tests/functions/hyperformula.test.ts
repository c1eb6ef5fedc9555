/**
 * The WORKFORCE functions evaluated inside a real spreadsheet engine (HyperFormula): formulas
 * typed into cells over a sheet holding a staff table give core's numbers, native SUMIFS over
 * the same cells agree, and errors arrive as the spreadsheet errors an analyst sees.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { censusDate, serialFromYmd } from "../../src/core/dates";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { HEADLINE_KEYS, findMeasure } from "../../src/core/measures/catalogue";
import { computeMeasure, workforceData } from "../../src/core/report";
import { valueOrNull } from "../../src/core/result";
import { generateStaff } from "../../src/sample/generate";
import { workforceEngine } from "../support/hyperformula-workforce";

const { staff, posts } = generateStaff({ rows: 800, seed: 7, messy: true });
const clean = generateStaff({ rows: 800, seed: 11, messy: false });
const STAFF = `Staff!A1:O${staff.length}`;
const POSTS = `Posts!A1:C${posts.length}`;
const D = censusDate(2023);
const D2 = censusDate(2022);
const core = (
  name: string,
  asOf: number,
  o: { team?: string; role?: string; withPosts?: boolean } = {}
) =>
  valueOrNull(
    computeMeasure(
      workforceData(ingestStaff(staff), o.withPosts ? ingestPosts(posts) : null),
      name,
      { asOf, team: o.team, role: o.role }
    )
  );

const FORMULAS: [string, () => number | null][] = [
  [
    `=WORKFORCE.VACANCYRATE(${STAFF}, DATE(2023,9,30), , , ${POSTS})`,
    () => core("vacancyRate", D, { withPosts: true }),
  ],
  [
    `=WORKFORCE.VACANCYRATE(${STAFF}, "30/09/2022", "North", , ${POSTS})`,
    () => core("vacancyRate", D2, { team: "North", withPosts: true }),
  ],
  [`=WORKFORCE.AGENCYPCT(${STAFF}, DATE(2023,9,30))`, () => core("agencyRate", D)],
  [`=WORKFORCE.AGENCYPCT(${STAFF})`, () => core("agencyRate", D)], // default as-of: 30 Sep 2023
  [`=WORKFORCE.TURNOVER(${STAFF}, "2022-09-30")`, () => core("turnoverRate", D2)],
  [
    `=WORKFORCE.TURNOVER(${STAFF}, DATE(2023,9,30), "South", "SW1")`,
    () => core("turnoverRate", D, { team: "South", role: "SW1" }),
  ],
  [
    `=WORKFORCE.CASELOAD(${STAFF}, DATE(2023,9,30), "Central")`,
    () => core("averageCaseload", D, { team: "Central" }),
  ],
  [`=WORKFORCE.STABILITY(${STAFF}, DATE(2023,9,30))`, () => core("stabilityRate", D)],
  [`=WORKFORCE.HEADCOUNT(${STAFF}, DATE(2023,9,30))`, () => core("headcount", D)],
  [
    `=WORKFORCE.FTE(${STAFF}, DATE(2023,9,30), , "Senior social worker")`,
    () => core("fteSocialWorkers", D, { role: "SW2" }),
  ],
  [`=WORKFORCE.AGENCYFTE(${STAFF}, DATE(2022,9,30))`, () => core("agencyFte", D2)],
  [
    `=WORKFORCE.VACANCYFTE(${STAFF}, DATE(2023,9,30), , , ${POSTS})`,
    () => core("vacancyFte", D, { withPosts: true }),
  ],
  [`=WORKFORCE.LEAVERS(${STAFF}, DATE(2023,9,30))`, () => core("leaversFte", D)],
  [
    `=WORKFORCE.LEAVERS(${STAFF}, DATE(2023,9,30), , , "headcount")`,
    () => core("leaversHeadcount", D),
  ],
  [`=WORKFORCE.STARTERS(${STAFF}, DATE(2023,9,30))`, () => core("startersFte", D)],
  [`=WORKFORCE.AVGAGE(${STAFF}, DATE(2023,9,30))`, () => core("averageAge", D)],
  [`=WORKFORCE.SICKNESS(${STAFF}, DATE(2023,9,30))`, () => core("sicknessDaysPerFte", D)],
  [
    `=WORKFORCE.MEASURE(${STAFF}, "ethnic minority %", DATE(2023,9,30))`,
    () => core("ethnicMinorityShare", D),
  ],
  [
    `=WORKFORCE.MEASURE(${STAFF}, "caseloadAboveTarget", DATE(2023,9,30))`,
    () => core("caseloadAboveTarget", D),
  ],
];

// HyperFormula rounds results to 10 significant digits (its precisionRounding), so values agree to 8 dp.
let hf: HyperFormula;

beforeAll(async () => {
  hf = await workforceEngine({
    Staff: staff,
    Posts: posts,
    Clean: clean.staff,
    Calc: [
      ...FORMULAS.map(([f]) => [f]),
      ["=WORKFORCE.VACANCYRATE(45.3, 467)"],
      ["=WORKFORCE.AGENCYPCT(46, 467)"],
      ["=WORKFORCE.TURNOVER(81.7, 467)"],
      ["=WORKFORCE.CASELOAD(300, 20)"],
      ["=WORKFORCE.STABILITY(90, 100)"],
      [45.3, 467, "=WORKFORCE.VACANCYRATE(A25, B25)"],
      ["=WORKFORCE.TURNOVER(5, 0)"],
      [`=WORKFORCE.VACANCYRATE(${STAFF}, DATE(2023,9,30))`],
      [`=WORKFORCE.MEASURE(${STAFF}, "happiness")`],
      ["=WORKFORCE.HEADCOUNT(Staff!A2:O10)"],
      [`=WORKFORCE.TURNOVER(${STAFF}, "31/31/2023")`],
      ['=WORKFORCE.VACANCYRATE("lots", 4)'],
      [`=WORKFORCE.HEADLINE(${STAFF}, DATE(2023,9,30), ${POSTS})`],
    ],
  });
});

const calc = (row: number, col = 0) => hf.getCellValue({ sheet: hf.getSheetId("Calc")!, row, col });

describe("WORKFORCE functions in HyperFormula", () => {
  it.each(FORMULAS.map(([f, expected], i) => [f, expected, i] as const))(
    "%s equals core",
    (_f, expected, i) => {
      const want = expected();
      expect(want).not.toBeNull();
      expect(calc(i)).toBeCloseTo(want!, 8);
    }
  );

  it("computes the plain-number forms (the seed check, typed into cells)", () => {
    const base = FORMULAS.length;
    expect(calc(base)).toBeCloseTo(45.3 / 512.3, 9);
    expect(calc(base + 1)).toBeCloseTo(46 / 513, 9);
    expect(calc(base + 2)).toBeCloseTo(81.7 / 467, 9);
    expect(calc(base + 3)).toBe(15);
    expect(calc(base + 4)).toBe(0.9);
    expect(calc(base + 5, 2)).toBeCloseTo(45.3 / 512.3, 9); // from cell references
  });

  it("gives the errors an analyst understands", () => {
    const base = FORMULAS.length + 6;
    const err = (r: number) => calc(base + r) as DetailedCellError;
    expect(err(0)).toMatchObject({ type: "DIV_BY_ZERO" });
    expect(err(1)).toMatchObject({
      type: "NA",
      message: expect.stringMatching(/no posts data for vacancies/),
    });
    expect(err(2)).toMatchObject({
      type: "VALUE",
      message: expect.stringMatching(/unknown measure "happiness"/),
    });
    expect(err(3)).toMatchObject({ type: "VALUE", message: expect.stringMatching(/header row/) });
    expect(err(4)).toMatchObject({
      type: "VALUE",
      message: expect.stringMatching(/as-of date "31\/31\/2023"/),
    });
    expect(err(5)).toMatchObject({
      type: "VALUE",
      message: expect.stringMatching(/vacancyFte must be a number/),
    });
  });

  it("spills the headline table: measure names and values", () => {
    const top = FORMULAS.length + 12;
    const rows = HEADLINE_KEYS.length + 1;
    const labels = Array.from({ length: rows }, (_, r) => calc(top + r, 0));
    const values = Array.from({ length: rows }, (_, r) => calc(top + r, 1));
    expect(labels).toEqual(["Measure", ...HEADLINE_KEYS.map((k) => findMeasure(k)!.label)]);
    HEADLINE_KEYS.forEach((k, i) =>
      expect(values[i + 1], k).toBeCloseTo(core(k, D, { withPosts: true })!, 8)
    );
  });
});

describe("core agrees with native SUMIFS over the same cells", () => {
  // Clean sheet: A id, B team, C role, D type, E FTE, F start, G leave (serials), H reason
  const col = (c: string) => `Clean!${c}2:${c}${clean.staff.length}`;
  const inPost = (type: string, d: number) =>
    `SUMIFS(${col("E")},${col("D")},"${type}",${col("F")},"<=${d}",${col("G")},"")+SUMIFS(${col("E")},${col("D")},"${type}",${col("F")},"<=${d}",${col("G")},">${d}")`;
  const year = (field: string, type: string, d: number) =>
    `SUMIFS(${col("E")},${col("D")},"${type}",${col(field)},">${serialFromYmd(2022, 9, 30)}",${col(field)},"<=${d}")`;
  const cleanCore = (name: string) =>
    valueOrNull(computeMeasure(workforceData(ingestStaff(clean.staff), null), name, { asOf: D }));

  it.each([
    ["fteSocialWorkers", `=${inPost("Permanent", D)}+${inPost("Fixed term", D)}`],
    ["agencyFte", `=${inPost("Agency", D)}`],
    ["leaversFte", `=${year("G", "Permanent", D)}+${year("G", "Fixed term", D)}`],
    ["startersFte", `=${year("F", "Permanent", D)}+${year("F", "Fixed term", D)}`],
  ])("%s", (name, formula) => {
    const sheet = hf.getSheetId("Calc")!;
    const cell = { sheet, row: 60, col: 5 };
    hf.setCellContents(cell, [[formula]]);
    const native = hf.getCellValue(cell) as number;
    expect(typeof native).toBe("number");
    expect(native).toBeGreaterThan(0);
    expect(cleanCore(name)).toBeCloseTo(native, 9);
  });
});
