/**
 * How the summary prints: landscape A4, fitted to one page wide, the title row repeated on
 * every page, page breaks between its parts and never inside a table or a chart, and long text
 * (key points, notes) wrapped in cells merged across the page, with row heights to hold it.
 *
 * Worked out host-free from the sheet: its cells, tables, charts and the rows where its parts
 * (sections) start. The printed scale is estimated the way Excel sizes columns (a character of
 * width is 7 px at Calibri 11, plus 5 px a column), with a margin, since Excel and LibreOffice
 * measure fonts a little differently. Both hosts then fit to width themselves (`fitToPage`).
 */
import type { BlockSpec, CellSpec, RangeSpec, SheetSpec } from "./plan";

/** A4 landscape, inches, with Excel's "Normal" margins (0.7 left and right, 0.75 top and bottom). */
const PAGE = { width: 11.69, height: 8.27, side: 0.7, top: 0.75, bottom: 0.75 };
/** Excel's default column width in characters, and its row height in points (Calibri 11). */
const DEFAULT_WIDTH = 8.43;
const LINE = 15;
/** Part of a page the rows may fill: room for the fonts' differences between hosts. */
const SAFETY = 0.9;
/** How full a page must be for the next part to start on a new page rather than run on. */
const FULL = 0.75;

const PARAGRAPH_STYLES = new Set<CellSpec["style"]>(["keypoint", "note", "provenance"]);

/** Pixels of a column `chars` characters wide (as Excel draws Calibri 11). */
function columnPx(chars: number): number {
  return chars * 7 + 5;
}

function text(cell: CellSpec | undefined): string {
  const v = cell?.value;
  return v === undefined || v === null ? "" : String(v);
}

/** Lines a text takes when wrapped at `width` characters (words kept whole). */
export function wrappedLines(value: string, width: number, perChar = 1): number {
  const room = Math.max(1, Math.floor(width / perChar) - 1);
  let lines = 1;
  let used = 0;
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= room) used = need;
    else {
      lines += used === 0 ? 0 : 1;
      used = word.length;
      while (used > room) {
        lines++;
        used -= room;
      }
    }
  }
  return lines;
}

function inside(r: RangeSpec, row: number, column: number): boolean {
  return (
    row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns
  );
}

/** The sheet's cells by position (later blocks over earlier ones, as the hosts write them). */
function cellMap(blocks: BlockSpec[]): Map<number, Map<number, CellSpec>> {
  const map = new Map<number, Map<number, CellSpec>>();
  for (const b of blocks)
    b.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (!cell || (text(cell) === "" && cell.formula === undefined)) return;
        let r = map.get(b.row + i);
        if (!r) map.set(b.row + i, (r = new Map()));
        r.set(b.column + j, cell);
      })
    );
  return map;
}

/**
 * The sheet with its print settings, paragraphs and row heights worked out afresh (so it can be
 * run again after the sheet changes, as the shareable copy does). `sections` are the rows where
 * the sheet's parts start: a page breaks there by preference. `titleRow` (the summary's title)
 * repeats at the top of every page.
 */
export function withPrintLayout(
  sheet: SheetSpec,
  sections: readonly number[],
  titleRow = 0
): SheetSpec {
  const widths = (c: number) => sheet.columnWidths[c] ?? DEFAULT_WIDTH;
  const cells = cellMap(sheet.blocks);
  const tables = sheet.tableRanges ?? [];
  const inTable = (row: number, column: number) => tables.some((t) => inside(t.range, row, column));
  const underChart = (row: number, column: number) =>
    sheet.charts.some((c) => inside(c.anchor, row, column));

  // The printed width: every cell that is not a paragraph, every table and chart.
  let columns = 1;
  let rows = 0;
  for (const [r, row] of cells)
    for (const [c, cell] of row) {
      rows = Math.max(rows, r + 1);
      if (!PARAGRAPH_STYLES.has(cell.style)) columns = Math.max(columns, c + 1);
    }
  for (const t of tables) columns = Math.max(columns, t.range.column + t.range.columns);
  for (const chart of sheet.charts) {
    columns = Math.max(columns, chart.anchor.column + chart.anchor.columns);
    rows = Math.max(rows, chart.anchor.row + chart.anchor.rows + 1);
  }

  // Paragraphs: key points always span the page; a note or the provenance line only when it
  // does not fit in the empty cells to its right.
  const paragraphs: RangeSpec[] = [];
  const heights = new Map<number, number>();
  for (const [r, row] of cells)
    for (const [c, cell] of row) {
      // Never in a table's row: its height would open a gap in the table.
      const tableRow = tables.some((t) => r >= t.range.row && r < t.range.row + t.range.rows);
      if (!PARAGRAPH_STYLES.has(cell.style) || tableRow || underChart(r, c)) continue;
      let end = c + 1;
      while (end < columns && !row.has(end) && !underChart(r, end) && !inTable(r, end)) end++;
      const room = Array.from({ length: end - c }, (_, k) => widths(c + k)).reduce((a, b) => a + b);
      const value = text(cell);
      if (cell.style !== "keypoint" && value.length <= room * 0.95) continue;
      if (end - c > 1) paragraphs.push({ row: r, column: c, rows: 1, columns: end - c });
      heights.set(r, Math.max(heights.get(r) ?? LINE, wrappedLines(value, room) * LINE));
    }

  // Table header rows wrap their (bold) text within each column.
  for (const t of tables) {
    const r = t.range.row;
    let lines = 1;
    for (let c = t.range.column; c < t.range.column + t.range.columns; c++)
      lines = Math.max(lines, wrappedLines(text(cells.get(r)?.get(c)), widths(c), 1.1));
    if (lines > 1) heights.set(r, Math.max(heights.get(r) ?? LINE, lines * LINE));
  }

  const heightOf = (r: number): number => {
    const explicit = heights.get(r);
    if (explicit !== undefined) return explicit;
    let h = LINE;
    for (const cell of cells.get(r)?.values() ?? [])
      if (cell.style === "title") h = Math.max(h, 19);
      else if (cell.style === "subtitle") h = Math.max(h, 16);
    return h;
  };

  const blank = (r: number) =>
    !cells.has(r) &&
    !sheet.charts.some((c) => r >= c.anchor.row && r <= c.anchor.row + c.anchor.rows);

  // Where a page may not break: above any row of a table after its header, or the rows under it
  // with text in its first column (its total, its notes), or a chart's rows after its first and the
  // row under it (its description).
  const noBreak = new Set<number>();
  for (const t of tables) {
    const last = t.range.row + t.range.rows - 1;
    const under = (r: number) => r < rows && cells.get(r)?.has(t.range.column) === true;
    for (let r = t.range.row + 1; r <= last || under(r); r++) noBreak.add(r);
  }
  // (Nor at a chart's first row: LibreOffice draws the top edge of a chart that starts a page
  // at the foot of the page before; the page starts a row above it.)
  for (const chart of sheet.charts)
    for (let r = chart.anchor.row; r <= chart.anchor.row + chart.anchor.rows; r++) noBreak.add(r);
  // Nor between a heading and the table under it.
  for (const t of tables)
    if (t.range.row > 0 && cells.has(t.range.row - 1)) noBreak.add(t.range.row);

  let contentPx = 0;
  for (let c = 0; c < columns; c++) contentPx += columnPx(widths(c));
  const printablePx = (PAGE.width - 2 * PAGE.side) * 96;
  const scale = Math.min(1, printablePx / contentPx);
  const titleRows = { first: titleRow, last: titleRow };
  const pagePoints =
    ((PAGE.height - PAGE.top - PAGE.bottom) * 72 * SAFETY) / scale - heightOf(titleRows.first);

  const rowBreaks: number[] = [];
  const starts = new Set(sections);
  let pageStart = 0;
  let used = 0;
  for (let r = 0; r < rows; r++) {
    const h = heightOf(r);
    if (used + h > pagePoints && r > pageStart) {
      // The last row a page may break above; or the last part's start, if the page is then
      // at least FULL full (a part kept whole is easier to read than a fuller page).
      let at = -1;
      let filled = 0;
      for (let b = pageStart; b <= r; b++) {
        if (b > pageStart && starts.has(b) && !noBreak.has(b) && filled >= FULL * pagePoints)
          at = b;
        filled += heightOf(b);
      }
      for (let b = r; b > pageStart && at < 0; b--) if (!noBreak.has(b)) at = b;
      if (at < 0) at = r; // a part taller than a page: it breaks where it must
      // A page starts with content, not with blank rows (a chart left out of the shareable copy).
      while (at < r && blank(at) && !noBreak.has(at + 1)) at++;
      rowBreaks.push(at);
      pageStart = at;
      used = 0;
      for (let k = at; k < r; k++) used += heightOf(k);
    }
    used += h;
  }

  return {
    ...sheet,
    paragraphs,
    rowHeights: [...heights].sort(([a], [b]) => a - b).map(([row, points]) => ({ row, points })),
    print: {
      orientation: "landscape",
      fitToWidth: true,
      titleRows,
      rowBreaks,
      area: { row: 0, column: 0, rows: Math.max(1, rows), columns },
      sections: [...sections],
    },
  };
}
