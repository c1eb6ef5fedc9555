/**
 * Host-free helpers both adapters share: sheet names Excel accepts, A1 address parsing, how
 * a plan cell is written (text kept literal), row chunks sized for Excel on the web's request
 * limit, the rectangles a style covers, the style colours and the port's description of a table.
 * No Office.js here, so they are tested directly.
 */
import { cellAddress, looksLikeFormula, rangeAddress } from "../core/summary/plan";
import type { CellSpec, CellStyle, RangeSpec } from "../core/summary/plan";
import type { SourceTable } from "./workbook-port";

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/**
 * A name Excel accepts: none of []:*?/\, no apostrophe at either end, 1–31 characters, not the
 * reserved "History".
 */
export function cleanSheetName(wanted: string): string {
  let name = wanted
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  name = name.replace(/^'+|'+$/g, "").trim();
  name = name.slice(0, MAX_SHEET_NAME).trim();
  if (name === "" || name.toLowerCase() === "history") name = name === "" ? "Sheet" : "History 1";
  return name;
}

/**
 * The preferred name, or "name (2)", "name (3)", … when a sheet the product does not own (or one
 * it already chose) has it. Excel compares sheet names case-insensitively. The base is shortened
 * so the suffix always fits in 31 characters.
 */
export function uniqueSheetName(preferred: string, taken: ReadonlySet<string>): string {
  const base = cleanSheetName(preferred);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export interface ParsedAddress {
  /** The sheet part without quotes, when the address had one. */
  sheet?: string;
  /** 0-based. */
  row: number;
  /** 0-based. */
  column: number;
  rows: number;
  columns: number;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parse "Sheet1!A1:O561", "'Staff data'!B2", "A1:C3" (as Office.js `range.address` gives them). */
export function parseAddress(address: string): ParsedAddress {
  let sheet: string | undefined;
  let cells = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    cells = address.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'"))
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const parts = cells.replace(/\$/g, "").split(":");
  const corners = parts.map((part) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(part);
    if (!m) throw new Error(`Excel gave an address this add-in cannot read: "${address}".`);
    return { column: columnIndex(m[1]), row: Number(m[2]) - 1 };
  });
  const first = corners[0];
  const last = corners[corners.length - 1];
  return {
    sheet,
    row: Math.min(first.row, last.row),
    column: Math.min(first.column, last.column),
    rows: Math.abs(last.row - first.row) + 1,
    columns: Math.abs(last.column - first.column) + 1,
  };
}

/** "A:A"-style address of a whole column (0-based). */
export function columnAddress(column: number): string {
  const letters = cellAddress(0, column).replace(/\d+$/, "");
  return `${letters}:${letters}`;
}

/**
 * Text Excel would turn into something else when it is written to `values` or `formulas` (it
 * treats written text as if typed): a formula (=, +, -, @ — `looksLikeFormula`), a number, date,
 * percentage or currency amount ("00123", "1/2", "50%", "£5", "Sep 2023"), TRUE/FALSE, an error
 * value ("#N/A"), or text that itself starts with an apostrophe (which Excel would eat).
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  return (
    looksLikeFormula(text) ||
    /^\s*[\d.,(£$€#']/.test(text) ||
    /^\s*(true|false)\s*$/i.test(text) ||
    /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]+\d/i.test(text)
  );
}

/**
 * What goes into `values` (or into `formulas` next to formula cells) for a plan cell. Text that
 * Excel would read as a formula or a number gets a leading apostrophe: Excel stores the rest as
 * text and shows it literally, exactly as when a user types '=1+1, and `range.values` reads it
 * back without the apostrophe. (The alternative, the text number format "@", is a lasting cell
 * format that would stay on the cell and turn any later entry into text, and it must be in
 * place before the value arrives; the apostrophe travels with the value itself.)
 */
export function literalFor(cell: CellSpec | undefined): string | number | boolean {
  const v = cell?.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  return needsTextPrefix(v) ? `'${v}` : v;
}

/** A formula as Excel wants it in `formulas` (with its leading "="). */
export function formulaFor(formula: string): string {
  return formula.startsWith("=") ? formula : `=${formula}`;
}

/** Rough number of bytes a cell adds to a request: its JSON text plus separators. */
export function cellBytes(cell: CellSpec | undefined): number {
  if (!cell) return 3;
  let n = 4;
  if (cell.formula !== undefined) n += cell.formula.length + 3;
  else if (typeof cell.value === "string") n += Math.ceil(cell.value.length * 1.1) + 3;
  else if (cell.value !== null && cell.value !== undefined) n += 12;
  if (cell.format) n += cell.format.length + 3;
  else n += 10; // "General" in a numberFormat matrix
  return n;
}

/** Row ranges [start, end) of a block so each stays under `budget` estimated bytes (at least one row each). */
export function rowChunks(
  cells: CellSpec[][],
  budget: number
): { start: number; end: number; bytes: number }[] {
  const chunks: { start: number; end: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < cells.length; r++) {
    let rowBytes = 2;
    for (const cell of cells[r]) rowBytes += cellBytes(cell);
    if (r > start && bytes + rowBytes > budget) {
      chunks.push({ start, end: r, bytes });
      start = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (cells.length > start) chunks.push({ start, end: cells.length, bytes });
  return chunks;
}

/**
 * The rectangles each style covers in rows [start, end) of a block placed at (row, column):
 * runs of one style along a row, merged down while the next row has the same run.
 */
export function styleRects(
  cells: CellSpec[][],
  origin: { row: number; column: number },
  start: number,
  end: number
): { style: CellStyle; range: RangeSpec }[] {
  const open = new Map<string, { style: CellStyle; range: RangeSpec }>();
  const done: { style: CellStyle; range: RangeSpec }[] = [];
  for (let r = start; r < end; r++) {
    const row = cells[r];
    const seen = new Set<string>();
    let c = 0;
    while (c < row.length) {
      const style = row[c]?.style;
      if (!style) {
        c++;
        continue;
      }
      let c2 = c + 1;
      while (c2 < row.length && row[c2]?.style === style) c2++;
      const key = `${style}:${c}:${c2}`;
      const existing = open.get(key);
      if (existing && existing.range.row + existing.range.rows === origin.row + r) {
        existing.range.rows++;
      } else {
        if (existing) done.push(existing);
        open.set(key, {
          style,
          range: { row: origin.row + r, column: origin.column + c, rows: 1, columns: c2 - c },
        });
      }
      seen.add(key);
      c = c2;
    }
    for (const [key, rect] of open) {
      if (!seen.has(key)) {
        done.push(rect);
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  return done;
}

/** The address of rows [start, end) of a block. */
export function blockRowsAddress(
  origin: { row: number; column: number },
  columns: number,
  start: number,
  end: number
): string {
  return rangeAddress({
    row: origin.row + start,
    column: origin.column,
    rows: end - start,
    columns,
  });
}

/**
 * Cell styles: small, and readable (text contrast at least 4.5:1 — black on #D9E1F2 is about
 * 15:1, black on #FFF2CC about 18:1, #404040 on white 10:1, #595959 on white 7:1; the input
 * border #7F6000 is over 3:1 against its fill).
 */
export const STYLE_COLOURS = {
  headerFill: "#D9E1F2",
  inputFill: "#FFF2CC",
  inputBorder: "#7F6000",
  text: "#000000",
  note: "#404040",
  provenance: "#595959",
  warningFill: "#F8D7DA",
  warningText: "#6E1414",
} as const;

/** A table or used range as the port describes it, from its A1 address. */
export function sourceTable(
  name: string,
  sheet: string,
  kind: "table" | "range",
  address: string
): SourceTable {
  const where = parseAddress(address);
  return {
    name,
    sheet,
    kind,
    address: rangeAddress({
      row: where.row,
      column: where.column,
      rows: where.rows,
      columns: where.columns,
    }),
    firstRow: where.row + 1,
    firstColumn: where.column,
    rows: where.rows,
    columns: where.columns,
  };
}

/**
 * The first name a plan needs (a defined name or a table) that belongs to the user, as the
 * message to refuse the build with, before anything changes; null when there is none.
 * `userNames` and `userTables` are lower case.
 */
export function nameClash(
  plan: {
    sheets: readonly {
      names: readonly { name: string }[];
      tables: readonly { name: string }[];
      tableRanges?: readonly { name: string }[];
    }[];
  },
  userNames: ReadonlySet<string>,
  userTables: ReadonlySet<string>
): string | null {
  for (const spec of plan.sheets) {
    for (const { name } of [...spec.names, ...spec.tables, ...(spec.tableRanges ?? [])]) {
      if (userNames.has(name.toLowerCase()) || userTables.has(name.toLowerCase())) {
        return `The workbook already has a name or table called "${name}", which the summary needs. Rename it, then build again.`;
      }
    }
  }
  return null;
}
