/**
 * A CSWW census return (DfE's Children's Social Work Workforce XML, 2022 schema) as a staff
 * source: the workers become a staff table with the product's canonical headers and readable
 * values, which `ingestStaff` reads like any HR extract.
 *
 * Readings chosen (the census guide is not to hand; the schema has no annotations on items):
 * - Staff ID is the Social Work England number (SWENo); a worker without one is "row N".
 * - Team: the census has no team. Every worker is in one team, "All teams (census)", so the
 *   per-team tables say plainly that the team is not known; the LA is returned as `lea`.
 * - Role: the ladder label of the OrgRole's ladder code (`LADDER_OF_ORG_ROLE` in codes.ts; 5
 *   Case Holder reads as "Social worker"), the census text kept in "Census role". A worker with
 *   no OrgRole has the role "Not recorded" (kept by ingest as an unmapped role).
 * - Worker type: AgencyWorker 1 is Agency, 0 is Permanent.
 * - FTE: the `FTE` item, else `FTE30`. `FTE` is the worker's FTE, which every record can carry
 *   (leavers' included); `FTE30`, grouped in the schema with the other "at 30 September" items
 *   (Cases30, Absat30Sept), is read as the FTE at 30 September and kept in "Census FTE30". An
 *   FTE of 0 is passed on as found, so ingest reports it (an FTE must be above 0).
 * - Caseload is Cases30 (cases at 30 September); sickness days are WorkingDaysLost.
 * - Dates are Excel serials. The LA-level NumberOfVacancies is returned as `vacancyFte`.
 * - Plausibility (warnings, values kept): Cases30 above 40, WorkingDaysLost above 262, a role
 *   start after the reference date, an end date after it or before the year to it. The
 *   reference date is the file's ReferenceDate, else 30 September of its Year.
 *
 * Problems: rows number the workers in file order as a sheet would, the header being row 1 (the
 * first worker is row 2, the Nth row N + 1), so the reader's problems and ingest's problems on
 * the grid name the same rows; LA-level and header items have row 0. The column is the census
 * element's name. "error" marks a value whose cell is left for ingest to reject (the row is then
 * left out of the measures); "warning" a value blanked or worth checking.
 */
import { STAFF_COLUMNS, type StaffColumn } from "../columns";
import { addYears, censusDate, parseDate, ukDateFromSerial } from "../dates";
import type { Problem } from "../problems";
import { roleLabel } from "../vocabulary";
import {
  AGENCY_WORKER,
  CFKSS_STATUS,
  CodeSet,
  describeCodes,
  ETHNICITY,
  GENDER_CURRENT,
  GENDER_TEXT,
  LADDER_OF_ORG_ROLE,
  LEA_CODE,
  LEAVER_DESTINATION,
  labelOf,
  ORG_ROLE,
  QUAL_LEVEL,
  REASON_ABSENCE,
  REASON_LEAVE,
  START_ORIGIN,
  SWE_NUMBER,
  WORKER_TYPE_OF_AGENCY_CODE,
  YES_NO,
} from "./codes";
import { childElement, childElements, parseXml, XmlElement, XmlSyntaxError } from "./xml";

/** The items of a CSWWWorker, in the schema's order. */
export const WORKER_ITEMS = [
  "AgencyWorker",
  "SWENo",
  "FTE",
  "PersonBirthDate",
  "GenderCurrent",
  "Ethnicity",
  "QualInst",
  "QualLevel",
  "StepUpGrad",
  "OrgRole",
  "RoleStartDate",
  "StartOrigin",
  "RoleEndDate",
  "LeaverDestination",
  "ReasonLeave",
  "FTE30",
  "Cases30",
  "WorkingDaysLost",
  "ContractWeeks",
  "FrontlineGrad",
  "Absat30Sept",
  "ReasonAbsence",
  "CFKSSstatus",
] as const;
export type WorkerItem = (typeof WORKER_ITEMS)[number];

/** Items the schema allows more than once per worker. */
const REPEATABLE: ReadonlySet<WorkerItem> = new Set<WorkerItem>([
  "QualInst",
  "ContractWeeks",
  "Absat30Sept",
  "ReasonAbsence",
  "CFKSSstatus",
]);

/** The team every census worker is in (the census has no team). */
export const CENSUS_TEAM = "All teams (census)";
/** The role of a worker with no OrgRole. */
export const ROLE_NOT_RECORDED = "Not recorded";
/**
 * Cases at 30 September above this are reported as implausible: England's average is about
 * 16 per FTE and the product's default target 18; over 40 is a team's total or a typing error
 * far more often than one worker's cases.
 */
export const IMPLAUSIBLE_CASELOAD = 40;
/** Working days lost above this cannot be one year's: there are at most 262 weekdays in a year. */
export const MAX_WORKING_DAYS_LOST = 262;

const label = (key: StaffColumn): string => STAFF_COLUMNS.find((c) => c.key === key)!.label;

/** The canonical columns the reader writes (ingest recognises every one by its label). */
export const CENSUS_STAFF_COLUMNS: readonly StaffColumn[] = [
  "staffId",
  "team",
  "role",
  "workerType",
  "fte",
  "startDate",
  "leaveDate",
  "leavingReason",
  "dateOfBirth",
  "gender",
  "ethnicity",
  "caseload",
  "sicknessDays",
];

/** Census items the staff table has no column for, kept readable beside it (ingest ignores them). */
export const CENSUS_EXTRA_COLUMNS = [
  "Social Work England number",
  "Census role",
  "Census FTE30",
  "Start origin",
  "Leaver destination",
  "Qualifying institution",
  "Qualification level",
  "Step Up graduate",
  "Frontline graduate",
  "Contract weeks",
  "Absent at 30 September",
  "Absence reason",
  "CFKSS status",
] as const;

export const CENSUS_GRID_HEADER: readonly string[] = [
  ...CENSUS_STAFF_COLUMNS.map(label),
  ...CENSUS_EXTRA_COLUMNS,
];

export interface CensusReadResult {
  /** A header row (`CENSUS_GRID_HEADER`) and one row per worker, in file order. */
  grid: unknown[][];
  /** LALevelVacancies/NumberOfVacancies: the vacancy FTE when there is no posts table. */
  vacancyFte: number | null;
  /** LALevelVacancies/NoAgencyFTE and NoAgencyHeadcount, as the LA returned them. */
  agencyFte: number | null;
  agencyHeadcount: number | null;
  /** Header/CollectionDetails/Year. */
  year: number | null;
  /** Header/CollectionDetails/ReferenceDate as an Excel serial, as the file gives it (else null). */
  referenceDate: number | null;
  /** Header/Source/LEA: the three-digit LA code. */
  lea: string | null;
  /** How many CSWWWorker records the file holds. */
  workers: number;
  problems: Problem[];
}

const XS_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;
const XS_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const XS_INTEGER = /^[+-]?\d+$/;
const XS_YEAR = /^(\d{4})(?:Z|[+-]\d{2}:\d{2})?$/;

/** The text of an element, trimmed (the schema's items are simple values). */
const textOf = (el: XmlElement | undefined): string | null =>
  el === undefined ? null : el.text.trim();

/** A strict xs:date as a serial, or null. */
function xsDate(text: string): number | null {
  const m = XS_DATE.exec(text);
  return m ? parseDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

function xsDecimal(text: string): number | null {
  return XS_DECIMAL.test(text) ? Number(text) : null;
}

class WorkerReader {
  readonly values = new Map<WorkerItem, string[]>();
  constructor(
    readonly row: number,
    private readonly problems: Problem[]
  ) {}

  problem(column: string, found: string, expected: string, severity: Problem["severity"]): void {
    this.problems.push({ row: this.row, column, found, expected, severity });
  }

  /** The first value of an item (trimmed), or null when absent. */
  first(item: WorkerItem): string | null {
    return this.values.get(item)?.[0] ?? null;
  }

  all(item: WorkerItem): string[] {
    return this.values.get(item) ?? [];
  }

  /** A coded item: its code, or null (with a problem) when it is not in the code set. */
  code(item: WorkerItem, set: CodeSet, severity: Problem["severity"] = "warning"): string | null {
    const v = this.first(item);
    if (v === null) return null;
    if (labelOf(set, v) !== undefined) return v;
    this.problem(item, v, `a ${item} code: ${describeCodes(set)}`, severity);
    return null;
  }

  /** Every value of a repeatable coded item, as labels; codes outside the set are reported. */
  labels(item: WorkerItem, set: CodeSet): string | null {
    const out: string[] = [];
    for (const v of this.all(item)) {
      const l = labelOf(set, v);
      if (l === undefined)
        this.problem(item, v, `a ${item} code: ${describeCodes(set)}`, "warning");
      else out.push(l);
    }
    return out.length === 0 ? null : out.join("; ");
  }

  /**
   * A date item: the serial, or (when it is not a date YYYY-MM-DD) the text as found, so ingest
   * reports it as well, and a problem.
   */
  date(item: WorkerItem, severity: Problem["severity"] = "warning"): number | string | null {
    const v = this.first(item);
    if (v === null || v === "") return null;
    const serial = xsDate(v);
    if (serial !== null) return serial;
    // Another form ingest reads (30/09/2022): read it, and say the schema wants YYYY-MM-DD.
    const lenient = parseDate(v);
    if (lenient !== null) {
      this.problem(
        item,
        v,
        `a date written YYYY-MM-DD, as the schema requires: read as ${ukDateFromSerial(lenient)}`,
        "warning"
      );
      return lenient;
    }
    this.problem(item, v, "a date written YYYY-MM-DD, such as 2022-09-30", severity);
    return v;
  }

  /** A decimal item: the number, or the text as found (with a problem). */
  decimal(item: WorkerItem, severity: Problem["severity"] = "warning"): number | string | null {
    const v = this.first(item);
    if (v === null || v === "") return null;
    const n = xsDecimal(v);
    if (n !== null) return n;
    this.problem(item, v, "a number such as 0.6", severity);
    return v;
  }

  integer(item: WorkerItem): number | string | null {
    const v = this.first(item);
    if (v === null || v === "") return null;
    if (XS_INTEGER.test(v)) return Number(v);
    this.problem(item, v, "a whole number such as 12", "warning");
    return v;
  }
}

/** Reads one CSWWWorker into a grid row. */
function readWorker(
  worker: XmlElement,
  row: number,
  problems: Problem[],
  unknownSeen: Set<string>,
  asOf: number | null
): unknown[] {
  const mine: Problem[] = [];
  const r = new WorkerReader(row, mine);
  for (const child of worker.children) {
    const item = child.name as WorkerItem;
    if (!(WORKER_ITEMS as readonly string[]).includes(child.name)) {
      if (!unknownSeen.has(child.name)) {
        unknownSeen.add(child.name);
        r.problem(
          child.name,
          child.text.trim(),
          "an item of the 2022 CSWW schema: this one is not read (reported once, for its first worker)",
          "warning"
        );
      }
      continue;
    }
    const list = r.values.get(item);
    if (list === undefined) r.values.set(item, [child.text.trim()]);
    else if (REPEATABLE.has(item)) list.push(child.text.trim());
    else
      r.problem(
        item,
        child.text.trim(),
        `one ${item} per worker: the first (${list[0]}) is used`,
        "warning"
      );
  }

  // Staff ID: the SWE number.
  const swe = r.first("SWENo");
  if (swe === null || swe === "") {
    r.problem(
      "SWENo",
      "",
      `a Social Work England number (two letters and ten digits, e.g. SW1234567890): the worker is read as "row ${row}"`,
      "warning"
    );
  } else if (!SWE_NUMBER.test(swe)) {
    r.problem(
      "SWENo",
      swe,
      "a Social Work England number: two letters and ten digits, e.g. SW1234567890",
      "warning"
    );
  }
  const staffId = swe === null || swe === "" ? `row ${row}` : swe;

  const agency = r.code("AgencyWorker", AGENCY_WORKER, "error");
  if (r.first("AgencyWorker") === null) {
    r.problem(
      "AgencyWorker",
      "",
      "AgencyWorker 0 (not an agency worker) or 1 (agency worker): the worker is left out",
      "error"
    );
  }
  const workerType = agency === null ? null : WORKER_TYPE_OF_AGENCY_CODE[agency];

  const orgRole = r.code("OrgRole", ORG_ROLE);
  const role = orgRole === null ? ROLE_NOT_RECORDED : roleLabel(LADDER_OF_ORG_ROLE[orgRole]);

  const fte = r.decimal("FTE", "error");
  const fte30 = r.decimal("FTE30");
  const start = r.date("RoleStartDate", "error");
  const leave = r.date("RoleEndDate");
  const birth = r.date("PersonBirthDate");
  const reason = r.code("ReasonLeave", REASON_LEAVE);
  const gender = r.code("GenderCurrent", GENDER_CURRENT);
  const ethnicity = r.code("Ethnicity", ETHNICITY);
  const cases = r.integer("Cases30");
  const daysLost = r.decimal("WorkingDaysLost");

  // Plausibility, where the census date is known: values a real return cannot hold.
  if (asOf !== null) {
    const when = ukDateFromSerial(asOf);
    if (typeof start === "number" && start > asOf) {
      r.problem(
        "RoleStartDate",
        r.first("RoleStartDate")!,
        `a role start date on or before the reference date (${when}): a worker in the return has started by then`,
        "warning"
      );
    }
    if (typeof leave === "number" && leave > asOf) {
      r.problem(
        "RoleEndDate",
        r.first("RoleEndDate")!,
        `a role end date on or before the reference date (${when}): a worker leaving after it was in post at the census date`,
        "warning"
      );
    } else if (typeof leave === "number" && leave <= addYears(asOf, -1)) {
      r.problem(
        "RoleEndDate",
        r.first("RoleEndDate")!,
        `a role end date in the year to the reference date (after ${ukDateFromSerial(addYears(asOf, -1))}): an earlier leaver belongs to an earlier return`,
        "warning"
      );
    }
  }
  if (typeof cases === "number" && cases > IMPLAUSIBLE_CASELOAD) {
    r.problem(
      "Cases30",
      String(cases),
      `a caseload of at most ${IMPLAUSIBLE_CASELOAD} for one worker (England's average is about 16): check it is not a team's total or a typing error`,
      "warning"
    );
  }
  if (typeof daysLost === "number" && daysLost > MAX_WORKING_DAYS_LOST) {
    r.problem(
      "WorkingDaysLost",
      String(daysLost),
      `working days lost in one year: at most ${MAX_WORKING_DAYS_LOST}`,
      "warning"
    );
  }

  if (r.all("QualInst").length === 0) {
    r.problem(
      "QualInst",
      "",
      "a qualifying institution (QualInst): the schema requires one for every worker",
      "warning"
    );
  }

  const yesNo = (item: WorkerItem) => r.labels(item, YES_NO);
  const contractWeeks = r.all("ContractWeeks");
  for (const w of contractWeeks)
    if (xsDecimal(w) === null)
      r.problem("ContractWeeks", w, "a number of weeks such as 12.5", "warning");

  const cells = [
    staffId,
    CENSUS_TEAM,
    role,
    workerType ?? r.first("AgencyWorker"),
    fte ?? fte30,
    start,
    leave,
    reason === null ? null : labelOf(REASON_LEAVE, reason),
    birth,
    gender === null ? null : GENDER_TEXT[gender],
    ethnicity === null ? null : labelOf(ETHNICITY, ethnicity),
    cases,
    daysLost,
    // Extra columns.
    swe === "" ? null : swe,
    orgRole === null ? null : labelOf(ORG_ROLE, orgRole),
    fte30,
    r.labels("StartOrigin", START_ORIGIN),
    r.labels("LeaverDestination", LEAVER_DESTINATION),
    r
      .all("QualInst")
      .filter((q) => q !== "")
      .join("; ") || null,
    r.labels("QualLevel", QUAL_LEVEL),
    yesNo("StepUpGrad"),
    yesNo("FrontlineGrad"),
    contractWeeks.length === 0
      ? null
      : contractWeeks.length === 1
        ? (xsDecimal(contractWeeks[0]) ?? contractWeeks[0])
        : contractWeeks.join("; "),
    yesNo("Absat30Sept"),
    r.labels("ReasonAbsence", REASON_ABSENCE),
    r.labels("CFKSSstatus", CFKSS_STATUS),
  ];

  // A worker's problems in the schema's item order (items it does not know last).
  const order = (p: Problem) => {
    const i = (WORKER_ITEMS as readonly string[]).indexOf(p.column);
    return i < 0 ? WORKER_ITEMS.length : i;
  };
  problems.push(...mine.sort((a, b) => order(a) - order(b)));
  return cells;
}

/**
 * Reads a CSWW census return. Throws an Error ("not a CSWW census file: … at line N") when the
 * text is not well-formed XML or its root is not a census `Message`; everything else — values
 * outside their code sets, malformed dates, missing SWE numbers, implausible values — is a
 * problem, never a throw.
 */
export function readCensus(xml: string): CensusReadResult {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new Error(`not a CSWW census file: ${err.message}`);
    throw err;
  }
  if (root.name !== "Message") {
    throw new Error(
      `not a CSWW census file: the root element is <${root.qname}>, not <Message>, at line ${root.line}`
    );
  }
  const problems: Problem[] = [];
  const laProblem = (column: string, found: string, expected: string) =>
    problems.push({ row: 0, column, found, expected, severity: "warning" });

  // Header: collection year, reference date, LA.
  const header = childElement(root, "Header");
  const details = header && childElement(header, "CollectionDetails");
  const source = header && childElement(header, "Source");
  const collection = textOf(details && childElement(details, "Collection"));
  if (collection !== null && collection !== "CSWW")
    laProblem("Collection", collection, "CSWW (the Children's Social Work Workforce census)");
  const yearText = textOf(details && childElement(details, "Year"));
  let year: number | null = null;
  if (yearText !== null) {
    const m = XS_YEAR.exec(yearText);
    if (m) year = Number(m[1]);
    else laProblem("Year", yearText, "a collection year such as 2022");
  }
  const refText = textOf(details && childElement(details, "ReferenceDate"));
  let referenceDate: number | null = null;
  if (refText !== null) {
    referenceDate = xsDate(refText);
    if (referenceDate === null)
      laProblem("ReferenceDate", refText, "the census date written YYYY-MM-DD, such as 2022-09-30");
  }
  const lea = textOf(source && childElement(source, "LEA"));
  if (lea !== null && !LEA_CODE.test(lea))
    laProblem("LEA", lea, "a local authority (LEA) code of three digits, such as 301");

  // LA level: vacancies and agency workers.
  const vacancies = childElement(root, "LALevelVacancies");
  const laNumber = (name: string, integer = false): number | null => {
    const text = textOf(vacancies && childElement(vacancies, name));
    if (text === null || text === "") {
      if (vacancies !== undefined)
        laProblem(name, "", `${name}: a number (the schema requires it)`);
      return null;
    }
    if ((integer ? XS_INTEGER : XS_DECIMAL).test(text)) return Number(text);
    laProblem(name, text, integer ? "a whole number" : "a number such as 12.50");
    return null;
  };
  if (vacancies === undefined)
    laProblem(
      "LALevelVacancies",
      "",
      "the LA-level vacancies (NumberOfVacancies, NoAgencyFTE, NoAgencyHeadcount): vacancies are not available"
    );
  const vacancyFte = laNumber("NumberOfVacancies");
  const agencyFte = laNumber("NoAgencyFTE");
  const agencyHeadcount = laNumber("NoAgencyHeadcount", true);

  // Workers.
  const asOf = referenceDate ?? (year !== null ? censusDate(year) : null);
  const workers = childElements(root, "CSWWWorker");
  if (workers.length === 0) laProblem("CSWWWorker", "", "at least one worker record (CSWWWorker)");
  const unknownSeen = new Set<string>();
  const grid: unknown[][] = [[...CENSUS_GRID_HEADER]];
  workers.forEach((w, i) => grid.push(readWorker(w, i + 2, problems, unknownSeen, asOf)));

  const known = new Set(["Header", "LALevelVacancies", "CSWWWorker"]);
  for (const child of root.children)
    if (!known.has(child.name) && !unknownSeen.has(child.name)) {
      unknownSeen.add(child.name);
      laProblem(child.name, "", "an item of the 2022 CSWW schema: this one is not read");
    }

  return {
    grid,
    vacancyFte,
    agencyFte,
    agencyHeadcount,
    year,
    referenceDate,
    lea,
    workers: workers.length,
    problems,
  };
}
