/**
 * What the product writes into a workbook, described without any host: sheets the product
 * owns, rectangular blocks of cells (literal values or native formulas with core's value for
 * each), Excel tables, charts bound to cell ranges, defined names, validation lists and number
 * formats. The Office.js adapter and the .xlsx adapter each turn a WorkbookPlan into a workbook.
 *
 * Rows and columns are 0-based offsets on the sheet (row 0, column 0 is A1).
 */

export type CellStyle =
  | "title"
  | "subtitle"
  | "header"
  | "label"
  | "input"
  | "note"
  | "total"
  | "keypoint"
  | "provenance";

export interface CellSpec {
  /** A literal value. Text is always written as text, never read as a formula. */
  value?: string | number | boolean | null;
  /** A native formula ("=SUMIFS(…)"); `value` then holds what core computed for it. */
  formula?: string;
  /** An Excel number format, e.g. "0.0%", "0.0", "dd/mm/yyyy". */
  format?: string;
  style?: CellStyle;
  /** What disclosure control needs to know about a figure that describes people (`metrics.md`, "Small numbers"). */
  disclosure?: Disclosure;
  /** What a shareable copy (values only, read without the pane) says instead of this text. */
  shareable?: string;
}

export interface Disclosure {
  /** Cells of one table share a key; secondary suppression works within a table's rows and columns. */
  table: string;
  /**
   * People in the group the cell's row describes, counted in the population the table describes
   * (a team's social workers in post, a role's, a reason's leavers); for a total row, the service's.
   */
  group: number;
  /** A count of people. */
  count?: number;
  /** A share of people: its numerator and denominator (people with a known value). */
  numerator?: number;
  denominator?: number;
  /** The people behind a figure that is not a count (the leavers behind a leavers FTE). */
  people?: number;
  /** A share or rate of the group: 0 % or 100 % of a small group says something about every person. */
  share?: boolean;
  /** Figures of one row about the same people (its leavers, its agency workers): hidden together. */
  bundle?: string;
  /**
   * Figures of one row that add up (FTE by role and the FTE; the shares of one equality field
   * and what is left of it): one hidden alone could be worked out from the others.
   */
  sum?: string;
  /** A total row: shown as it is, but the figures above it must not be recoverable from it. */
  total?: boolean;
}

export interface BlockSpec {
  row: number;
  column: number;
  cells: CellSpec[][];
}

/** An Excel table: its header row is cells[0] of the block; the rest is its body. */
export interface TableSpec extends BlockSpec {
  name: string;
  /** Excel table style name, e.g. "TableStyleLight9". */
  style?: string;
}

export interface RangeSpec {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * An Excel table over cells the sheet's blocks already hold (the summary's tables): its first
 * row is the header row (text, unique, none empty), the rest its body. It holds no cells of its
 * own, so a change to the blocks (the shareable copy's suppression) is what the table shows.
 */
export interface TableRangeSpec {
  name: string;
  range: RangeSpec;
  /** Excel table style name, e.g. "TableStyleLight9". */
  style?: string;
}

/** How a sheet prints (`print-layout.ts` works it out for the summary). */
export interface PrintSpec {
  orientation: "landscape" | "portrait";
  /** Fit the printed columns to one page wide (as many pages tall as needed). */
  fitToWidth: boolean;
  /** 0-based rows repeated at the top of every printed page (first and last, inclusive). */
  titleRows?: { first: number; last: number };
  /** 0-based rows that start a new printed page (manual page breaks above them). */
  rowBreaks: number[];
  /** The print area. */
  area: RangeSpec;
  /** Rows where the sheet's parts start (where a page breaks by preference), kept for a re-layout. */
  sections: number[];
}

export type ChartType =
  "line" | "columnClustered" | "columnStacked" | "columnStacked100" | "barClustered";

export interface ChartSpec {
  title: string;
  /** Alt text for screen readers: what the chart shows, in a sentence. */
  altText: string;
  type: ChartType;
  /** The category labels (one row or one column of cells). */
  categories: RangeSpec;
  /** One series per row (or column) of values, each named from a cell or a literal. */
  series: { name: string; values: RangeSpec }[];
  /** Where the chart sits: top-left cell and size in cells. */
  anchor: RangeSpec;
}

export interface ValidationSpec {
  range: RangeSpec;
  list: string[];
  prompt?: string;
}

export interface ConditionalFormatSpec {
  range: RangeSpec;
  operator: "greaterThan" | "lessThan";
  /** The threshold as a formula without "=", e.g. "WFS_CaseloadTarget" (hosts write `numberRuleFormula`). */
  formula: string;
  /** "warning": dark red text on a light red fill (contrast over 7:1), never colour alone: the cells keep their numbers. */
  style: "warning";
}

export interface SheetSpec {
  /** The owner marker stored in the workbook: how a rebuild finds (and replaces) only this sheet. */
  key:
    | "summary"
    | "data"
    | "staff-template"
    | "posts-template"
    | "comparators-template"
    | "census-staff"
    | "shareable"
    | "census-return";
  /** The name wanted; the host picks another ("… (2)") when a user's sheet already has it. */
  preferredName: string;
  blocks: BlockSpec[];
  tables: TableSpec[];
  charts: ChartSpec[];
  /** Workbook-level defined names pointing at one cell or range of this sheet. */
  names: { name: string; range: RangeSpec }[];
  validations: ValidationSpec[];
  /** Cells highlighted when their value passes a threshold (a formula or a name), e.g. above target. */
  conditionalFormats?: ConditionalFormatSpec[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Freeze the top rows (e.g. a table header). */
  freezeRows?: number;
  /** Excel tables over cells of `blocks` (a header row, then the body). */
  tableRanges?: TableRangeSpec[];
  /**
   * Paragraphs: one row's cells merged across, the text wrapped and top-aligned (a key point, a
   * long note), so it reads as one line of a page. Never inside a table.
   */
  paragraphs?: RangeSpec[];
  /** Row heights in points, by 0-based row (rows not listed keep the default height). */
  rowHeights?: { row: number; points: number }[];
  print?: PrintSpec;
}

/** The workbook's document properties (File > Info): what a screen reader announces first. */
export interface DocumentProperties {
  title: string;
  subject: string;
}

export interface WorkbookPlan {
  sheets: SheetSpec[];
  /**
   * Set on the workbook where it has no title of its own, or the product's (a title starting
   * with the same words): a user's own title is never replaced.
   */
  properties?: DocumentProperties;
}

/**
 * Template sheets (and a census return imported as a staff table, and the sheets that stand in
 * for a file Excel cannot save: the shareable summary, a census return's XML) are handed to the
 * user: written once, never marked as the product's, never
 * replaced (inserting the template again adds "Staff (2)"), so filling one in can never be
 * undone by the product.
 */
export function isHandedToUser(key: SheetSpec["key"]): boolean {
  return (
    key.endsWith("-template") ||
    key === "census-staff" ||
    key === "shareable" ||
    key === "census-return"
  );
}

/**
 * The plan with its template tables renamed (Staff → Staff2 …) where the workbook already has a
 * table or name of that name, so inserting the template twice never fails. `taken` is lower case.
 */
export function withFreeTemplateTableNames(
  plan: WorkbookPlan,
  taken: ReadonlySet<string>
): WorkbookPlan {
  const used = new Set(taken);
  const free = <T extends { name: string }>(t: T): T => {
    let name = t.name;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${t.name}${n}`;
    used.add(name.toLowerCase());
    return name === t.name ? t : { ...t, name };
  };
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => {
      if (!isHandedToUser(sheet.key)) return sheet;
      return {
        ...sheet,
        tables: sheet.tables.map(free),
        ...(sheet.tableRanges ? { tableRanges: sheet.tableRanges.map(free) } : {}),
      };
    }),
  };
}

/** The names of a sheet's Excel tables: those with cells of their own and those over its blocks. */
export function tableNames(sheet: Pick<SheetSpec, "tables" | "tableRanges">): string[] {
  return [...sheet.tables, ...(sheet.tableRanges ?? [])].map((t) => t.name);
}

/**
 * The rule a conditional format is written with, in both hosts: a formula relative to the
 * range's top-left cell that is true for numbers past the threshold only, e.g.
 * `AND(ISNUMBER(C40),C40>WFS_CaseloadTarget)`. A plain "cell value greater than" rule would
 * also mark "n/a": Excel (and LibreOffice) rank any text above every number in a comparison.
 */
export function numberRuleFormula(spec: ConditionalFormatSpec): string {
  const cell = cellAddress(spec.range.row, spec.range.column);
  const op = spec.operator === "greaterThan" ? ">" : "<";
  return `AND(ISNUMBER(${cell}),${cell}${op}${spec.formula})`;
}

/**
 * Whether a host may set the plan's title on a workbook whose title is `current`: when it has
 * none, or has one the product set (the same words before the first comma). A user's own title
 * is never replaced.
 */
export function mayReplaceTitle(current: string | null | undefined, wanted: string): boolean {
  if (!current || current.trim() === "") return true;
  const stem = (t: string) => t.split(",")[0].trim().toLowerCase();
  return stem(current) === stem(wanted);
}

/** "A1"-style address of a 0-based cell. */
export function cellAddress(row: number, column: number, absolute = false): string {
  let col = "";
  let n = column + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    col = String.fromCharCode(65 + r) + col;
    n = Math.floor((n - 1) / 26);
  }
  return absolute ? `$${col}$${row + 1}` : `${col}${row + 1}`;
}

export function rangeAddress(r: RangeSpec, absolute = false): string {
  const a = cellAddress(r.row, r.column, absolute);
  if (r.rows === 1 && r.columns === 1) return a;
  return `${a}:${cellAddress(r.row + r.rows - 1, r.column + r.columns - 1, absolute)}`;
}

/**
 * Text that a spreadsheet would read as a formula or a number when typed (=, +, -, @): hosts
 * write such text with a leading apostrophe or as a text-formatted cell, so it stays literal.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
