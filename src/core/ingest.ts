/**
 * Ingest: a grid of cells (a header row then rows: exactly what Office.js `range.values`, a
 * custom function's range argument, ExcelJS or a CSV give) to canonical records and problems.
 * One ingest for every host.
 */
import { POSTS_COLUMNS, PostsColumn, STAFF_COLUMNS, StaffColumn } from "./columns";
import { ColumnMapping, ColumnMatch, findHeaderRow, matchHeaders } from "./headers";
import type { Problem } from "./problems";
import type { PostRecord, StaffColumnsPresent, StaffRecord } from "./staff";
import { cellText, matchKey, teamKeyOf } from "./text";
import {
  Parsed, parseAge, parseDateValue, parseEthnicity, parseFte, parseGender, parseNonNegative,
  parseOrientation, parseWholeNumber, parseWorkerType, parseYesNo, roleCodeOf,
} from "./values";
import type { RoleCode } from "./vocabulary";

export type Grid = readonly (readonly unknown[])[];

export interface IngestOptions<K extends string> {
  /** Canonical column → header text or 0-based index; wins over recognition. */
  mapping?: ColumnMapping<K>;
  /** Role text → ladder code, for roles the ladder does not know. */
  roleMap?: Readonly<Record<string, RoleCode>>;
  /** The sheet row number of grid[0] (default 1). */
  firstRow?: number;
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
  "staffId", "team", "role", "workerType", "startDate", "leaveDate", "leavingReason", "dateOfBirth", "age",
  "gender", "ethnicity", "disability", "sexualOrientation",
]);

function isBlankCell(value: unknown, key: StaffColumn | PostsColumn): boolean {
  if (value === 0 && ZERO_IS_BLANK.has(key as StaffColumn)) return true;
  return cellText(value) === "";
}

function isBlankRow(row: readonly unknown[] | undefined): boolean {
  return !row || row.every((v) => cellText(v) === "");
}

/** Most common spelling of each team key (ties: the first seen). */
function teamSpellings(records: { teamKey: string; team: string }[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const r of records) {
    let byText = counts.get(r.teamKey);
    if (!byText) counts.set(r.teamKey, (byText = new Map()));
    byText.set(r.team, (byText.get(r.team) ?? 0) + 1);
  }
  const best = new Map<string, string>();
  for (const [key, byText] of counts) {
    let top = ""; let n = -1;
    for (const [text, c] of byText) if (c > n) { top = text; n = c; }
    best.set(key, top);
  }
  return best;
}

interface RowReader<K extends string> {
  cell(key: K): unknown;
  has(key: K): boolean;
  blank(key: K): boolean;
  header(key: K): string;
}

function rowReader<K extends string>(row: readonly unknown[], columns: Map<K, ColumnMatch<K>>): RowReader<K> {
  return {
    cell: (key) => { const c = columns.get(key); return c ? row[c.index] : undefined; },
    has: (key) => columns.has(key),
    blank: (key) => { const c = columns.get(key); return !c || isBlankCell(row[c.index], key as StaffColumn); },
    header: (key) => columns.get(key)!.header,
  };
}

function readHeader<K extends string>(
  grid: Grid, specs: Parameters<typeof matchHeaders<K>>[1], options: IngestOptions<K>,
) {
  const firstRow = options.firstRow ?? 1;
  const headerIndex = findHeaderRow(grid, specs);
  const headerRow = firstRow + headerIndex;
  const { columns, problems } = matchHeaders(grid[headerIndex] ?? [], specs, headerRow, options.mapping);
  const headerFound = grid.length > 0 && columns.length > 0;
  const fatal = problems.some((p) => p.severity === "error");
  return { firstRow, headerIndex, headerRow, columns, problems, headerFound, fatal };
}

export function ingestStaff(grid: Grid, options: IngestOptions<StaffColumn> = {}): StaffTable {
  const head = readHeader(grid, STAFF_COLUMNS, options);
  const { firstRow, headerIndex, columns, problems } = head;
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const records: StaffRecord[] = [];
  const unmapped = new Map<string, number>();
  const seenIds = new Map<string, number>();
  let rowsRead = 0;
  let rowsLeftOut = 0;

  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells = grid[i];
    if (isBlankRow(cells)) continue;
    rowsRead++;
    if (head.fatal) { rowsLeftOut++; continue; }
    const rowNumber = firstRow + i;
    const r = rowReader(cells, byKey);
    const rowProblems: Problem[] = [];
    const report = (key: StaffColumn, expected: string, severity: Problem["severity"]) =>
      rowProblems.push({ row: rowNumber, column: r.header(key), found: cellText(r.cell(key)), expected, severity });
    /** An optional value: parsed, or blanked with a warning. */
    const optional = <T>(key: StaffColumn, parse: (v: unknown) => Parsed<T>): T | null => {
      if (r.blank(key)) return null;
      const p = parse(r.cell(key));
      if ("value" in p) return p.value;
      report(key, p.expected, "warning");
      return null;
    };
    /** A required value: parsed, or an error that leaves the row out. */
    const required = <T>(key: StaffColumn, parse: (v: unknown) => Parsed<T>, what: string): T | null => {
      if (r.blank(key)) { report(key, what, "error"); return null; }
      const p = parse(r.cell(key));
      if ("value" in p) return p.value;
      report(key, p.expected, "error");
      return null;
    };
    const text = (v: unknown): Parsed<string> => ({ value: cellText(v) });

    const workerType = required("workerType", parseWorkerType, "a worker type (Permanent, Fixed term, Agency, …)");
    const vacant = workerType?.counts === "vacant";
    // A vacant-post row describes a post, not a person: it needs no staff ID or start date.
    const staffId = vacant ? optional("staffId", text) ?? "" : required("staffId", text, "a staff ID");
    const teamText = required("team", text, "a team name");
    const roleText = required("role", text, "a role");
    const fte = required("fte", parseFte, "a full-time equivalent above 0 and at most 1");
    const start = vacant ? optional("startDate", parseDateValue) : required("startDate", parseDateValue, "a start date");
    const leave = optional("leaveDate", parseDateValue);
    if (start !== null && leave !== null && leave < start) {
      report("leaveDate", "a leave date on or after the start date", "error");
    }

    const roleCode = roleText === null ? null : roleCodeOf(roleText, options.roleMap);
    if (roleText !== null && roleCode === null && !unmapped.has(roleText)) {
      unmapped.set(roleText, rowNumber);
      report("role", "a role on the ladder (ASYE, SW1, SW2, AP, TM, SM): kept under its own text as an unmapped role; map it to a code to include it in role tables", "warning");
    }
    const ethnicity = optional("ethnicity", parseEthnicity);
    const birth = optional("dateOfBirth", parseDateValue);
    const record: StaffRecord = {
      row: rowNumber,
      staffId: staffId ?? "",
      team: teamText ?? "",
      teamKey: teamKeyOf(teamText ?? ""),
      role: roleCode ?? roleText ?? "",
      roleCode,
      workerType: workerType?.type ?? "Permanent",
      counts: workerType?.counts ?? "socialWorker",
      fte: fte ?? 0,
      start,
      leave,
      leavingReason: optional("leavingReason", text),
      birth,
      age: birth === null ? optional("age", parseAge) : null,
      gender: r.blank("gender") ? "Not known" : parseGender(r.cell("gender")),
      ethnicity: ethnicity?.label ?? "Not known",
      ethnicGroup: ethnicity?.group ?? "Not known",
      disability: optional("disability", parseYesNo) ?? "Not known",
      sexualOrientation: r.blank("sexualOrientation") ? "Not known" : parseOrientation(r.cell("sexualOrientation")),
      caseload: optional("caseload", (v) => parseWholeNumber(v, "a caseload")),
      sicknessDays: optional("sicknessDays", (v) => parseNonNegative(v, "sickness days")),
    };

    const order = (p: Problem) => columns.findIndex((c) => c.header === p.column);
    problems.push(...rowProblems.sort((a, b) => order(a) - order(b)));
    if (rowProblems.some((p) => p.severity === "error")) { rowsLeftOut++; continue; }
    if (record.staffId !== "") {
      const idKey = matchKey(record.staffId) || record.staffId;
      const first = seenIds.get(idKey);
      if (first !== undefined) {
        problems.push({ row: rowNumber, column: r.header("staffId"), found: record.staffId, severity: "warning",
          expected: `a staff ID used once; row ${first} has the same ID (both rows are used; headcount counts the ID once)` });
      } else seenIds.set(idKey, rowNumber);
    }
    records.push(record);
  }

  const spellings = teamSpellings(records);
  for (const rec of records) rec.team = spellings.get(rec.teamKey) ?? rec.team;
  const present = Object.fromEntries(
    (["leaveDate", "leavingReason", "dateOfBirth", "age", "gender", "ethnicity", "disability", "sexualOrientation", "caseload", "sicknessDays"] as const)
      .map((k) => [k, byKey.has(k)]),
  ) as unknown as StaffColumnsPresent;

  return {
    records, problems, columns, headerRow: head.headerRow, rowsRead, rowsLeftOut,
    headerFound: head.headerFound, present, unmappedRoles: [...unmapped.keys()],
  };
}

export function ingestPosts(grid: Grid, options: IngestOptions<PostsColumn> = {}): PostsTable {
  const head = readHeader(grid, POSTS_COLUMNS, options);
  const { firstRow, headerIndex, columns, problems } = head;
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const records: PostRecord[] = [];
  let rowsRead = 0;
  let rowsLeftOut = 0;
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells = grid[i];
    if (isBlankRow(cells)) continue;
    rowsRead++;
    if (head.fatal) { rowsLeftOut++; continue; }
    const rowNumber = firstRow + i;
    const r = rowReader(cells, byKey);
    const rowProblems: Problem[] = [];
    const fail = (key: PostsColumn, expected: string) =>
      rowProblems.push({ row: rowNumber, column: r.header(key), found: cellText(r.cell(key)), expected, severity: "error" });
    const team = cellText(r.cell("team"));
    const role = cellText(r.cell("role"));
    if (team === "") fail("team", "a team name");
    if (role === "") fail("role", "a role");
    const funded = parseNonNegative(r.cell("fundedFte"), "funded FTE");
    if (!("value" in funded) || r.blank("fundedFte")) fail("fundedFte", "a funded FTE, 0 or more");
    problems.push(...rowProblems);
    if (rowProblems.length > 0) { rowsLeftOut++; continue; }
    const roleCode = roleCodeOf(role, options.roleMap);
    records.push({ row: rowNumber, team, teamKey: teamKeyOf(team), role: roleCode ?? role, roleCode,
      fundedFte: "value" in funded ? funded.value : 0 });
  }
  const spellings = teamSpellings(records);
  for (const rec of records) rec.team = spellings.get(rec.teamKey) ?? rec.team;
  return { records, problems, columns, headerRow: head.headerRow, rowsRead, rowsLeftOut, headerFound: head.headerFound };
}

