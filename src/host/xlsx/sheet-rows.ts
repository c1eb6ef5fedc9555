/**
 * A plan sheet's cells as worksheet XML, written by the adapter itself rather than through
 * ExcelJS's object model: the <sheetData> rows (as a stream of text chunks), the <dimension>,
 * <mergeCells> and the table parts. Text goes into the shared strings part, formats into the
 * styles part (`cell-styles.ts`); a formula is written with its cached value, as
 * `cell-values.ts` says. Pure: no Node or DOM API.
 */
import { EXCEL_ERRORS } from "../../core/excel-errors";
import { cellAddress, rangeAddress } from "../../core/summary/plan";
import type { CellSpec, CellStyle, RangeSpec, SheetSpec } from "../../core/summary/plan";
import type { CellStyles } from "./cell-styles";
import { fileFormula } from "./cell-values";
import { escapeXml, findElement } from "./xml";

const ERROR_VALUES = new Set<string>(EXCEL_ERRORS);
/** Rows per chunk of the stream (a chunk is short-lived: fewer strings outlive a young-generation collection). */
const ROWS_PER_CHUNK = 200;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function esc(text: string): string {
  return NEEDS_ESCAPE.test(text) ? escapeXml(text) : text;
}

const columnNames: string[] = [];
function columnName(c: number): string {
  let name = columnNames[c];
  if (name === undefined) {
    name = cellAddress(0, c).replace(/\d+$/, "");
    columnNames[c] = name;
  }
  return name;
}

/** The workbook's shared strings: the part another writer made, with this save's text appended. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private readonly existing: number;
  /** Cells that refer to a shared string (the part's `count`). */
  private uses = 0;

  constructor(private readonly xml: string | null) {
    this.existing = xml ? (xml.match(/<(?:\w+:)?si[\s>/]/g) ?? []).length : 0;
    const count = xml ? /<(?:\w+:)?sst\b[^>]*\bcount="(\d+)"/.exec(xml) : null;
    this.uses = count ? Number(count[1]) : this.existing;
  }

  id(text: string): number {
    this.uses++;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.existing + this.added.length;
      this.index.set(text, id);
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
      this.added.push(`<si><t${space}>${esc(text)}</t></si>`);
    }
    return id;
  }

  /** The shared strings part with this save's strings. */
  sstXml(): string {
    const total = this.existing + this.added.length;
    const open = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${total}">`;
    if (!this.xml) {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${open}${this.added.join("")}</sst>`;
    }
    const el = findElement(this.xml, "sst");
    if (!el) throw new Error("The shared strings part has no <sst> element.");
    const start = /^<[^>]*?\/?>/.exec(el.text)![0];
    const body = start.endsWith("/>") ? "" : el.text.slice(start.length, el.text.lastIndexOf("</"));
    const root = start
      .replace(/\/>$/, ">")
      .replace(/\s(count|uniqueCount)="\d*"/g, "")
      .replace(/^<((?:\w+:)?sst)/, `<$1 count="${this.uses}" uniqueCount="${total}"`);
    const prefix = el.prefix;
    const added = prefix
      ? this.added.join("").replace(/<(\/?)(si|t)\b/g, `<$1${prefix}$2`)
      : this.added.join("");
    return (
      this.xml.slice(0, el.start) + root + body + added + `</${prefix}sst>` + this.xml.slice(el.end)
    );
  }
}

/**
 * A cell to write: a plan cell, or a plain value (a CSV's cell) with no format or style, where
 * empty text is an empty cell (a plan cell's empty text is written as text).
 */
export type SheetCell = CellSpec | string | number | boolean | null | undefined;

/** A rectangle of cells from (row, column), 0-based. */
export interface SheetBlock {
  row: number;
  column: number;
  cells: readonly (readonly SheetCell[])[];
}

/** What the writer needs of a sheet: its blocks, and cells shown otherwise (a table's header). */
export interface SheetCells {
  blocks: readonly SheetBlock[];
  /** Text written instead of a cell's value, by row then column (a table header's column name). */
  headers: ReadonlyMap<number, ReadonlyMap<number, string>>;
  /** Paragraphs: their first cell is wrapped and top-aligned; the range merged. */
  paragraphs: readonly RangeSpec[];
  rowHeights: readonly { row: number; points: number }[];
}

/** The cells of a plan sheet, with its tables' header names (`columnNames` of each table's range). */
export function planSheetCells(
  spec: SheetSpec,
  tableHeaders: readonly { row: number; column: number; names: string[] }[]
): SheetCells {
  const headers = new Map<number, Map<number, string>>();
  for (const t of tableHeaders) {
    const row = headers.get(t.row) ?? new Map<number, string>();
    t.names.forEach((name, j) => row.set(t.column + j, name));
    headers.set(t.row, row);
  }
  return {
    blocks: [...spec.blocks, ...spec.tables],
    headers,
    paragraphs: spec.paragraphs ?? [],
    rowHeights: spec.rowHeights ?? [],
  };
}

/** A cell that writes nothing (no value, formula, format or style): it does not hide one under it. */
function isBlank(cell: SheetCell): boolean {
  if (cell === null || cell === undefined || cell === "") return true;
  if (typeof cell !== "object")
    return typeof cell !== "number" && typeof cell !== "boolean" && typeof cell !== "string";
  return (
    cell.formula === undefined &&
    (cell.value === null || cell.value === undefined) &&
    !cell.format &&
    !cell.style
  );
}

/** The range the sheet's cells cover ("A1" when none), for <dimension>. */
export function dimensionRef(sheet: SheetCells): string {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const b of sheet.blocks) {
    let width = 0;
    for (const row of b.cells) width = Math.max(width, row.length);
    if (b.cells.length === 0 || width === 0) continue;
    top = Math.min(top, b.row);
    left = Math.min(left, b.column);
    bottom = Math.max(bottom, b.row + b.cells.length - 1);
    right = Math.max(right, b.column + width - 1);
  }
  if (bottom < 0) return "A1";
  return rangeAddress({
    row: top,
    column: left,
    rows: bottom - top + 1,
    columns: right - left + 1,
  });
}

/** <mergeCells> for the paragraphs that span more than one cell, or "" when none do. */
export function mergeCellsXml(paragraphs: readonly RangeSpec[]): string {
  const merged = paragraphs.filter((p) => p.rows > 1 || p.columns > 1);
  if (merged.length === 0) return "";
  const items = merged.map((p) => `<mergeCell ref="${rangeAddress(p)}"/>`).join("");
  return `<mergeCells count="${merged.length}">${items}</mergeCells>`;
}

/**
 * The <sheetData> element as chunks of text. Where blocks overlap, the later block's cell wins
 * (unless it is blank), as when the blocks are written one after another.
 */
export function* sheetDataChunks(
  sheet: SheetCells,
  styles: CellStyles,
  strings: SharedStrings
): Generator<string> {
  const blocks = sheet.blocks.filter((b) => b.cells.length > 0);
  const heights = new Map(sheet.rowHeights.map((h) => [h.row, h.points]));
  const paragraphStarts = new Map<number, Set<number>>();
  for (const p of sheet.paragraphs) {
    const set = paragraphStarts.get(p.row) ?? new Set<number>();
    set.add(p.column);
    paragraphStarts.set(p.row, set);
  }
  let last = -1;
  for (const b of blocks) last = Math.max(last, b.row + b.cells.length - 1);
  for (const r of heights.keys()) last = Math.max(last, r);
  for (const r of paragraphStarts.keys()) last = Math.max(last, r);

  // Styles by plan style then number format (a Map lookup per cell, no key strings), and the
  // last one asked for in each column (a column's cells mostly look alike).
  const lookCache = new Map<string | undefined, Map<string | undefined, number>>();
  const lookOf = (style: CellStyle | undefined, format: string | undefined): number => {
    let byFormat = lookCache.get(style);
    if (!byFormat) lookCache.set(style, (byFormat = new Map()));
    let s = byFormat.get(format);
    if (s === undefined) {
      s = styles.index({ style, format });
      byFormat.set(format, s);
    }
    return s;
  };
  const columnStyle: (CellStyle | undefined)[] = [];
  const columnFormat: (string | undefined)[] = [];
  const columnS: number[] = [];
  const styleOf = (cell: SheetCell, c: number, paragraph: boolean): number => {
    const spec = typeof cell === "object" && cell !== null ? cell : undefined;
    if (paragraph) return styles.index({ style: spec?.style, format: spec?.format, paragraph });
    if (!spec || (!spec.style && !spec.format)) return 0;
    if (
      columnS[c] !== undefined &&
      columnStyle[c] === spec.style &&
      columnFormat[c] === spec.format
    )
      return columnS[c];
    columnStyle[c] = spec.style;
    columnFormat[c] = spec.format;
    return (columnS[c] = lookOf(spec.style, spec.format));
  };

  yield "<sheetData>";
  let out = "";
  let rowsInChunk = 0;
  const line: SheetCell[] = [];
  const active: SheetBlock[] = [];
  for (let r = 0; r <= last; r++) {
    active.length = 0;
    for (const b of blocks) if (r >= b.row && r < b.row + b.cells.length) active.push(b);
    const header = sheet.headers.get(r);
    const paragraphs = paragraphStarts.get(r);
    const height = heights.get(r);
    const n = r + 1;
    let cells = "";
    if (active.length === 1 && !header && !paragraphs) {
      // One block's row (every row of a big table): its cells in order, no merging.
      const b = active[0];
      const row = b.cells[r - b.row];
      for (let j = 0; j < row.length; j++) {
        const cell = row[j];
        if (isBlank(cell)) continue;
        const c = b.column + j;
        cells += cellXml(columnName(c) + n, styleOf(cell, c, false), cell, undefined, strings);
      }
    } else {
      line.length = 0;
      for (const b of active) {
        const row = b.cells[r - b.row];
        for (let j = 0; j < row.length; j++) if (!isBlank(row[j])) line[b.column + j] = row[j];
      }
      const width = Math.max(
        line.length,
        header ? Math.max(...header.keys()) + 1 : 0,
        paragraphs ? Math.max(...paragraphs) + 1 : 0
      );
      for (let c = 0; c < width; c++) {
        const cell = line[c];
        const name = header?.get(c);
        const paragraph = paragraphs?.has(c) ?? false;
        if (cell === undefined && name === undefined && !paragraph) continue;
        cells += cellXml(columnName(c) + n, styleOf(cell, c, paragraph), cell, name, strings);
      }
    }
    if (cells === "" && height === undefined) continue;
    out +=
      (height === undefined ? `<row r="${n}">` : `<row r="${n}" ht="${height}" customHeight="1">`) +
      cells +
      "</row>";
    if (++rowsInChunk === ROWS_PER_CHUNK) {
      yield out;
      out = "";
      rowsInChunk = 0;
    }
  }
  yield out + "</sheetData>";
}

function cellXml(
  ref: string,
  s: number,
  cell: SheetCell,
  header: string | undefined,
  strings: SharedStrings
): string {
  const style = s ? ` s="${s}"` : "";
  if (header !== undefined) return `<c r="${ref}"${style} t="s"><v>${strings.id(header)}</v></c>`;
  if (cell === null || cell === undefined) return `<c r="${ref}"${style}/>`;
  if (typeof cell !== "object") return literalXml(ref, style, cell, strings);
  if (cell.formula !== undefined && cell.formula !== "") {
    const f = `<f>${esc(fileFormula(cell.formula))}</f>`;
    const v = cell.value;
    if (typeof v === "number")
      return Number.isFinite(v)
        ? `<c r="${ref}"${style}>${f}<v>${v}</v></c>`
        : `<c r="${ref}"${style}>${f}</c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${style} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (typeof v === "string")
      return ERROR_VALUES.has(v)
        ? `<c r="${ref}"${style} t="e">${f}<v>${v}</v></c>`
        : `<c r="${ref}"${style} t="str">${f}<v>${esc(v)}</v></c>`;
    return `<c r="${ref}"${style}>${f}</c>`;
  }
  return literalXml(ref, style, cell.value, strings);
}

function literalXml(
  ref: string,
  style: string,
  v: CellSpec["value"],
  strings: SharedStrings
): string {
  if (typeof v === "number")
    return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : `<c r="${ref}"${style}/>`;
  if (typeof v === "string") return `<c r="${ref}"${style} t="s"><v>${strings.id(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style}/>`;
}

/**
 * A table part (xl/tables/tableN.xml), as ExcelJS wrote them before: a header row, an
 * autoFilter over the whole table, striped rows.
 */
export function tablePartXml(
  id: number,
  table: { name: string; style?: string; range: RangeSpec; columns: string[] }
): string {
  const ref = rangeAddress(table.range);
  const columns = table.columns
    .map((name, j) => `<tableColumn id="${j + 1}" name="${escapeXml(name)}"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(table.name)}" displayName="${escapeXml(table.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(table.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}
