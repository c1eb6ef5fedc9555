/**
 * Reading a return gives what the file says: the LA-level figures and every worker item of the
 * schema, checked against libxml2's reading of the same bytes (an independent parser), for
 * liia-tools' sample and for returns the writer makes — in UTF-8, UTF-16 and ISO-8859-1.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  AGENCY_WORKER,
  CFKSS_STATUS,
  CodeSet,
  ETHNICITY,
  GENDER_TEXT,
  labelOf,
  LEAVER_DESTINATION,
  ORG_ROLE,
  QUAL_LEVEL,
  REASON_ABSENCE,
  REASON_LEAVE,
  START_ORIGIN,
  WORKER_TYPE_OF_AGENCY_CODE,
  YES_NO,
} from "../../src/core/census/codes";
import { CENSUS_GRID_HEADER, readCensus, WORKER_ITEMS } from "../../src/core/census/read";
import { writeCensus } from "../../src/core/census/write";
import { parseDate } from "../../src/core/dates";
import { ingestStaff } from "../../src/core/ingest";
import { generateStaff } from "../../src/sample/generate";
import { censusByLibxml, SAMPLE_PATH, validateCensus } from "./support";

/** Where each schema item lands in the staff table read from a return, and how its text reads. */
const codes = (set: CodeSet) => (v: string[]) => v.map((c) => labelOf(set, c)!).join("; ");
const num = (v: string[]) => Number(v[0]);
const date = (v: string[]) => parseDate(v[0]);
const GRID_OF_ITEM: Record<(typeof WORKER_ITEMS)[number], [string, (v: string[]) => unknown]> = {
  AgencyWorker: ["Worker type", (v) => WORKER_TYPE_OF_AGENCY_CODE[v[0]] ?? codes(AGENCY_WORKER)(v)],
  SWENo: ["Social Work England number", (v) => v[0]],
  FTE: ["FTE", num],
  PersonBirthDate: ["Date of birth", date],
  GenderCurrent: ["Gender", (v) => GENDER_TEXT[v[0]]],
  Ethnicity: ["Ethnicity", codes(ETHNICITY)],
  QualInst: ["Qualifying institution", (v) => v.join("; ")],
  QualLevel: ["Qualification level", codes(QUAL_LEVEL)],
  StepUpGrad: ["Step Up graduate", codes(YES_NO)],
  OrgRole: ["Census role", codes(ORG_ROLE)],
  RoleStartDate: ["Start date", date],
  StartOrigin: ["Start origin", codes(START_ORIGIN)],
  RoleEndDate: ["Leave date", date],
  LeaverDestination: ["Leaver destination", codes(LEAVER_DESTINATION)],
  ReasonLeave: ["Leaving reason", codes(REASON_LEAVE)],
  FTE30: ["Census FTE30", num],
  Cases30: ["Caseload", num],
  WorkingDaysLost: ["Sickness days", num],
  ContractWeeks: ["Contract weeks", (v) => (v.length === 1 ? Number(v[0]) : v.join("; "))],
  FrontlineGrad: ["Frontline graduate", codes(YES_NO)],
  Absat30Sept: ["Absent at 30 September", codes(YES_NO)],
  ReasonAbsence: ["Absence reason", codes(REASON_ABSENCE)],
  CFKSSstatus: ["CFKSS status", codes(CFKSS_STATUS)],
};

function expectFaithful(bytes: Uint8Array) {
  const truth = censusByLibxml(bytes);
  const read = readCensus(bytes);
  // The LA level, as numbers.
  expect(read.vacancyFte).toBe(Number(truth.la.NumberOfVacancies));
  expect(read.agencyFte).toBe(Number(truth.la.NoAgencyFTE));
  expect(read.agencyHeadcount).toBe(Number(truth.la.NoAgencyHeadcount));
  // Every worker, every item, as the file gives it.
  expect(read.workers).toBe(truth.workers.length);
  expect(read.workerItems).toEqual(truth.workers);
  // And in the staff table: each item in its column, decoded.
  const column = (name: string) => CENSUS_GRID_HEADER.indexOf(name);
  const seen = new Set<string>();
  truth.workers.forEach((items, i) => {
    const row = read.grid[i + 1];
    for (const [item, values] of Object.entries(items)) {
      const [name, decode] = GRID_OF_ITEM[item as (typeof WORKER_ITEMS)[number]];
      // Single items the reader takes once (the schema allows one): the first value.
      expect(row[column(name)], `worker ${i + 1} ${item}`).toEqual(decode(values));
      seen.add(item);
    }
  });
  return { read, truth, seen };
}

describe("reading a return gives what the file says", () => {
  it("liia-tools' sample: LA level 79.68 vacancy FTE, 59.82 agency FTE, 71 agency workers, every item", () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE_PATH));
    const { read, seen } = expectFaithful(bytes);
    expect(read).toMatchObject({ vacancyFte: 79.68, agencyFte: 59.82, agencyHeadcount: 71 });
    // The sample uses every item of the schema.
    expect(WORKER_ITEMS.filter((i) => !seen.has(i))).toEqual([]);
  });

  describe("returns the writer makes", () => {
    const generated = generateStaff({ rows: 250, seed: 21 });
    const staff = ingestStaff(generated.staff);
    const written = writeCensus(staff, {
      year: 2023,
      lea: "352",
      vacancyFte: 12.25,
      qualifyingInstitution: (r) =>
        r.row % 3 ? "Université de Genève" : "Royal Holloway & Bedford",
    });
    const declared = (encoding: string) =>
      written.xml.replace('encoding="UTF-8"', `encoding="${encoding}"`);

    it.each([
      ["UTF-8", new Uint8Array(Buffer.from(written.xml, "utf8"))],
      ["UTF-8 with a BOM", new Uint8Array(Buffer.from(`\uFEFF${written.xml}`, "utf8"))],
      [
        "UTF-16 LE with a BOM",
        new Uint8Array(Buffer.from(`\uFEFF${declared("UTF-16")}`, "utf16le")),
      ],
      ["ISO-8859-1", new Uint8Array(Buffer.from(declared("ISO-8859-1"), "latin1"))],
    ])("%s", (_name, bytes) => {
      expect(validateCensus(written.xml)).toEqual({ valid: true, errors: [] });
      const { read, truth } = expectFaithful(bytes);
      expect(read.workers).toBeGreaterThan(100);
      expect(truth.workers.some((w) => w.QualInst?.[0] === "Université de Genève")).toBe(true);
      expect(truth.workers.some((w) => w.QualInst?.[0] === "Royal Holloway & Bedford")).toBe(true);
      expect(read.vacancyFte).toBe(12.25);
    });
  });
});
