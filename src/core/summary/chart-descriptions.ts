/**
 * A visible text description of every chart, in a cell of the sheet, so each chart has a text
 * alternative in every host. Excel's JavaScript API has no alt-text property for a chart in any
 * requirement set (Excel.Chart, ExcelApi 1.1–1.21), so a chart the add-in builds in Excel would
 * otherwise have none; the .xlsx adapter also keeps the chart's own alt text (DrawingML `descr`).
 *
 * Each description goes in one cell (italic note text, wrapped across the empty cells to its right
 * by the print layout, `print-layout.ts`), placed where it covers nothing and nothing covers it,
 * in this order of preference:
 *   1. the cell just below the chart's bottom-left corner;
 *   2. the cell just right of the chart's top-right corner;
 *   3. otherwise a row of a "Chart descriptions" list at the bottom of the sheet, in column A,
 *      with "<title>: described in row N." beside the chart where that shorter text fits.
 * "Covers nothing" means the cell, and the cells its text wraps across (at least MIN_ROOM
 * characters wide, or the whole text on one line if shorter), are empty, under no chart, in no
 * table, not in a table's row (the description's row grows to hold it), and not the cell just
 * below another chart (kept for that chart's description).
 */
import type { BlockSpec, CellSpec, ChartSpec, RangeSpec, SheetSpec } from "./plan";

/** Excel's default column width in characters. */
const DEFAULT_WIDTH = 8.43;
/** The narrowest run of cells, in characters, a description may wrap in (about 8 words a line). */
export const MIN_ROOM = 50;

export function chartDescription(chart: ChartSpec): string {
  const title = chart.title.replace(/[.\s]+$/, "");
  return `Chart: ${title}. ${chart.altText}`;
}

/** Where a description cell sits and how many columns its text runs across. */
export interface DescriptionPlace {
  row: number;
  column: number;
  columns: number;
}

function isEmpty(cell: CellSpec | undefined): boolean {
  return (
    !cell ||
    (cell.formula === undefined &&
      (cell.value === undefined || cell.value === null || cell.value === ""))
  );
}

function inside(r: RangeSpec, row: number, column: number): boolean {
  return (
    row >= r.row &&
    row < r.row + Math.max(1, r.rows) &&
    column >= r.column &&
    column < r.column + Math.max(1, r.columns)
  );
}

function tableRange(t: BlockSpec): RangeSpec {
  return {
    row: t.row,
    column: t.column,
    rows: t.cells.length,
    columns: Math.max(0, ...t.cells.map((r) => r.length)),
  };
}

/** Columns a text of `length` characters runs across from `column` (at least one). */
export function spanColumns(widths: readonly number[], column: number, length: number): number {
  let room = 0;
  let n = 0;
  // Note text is italic Calibri, narrower than the digit "0" a column width counts in.
  const needed = length * 0.9;
  while (room < needed) {
    room += widths[column + n] ?? DEFAULT_WIDTH;
    n++;
  }
  return Math.max(1, n);
}

/** The sheet with a description cell for each chart (the charts themselves unchanged). */
export function withChartDescriptions(sheet: SheetSpec): SheetSpec {
  if (sheet.charts.length === 0) return sheet;
  const blocks: BlockSpec[] = sheet.blocks.map((b) => ({
    ...b,
    cells: b.cells.map((r) => [...r]),
  }));
  const all = (): BlockSpec[] => [...blocks, ...sheet.tables];
  const cellAt = (row: number, column: number): CellSpec | undefined => {
    for (const b of all()) {
      const cell = b.cells[row - b.row]?.[column - b.column];
      if (cell) return cell;
    }
    return undefined;
  };
  const free = (place: DescriptionPlace): boolean => {
    if (place.row < 0 || place.column < 0) return false;
    for (let c = place.column; c < place.column + place.columns; c++) {
      if (!isEmpty(cellAt(place.row, c))) return false;
      if (sheet.tables.some((t) => inside(tableRange(t), place.row, c))) return false;
      if ((sheet.tableRanges ?? []).some((t) => inside(t.range, place.row, c))) return false;
      if (sheet.charts.some((chart) => inside(chart.anchor, place.row, c))) return false;
    }
    // Nor in a row of a table: the description wraps, and its row grows to hold it.
    return !(sheet.tableRanges ?? []).some(
      (t) => place.row >= t.range.row && place.row < t.range.row + t.range.rows
    );
  };
  /** Into the block whose rectangle holds the cell (so no block writes a blank over it), else a block of its own. */
  const put = (row: number, column: number, cell: CellSpec) => {
    const block = blocks.find(
      (b) =>
        row >= b.row &&
        row < b.row + b.cells.length &&
        column >= b.column &&
        column < b.column + Math.max(0, ...b.cells.map((r) => r.length))
    );
    if (!block) {
      blocks.push({ row, column, cells: [[cell]] });
      return;
    }
    const cells = block.cells[row - block.row];
    while (cells.length < column - block.column) cells.push({});
    cells[column - block.column] = cell;
  };

  // The cell below each chart is kept for that chart's description.
  const kept = (row: number, column: number, chart: ChartSpec) =>
    sheet.charts.some(
      (other) =>
        other !== chart &&
        other.anchor.row + Math.max(1, other.anchor.rows) === row &&
        other.anchor.column === column
    );
  const beside = (chart: ChartSpec, text: string): DescriptionPlace | undefined => {
    const a = chart.anchor;
    const below = { row: a.row + Math.max(1, a.rows), column: a.column };
    const right = { row: a.row, column: a.column + Math.max(1, a.columns) };
    const room = Math.min(text.length, MIN_ROOM);
    return [below, right]
      .map((p) => ({ ...p, columns: spanColumns(sheet.columnWidths, p.column, room) }))
      .find((p) => {
        if (!free(p)) return false;
        for (let c = p.column; c < p.column + p.columns; c++)
          if (kept(p.row, c, chart)) return false;
        return true;
      });
  };

  const listed: ChartSpec[] = [];
  for (const chart of sheet.charts) {
    const text = chartDescription(chart);
    const place = beside(chart, text);
    if (place) put(place.row, place.column, { value: text, style: "note" });
    else listed.push(chart);
  }
  if (listed.length > 0) {
    // The list starts below everything, a pointer to it stands beside each listed chart.
    let bottom = 0;
    for (const b of all()) bottom = Math.max(bottom, b.row + b.cells.length);
    for (const chart of sheet.charts)
      bottom = Math.max(bottom, chart.anchor.row + Math.max(1, chart.anchor.rows) + 1);
    const first = bottom + 1;
    listed.forEach((chart, i) => {
      const pointer = `${chart.title}: described in row ${first + 2 + i}.`;
      const place = beside(chart, pointer);
      if (place) put(place.row, place.column, { value: pointer, style: "note" });
    });
    blocks.push({
      row: first,
      column: 0,
      cells: [
        [{ value: "Chart descriptions", style: "subtitle" }],
        ...listed.map((chart) => [{ value: chartDescription(chart), style: "note" as const }]),
      ],
    });
  }
  return { ...sheet, blocks };
}
