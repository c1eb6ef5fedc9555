/**
 * The CSWW census return (DfE's Children's Social Work Workforce XML, 2022 schema) for one
 * collection year, written from the staff table, with a pre-submission report of what the
 * schema and the census rules can find before anything is sent.
 *
 * Who is in the return (a reading, written down; DfE's guide is not to hand): with D = 30
 * September of the collection year,
 * - social workers (Permanent, Fixed term) in post at D, and those whose leave date is in the
 *   year to D (the leavers);
 * - agency workers in post at D (DfE counts agency workers at 30 September; they are never
 *   leavers for turnover, so agency workers who left in the year are not written);
 * - never the pipeline (apprentices, students, Step Up, Frontline) or Vacant rows.
 * Those are exactly the records the census measures read, so FTE social workers, headcount,
 * agency FTE, starters, leavers, turnover, stability and average caseload computed from the
 * return equal those computed from the table.
 *
 * What each worker carries, in the schema's order: AgencyWorker, SWENo, FTE (6 dp),
 * PersonBirthDate, GenderCurrent, Ethnicity, QualInst, OrgRole, RoleStartDate, RoleEndDate (for
 * leavers only: a leave date after D is not known at the census date), ReasonLeave (leavers),
 * FTE30 (the FTE at 30 September, for workers in post then), Cases30 (the caseload, for workers
 * in post) and WorkingDaysLost (sickness days, 2 dp). Items the staff table does not hold
 * (QualLevel, StartOrigin, LeaverDestination, ContractWeeks, …) are left out; QualInst, which
 * the schema requires, is "Not known" unless the caller gives it.
 *
 * The SWE number is the staff ID when it has the SWE form (two letters, ten digits), as it does
 * for a table read from a census return, or what `sweNumber` gives. Otherwise a placeholder
 * ZZ0000000001, ZZ0000000002, … (one per person, so headcount is kept; real SWE numbers start
 * SW) is written and the pre-submission report says so as an error.
 */
import type { StaffColumn } from "../columns";
import { addYears, censusDate, isoFromSerial, ukDateFromSerial } from "../dates";
import type { StaffTable } from "../ingest";
import { inPostAt, inYearTo, Population } from "../measures/population";
import { agencyFte, agencyHeadcount, vacancyFte } from "../measures/workforce";
import type { Problem } from "../problems";
import type { StaffRecord } from "../staff";
import { isNotKnown } from "../values";
import { ETHNICITIES, ROLE_LADDER } from "../vocabulary";
import {
  codeByLabel,
  ETHNICITY,
  ETHNICITY_FOR_GROUP,
  ETHNICITY_NOT_KNOWN,
  labelOf,
  LEA_CODE,
  ORG_ROLE,
  ORG_ROLE_OF_LADDER,
  ORG_ROLE_WITHOUT_CASES,
  QUAL_INST_NOT_KNOWN,
  REASON_LEAVE,
  REASON_LEAVE_NOT_KNOWN,
  REASON_LEAVE_OTHER,
  REASON_LEAVE_SYNONYMS,
  SWE_NUMBER,
} from "./codes";
import { escapeXmlText } from "./xml";

export interface WriteCensusOptions {
  /** The collection year: the return is as at 30 September of it. */
  year: number;
  /** The three-digit LA (LEA) code. */
  lea: string;
  /**
   * NumberOfVacancies: the vacancy FTE at 30 September (from the posts table, or given). Default:
   * the FTE of Vacant rows in post, if the table has any. With no figure at all, the return is
   * refused (`VacanciesMissingError`): the schema requires the element, and a made-up 0.00 would
   * read back as a 0 % vacancy rate.
   */
  vacancyFte?: number | null;
  /** NoAgencyFTE and NoAgencyHeadcount; default: the agency workers in post in the table. */
  agencyFte?: number;
  agencyHeadcount?: number;
  /** Header/Source/SoftwareCode (default "Workforce Scrutiny"). */
  softwareCode?: string;
  /** Header/Source/DateTime, an xs:dateTime such as 2023-10-15T09:30:00Z; omitted when not given. */
  now?: string;
  /** The SWE number of a record, when the table keeps it apart from the staff ID. */
  sweNumber?: (record: StaffRecord) => string | null | undefined;
  /** The qualifying institution (QualInst) of a record; default "Not known". */
  qualifyingInstitution?: (record: StaffRecord) => string | null | undefined;
}

export interface WriteCensusResult {
  xml: string;
  /** The pre-submission report: staff-table rows (as the sheet numbers them); LA items row 0. */
  problems: Problem[];
  /** How many workers the return holds. */
  workers: number;
}

export const DEFAULT_SOFTWARE_CODE = "Workforce Scrutiny";

/** No vacancy figure for a return: nothing is written. The message says where to give one. */
export class VacanciesMissingError extends Error {
  constructor(readonly year: number) {
    super(
      `no vacancy figure for the ${year} return: the staff table has no posts data (and no Vacant rows), and the census requires NumberOfVacancies. Give the posts (establishment) table, or the vacancy FTE at 30 September ${year}`
    );
    this.name = "VacanciesMissingError";
  }
}
export { QUAL_INST_NOT_KNOWN };

/** Whether a record is in the return for census date D, and as what. */
export function censusInclusion(
  r: Pick<StaffRecord, "counts" | "start" | "leave">,
  asOf: number
): "inPost" | "leaver" | null {
  if (r.counts !== "socialWorker" && r.counts !== "agency") return null;
  if (r.start !== null && r.start > asOf) return null;
  if (inPostAt(r, asOf)) return "inPost";
  if (r.counts === "socialWorker" && inYearTo(r.leave, asOf, addYears(asOf, -1))) return "leaver";
  return null;
}

const XS_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

const LABELS: Record<StaffColumn, string> = {
  staffId: "Staff ID",
  team: "Team",
  role: "Role",
  workerType: "Worker type",
  fte: "FTE",
  startDate: "Start date",
  leaveDate: "Leave date",
  leavingReason: "Leaving reason",
  dateOfBirth: "Date of birth",
  age: "Age",
  gender: "Gender",
  ethnicity: "Ethnicity",
  disability: "Disability",
  sexualOrientation: "Sexual orientation",
  caseload: "Caseload",
  sicknessDays: "Sickness days",
};

const GENDER_CODE: Record<StaffRecord["gender"], string> = {
  Male: "1",
  Female: "2",
  // DfE's gender codes: 9 "not specified" is a gender that is neither male nor female; 0 is
  // "not known" (not recorded).
  Other: "9",
  "Not known": "0",
};

const CENSUS_ETHNICITY_CODES = new Set(ETHNICITY.map((e) => e.code));

/** The census ethnicity code of a record, and whether it had to fall back to a group's "any other". */
export function ethnicityCode(r: Pick<StaffRecord, "ethnicity" | "ethnicGroup">): {
  code: string;
  exact: boolean;
} {
  if (r.ethnicGroup === "Not known") return { code: ETHNICITY_NOT_KNOWN, exact: true };
  const known = ETHNICITIES.find((e) => e.label === r.ethnicity);
  if (known && CENSUS_ETHNICITY_CODES.has(known.code)) return { code: known.code, exact: true };
  return { code: ETHNICITY_FOR_GROUP[r.ethnicGroup], exact: false };
}

/** The OrgRole of a record, or null when its role is neither on the ladder nor a census role. */
export function orgRoleCode(
  r: Pick<StaffRecord, "role" | "roleCode" | "caseload">,
  inPost: boolean
): string | null {
  if (r.roleCode !== null) {
    const code = ORG_ROLE_OF_LADDER[r.roleCode];
    const practitioner = r.roleCode === "ASYE" || r.roleCode === "SW1" || r.roleCode === "SW2";
    return practitioner && inPost && r.caseload === 0 ? ORG_ROLE_WITHOUT_CASES : code;
  }
  return codeByLabel(ORG_ROLE, r.role) ?? null;
}

/** The ReasonLeave code of a leaving reason, and whether the text was recognised. */
export function reasonLeaveCode(text: string | null): { code: string; recognised: boolean } {
  if (text === null || text.trim() === "" || isNotKnown(text))
    return { code: REASON_LEAVE_NOT_KNOWN, recognised: text !== null && text.trim() !== "" };
  const code = codeByLabel(REASON_LEAVE, text, REASON_LEAVE_SYNONYMS);
  return code !== undefined
    ? { code, recognised: true }
    : { code: REASON_LEAVE_OTHER, recognised: false };
}

const fixed = (n: number, dp: number) => n.toFixed(dp);
const REASONS_SHOWN = REASON_LEAVE.slice(0, 7)
  .map((c) => c.label)
  .join(", ");

/** Writes the census return for `options.year` from the staff table. */
export function writeCensus(staff: StaffTable, options: WriteCensusOptions): WriteCensusResult {
  const { year } = options;
  if (!Number.isInteger(year) || year < 1900 || year > 9999)
    throw new RangeError(
      `writeCensus: the collection year must be a year such as 2023, not ${year}`
    );
  const asOf = censusDate(year);
  const when = ukDateFromSerial(asOf);
  const laProblems: Problem[] = [];
  const rowProblems: Problem[] = [];
  const header = (key: StaffColumn) =>
    staff.columns.find((c) => c.key === key)?.header ?? LABELS[key];
  const report = (
    r: StaffRecord,
    key: StaffColumn,
    found: string,
    expected: string,
    severity: Problem["severity"]
  ) => rowProblems.push({ row: r.row, column: header(key), found, expected, severity });
  const laReport = (column: string, found: string, expected: string) =>
    laProblems.push({ row: 0, column, found, expected, severity: "error" });

  // LA-level items.
  const lea = options.lea.trim();
  if (!LEA_CODE.test(lea))
    laReport("LEA", lea, "the LA's three-digit LEA code, such as 301 (the schema requires it)");
  const population = new Population(
    { staff: staff.records, present: staff.present, posts: null },
    { asOf }
  );
  let vacancies: number | null;
  if (options.vacancyFte === undefined) {
    const v = vacancyFte(population);
    vacancies = typeof v === "number" ? v : null;
  } else vacancies = options.vacancyFte;
  if (vacancies === null || !Number.isFinite(vacancies)) throw new VacanciesMissingError(year);
  if (vacancies < 0) {
    laReport("NumberOfVacancies", String(vacancies), "a vacancy FTE of 0 or more");
  } else if (fixed(vacancies, 2) === "0.00") {
    laProblems.push({
      row: 0,
      column: "NumberOfVacancies",
      found: "0.00",
      expected: `a vacancy FTE at ${when}: 0.00 means no vacancies at all, which is rare; a return read back reads 0 as not given (returns made without posts data used to hold 0.00)`,
      severity: "warning",
    });
  }
  const agencyFteValue = options.agencyFte ?? agencyFte(population);
  const agencyCount = options.agencyHeadcount ?? agencyHeadcount(population);
  if (!(agencyFteValue >= 0))
    laReport("NoAgencyFTE", String(agencyFteValue), "an FTE of 0 or more");
  if (!(Number.isInteger(agencyCount) && agencyCount >= 0))
    laReport("NoAgencyHeadcount", String(agencyCount), "a whole number, 0 or more");
  const now = options.now?.trim();
  if (now !== undefined && now !== "" && !XS_DATE_TIME.test(now))
    laReport("DateTime", now, "a date and time such as 2023-10-15T09:30:00Z (left out)");

  // Workers.
  const workerXml: string[] = [];
  const placeholders = new Map<string, string>();
  const sweRows = new Map<string, number>();
  let qualInstDefaulted = 0;
  let workers = 0;

  for (const r of staff.records) {
    const included = censusInclusion(r, asOf);
    if (included === null) {
      if (
        (r.counts === "socialWorker" || r.counts === "agency") &&
        r.start !== null &&
        r.start > asOf
      ) {
        report(
          r,
          "startDate",
          ukDateFromSerial(r.start),
          `a start date on or before the census date (${when}): this worker is not in the ${year} return`,
          "warning"
        );
      }
      continue;
    }
    const inPost = included === "inPost";
    const items: [string, string][] = [];
    const item = (name: string, value: string) => items.push([name, value]);

    item("AgencyWorker", r.counts === "agency" ? "1" : "0");

    // SWENo.
    const given = (options.sweNumber ? options.sweNumber(r) : r.staffId)?.trim() ?? "";
    let swe = given;
    if (!SWE_NUMBER.test(given)) {
      swe = placeholders.get(r.personKey) ?? "";
      if (swe === "") {
        swe = `ZZ${String(placeholders.size + 1).padStart(10, "0")}`;
        placeholders.set(r.personKey, swe);
      }
      rowProblems.push({
        row: r.row,
        column: header("staffId"),
        found: given,
        expected: `a Social Work England number: two letters and ten digits, e.g. SW1234567890 (the placeholder ${swe} was written)`,
        severity: "error",
        fix: "Put each worker's SWE number in the Staff ID column (or give the SWE numbers to the writer), then write the return again: ZZ… placeholders keep the headcount right but cannot be submitted.",
      });
    } else {
      const first = sweRows.get(swe.toUpperCase());
      if (first !== undefined && first !== r.row) {
        report(
          r,
          "staffId",
          swe,
          `a SWE number used once in the return: row ${first} has the same number (both are written)`,
          "warning"
        );
      } else sweRows.set(swe.toUpperCase(), r.row);
    }
    item("SWENo", swe);

    // FTE.
    if (!(r.fte > 0 && r.fte <= 1)) {
      report(
        r,
        "fte",
        String(r.fte),
        "an FTE above 0 and at most 1 (the census takes 0 to 1 with six decimal places)",
        "error"
      );
    }
    item("FTE", fixed(r.fte, 6));

    if (r.birth !== null) item("PersonBirthDate", isoFromSerial(r.birth));
    else if (r.age !== null) {
      report(
        r,
        "age",
        String(r.age),
        "a date of birth: the census carries PersonBirthDate, not an age, so the age is not written",
        "warning"
      );
    }
    if (staff.present.gender) item("GenderCurrent", GENDER_CODE[r.gender]);
    if (staff.present.ethnicity) {
      const e = ethnicityCode(r);
      if (!e.exact) {
        report(
          r,
          "ethnicity",
          r.ethnicity,
          `an ethnicity with a code in the 2022 census: written as ${e.code} (${labelOf(ETHNICITY, e.code)}), the same ONS group`,
          "warning"
        );
      }
      item("Ethnicity", e.code);
    }

    const qual = options.qualifyingInstitution?.(r)?.trim();
    if (qual === undefined || qual === "") qualInstDefaulted++;
    item("QualInst", qual || QUAL_INST_NOT_KNOWN);

    const orgRole = orgRoleCode(r, inPost);
    if (orgRole === null) {
      report(
        r,
        "role",
        r.role,
        `a role on the ladder (${ROLE_LADDER.map((l) => l.code).join(", ")}) or a census role (e.g. Middle Manager): OrgRole is left out`,
        "warning"
      );
    } else item("OrgRole", orgRole);

    if (r.start === null) {
      report(r, "startDate", "", "a start date (RoleStartDate) for every worker", "error");
    } else item("RoleStartDate", isoFromSerial(r.start));

    if (!inPost) {
      item("RoleEndDate", isoFromSerial(r.leave!));
      const reason = reasonLeaveCode(r.leavingReason);
      if (r.leavingReason === null || r.leavingReason.trim() === "") {
        report(
          r,
          "leavingReason",
          "",
          `a leaving reason for a leaver (${REASONS_SHOWN}, …): 9 (Not Known) was written`,
          "warning"
        );
      } else if (!reason.recognised) {
        report(
          r,
          "leavingReason",
          r.leavingReason,
          `a census leaving reason (${REASONS_SHOWN}, …): written as 8 (Other)`,
          "warning"
        );
      }
      item("ReasonLeave", reason.code);
    }

    if (inPost) item("FTE30", fixed(r.fte, 6));
    if (inPost && r.caseload !== null) {
      if (!(Number.isInteger(r.caseload) && r.caseload >= 0))
        report(r, "caseload", String(r.caseload), "a whole number of cases, 0 or more", "error");
      item("Cases30", String(r.caseload));
    }
    if (r.sicknessDays !== null) {
      if (!(r.sicknessDays >= 0))
        report(r, "sicknessDays", String(r.sicknessDays), "sickness days, 0 or more", "error");
      item("WorkingDaysLost", fixed(r.sicknessDays, 2));
    }

    workers++;
    workerXml.push(
      "  <CSWWWorker>",
      ...items.map(([name, value]) => `    <${name}>${escapeXmlText(value)}</${name}>`),
      "  </CSWWWorker>"
    );
  }

  if (qualInstDefaulted > 0) {
    laProblems.push({
      row: 0,
      column: "QualInst",
      found: "",
      expected: `the qualifying institution, which the schema requires for every worker: the staff table has none, so "${QUAL_INST_NOT_KNOWN}" was written for ${qualInstDefaulted} worker${qualInstDefaulted === 1 ? "" : "s"}`,
      severity: "warning",
      fix: `Find each worker's qualifying institution (HR, or Social Work England's register) before submitting: DfE cannot use "${QUAL_INST_NOT_KNOWN}", and workforce check on the return lists each one as an error.`,
    });
  }
  if (workers === 0) {
    laReport(
      "CSWWWorker",
      "",
      `at least one worker: no social worker or agency worker is in post at ${when} or left in the year to it`
    );
  }

  const line = (indent: number, name: string, value: string) =>
    `${"  ".repeat(indent)}<${name}>${escapeXmlText(value)}</${name}>`;
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<Message>",
    "  <Header>",
    "    <CollectionDetails>",
    line(3, "Collection", "CSWW"),
    line(3, "Year", String(year)),
    line(3, "ReferenceDate", isoFromSerial(asOf)),
    "    </CollectionDetails>",
    "    <Source>",
    line(3, "SourceLevel", "L"),
    line(3, "LEA", lea),
    line(3, "SoftwareCode", options.softwareCode ?? DEFAULT_SOFTWARE_CODE),
    ...(now && XS_DATE_TIME.test(now) ? [line(3, "DateTime", now)] : []),
    "    </Source>",
    "  </Header>",
    "  <LALevelVacancies>",
    line(2, "NumberOfVacancies", fixed(vacancies, 2)),
    line(2, "NoAgencyFTE", fixed(agencyFteValue, 2)),
    line(2, "NoAgencyHeadcount", String(agencyCount)),
    "  </LALevelVacancies>",
    ...workerXml,
    "</Message>",
    "",
  ].join("\n");

  return { xml, problems: [...laProblems, ...rowProblems], workers };
}
