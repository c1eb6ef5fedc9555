/**
 * What the viewer shows of a workbook: each sheet's cells (values as a spreadsheet shows them,
 * formulas by their cached result) with formats and simple styles, read from the ExcelJS
 * workbook the .xlsx adapter holds.
 */
import type ExcelJS from "exceljs";
import type { ChartSpec } from "../core/summary/plan";
import { plainCell } from "../host/xlsx/cell-values";

export interface ViewCell {
  value: unknown;
  format?: string;
  bold?: boolean;
  italic?: boolean;
  fill?: string;
}

export interface ViewSheet {
  name: string;
  rows: ViewCell[][];
  /** Rows in the sheet; `rows` holds at most MAX_ROWS of them. */
  rowCount: number;
  charts: ChartSpec[];
}

export const MAX_ROWS = 300;
export const MAX_COLUMNS = 40;

export function viewSheets(
  workbook: ExcelJS.Workbook,
  chartsBySheet: ReadonlyMap<string, ChartSpec[]>
): ViewSheet[] {
  return workbook.worksheets
    .filter((ws) => ws.state !== "veryHidden" && ws.state !== "hidden")
    .map((ws) => {
      const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
      const columns = Math.min(ws.columnCount, MAX_COLUMNS);
      const rows: ViewCell[][] = [];
      for (let r = 1; r <= Math.min(rowCount, MAX_ROWS); r++) {
        const row = ws.getRow(r);
        const cells: ViewCell[] = [];
        for (let c = 1; c <= columns; c++) {
          const cell = row.getCell(c);
          const fill =
            cell.fill && cell.fill.type === "pattern"
              ? (cell.fill.fgColor?.argb ?? undefined)
              : undefined;
          cells.push({
            // plainCell reads a formula's cached result (cell.value drops a result of 0).
            value: plainCell(cell),
            format: cell.numFmt || undefined,
            bold: cell.font?.bold || undefined,
            italic: cell.font?.italic || undefined,
            fill: fill ? `#${fill.slice(-6)}` : undefined,
          });
        }
        rows.push(cells);
      }
      return { name: ws.name, rows, rowCount, charts: chartsBySheet.get(ws.name) ?? [] };
    });
}
