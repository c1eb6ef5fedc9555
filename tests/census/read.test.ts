import { describe, expect, it } from "vitest";
import {
  CENSUS_EXTRA_COLUMNS,
  CENSUS_GRID_HEADER,
  CENSUS_STAFF_COLUMNS,
  CENSUS_TEAM,
  IMPLAUSIBLE_CASELOAD,
  readCensus,
  ROLE_NOT_RECORDED,
} from "../../src/core/census/read";
import { censusDate, serialFromYmd } from "../../src/core/dates";
import { ingestStaff } from "../../src/core/ingest";
import { sampleText, validateCensus } from "./support";

/** The sample's workers, split with a regular expression (independently of the reader). */
const sampleWorkers = [...sampleText.matchAll(/<CSWWWorker>([\s\S]*?)<\/CSWWWorker>/g)].map((m) => {
  const items: Record<string, string> = {};
  for (const [, name, value] of m[1].matchAll(/<(\w+)>([^<]*)<\/\1>/g)) items[name] ??= value;
  return items;
});

/** A minimal return around the given worker items. */
function census(...workers: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<Message>",
    "  <Header><CollectionDetails><Collection>CSWW</Collection><Year>2023</Year>",
    "  <ReferenceDate>2023-09-30</ReferenceDate></CollectionDetails>",
    "  <Source><SourceLevel>L</SourceLevel><LEA>204</LEA></Source></Header>",
    "  <LALevelVacancies><NumberOfVacancies>12.50</NumberOfVacancies><NoAgencyFTE>3.00</NoAgencyFTE>",
    "  <NoAgencyHeadcount>3</NoAgencyHeadcount></LALevelVacancies>",
    ...workers.map((w) => `  <CSWWWorker>${w}</CSWWWorker>`),
    "</Message>",
  ].join("\n");
}

const GOOD =
  "<AgencyWorker>0</AgencyWorker><SWENo>SW1234567890</SWENo><FTE>0.800000</FTE>" +
  "<PersonBirthDate>1985-06-01</PersonBirthDate><GenderCurrent>2</GenderCurrent>" +
  "<Ethnicity>BAFR</Ethnicity><QualInst>University of Leeds</QualInst><OrgRole>5</OrgRole>" +
  "<RoleStartDate>2019-01-07</RoleStartDate><FTE30>0.800000</FTE30><Cases30>17</Cases30>" +
  "<WorkingDaysLost>3.50</WorkingDaysLost>";

describe("readCensus: the sample return", () => {
  const result = readCensus(sampleText);

  it("reads the header, the LA level and every worker", () => {
    expect(result.year).toBe(2022);
    expect(result.referenceDate).toBe(censusDate(2022));
    expect(result.lea).toBe("301");
    expect(result.vacancyFte).toBe(79.68);
    expect(result.agencyFte).toBe(59.82);
    expect(result.agencyHeadcount).toBe(71);
    expect(result.workers).toBe(30);
    expect(sampleWorkers).toHaveLength(30);
    expect(result.grid).toHaveLength(31);
    expect(result.grid[0]).toEqual(CENSUS_GRID_HEADER);
    // Staff IDs are the SWE numbers, in file order.
    expect(result.grid.slice(1).map((r) => r[0])).toEqual(sampleWorkers.map((w) => w.SWENo));
  });

  it("writes readable values: ladder roles, worker types, ethnicity labels, reasons, dates as serials", () => {
    const [header, ...rows] = result.grid;
    const row = (n: number) =>
      Object.fromEntries(header.map((h, i) => [h as string, rows[n - 2][i]]));
    // Row 2 is the first worker: agency, no OrgRole, REFU.
    expect(row(2)).toMatchObject({
      "Staff ID": "Oz2054309383",
      Team: CENSUS_TEAM,
      Role: ROLE_NOT_RECORDED,
      "Worker type": "Agency",
      FTE: 0.521371,
      "Start date": serialFromYmd(1988, 4, 7),
      "Date of birth": serialFromYmd(1967, 1, 4),
      Gender: "Male",
      Ethnicity: "Declared not stated or Refused",
      Caseload: 72,
      "Sickness days": 15.31,
      "Census role": null,
      "Contract weeks": 288.7,
      "Absence reason": "Training",
    });
    // Row 3: OrgRole 2 Middle Manager reads as a senior manager; ReasonLeave 10.
    expect(row(3)).toMatchObject({
      Role: "Senior manager",
      "Census role": "Middle Manager",
      "Leave date": serialFromYmd(2019, 9, 23),
      "Leaving reason": "Not Yet Collected",
      Gender: "Not specified",
      "Census FTE30": 0.603665,
      "Leaver destination": "Other",
    });
    // Row 5: a permanent worker, Qualified Without Cases, Black African.
    expect(row(5)).toMatchObject({
      "Worker type": "Permanent",
      Role: "Social worker",
      "Census role": "Qualified Without Cases",
      Ethnicity: "Black African",
      "Start origin": "Social Worker Role in a Different Local Authority in England",
    });
  });

  it("is read by ingest: every canonical column recognised, the extra columns left alone", () => {
    const t = ingestStaff(result.grid);
    expect(t.headerFound).toBe(true);
    expect(t.columns.map((c) => c.key)).toEqual(CENSUS_STAFF_COLUMNS);
    expect(t.columns.map((c) => c.header)).not.toContain(
      expect.stringMatching(CENSUS_EXTRA_COLUMNS.join("|"))
    );
    expect(t.rowsRead).toBe(30);
    expect(t.records.length + t.rowsLeftOut).toBe(30);
    // Every value ingest was given parses: its problems are only about FTE 0, missing start dates
    // and the "Not recorded" role, never a value it could not read.
    const columnsWithProblems = new Set(t.problems.map((p) => p.column));
    expect([...columnsWithProblems].sort()).toEqual(["FTE", "Role", "Start date"]);
    expect(t.problems.filter((p) => p.column === "Role")).toEqual([
      expect.objectContaining({ row: 2, found: ROLE_NOT_RECORDED, severity: "warning" }),
    ]);
    for (const r of t.records) {
      expect(r.team).toBe(CENSUS_TEAM);
      expect(["Agency", "Permanent"]).toContain(r.workerType);
    }
  });

  it("surfaces every implausible value as a problem, without a crash", () => {
    const t = ingestStaff(result.grid);
    const all = [...result.problems, ...t.problems];
    sampleWorkers.forEach((w, i) => {
      const row = i + 2;
      const here = all.filter((p) => p.row === row);
      // FTE 0 (a worker in the return with no hours): an error from ingest, the row left out.
      if (w.FTE !== undefined && Number(w.FTE) === 0)
        expect(here).toContainEqual(
          expect.objectContaining({ column: "FTE", found: "0", severity: "error" })
        );
      // Caseloads such as 85: a warning from the reader.
      if (w.Cases30 !== undefined && Number(w.Cases30) > IMPLAUSIBLE_CASELOAD)
        expect(here).toContainEqual(
          expect.objectContaining({ column: "Cases30", found: w.Cases30, severity: "warning" })
        );
      // Start dates after the census date, end dates after it or before the year to it.
      if (w.RoleStartDate !== undefined && w.RoleStartDate > "2022-09-30")
        expect(here).toContainEqual(expect.objectContaining({ column: "RoleStartDate" }));
      if (
        w.RoleEndDate !== undefined &&
        (w.RoleEndDate > "2022-09-30" || w.RoleEndDate <= "2021-09-30")
      )
        expect(here).toContainEqual(expect.objectContaining({ column: "RoleEndDate" }));
      // No start date: an error from ingest.
      if (w.RoleStartDate === undefined)
        expect(here).toContainEqual(
          expect.objectContaining({ column: "Start date", severity: "error" })
        );
      // What makes the sample fail the schema: QualInst missing.
      if (w.QualInst === undefined)
        expect(here).toContainEqual(
          expect.objectContaining({ column: "QualInst", severity: "warning" })
        );
    });
    expect(result.problems.filter((p) => p.column === "Cases30").map((p) => p.found)).toEqual(
      sampleWorkers
        .map((w) => w.Cases30)
        .filter((c) => c !== undefined && Number(c) > IMPLAUSIBLE_CASELOAD)
    );
    // The sample itself fails the schema for exactly the workers without QualInst.
    const validation = validateCensus(sampleText);
    expect(validation.valid).toBe(false);
    expect(validation.errors).toHaveLength(
      sampleWorkers.filter((w) => w.QualInst === undefined).length
    );
    expect(result.problems.filter((p) => p.column === "QualInst")).toHaveLength(
      validation.errors.length
    );
  });
});

describe("readCensus: values outside the schema", () => {
  it("reads a good worker with no problems", () => {
    const result = readCensus(census(GOOD));
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ year: 2023, lea: "204", vacancyFte: 12.5, workers: 1 });
    const t = ingestStaff(result.grid);
    expect(t.problems).toEqual([]);
    expect(t.records[0]).toMatchObject({
      staffId: "SW1234567890",
      roleCode: "SW1",
      workerType: "Permanent",
      fte: 0.8,
      start: serialFromYmd(2019, 1, 7),
      birth: serialFromYmd(1985, 6, 1),
      gender: "Female",
      ethnicity: "Black African",
      ethnicGroup: "Black",
      caseload: 17,
      sicknessDays: 3.5,
    });
  });

  it("reports codes outside their code sets, malformed dates and numbers, a missing SWE number", () => {
    const bad =
      "<AgencyWorker>2</AgencyWorker><FTE>0.5</FTE><FTE>0.6</FTE><PersonBirthDate>1980-02-30</PersonBirthDate>" +
      "<GenderCurrent>3</GenderCurrent><Ethnicity>XXXX</Ethnicity><QualInst>X</QualInst><OrgRole>7</OrgRole>" +
      "<RoleStartDate>2020-13-01</RoleStartDate><RoleEndDate>30/09/2023</RoleEndDate><ReasonLeave>11</ReasonLeave><Cases30>12.5</Cases30>" +
      "<WorkingDaysLost>lots</WorkingDaysLost><ReasonAbsence>ZZZ</ReasonAbsence><Shoe>9</Shoe>";
    const result = readCensus(
      census(
        GOOD,
        bad,
        "<AgencyWorker>0</AgencyWorker><SWENo>12345</SWENo><QualInst>X</QualInst><Shoe>1</Shoe>"
      )
    );
    const at = (row: number) =>
      result.problems.filter((p) => p.row === row).map((p) => [p.column, p.found, p.severity]);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([
      ["AgencyWorker", "2", "error"],
      ["SWENo", "", "warning"],
      ["FTE", "0.6", "warning"],
      ["PersonBirthDate", "1980-02-30", "warning"],
      ["GenderCurrent", "3", "warning"],
      ["Ethnicity", "XXXX", "warning"],
      ["OrgRole", "7", "warning"],
      ["RoleStartDate", "2020-13-01", "error"],
      ["RoleEndDate", "30/09/2023", "warning"],
      ["ReasonLeave", "11", "warning"],
      ["Cases30", "12.5", "warning"],
      ["WorkingDaysLost", "lots", "warning"],
      ["ReasonAbsence", "ZZZ", "warning"],
      ["Shoe", "9", "warning"],
    ]);
    // An unknown element is reported once; a SWE number of the wrong form is reported.
    expect(at(4)).toEqual([["SWENo", "12345", "warning"]]);
    // The expected text names the code set.
    expect(result.problems.find((p) => p.column === "OrgRole")!.expected).toContain(
      "5 (Case Holder)"
    );

    const [, , row3] = result.grid;
    expect(row3[0]).toBe("row 3");
    expect(row3[2]).toBe(ROLE_NOT_RECORDED);
    // A malformed date is passed on as found (ingest names it too); a UK date is read.
    expect(row3[5]).toBe("2020-13-01");
    expect(row3[6]).toBe(serialFromYmd(2023, 9, 30));
    const t = ingestStaff(result.grid);
    // The worker with AgencyWorker 2 and a malformed start date is left out by ingest as well.
    expect(
      t.problems.filter((p) => p.row === 3 && p.severity === "error").map((p) => p.column)
    ).toEqual(["Worker type", "Start date"]);
    expect(t.records.map((r) => r.row)).toEqual([2]);
  });

  it("takes FTE30 when FTE is missing", () => {
    const result = readCensus(
      census(
        GOOD.replace("<FTE>0.800000</FTE>", "").replace(
          "<FTE30>0.800000</FTE30>",
          "<FTE30>0.4</FTE30>"
        )
      )
    );
    expect(ingestStaff(result.grid).records[0].fte).toBe(0.4);
  });

  it("reads a namespaced return, and one with no header, vacancies or workers, with problems", () => {
    const ns = census(GOOD)
      .replace("<Message>", '<c:Message xmlns:c="urn:example:csww">')
      .replace("</Message>", "</c:Message>")
      .replace(/<(\/?)(?!c:|\?)(\w+)/g, "<$1c:$2");
    const result = readCensus(ns);
    expect(result.workers).toBe(1);
    expect(result.problems).toEqual([]);

    const empty = readCensus("<Message></Message>");
    expect(empty).toMatchObject({
      year: null,
      lea: null,
      referenceDate: null,
      vacancyFte: null,
      workers: 0,
    });
    expect(empty.grid).toEqual([CENSUS_GRID_HEADER]);
    expect(empty.problems.map((p) => [p.row, p.column])).toEqual([
      [0, "LALevelVacancies"],
      [0, "CSWWWorker"],
    ]);
  });

  it("throws for a file that is not well-formed, or not a census return, naming the line", () => {
    expect(() => readCensus(census(GOOD).replace("</CSWWWorker>", "</CSWWorker>"))).toThrow(
      /^not a CSWW census file: the end tag <\/CSWWorker> does not match the start tag <CSWWWorker> on line 8 at line 8$/
    );
    expect(() =>
      readCensus("<?xml version='1.0'?>\n<Message>\n<LEA>A & B</LEA>\n</Message>")
    ).toThrow(/^not a CSWW census file: .*entity.* at line 3$/);
    expect(() => readCensus("\n<workbook/>")).toThrow(
      "not a CSWW census file: the root element is <workbook>, not <Message>, at line 2"
    );
    expect(() => readCensus("")).toThrow("not a CSWW census file: no root element");
    expect(() => readCensus("Staff ID,Team\n1,North")).toThrow(
      "not a CSWW census file: text before the root element at line 1"
    );
  });
});
