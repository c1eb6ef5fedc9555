/**
 * Ingest: a grid of cells (a header row then rows: exactly what Office.js `range.values`, a
 * custom function's range argument, ExcelJS or a CSV give) to canonical records and problems.
 * One ingest for every host.
 */
import { POSTS_COLUMNS, PostsColumn, STAFF_COLUMNS, StaffColumn } from "./columns";
import { ColumnMapping, ColumnMatch, findHeaderRow, matchHeaders } from "./headers";
import { numberPersons } from "./persons";
import type { Problem } from "./problems";
import type { PostRecord, StaffColumnsPresent, StaffRecord } from "./staff";
import { cellText, matchKey, teamKeyOf } from "./text";
import {
  Parsed,
  parseAge,
  parseDateValue,
  parseEthnicity,
  parseFte,
  parseGender,
  parseNonNegative,
  parseOrientation,
  parseWholeNumber,
  parseWorkerType,
  parseYesNo,
  roleCodeOf,
} from "./values";
import type { RoleCode } from "./vocabulary";
import { addYears, MIN_SERIAL, serialFromYmd, ukDateFromSerial } from "./dates";

export type Grid = readonly (readonly unknown[])[];

export interface IngestOptions<K extends string> {
  /** Canonical column → header text or 0-based index; wins over recognition. */
  mapping?: ColumnMapping<K>;
  /** Role text → ladder code, for roles the ladder does not know. */
  roleMap?: Readonly<Record<string, RoleCode>>;
  /** The sheet row number of grid[0] (default 1). */
  firstRow?: number;
  /** The sheet row number of the header row, as the user chose it; found when absent. */
  headerRow?: number;
}

export interface IngestResult<K extends string, R> {
  records: R[];
  problems: Problem[];
  columns: ColumnMatch<K>[];
  /** The sheet row number of the header row. */
  headerRow: number;
  /** Non-blank rows under the header. */
  rowsRead: number;
  /** Rows with an error in a required field: not in `records`. */
  rowsLeftOut: number;
  /** False when no usable header row was found: nothing could be read. */
  headerFound: boolean;
}

export interface StaffTable extends IngestResult<StaffColumn, StaffRecord> {
  present: StaffColumnsPresent;
  /** Role texts not on the ladder (kept under their own text). */
  unmappedRoles: string[];
}

export type PostsTable = IngestResult<PostsColumn, PostRecord>;

/**
 * Excel on the desktop passes an empty cell to a custom function as 0. In a column where 0
 * cannot be a real value (dates, ages, text), 0 is read as blank.
 */
const ZERO_IS_BLANK: ReadonlySet<StaffColumn> = new Set<StaffColumn>([
  "staffId",
  "team",
  "role",
  "workerType",
  "startDate",
  "leaveDate",
  "leavingReason",
  "dateOfBirth",
  "age",
  "gender",
  "ethnicity",
  "disability",
  "sexualOrientation",
]);

function isBlankCell(value: unknown, key: StaffColumn | PostsColumn): boolean {
  if (value === 0 && ZERO_IS_BLANK.has(key as StaffColumn)) return true;
  return cellText(value) === "";
}

function isBlankRow(row: readonly unknown[] | undefined): boolean {
  return !row || row.every((v) => cellText(v) === "");
}

/** Most common spelling of each key (ties: the first seen), for teams and leaving reasons. */
function commonSpellings<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  textOf: (item: T) => string
): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const item of items) {
    const key = keyOf(item);
    const text = textOf(item);
    let byText = counts.get(key);
    if (!byText) counts.set(key, (byText = new Map()));
    byText.set(text, (byText.get(text) ?? 0) + 1);
  }
  const best = new Map<string, string>();
  for (const [key, byText] of counts) {
    let top = "";
    let n = -1;
    for (const [text, c] of byText)
      if (c > n) {
        top = text;
        n = c;
      }
    best.set(key, top);
  }
  return best;
}

const asText = (v: unknown): Parsed<string> => ({ value: cellText(v) });
const asCaseload = (v: unknown) => parseWholeNumber(v, "a caseload");
const asSicknessDays = (v: unknown) => parseNonNegative(v, "sickness days");

/** An Excel error value in a cell (#REF!, #N/A, …), as Office.js, ExcelJS and CSV give it. */
export function isExcelError(value: unknown): boolean {
  if (typeof value !== "string" || value.indexOf("#") < 0) return false;
  return /^#(REF!|VALUE!|N\/A|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i.test(
    value.trim()
  );
}

/** Dates earlier than these are placeholders or typing errors, not real starts or births. */
const EARLIEST_START = serialFromYmd(1950, 1, 1);
const EARLIEST_BIRTH = serialFromYmd(1930, 1, 1);

const EXCEL_ERROR = "a value, not an Excel error: fix the formula or the value in the raw table";

/** What one cell holds: a blank, an Excel error, a value, or what it should have held instead. */
const BLANK = { blank: true } as const;
const ERROR_CELL = { excelError: true } as const;
type CellOutcome<T> = typeof BLANK | typeof ERROR_CELL | Parsed<T>;

/**
 * One column's cells to outcomes. Most columns hold a few distinct values (teams, roles, worker
 * types, dates, FTEs, equality categories), so each distinct value's outcome is remembered and
 * most cells cost one lookup. `remember: false` for columns of unique values (staff IDs).
 */
function cellReader<T>(
  key: StaffColumn,
  parse: (v: unknown) => Parsed<T>,
  { remember = true, quick }: { remember?: boolean; quick?: (v: unknown) => Parsed<T> | null } = {}
): (v: unknown) => CellOutcome<T> {
  const outcome = (v: unknown): CellOutcome<T> =>
    isBlankCell(v, key) ? BLANK : isExcelError(v) ? ERROR_CELL : parse(v);
  if (!remember) return outcome;
  const seen = new Map<unknown, CellOutcome<T>>();
  const limit = 50_000;
  // Runs of one value (Permanent, FTE 1, a blank leave date) are common: the last is kept at hand.
  let last: unknown = undefined;
  let lastOutcome: CellOutcome<T> | null = null;
  return (v) => {
    if (v === last && lastOutcome !== null && typeof v === "string") return lastOutcome;
    // A Map holds -0 as 0, but -0 is its own value to parse.
    if (v === 0 && 1 / v < 0) return outcome(v);
    const q = quick?.(v);
    if (q) return q;
    let o = seen.get(v);
    if (o === undefined) {
      o = outcome(v);
      if (seen.size < limit) seen.set(v, o);
    }
    last = v;
    lastOutcome = o;
    return o;
  };
}

/**
 * A date serial as text ("45106", as a CSV saved from a spreadsheet holds dates), read without
 * a lookup: what `parseDateValue` gives for five digits, or null to ask it.
 */
function serialText(v: unknown): Parsed<number> | null {
  if (typeof v !== "string" || v.length !== 5) return null;
  let n = 0;
  for (let k = 0; k < 5; k++) {
    const digit = v.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return null;
    n = n * 10 + digit;
  }
  if (n < MIN_SERIAL) return null;
  return (SERIALS[n] ??= { value: n });
}
/** The outcome of each five-digit serial, made once. */
const SERIALS = new Array<Parsed<number> | undefined>(100_000);

const HEADER_SCAN_ROWS = 20;

function readHeader<K extends string>(
  grid: Grid,
  specs: Parameters<typeof matchHeaders<K>>[1],
  options: IngestOptions<K>
) {
  const firstRow = options.firstRow ?? 1;
  const headerIndex =
    options.headerRow !== undefined && grid.length > 0
      ? Math.max(0, Math.min(grid.length - 1, options.headerRow - firstRow))
      : findHeaderRow(grid, specs, HEADER_SCAN_ROWS);
  const headerRow = firstRow + headerIndex;
  const headerCells = grid[headerIndex] ?? [];
  const { columns, problems } = matchHeaders(headerCells, specs, headerRow, options.mapping);
  const headerFound = grid.length > 0 && columns.length > 0;
  const fatal = problems.some((p) => p.severity === "error");
  return { firstRow, headerIndex, headerRow, headerCells, columns, problems, headerFound, fatal };
}

/**
 * One data row to its record (null when it cannot be read at all), with its problems pushed
 * onto `problems`. Made once per table, after the header is known.
 */
type RowParse<R> = (cells: readonly unknown[], rowNumber: number, problems: Problem[]) => R | null;

/**
 * The loop every table shares, one row at a time so that a caller can stream rows in: keep the
 * top rows until the header can be found, skip blank rows, read each row, report its problems
 * in the sheet's column order, leave out a row with an error, and at the end show each team in
 * its most common spelling.
 */
class TableReader<K extends string, R extends { team: string; teamKey: string }> {
  /** The rows read before the header is known (null once it is). */
  private top: (readonly unknown[] | undefined)[] | null = [];
  private readonly need: number;
  private head!: ReturnType<typeof readHeader<K>>;
  private parseRow!: RowParse<R>;
  private order!: (p: Problem) => number;
  /** The grid index of the next row. */
  private index = 0;
  private readonly rowProblems: Problem[] = [];
  /** How many records spell each team text (in order of first appearance). */
  private readonly teamTexts = new Map<string, number>();
  readonly records: R[] = [];
  problems: Problem[] = [];
  rowsRead = 0;
  rowsLeftOut = 0;
  /** Whether any row holds a non-blank cell (the header included). */
  anyData = false;

  constructor(
    private readonly specs: Parameters<typeof matchHeaders<K>>[1],
    private readonly options: IngestOptions<K>,
    private readonly makeParser: (byKey: Map<K, ColumnMatch<K>>) => RowParse<R>
  ) {
    this.need =
      options.headerRow !== undefined
        ? Math.max(1, options.headerRow - (options.firstRow ?? 1) + 1)
        : HEADER_SCAN_ROWS;
  }

  push(cells: readonly unknown[] | undefined): void {
    if (!this.anyData && !isBlankRow(cells)) this.anyData = true;
    if (this.top === null) this.readRow(cells);
    else {
      this.top.push(cells);
      if (this.top.length >= this.need) this.readHeader();
    }
  }

  private readHeader(): void {
    const top = this.top!;
    this.top = null;
    const head = (this.head = readHeader(top as Grid, this.specs, this.options));
    this.problems = head.problems;
    const byKey = new Map(head.columns.map((c) => [c.key, c]));
    this.order = (p) => head.columns.findIndex((c) => c.header === p.column);
    this.parseRow = this.makeParser(byKey);
    this.index = head.headerIndex + 1;
    for (let i = head.headerIndex + 1; i < top.length; i++) this.readRow(top[i]);
  }

  private readRow(cells: readonly unknown[] | undefined): void {
    const rowNumber = this.head.firstRow + this.index++;
    if (isBlankRow(cells)) return;
    this.rowsRead++;
    if (this.head.fatal) {
      this.rowsLeftOut++;
      return;
    }
    const found = this.rowProblems;
    found.length = 0;
    const record = this.parseRow(cells!, rowNumber, found);
    let error = false;
    if (found.length > 0) {
      if (found.length > 1) found.sort((x, y) => this.order(x) - this.order(y));
      for (const p of found) {
        this.problems.push(p);
        if (p.severity === "error") error = true;
      }
    }
    if (record === null || error) {
      this.rowsLeftOut++;
      return;
    }
    this.records.push(record);
    this.teamTexts.set(record.team, (this.teamTexts.get(record.team) ?? 0) + 1);
  }

  /** The header row's cells, once the header is known. */
  get headerCells(): readonly unknown[] {
    return this.head?.headerCells ?? [];
  }

  finish(): IngestResult<K, R> {
    if (this.top !== null) this.readHeader();
    // Each team in its most common spelling (ties: the first seen).
    const best = new Map<string, { text: string; n: number }>();
    let respell = false;
    for (const [text, n] of this.teamTexts) {
      const key = teamKeyOf(text);
      const b = best.get(key);
      if (!b) best.set(key, { text, n });
      else {
        respell = true;
        if (n > b.n) best.set(key, { text, n });
      }
    }
    if (respell) for (const rec of this.records) rec.team = best.get(rec.teamKey)!.text;
    return {
      records: this.records,
      problems: this.problems,
      columns: this.head.columns,
      headerRow: this.head.headerRow,
      rowsRead: this.rowsRead,
      rowsLeftOut: this.rowsLeftOut,
      headerFound: this.head.headerFound,
    };
  }
}

/** The columns' 0-based indexes in the row (-1 when the table lacks the column) and headers. */
function columnIndexes<K extends string>(byKey: Map<K, ColumnMatch<K>>) {
  return {
    at: (key: K) => byKey.get(key)?.index ?? -1,
    header: (key: K) => byKey.get(key)?.header ?? key,
  };
}

/**
 * A staff table read one row at a time: `push` each row of the sheet in order (the header and
 * any rows above it included), then `finish`. `ingestStaff` pushes a grid's rows; a streaming
 * reader pushes rows as it reads them, so a large file's grid never exists.
 */
export class StaffTableReader {
  private readonly table: TableReader<StaffColumn, StaffRecord>;
  private readonly unmapped = new Map<string, number>();

  constructor(options: IngestOptions<StaffColumn> = {}) {
    this.table = new TableReader(STAFF_COLUMNS, options, (byKey) =>
      staffRowParser(byKey, options, this.unmapped)
    );
  }

  push(cells: readonly unknown[] | undefined): void {
    this.table.push(cells);
  }

  /** Whether any row pushed holds a non-blank cell. */
  get anyData(): boolean {
    return this.table.anyData;
  }

  /** The header row's cells (after `finish`, or once 20 rows are in). */
  get headerCells(): readonly unknown[] {
    return this.table.headerCells;
  }

  finish(): StaffTable {
    const table = this.table.finish();
    // A staff ID used twice is a warning naming both rows (both rows are used). Each person is
    // numbered as it is first seen, for the measures' counts of people.
    const persons = new Map<string, number>();
    const numbers = new Int32Array(table.records.length);
    const firstRow: number[] = [];
    const idHeader = table.columns.find((c) => c.key === "staffId")?.header ?? "Staff ID";
    for (let i = 0; i < table.records.length; i++) {
      const record = table.records[i];
      const n = persons.size;
      const p = persons.get(record.personKey);
      if (p === undefined) {
        persons.set(record.personKey, n);
        firstRow.push(record.row);
        numbers[i] = n;
        continue;
      }
      numbers[i] = p;
      if (record.staffId !== "")
        table.problems.push({
          row: record.row,
          column: idHeader,
          found: record.staffId,
          severity: "warning",
          expected: `a staff ID used once; row ${firstRow[p]} has the same ID (both rows are used; headcount counts the ID once)`,
        });
    }
    numberPersons(table.records, numbers, persons.size);
    // A leaving reason is matched as a team is (trimmed, any case, any run of spaces): each is
    // shown in its most common spelling, so "Retired" and "retired" are one reason everywhere.
    const leavers = table.records.filter((r) => r.leavingReason !== null);
    const reasons = commonSpellings(
      leavers,
      (r) => teamKeyOf(r.leavingReason!),
      (r) => r.leavingReason!
    );
    for (const r of leavers) r.leavingReason = reasons.get(teamKeyOf(r.leavingReason!))!;
    // In sheet order: by row (stable, so a row's problems keep their column order).
    table.problems.sort((x, y) => x.row - y.row);
    const mapped = new Set(table.columns.map((c) => c.key));
    const present = Object.fromEntries(
      STAFF_COLUMNS.filter((c) => !c.required).map((c) => [c.key, mapped.has(c.key)])
    ) as unknown as StaffColumnsPresent;
    return { ...table, present, unmappedRoles: [...this.unmapped.keys()] };
  }
}

/**
 * How one staff row is read: required values leave the row out when bad, optional ones are
 * blanked with a warning. `unmapped` collects role texts not on the ladder (first row of each).
 */
function staffRowParser(
  byKey: Map<StaffColumn, ColumnMatch<StaffColumn>>,
  options: IngestOptions<StaffColumn>,
  unmapped: Map<string, number>
): RowParse<StaffRecord> {
  const { at, header } = columnIndexes(byKey);
  const iStaffId = at("staffId");
  const iTeam = at("team");
  const iRole = at("role");
  const iWorkerType = at("workerType");
  const iFte = at("fte");
  const iStart = at("startDate");
  const iLeave = at("leaveDate");
  const iReason = at("leavingReason");
  const iBirth = at("dateOfBirth");
  const iAge = at("age");
  const iGender = at("gender");
  const iEthnicity = at("ethnicity");
  const iDisability = at("disability");
  const iOrientation = at("sexualOrientation");
  const iCaseload = at("caseload");
  const iSickness = at("sicknessDays");

  const staffIdOf = cellReader("staffId", asText, { remember: false });
  const teamOf = cellReader("team", asText);
  const roleTextOf = cellReader("role", asText);
  const workerTypeOf = cellReader("workerType", parseWorkerType);
  const fteOf = cellReader("fte", parseFte);
  const startOf = cellReader("startDate", parseDateValue, { quick: serialText });
  const leaveOf = cellReader("leaveDate", parseDateValue, { quick: serialText });
  const reasonOf = cellReader("leavingReason", asText);
  const birthOf = cellReader("dateOfBirth", parseDateValue, { quick: serialText });
  const ageOf = cellReader("age", parseAge);
  const genderOf = cellReader("gender", (v) => ({ value: parseGender(v) }));
  const ethnicityOf = cellReader("ethnicity", parseEthnicity);
  const disabilityOf = cellReader("disability", parseYesNo);
  const orientationOf = cellReader("sexualOrientation", (v) => ({ value: parseOrientation(v) }));
  const caseloadOf = cellReader("caseload", asCaseload);
  const sicknessOf = cellReader("sicknessDays", asSicknessDays);
  const roleOf = remembered((v) => roleCodeOf(v, options.roleMap));
  const teamKeyOfText = remembered((v) => teamKeyOf(v as string));

  let cells: readonly unknown[] = [];
  let rowNumber = 0;
  let problems: Problem[] = [];
  const report = (
    key: StaffColumn,
    i: number,
    expected: string,
    severity: Problem["severity"]
  ): void => {
    problems.push({
      row: rowNumber,
      column: header(key),
      found: cellText(i < 0 ? undefined : cells[i]),
      expected,
      severity,
    });
  };
  /** A value: parsed; else a required one (`what` given) is an error, an optional one blanked with a warning. */
  const read = <T>(
    key: StaffColumn,
    i: number,
    reader: (v: unknown) => CellOutcome<T>,
    what: string | null
  ): T | null => {
    const o = reader(i < 0 ? undefined : cells[i]);
    if ("value" in o) return o.value;
    if (o === BLANK) {
      if (what !== null) report(key, i, what, "error");
    } else
      report(
        key,
        i,
        o === ERROR_CELL ? EXCEL_ERROR : (o as { expected: string }).expected,
        what === null ? "warning" : "error"
      );
    return null;
  };

  return (rowCells, row, found) => {
    cells = rowCells;
    rowNumber = row;
    problems = found;
    const workerType = read(
      "workerType",
      iWorkerType,
      workerTypeOf,
      "a worker type (Permanent, Fixed term, Agency, …)"
    );
    const vacant = workerType?.counts === "vacant";
    // A vacant-post row describes a post, not a person: it needs no staff ID or start date.
    const staffId = read("staffId", iStaffId, staffIdOf, vacant ? null : "a staff ID");
    const teamText = read("team", iTeam, teamOf, "a team name");
    const roleText = read("role", iRole, roleTextOf, "a role");
    const fte = read("fte", iFte, fteOf, "a full-time equivalent above 0 and at most 1");
    const start = read("startDate", iStart, startOf, vacant ? null : "a start date");
    const leave = read("leaveDate", iLeave, leaveOf, null);
    if (start !== null && leave !== null && leave < start) {
      report("leaveDate", iLeave, "a leave date on or after the start date", "error");
    }
    if (start !== null && start < EARLIEST_START) {
      report(
        "startDate",
        iStart,
        "a start date after 1950: this looks like a placeholder or a typing error",
        "error"
      );
    }

    const roleCode = roleText === null ? null : roleOf(roleText);
    if (roleText !== null && roleCode === null && !unmapped.has(roleText)) {
      unmapped.set(roleText, rowNumber);
      report(
        "role",
        iRole,
        "a role on the ladder (ASYE, SW1, SW2, AP, TM, SM): kept under its own text as an unmapped role; map it to a code to include it in role tables",
        "warning"
      );
    }
    const ethnicity = read("ethnicity", iEthnicity, ethnicityOf, null);
    let birth = read("dateOfBirth", iBirth, birthOf, null);
    if (birth !== null && birth < EARLIEST_BIRTH) {
      report("dateOfBirth", iBirth, "a date of birth after 1930: left blank", "warning");
      birth = null;
    }
    return {
      row: rowNumber,
      staffId: staffId ?? "",
      personKey: (staffId && matchKey(staffId)) || `row:${rowNumber}`,
      team: teamText ?? "",
      teamKey: teamKeyOfText(teamText ?? ""),
      role: roleCode ?? roleText ?? "",
      roleCode,
      workerType: workerType?.type ?? "Permanent",
      counts: workerType?.counts ?? "socialWorker",
      fte: fte ?? 0,
      start,
      leave,
      leavingReason: read("leavingReason", iReason, reasonOf, null),
      birth,
      age: birth === null ? read("age", iAge, ageOf, null) : null,
      gender: read("gender", iGender, genderOf, null) ?? "Not known",
      ethnicity: ethnicity?.label ?? "Not known",
      ethnicGroup: ethnicity?.group ?? "Not known",
      disability: read("disability", iDisability, disabilityOf, null) ?? "Not known",
      sexualOrientation:
        read("sexualOrientation", iOrientation, orientationOf, null) ?? "Not known",
      caseload: read("caseload", iCaseload, caseloadOf, null),
      sicknessDays: read("sicknessDays", iSickness, sicknessOf, null),
    };
  };
}

/**
 * A parser that remembers its answers: most columns hold a few distinct values (teams, roles,
 * worker types, equality categories), and text matching is most of ingest's cost.
 */
function remembered<T>(parse: (v: unknown) => T, limit = 50_000): (v: unknown) => T {
  const seen = new Map<unknown, T>();
  return (v) => {
    let r = seen.get(v);
    if (r === undefined && !seen.has(v)) {
      r = parse(v);
      if (seen.size < limit) seen.set(v, r);
    }
    return r as T;
  };
}

export function ingestStaff(grid: Grid, options: IngestOptions<StaffColumn> = {}): StaffTable {
  const reader = new StaffTableReader(options);
  for (let i = 0; i < grid.length; i++) reader.push(grid[i]);
  return reader.finish();
}

export function ingestPosts(grid: Grid, options: IngestOptions<PostsColumn> = {}): PostsTable {
  const reader = new TableReader<PostsColumn, PostRecord>(
    POSTS_COLUMNS,
    options,
    (byKey) => (cells, rowNumber, problems) => {
      const cell = (key: PostsColumn) => cells[byKey.get(key)!.index];
      const fail = (key: PostsColumn, expected: string) =>
        problems.push({
          row: rowNumber,
          column: byKey.get(key)!.header,
          found: cellText(cell(key)),
          expected,
          severity: "error",
        });
      const team = cellText(cell("team"));
      const role = cellText(cell("role"));
      if (team === "") fail("team", "a team name");
      if (role === "") fail("role", "a role");
      const funded = parseNonNegative(cell("fundedFte"), "funded FTE");
      if (!("value" in funded) || cellText(cell("fundedFte")) === "")
        fail("fundedFte", "a funded FTE, 0 or more");
      if (problems.length > 0 || !("value" in funded)) return null;
      const roleCode = roleCodeOf(role, options.roleMap);
      return {
        row: rowNumber,
        team,
        teamKey: teamKeyOf(team),
        role: roleCode ?? role,
        roleCode,
        fundedFte: funded.value,
      };
    }
  );
  for (let i = 0; i < grid.length; i++) reader.push(grid[i]);
  return reader.finish();
}

/**
 * Problems that need the as-of date: start dates more than a year after it, leave dates more
 * than two years after it (typing errors such as 2032 for 2023). The rows still count: they are
 * simply not in post at the date. Sheet row numbering, as ingest reports.
 */
export function asOfProblems(staff: StaffTable, asOf: number): Problem[] {
  const header = (key: StaffColumn) => staff.columns.find((c) => c.key === key)?.header ?? key;
  const out: Problem[] = [];
  const iso = ukDateFromSerial;
  const latestStart = addYears(asOf, 1);
  const latestLeave = addYears(asOf, 2);
  for (const r of staff.records) {
    if (r.start !== null && r.start > latestStart) {
      out.push({
        row: r.row,
        column: header("startDate"),
        found: iso(r.start),
        severity: "warning",
        expected: `a start date no later than a year after the as-of date (${iso(asOf)}): check the year`,
      });
    }
    if (r.leave !== null && r.leave > latestLeave) {
      out.push({
        row: r.row,
        column: header("leaveDate"),
        found: iso(r.leave),
        severity: "warning",
        expected: `a leave date no later than two years after the as-of date (${iso(asOf)}): check the year`,
      });
    }
  }
  return out;
}
