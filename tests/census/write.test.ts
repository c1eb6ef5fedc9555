import { describe, expect, it } from "vitest";
import { readCensus } from "../../src/core/census/read";
import { censusInclusion, VacanciesMissingError, writeCensus } from "../../src/core/census/write";
import { parseXml, childElements } from "../../src/core/census/xml";
import { censusDate, serialFromYmd } from "../../src/core/dates";
import { ingestPosts, ingestStaff, type StaffTable } from "../../src/core/ingest";
import { computeMeasure, workforceData } from "../../src/core/report";
import { valueOrNull } from "../../src/core/result";
import type { StaffRecord } from "../../src/core/staff";
import { generateStaff } from "../../src/sample/generate";
import { sampleText, validateCensus } from "./support";

const AS_OF = censusDate(2023);

/** The measures the census return can carry, from table and return alike. */
const CARRIED = [
  "fteSocialWorkers",
  "headcount",
  "agencyFte",
  "agencyHeadcount",
  "agencyRate",
  "startersFte",
  "startersHeadcount",
  "leaversFte",
  "leaversHeadcount",
  "turnoverRate",
  "stabilityRate",
  "caseHolders",
  "averageCaseload",
  "highestCaseload",
  "sicknessDaysPerFte",
  "averageAge",
  "ethnicMinorityShare",
  "serviceUnder1",
  "serviceOver5",
] as const;

function measures(t: StaffTable, asOf = AS_OF): Record<string, number | null> {
  return Object.fromEntries(
    CARRIED.map((k) => [k, valueOrNull(computeMeasure(workforceData(t, null), k, { asOf }))])
  );
}

describe("writeCensus: round trip through the return", () => {
  const generated = generateStaff({ rows: 300, seed: 8 });
  const original = ingestStaff(generated.staff);
  const posts = ingestPosts(generated.posts);
  const vacancies = valueOrNull(
    computeMeasure(workforceData(original, posts), "vacancyFte", { asOf: AS_OF })
  )!;
  const written = writeCensus(original, {
    year: 2023,
    lea: "352",
    vacancyFte: vacancies,
    now: "2023-10-20T09:00:00Z",
  });
  const back = readCensus(written.xml);
  const reread = ingestStaff(back.grid);

  it("keeps every headline measure the census can carry", () => {
    expect(original.rowsLeftOut).toBe(0);
    // The table has no SWE numbers and no qualifying institutions: the placeholders written for
    // them are errors when the return is read back (it cannot be submitted), and nothing else is.
    // (This used to expect no problems at all: placeholders read back silently.)
    expect(back.problems.map((p) => `${p.column} ${p.found.slice(0, 2)} ${p.severity}`)).toEqual(
      Array.from({ length: back.workers }, () => ["SWENo ZZ error", "QualInst No error"]).flat()
    );
    expect(reread.rowsLeftOut).toBe(0);
    expect(reread.problems.filter((p) => p.severity === "error")).toEqual([]);
    const before = measures(original);
    const after = measures(reread);
    for (const k of CARRIED) {
      expect(before[k], k).not.toBeNull();
      expect(after[k], k).toBeCloseTo(before[k]!, 9);
    }
    expect(before.headcount).toBeGreaterThan(150);
    expect(before.leaversFte).toBeGreaterThan(5);
    expect(before.agencyFte).toBeGreaterThan(5);
  });

  it("carries the LA-level items and the header", () => {
    expect(back).toMatchObject({ year: 2023, lea: "352", referenceDate: AS_OF });
    expect(back.vacancyFte).toBeCloseTo(vacancies, 2);
    expect(back.agencyFte).toBeCloseTo(measures(original).agencyFte!, 2);
    expect(back.agencyHeadcount).toBe(measures(original).agencyHeadcount);
  });

  it("writes exactly the social workers in post or leaving in the year and the agency workers in post", () => {
    const included = original.records.filter((r) => censusInclusion(r, AS_OF) !== null);
    expect(written.workers).toBe(included.length);
    expect(back.workers).toBe(included.length);
    expect(included.some((r) => r.counts === "pipeline" || r.counts === "vacant")).toBe(false);
    // Pipeline rows, earlier leavers, agency leavers and later starters exist and are left out.
    const left = original.records.filter((r) => censusInclusion(r, AS_OF) === null);
    expect(left.some((r) => r.counts === "pipeline")).toBe(true);
    expect(left.some((r) => r.counts === "agency" && r.leave !== null && r.leave <= AS_OF)).toBe(
      true
    );
    expect(left.some((r) => r.start !== null && r.start > AS_OF)).toBe(true);
    // The generator's IDs are not SWE numbers: one placeholder per person, each reported.
    const ids = reread.records.map((r) => r.staffId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^ZZ\d{10}$/.test(id))).toBe(true);
    const idProblems = written.problems.filter((p) => p.column === "Employee No");
    expect(idProblems).toHaveLength(included.length);
    expect(idProblems.every((p) => p.severity === "error")).toBe(true);
  });

  it("writes a return that validates against the 2022 schema", () => {
    expect(validateCensus(written.xml)).toEqual({ valid: true, errors: [] });
    expect(written.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Message>')).toBe(true);
    expect(written.xml).toContain("<DateTime>2023-10-20T09:00:00Z</DateTime>");
    // FTE to 6 dp, working days lost to 2 dp.
    expect(written.xml).toMatch(/<FTE>(0|1)\.\d{6}<\/FTE>/);
    expect(written.xml).toMatch(/<WorkingDaysLost>\d+\.\d{2}<\/WorkingDaysLost>/);
  });

  it("keeps SWE numbers: a table read from a return writes the same workers back", () => {
    const sample = ingestStaff(readCensus(sampleText).grid);
    const again = writeCensus(sample, { year: 2022, lea: "301", vacancyFte: 79.68 });
    expect(again.problems.filter((p) => p.column === "Staff ID")).toEqual([]);
    const reread2 = ingestStaff(readCensus(again.xml).grid);
    const kept = sample.records.filter((r) => censusInclusion(r, censusDate(2022)) !== null);
    expect(reread2.records.map((r) => r.staffId)).toEqual(kept.map((r) => r.staffId));
    expect(measures(reread2, censusDate(2022))).toEqual(measures(sample, censusDate(2022)));
    expect(validateCensus(again.xml)).toEqual({ valid: true, errors: [] });
  });
});

/** A staff record built by hand: any value, even ones ingest would never produce. */
let nextRow = 2;
function record(overrides: Partial<StaffRecord> = {}): StaffRecord {
  const row = nextRow++;
  return {
    row,
    staffId: `SW${String(1000000000 + row)}`,
    personKey: `p${row}`,
    team: "North",
    teamKey: "north",
    role: "SW1",
    roleCode: "SW1",
    workerType: "Permanent",
    counts: "socialWorker",
    fte: 1,
    start: serialFromYmd(2018, 4, 1),
    leave: null,
    leavingReason: null,
    birth: serialFromYmd(1985, 6, 1),
    age: null,
    gender: "Female",
    ethnicity: "White British",
    ethnicGroup: "White",
    disability: "No",
    sexualOrientation: "Heterosexual",
    caseload: 15,
    sicknessDays: 2,
    ...overrides,
  };
}

function table(records: StaffRecord[]): StaffTable {
  const present = {
    leaveDate: true,
    leavingReason: true,
    dateOfBirth: true,
    age: true,
    gender: true,
    ethnicity: true,
    disability: true,
    sexualOrientation: true,
    caseload: true,
    sicknessDays: true,
  };
  return {
    records,
    problems: [],
    columns: [],
    headerRow: 1,
    rowsRead: records.length,
    rowsLeftOut: 0,
    headerFound: true,
    present,
    unmappedRoles: [],
  };
}

describe("writeCensus: the pre-submission report", () => {
  it("finds what the schema and the rules can find before anything is sent", () => {
    nextRow = 2;
    const records = [
      record(), // row 2: fine
      record({ staffId: "" }), // row 3: no SWE number
      record({ staffId: "SW12345" }), // row 4: not the SWE form
      record({ fte: 1.2 }), // row 5: FTE above 1
      record({ leave: serialFromYmd(2023, 3, 31), leavingReason: null, caseload: 0 }), // row 6
      record({ start: serialFromYmd(2023, 10, 2) }), // row 7: starts after the census date
      record({ leave: serialFromYmd(2023, 6, 30), leavingReason: "Emigrated" }), // row 8
      record({ ethnicity: "Roma", ethnicGroup: "White" }), // row 9: no code in 2022
      record({ birth: null, age: 41 }), // row 10: an age only
      record({ role: "Trainee", roleCode: null }), // row 11: not a role the census has
      record({ start: null }), // row 12: no start date
      record({ staffId: "SW1000000002" }), // row 13: row 2's SWE number again
      record({ counts: "pipeline", workerType: "Apprentice", staffId: "" }), // row 14: not in the return
    ];
    // No posts data and no Vacant rows: no vacancy figure, so no return (it used to be written
    // with NumberOfVacancies 0.00 and an error in the report).
    expect(() =>
      writeCensus(table(records), { year: 2023, lea: "30", softwareCode: "Test" })
    ).toThrow(VacanciesMissingError);
    expect(() => writeCensus(table(records), { year: 2023, lea: "30", vacancyFte: null })).toThrow(
      /no vacancy figure for the 2023 return.*Give the posts \(establishment\) table/
    );
    const result = writeCensus(table(records), {
      year: 2023,
      lea: "30",
      softwareCode: "Test",
      vacancyFte: 2.5,
    });
    expect(result.xml).toContain("<NumberOfVacancies>2.50</NumberOfVacancies>");
    const summary = result.problems.map((p) => [p.row, p.column, p.found, p.severity]);
    expect(summary).toEqual([
      [0, "LEA", "30", "error"],
      [0, "QualInst", "", "warning"],
      [3, "Staff ID", "", "error"],
      [4, "Staff ID", "SW12345", "error"],
      [5, "FTE", "1.2", "error"],
      [6, "Leaving reason", "", "warning"],
      [7, "Start date", "02/10/2023", "warning"],
      [8, "Leaving reason", "Emigrated", "warning"],
      [9, "Ethnicity", "Roma", "warning"],
      [10, "Age", "41", "warning"],
      [11, "Role", "Trainee", "warning"],
      [12, "Start date", "", "error"],
      [13, "Staff ID", "SW1000000002", "warning"],
    ]);
    const byRow = (row: number) => result.problems.find((p) => p.row === row)!.expected;
    expect(byRow(3)).toContain("the placeholder ZZ0000000001 was written");
    expect(byRow(6)).toContain("9 (Not Known) was written");
    expect(byRow(7)).toContain("not in the 2023 return");
    expect(byRow(8)).toContain("written as 8 (Other)");
    expect(byRow(9)).toContain("written as WOTH");

    // What was written for them.
    const root = parseXml(result.xml);
    const workers = childElements(root, "CSWWWorker").map((w) =>
      Object.fromEntries(w.children.map((c) => [c.name, c.text]))
    );
    expect(workers).toHaveLength(11); // rows 2–13 less row 7 (later starter); row 14 is pipeline
    const bySwe = (swe: string) => workers.filter((w) => w.SWENo === swe);
    expect(bySwe("ZZ0000000001")).toHaveLength(1);
    expect(bySwe("ZZ0000000002")).toHaveLength(1);
    const leaver = workers.find((w) => w.RoleEndDate === "2023-03-31")!;
    expect(leaver).toMatchObject({ ReasonLeave: "9", OrgRole: "5" });
    expect(leaver.FTE30).toBeUndefined();
    expect(leaver.Cases30).toBeUndefined();
    expect(workers.find((w) => w.RoleEndDate === "2023-06-30")!.ReasonLeave).toBe("8");
    expect(workers.find((w) => w.Ethnicity === "WOTH")).toBeDefined();
    expect(workers.filter((w) => w.OrgRole === undefined)).toHaveLength(1);

    // What the report finds is what the schema rejects: the LEA, the FTE and the start date…
    const validation = validateCensus(result.xml);
    expect(validation.valid).toBe(false);
    expect(validation.errors.join("\n")).toMatch(/LEA/);
    expect(validation.errors.join("\n")).toMatch(/FTE/);
    // …and with those fixed, the same table validates.
    records[3].fte = 1;
    records[10].start = serialFromYmd(2020, 1, 1);
    const fixed = writeCensus(table(records), { year: 2023, lea: "301", vacancyFte: 4 });
    expect(validateCensus(fixed.xml)).toEqual({ valid: true, errors: [] });
    expect(fixed.problems.filter((p) => p.severity === "error").map((p) => p.row)).toEqual([3, 4]);
  });

  it("reports an FTE of 0 and a caseload that is not a whole number; writes in-post practitioners without cases as 6", () => {
    nextRow = 2;
    const result = writeCensus(
      table([
        record({ fte: 0 }),
        record({ caseload: 2.5 }),
        record({ caseload: 0 }),
        record({ roleCode: "TM", role: "TM", caseload: 0 }),
      ]),
      { year: 2023, lea: "301", vacancyFte: 0 }
    );
    expect(result.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      // A vacancy figure of 0 is written as given, and worth a second look.
      [0, "NumberOfVacancies", "warning"],
      [0, "QualInst", "warning"],
      [2, "FTE", "error"],
      [3, "Caseload", "error"],
    ]);
    const roles = childElements(parseXml(result.xml), "CSWWWorker").map(
      (w) => w.children.find((c) => c.name === "OrgRole")!.text
    );
    expect(roles).toEqual(["5", "5", "6", "3"]);
  });

  it("uses the caller's SWE numbers, qualifying institutions and LA figures", () => {
    nextRow = 2;
    const r = record({ staffId: "E1", counts: "agency", workerType: "Agency" });
    const result = writeCensus(table([r]), {
      year: 2023,
      lea: "301",
      vacancyFte: 3.456,
      agencyFte: 7.5,
      agencyHeadcount: 8,
      sweNumber: () => "SW0000012345",
      qualifyingInstitution: () => "University of Leeds & York",
    });
    expect(result.problems).toEqual([]);
    expect(result.xml).toContain("<SWENo>SW0000012345</SWENo>");
    expect(result.xml).toContain("<QualInst>University of Leeds &amp; York</QualInst>");
    expect(result.xml).toContain("<NumberOfVacancies>3.46</NumberOfVacancies>");
    expect(result.xml).toContain("<NoAgencyFTE>7.50</NoAgencyFTE>");
    expect(result.xml).toContain("<NoAgencyHeadcount>8</NoAgencyHeadcount>");
    expect(result.xml).toContain("<AgencyWorker>1</AgencyWorker>");
    expect(validateCensus(result.xml)).toEqual({ valid: true, errors: [] });
  });

  it("takes the vacancy figure from Vacant rows when none is given", () => {
    nextRow = 2;
    const result = writeCensus(
      table([record(), record({ counts: "vacant", workerType: "Vacant", fte: 0.75 })]),
      { year: 2023, lea: "301" }
    );
    expect(result.xml).toContain("<NumberOfVacancies>0.75</NumberOfVacancies>");
  });

  it("throws for a collection year that is not a year", () => {
    expect(() => writeCensus(table([]), { year: 23.5, lea: "301", vacancyFte: 1 })).toThrow(
      RangeError
    );
  });
});
