/**
 * Reading a staff file on Node: .xlsx (ExcelJS) or .csv, each sheet as a grid of plain cell
 * values (numbers, text, date serials), which is what core's ingest takes.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { decodeCsv, parseCsv } from "../core/csv";
import { plainCell } from "../host/xlsx/cell-values";

export interface SheetGrid {
  name: string;
  grid: unknown[][];
}

/** A problem with the file itself (not its rows): one line for the user. */
export class FileError extends Error {}

export async function readSheets(path: string): Promise<SheetGrid[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new FileError(`cannot read ${path}: no such file, or no permission`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".txt") {
    if (bytes.length === 0) throw new FileError(`${path} is empty`);
    return [{ name: "CSV", grid: parseCsv(decodeCsv(bytes).text) }];
  }
  if (ext !== ".xlsx" && ext !== ".xlsm") {
    throw new FileError(`${path}: give an .xlsx workbook or a .csv file`);
  }
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new FileError(`${path} is not an Excel workbook (.xlsx) that can be read`);
  }
  return workbook.worksheets.map((ws) => {
    const grid: unknown[][] = [];
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: unknown[] = new Array(width).fill(null);
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = plainCell(cell);
      });
      grid[rowNumber - 1] = cells;
    });
    for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = new Array(width).fill(null);
    return { name: ws.name, grid };
  });
}
