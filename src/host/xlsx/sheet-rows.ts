/**
 * A plan sheet's cells as worksheet XML, written by the adapter itself rather than through
 * ExcelJS's object model: the <sheetData> rows (as a stream of text chunks), the <dimension>,
 * <mergeCells> and the table parts. Text goes into the shared strings part, formats into the
 * styles part (`cell-styles.ts`); a formula is written with its cached value, as
 * `cell-values.ts` says. Pure: no Node or DOM API.
 */
import { EXCEL_ERRORS } from "../../core/excel-errors";
import { cellAddress, rangeAddress } from "../../core/summary/plan";
import type { BlockSpec, CellSpec, RangeSpec, SheetSpec } from "../../core/summary/plan";
import type { CellStyles } from "./cell-styles";
import { fileFormula } from "./cell-values";
import { escapeXml, findElement } from "./xml";

const ERROR_VALUES = new Set<string>(EXCEL_ERRORS);
/** Rows per chunk of the stream (about a megabyte of XML for a wide table). */
const ROWS_PER_CHUNK = 2000;
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

/** What the writer needs of a sheet: its blocks, and cells shown otherwise (a table's header). */
export interface SheetCells {
  blocks: readonly BlockSpec[];
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
function isBlank(cell: CellSpec): boolean {
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

  // Styles by plan style then number format (a Map lookup per cell, no key strings).
  const lookCache = new Map<string | undefined, Map<string | undefined, number>>();
  const styleOf = (cell: CellSpec | undefined, paragraph: boolean): number => {
    if (paragraph) return styles.index({ style: cell?.style, format: cell?.format, paragraph });
    if (!cell || (!cell.style && !cell.format)) return 0;
    let byFormat = lookCache.get(cell.style);
    if (!byFormat) lookCache.set(cell.style, (byFormat = new Map()));
    let s = byFormat.get(cell.format);
    if (s === undefined) {
      s = styles.index({ style: cell.style, format: cell.format });
      byFormat.set(cell.format, s);
    }
    return s;
  };

  yield "<sheetData>";
  let out: string[] = [];
  const line: (CellSpec | undefined)[] = [];
  for (let r = 0; r <= last; r++) {
    line.length = 0;
    let any = false;
    for (const b of blocks) {
      const row = r >= b.row ? b.cells[r - b.row] : undefined;
      if (!row) continue;
      for (let j = 0; j < row.length; j++) {
        const cell = row[j];
        if (!cell || isBlank(cell)) continue;
        line[b.column + j] = cell;
        any = true;
      }
    }
    const header = sheet.headers.get(r);
    const paragraphs = paragraphStarts.get(r);
    const height = heights.get(r);
    if (!any && !header && !paragraphs && height === undefined) continue;
    const n = r + 1;
    out.push(
      height === undefined ? `<row r="${n}">` : `<row r="${n}" ht="${height}" customHeight="1">`
    );
    const width = Math.max(
      line.length,
      header ? Math.max(...header.keys()) + 1 : 0,
      paragraphs ? Math.max(...paragraphs) + 1 : 0
    );
    for (let c = 0; c < width; c++) {
      const cell = line[c];
      const name = header?.get(c);
      const paragraph = paragraphs?.has(c) ?? false;
      if (!cell && name === undefined && !paragraph) continue;
      const s = styleOf(cell, paragraph);
      out.push(cellXml(`${columnName(c)}${n}`, s, cell, name, strings));
    }
    out.push("</row>");
    if (n % ROWS_PER_CHUNK === 0) {
      yield out.join("");
      out = [];
    }
  }
  out.push("</sheetData>");
  yield out.join("");
}

function cellXml(
  ref: string,
  s: number,
  cell: CellSpec | undefined,
  header: string | undefined,
  strings: SharedStrings
): string {
  const style = s ? ` s="${s}"` : "";
  if (header !== undefined) return `<c r="${ref}"${style} t="s"><v>${strings.id(header)}</v></c>`;
  if (!cell) return `<c r="${ref}"${style}/>`;
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
  const v = cell.value;
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
