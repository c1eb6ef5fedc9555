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
 * - Dates are Excel serials. The LA-level NumberOfVacancies is returned as `vacancyFte`; a
 *   vacancy figure of 0 (what returns written without posts data hold) is an error, and the
 *   measures read it as not available (`givenFigures`), never as a 0 % vacancy rate.
 * - Agency FTE and headcount come from the LA level (NoAgencyFTE, NoAgencyHeadcount), which
 *   counts every agency worker; agency worker records are optional and usually few. Records
 *   adding up to more than the LA level is an error (the LA level must count them all).
 * - Placeholders are errors: a SWE number ZZ0000000001… (the writer's, for a worker without
 *   one) and QualInst "Not known" cannot be submitted.
 * - Plausibility (warnings, values kept): Cases30 above 40, WorkingDaysLost above 262, a role
 *   start after the reference date, an end date after it or before the year to it. The
 *   reference date is the file's ReferenceDate, else 30 September of its Year.
 *
 * Problems: rows number the workers in file order as a sheet would, the header being row 1 (the
 * first worker is row 2, the Nth row N + 1), so the reader's problems and ingest's problems on
 * the grid name the same rows; LA-level and header items have row 0. The column is the census
 * element's name. "error" marks a value whose cell is left for ingest to reject (the row is then
 * left out of the measures) or a value the return cannot be submitted with (a placeholder, a
 * missing vacancy figure); "warning" a value blanked or worth checking.
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
  QUAL_INST_NOT_KNOWN,
  QUAL_LEVEL,
  REASON_ABSENCE,
  REASON_LEAVE,
  START_ORIGIN,
  SWE_NUMBER,
  SWE_PLACEHOLDER,
  WORKER_TYPE_OF_AGENCY_CODE,
  YES_NO,
} from "./codes";
import {
  childElement,
  childElements,
  decodeXml,
  parseXml,
  XmlElement,
  XmlRefusal,
  XmlSyntaxError,
} from "./xml";

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
  /** Each worker's items as the file gives them (text, trimmed; repeatable items in order). */
  workerItems: Partial<Record<WorkerItem, string[]>>[];
  /**
   * LALevelVacancies/NumberOfVacancies as the file says (0 included). The measures take it
   * through `givenFigures`, which reads 0 as not available.
   */
  vacancyFte: number | null;
  /**
   * LALevelVacancies/NoAgencyFTE and NoAgencyHeadcount, as the LA returned them: every agency
   * worker at the reference date. The measures use these, not the worker records.
   */
  agencyFte: number | null;
  agencyHeadcount: number | null;
  /**
   * What the worker records with AgencyWorker 1 in post at the reference date add up to. Agency
   * worker records are optional, so these are usually below the LA-level figures.
   */
  agencyRecords: { fte: number; headcount: number };
  /** How the bytes were decoded ("utf-8", "utf-16le", "windows-1252", …); "text" when given text. */
  encoding: string;
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
  /** Every value of every item, as the file gives it (duplicates of single items included). */
  readonly raw: Partial<Record<WorkerItem, string[]>> = {};
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
  items: Partial<Record<WorkerItem, string[]>>[],
  unknownSeen: Set<string>,
  asOf: number | null
): unknown[] {
  const mine: Problem[] = [];
  const r = new WorkerReader(row, mine);
  items.push(r.raw);
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
    (r.raw[item] ??= []).push(child.text.trim());
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
  } else if (SWE_PLACEHOLDER.test(swe)) {
    mine.push({
      row,
      column: "SWENo",
      found: swe,
      expected: "a Social Work England number, not a placeholder (ZZ…)",
      severity: "error",
      fix: "ZZ… numbers are placeholders written for workers whose staff table row had no SWE number. Put each worker's SWE number in the staff table (as the Staff ID) and write the return again.",
    });
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

  if (r.all("QualInst").some((q) => q.toLowerCase() === QUAL_INST_NOT_KNOWN.toLowerCase())) {
    mine.push({
      row,
      column: "QualInst",
      found: QUAL_INST_NOT_KNOWN,
      expected: "the institution where the worker qualified, not a placeholder",
      severity: "error",
      fix: `"${QUAL_INST_NOT_KNOWN}" is written when the staff table has no qualifying institution. Find each worker's qualifying institution (HR or Social Work England's register) before submitting.`,
    });
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
export function readCensus(input: string | Uint8Array): CensusReadResult {
  let root: XmlElement;
  let encoding = "text";
  let encodingNote: string | null = null;
  try {
    let xml: string;
    if (typeof input === "string") xml = input;
    else {
      const decoded = decodeXml(input);
      xml = decoded.text;
      encoding = decoded.encoding;
      encodingNote = decoded.note;
    }
    root = parseXml(xml);
  } catch (err) {
    // A refusal (a DTD, an unknown encoding) is about a file that may well be a census return.
    if (err instanceof XmlRefusal) throw new Error(`cannot be read safely: ${err.message}`);
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
  if (encodingNote !== null) laProblem("Encoding", encoding, encodingNote);

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
      if (vacancies !== undefined && name !== "NumberOfVacancies")
        laProblem(name, "", `${name}: a number (the schema requires it)`);
      return null;
    }
    if ((integer ? XS_INTEGER : XS_DECIMAL).test(text)) return Number(text);
    laProblem(name, text, integer ? "a whole number" : "a number such as 12.50");
    return null;
  };
  const vacancyFte = laNumber("NumberOfVacancies");
  const vacancyText = textOf(vacancies && childElement(vacancies, "NumberOfVacancies"));
  if (vacancyFte === null || vacancyFte === 0) {
    problems.push({
      row: 0,
      column: vacancies === undefined ? "LALevelVacancies" : "NumberOfVacancies",
      found: vacancyText ?? "",
      expected:
        vacancyFte === 0
          ? "a vacancy FTE above 0: returns written without posts data hold 0.00, so it is read as not available"
          : "the LA's vacancy FTE at the reference date (NumberOfVacancies, which the schema requires): vacancies are not available",
      severity: "error",
      fix: "Give the vacancy FTE at 30 September from the posts (establishment) table, and write the return again with it (workforce census --posts, --posts-sheet or --vacancies FTE; in the pane, choose the posts table or enter the vacancy FTE).",
    });
  }
  const agencyFte = laNumber("NoAgencyFTE");
  const agencyHeadcount = laNumber("NoAgencyHeadcount", true);

  // Workers.
  const asOf = referenceDate ?? (year !== null ? censusDate(year) : null);
  const workers = childElements(root, "CSWWWorker");
  if (workers.length === 0) laProblem("CSWWWorker", "", "at least one worker record (CSWWWorker)");
  const unknownSeen = new Set<string>();
  const grid: unknown[][] = [[...CENSUS_GRID_HEADER]];
  const workerItems: Partial<Record<WorkerItem, string[]>>[] = [];
  workers.forEach((w, i) =>
    grid.push(readWorker(w, i + 2, problems, workerItems, unknownSeen, asOf))
  );

  // Agency: the LA level counts every agency worker, so the records cannot add up to more.
  const agencyRecords = agencyInRecords(workerItems, asOf);
  const when = asOf !== null ? ukDateFromSerial(asOf) : "the reference date";
  const recordsText = `the ${agencyRecords.headcount} worker record${agencyRecords.headcount === 1 ? "" : "s"} with AgencyWorker 1 in post at ${when} hold ${agencyRecords.fte.toFixed(2)} FTE`;
  const laFix =
    "NoAgencyFTE and NoAgencyHeadcount count every agency worker at 30 September, records or not: correct them (or the records' AgencyWorker) in the system the return came from.";
  if (agencyFte !== null && round2(agencyRecords.fte) > round2(agencyFte))
    problems.push({
      row: 0,
      column: "NoAgencyFTE",
      found: String(agencyFte),
      expected: `at least the agency FTE of the worker records: ${recordsText}`,
      severity: "error",
      fix: laFix,
    });
  if (agencyHeadcount !== null && agencyRecords.headcount > agencyHeadcount)
    problems.push({
      row: 0,
      column: "NoAgencyHeadcount",
      found: String(agencyHeadcount),
      expected: `at least the number of agency worker records: ${recordsText}`,
      severity: "error",
      fix: laFix,
    });

  const known = new Set(["Header", "LALevelVacancies", "CSWWWorker"]);
  for (const child of root.children)
    if (!known.has(child.name) && !unknownSeen.has(child.name)) {
      unknownSeen.add(child.name);
      laProblem(child.name, "", "an item of the 2022 CSWW schema: this one is not read");
    }

  return {
    grid,
    workerItems,
    vacancyFte,
    agencyFte,
    agencyHeadcount,
    agencyRecords,
    encoding,
    year,
    referenceDate,
    lea,
    workers: workers.length,
    problems,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The worker records with AgencyWorker 1 in post at `asOf` (role started by then, not ended
 * by then): their FTE (FTE, else FTE30) and how many. Without a date, every agency record
 * without an end date.
 */
function agencyInRecords(
  workers: readonly Partial<Record<WorkerItem, string[]>>[],
  asOf: number | null
): { fte: number; headcount: number } {
  let fte = 0;
  let headcount = 0;
  for (const w of workers) {
    if (w.AgencyWorker?.[0] !== "1") continue;
    const start = w.RoleStartDate ? xsDate(w.RoleStartDate[0]) : null;
    const end = w.RoleEndDate ? xsDate(w.RoleEndDate[0]) : null;
    const inPost =
      asOf === null
        ? end === null
        : (start === null || start <= asOf) && (end === null || end > asOf);
    if (!inPost) continue;
    headcount++;
    fte += xsDecimal(w.FTE?.[0] ?? "") ?? xsDecimal(w.FTE30?.[0] ?? "") ?? 0;
  }
  return { fte: Math.round(fte * 1e10) / 1e10, headcount };
}

/**
 * The LA-level figures the measures take from a return: the vacancy FTE (0, what a return
 * written without posts data holds, is read as not available), agency FTE and headcount.
 */
export function givenFigures(census: CensusReadResult): {
  vacancyFte: number | null;
  agencyFte: number | null;
  agencyHeadcount: number | null;
} {
  return {
    vacancyFte: census.vacancyFte === 0 ? null : census.vacancyFte,
    agencyFte: census.agencyFte,
    agencyHeadcount: census.agencyHeadcount,
  };
}
