/**
 * The ingest as it was before it read rows one at a time (kept as the oracle the streaming
 * ingest in src/core/ingest.ts is tested against: same records, problems and counts).
 *
 * Ingest: a grid of cells (a header row then rows: exactly what Office.js `range.values`, a
 * custom function's range argument, ExcelJS or a CSV give) to canonical records and problems.
 * One ingest for every host.
 */
import { POSTS_COLUMNS, PostsColumn, STAFF_COLUMNS, StaffColumn } from "../../src/core/columns";
import { ColumnMatch, findHeaderRow, matchHeaders } from "../../src/core/headers";
import type { Problem } from "../../src/core/problems";
import type { StaffColumnsPresent, StaffRecord } from "../../src/core/staff";
import { cellText, matchKey, teamKeyOf } from "../../src/core/text";
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
} from "../../src/core/values";
import { serialFromYmd } from "../../src/core/dates";

// The result's shapes are the ingest's own: the oracle must give exactly what it gives.
import type {
  Grid,
  IngestOptions,
  IngestResult,
  PostsTable,
  StaffTable,
} from "../../src/core/ingest";

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
  return (
    typeof value === "string" &&
    /^#(REF!|VALUE!|N\/A|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i.test(
      value.trim()
    )
  );
}

/** Dates earlier than these are placeholders or typing errors, not real starts or births. */
const EARLIEST_START = serialFromYmd(1950, 1, 1);
const EARLIEST_BIRTH = serialFromYmd(1930, 1, 1);

const EXCEL_ERROR = "a value, not an Excel error: fix the formula or the value in the raw table";

/**
 * Reads one row at a time (made once per table, so a million rows make no closures):
 * required values leave the row out when bad, optional ones are blanked with a warning.
 */
class RowParser {
  private cells: readonly unknown[] = [];
  private rowNumber = 0;
  problems: Problem[] = [];
  private readonly index: Partial<Record<StaffColumn, number>> = {};
  private readonly headers: Partial<Record<StaffColumn, string>> = {};

  constructor(columns: Map<StaffColumn, ColumnMatch<StaffColumn>>) {
    for (const [key, c] of columns) {
      this.index[key] = c.index;
      this.headers[key] = c.header;
    }
  }

  start(cells: readonly unknown[], rowNumber: number): void {
    this.cells = cells;
    this.rowNumber = rowNumber;
    this.problems = [];
  }

  cell(key: StaffColumn): unknown {
    const i = this.index[key];
    return i === undefined ? undefined : this.cells[i];
  }

  blank(key: StaffColumn): boolean {
    const i = this.index[key];
    return i === undefined || isBlankCell(this.cells[i], key);
  }

  readonly report = (key: StaffColumn, expected: string, severity: Problem["severity"]): void => {
    this.problems.push({
      row: this.rowNumber,
      column: this.headers[key]!,
      found: cellText(this.cell(key)),
      expected,
      severity,
    });
  };

  /** An optional value: parsed, or blanked with a warning. */
  readonly optional = <T>(key: StaffColumn, parse: (v: unknown) => Parsed<T>): T | null => {
    if (this.blank(key)) return null;
    if (isExcelError(this.cell(key))) {
      this.report(key, EXCEL_ERROR, "warning");
      return null;
    }
    const p = parse(this.cell(key));
    if ("value" in p) return p.value;
    this.report(key, p.expected, "warning");
    return null;
  };

  /** A required value: parsed, or an error that leaves the row out. */
  readonly required = <T>(
    key: StaffColumn,
    parse: (v: unknown) => Parsed<T>,
    what: string
  ): T | null => {
    if (this.blank(key)) {
      this.report(key, what, "error");
      return null;
    }
    if (isExcelError(this.cell(key))) {
      this.report(key, EXCEL_ERROR, "error");
      return null;
    }
    const p = parse(this.cell(key));
    if ("value" in p) return p.value;
    this.report(key, p.expected, "error");
    return null;
  };
}

function readHeader<K extends string>(
  grid: Grid,
  specs: Parameters<typeof matchHeaders<K>>[1],
  options: IngestOptions<K>
) {
  const firstRow = options.firstRow ?? 1;
  const headerIndex =
    options.headerRow !== undefined && grid.length > 0
      ? Math.max(0, Math.min(grid.length - 1, options.headerRow - firstRow))
      : findHeaderRow(grid, specs);
  const headerRow = firstRow + headerIndex;
  const { columns, problems } = matchHeaders(
    grid[headerIndex] ?? [],
    specs,
    headerRow,
    options.mapping
  );
  const headerFound = grid.length > 0 && columns.length > 0;
  const fatal = problems.some((p) => p.severity === "error");
  return { firstRow, headerIndex, headerRow, columns, problems, headerFound, fatal };
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

/** One data row's outcome: its record (null when it could not be read at all) and its problems. */
interface RowOutcome<R> {
  record: R | null;
  problems: Problem[];
}

/**
 * The loop every table shares: find the header, skip blank rows, read each row with
 * `parseRow`, report its problems in the sheet's column order, leave out a row with an error,
 * and show each team in its most common spelling.
 */
function ingestRows<K extends string, R extends { team: string; teamKey: string }>(
  grid: Grid,
  specs: Parameters<typeof matchHeaders<K>>[1],
  options: IngestOptions<K>,
  parseRow: (
    cells: readonly unknown[],
    rowNumber: number,
    byKey: Map<K, ColumnMatch<K>>
  ) => RowOutcome<R>
): IngestResult<K, R> {
  const head = readHeader(grid, specs, options);
  const { firstRow, headerIndex, columns, problems } = head;
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const order = (p: Problem) => columns.findIndex((c) => c.header === p.column);
  const records: R[] = [];
  let rowsRead = 0;
  let rowsLeftOut = 0;
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells = grid[i];
    if (isBlankRow(cells)) continue;
    rowsRead++;
    if (head.fatal) {
      rowsLeftOut++;
      continue;
    }
    const { record, problems: rowProblems } = parseRow(cells, firstRow + i, byKey);
    if (rowProblems.length > 1) rowProblems.sort((x, y) => order(x) - order(y));
    for (const p of rowProblems) problems.push(p);
    if (record === null || rowProblems.some((p) => p.severity === "error")) {
      rowsLeftOut++;
      continue;
    }
    records.push(record);
  }
  const spellings = commonSpellings(
    records,
    (r) => r.teamKey,
    (r) => r.team
  );
  for (const rec of records) rec.team = spellings.get(rec.teamKey) ?? rec.team;
  return {
    records,
    problems,
    columns,
    headerRow: head.headerRow,
    rowsRead,
    rowsLeftOut,
    headerFound: head.headerFound,
  };
}

export function ingestStaffReference(
  grid: Grid,
  options: IngestOptions<StaffColumn> = {}
): StaffTable {
  const workerTypeOf = remembered(parseWorkerType);
  const roleOf = remembered((v) => roleCodeOf(v, options.roleMap));
  const genderOf = remembered(parseGender);
  const ethnicityOf = remembered(parseEthnicity);
  const yesNoOf = remembered(parseYesNo);
  const orientationOf = remembered(parseOrientation);
  const dateOf = remembered(parseDateValue);
  const teamKeyOfText = remembered((v) => teamKeyOf(v as string));
  const unmapped = new Map<string, number>();
  let r: RowParser | null = null;

  const table = ingestRows(grid, STAFF_COLUMNS, options, (cells, rowNumber, byKey) => {
    r ??= new RowParser(byKey);
    r.start(cells, rowNumber);
    const { report, optional, required } = r;
    const workerType = required(
      "workerType",
      workerTypeOf,
      "a worker type (Permanent, Fixed term, Agency, …)"
    );
    const vacant = workerType?.counts === "vacant";
    // A vacant-post row describes a post, not a person: it needs no staff ID or start date.
    const staffId = vacant
      ? (optional("staffId", asText) ?? "")
      : required("staffId", asText, "a staff ID");
    const teamText = required("team", asText, "a team name");
    const roleText = required("role", asText, "a role");
    const fte = required("fte", parseFte, "a full-time equivalent above 0 and at most 1");
    const start = vacant
      ? optional("startDate", dateOf)
      : required("startDate", dateOf, "a start date");
    const leave = optional("leaveDate", dateOf);
    if (start !== null && leave !== null && leave < start) {
      report("leaveDate", "a leave date on or after the start date", "error");
    }
    if (start !== null && start < EARLIEST_START) {
      report(
        "startDate",
        "a start date after 1950: this looks like a placeholder or a typing error",
        "error"
      );
    }

    const roleCode = roleText === null ? null : roleOf(roleText);
    if (roleText !== null && roleCode === null && !unmapped.has(roleText)) {
      unmapped.set(roleText, rowNumber);
      report(
        "role",
        "a role on the ladder (ASYE, SW1, SW2, AP, TM, SM): kept under its own text as an unmapped role; map it to a code to include it in role tables",
        "warning"
      );
    }
    const ethnicity = optional("ethnicity", ethnicityOf);
    let birth = optional("dateOfBirth", dateOf);
    if (birth !== null && birth < EARLIEST_BIRTH) {
      report("dateOfBirth", "a date of birth after 1930: left blank", "warning");
      birth = null;
    }
    const record: StaffRecord = {
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
      leavingReason: optional("leavingReason", asText),
      birth,
      age: birth === null ? optional("age", parseAge) : null,
      gender: optional("gender", (v) => ({ value: genderOf(v) })) ?? "Not known",
      ethnicity: ethnicity?.label ?? "Not known",
      ethnicGroup: ethnicity?.group ?? "Not known",
      disability: optional("disability", yesNoOf) ?? "Not known",
      sexualOrientation:
        optional("sexualOrientation", (v) => ({ value: orientationOf(v) })) ?? "Not known",
      caseload: optional("caseload", asCaseload),
      sicknessDays: optional("sicknessDays", asSicknessDays),
    };

    return { record, problems: r.problems };
  });

  // A staff ID used twice is a warning naming both rows (both rows are used).
  const seenIds = new Map<string, number>();
  const idHeader = table.columns.find((c) => c.key === "staffId")?.header ?? "Staff ID";
  for (const record of table.records) {
    if (record.staffId === "") continue;
    const first = seenIds.get(record.personKey);
    if (first === undefined) seenIds.set(record.personKey, record.row);
    else
      table.problems.push({
        row: record.row,
        column: idHeader,
        found: record.staffId,
        severity: "warning",
        expected: `a staff ID used once; row ${first} has the same ID (both rows are used; headcount counts the ID once)`,
      });
  }
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
  return { ...table, present, unmappedRoles: [...unmapped.keys()] };
}

export function ingestPostsReference(
  grid: Grid,
  options: IngestOptions<PostsColumn> = {}
): PostsTable {
  return ingestRows(grid, POSTS_COLUMNS, options, (cells, rowNumber, byKey) => {
    const cell = (key: PostsColumn) => cells[byKey.get(key)!.index];
    const problems: Problem[] = [];
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
    if (problems.length > 0 || !("value" in funded)) return { record: null, problems };
    const roleCode = roleCodeOf(role, options.roleMap);
    return {
      record: {
        row: rowNumber,
        team,
        teamKey: teamKeyOf(team),
        role: roleCode ?? role,
        roleCode,
        fundedFte: funded.value,
      },
      problems,
    };
  });
}
