/**
 * Reading a staff file on Node: .xlsx (ExcelJS) or .csv, each sheet as a grid of plain cell
 * values (numbers, text, date serials), which is what core's ingest takes.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { decodeCsv, parseCsv } from "../core/csv";
import { serialFromDate } from "../core/dates";

export interface SheetGrid {
  name: string;
  grid: unknown[][];
}

/** A problem with the file itself (not its rows): one line for the user. */
export class FileError extends Error {}

/** An ExcelJS cell value as the plain value Office.js would give. */
export function plainCellValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value !== "object") return value;
  const v = value as Record<string, unknown>;
  if ("result" in v || "formula" in v || "sharedFormula" in v)
    return plainCellValue(v.result ?? null);
  if (Array.isArray(v.richText))
    return (v.richText as { text: string }[]).map((r) => r.text).join("");
  if ("error" in v) return String(v.error);
  if ("text" in v) return plainCellValue(v.text);
  return String(value);
}

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
        cells[col - 1] = plainCellValue(cell.value);
      });
      grid[rowNumber - 1] = cells;
    });
    for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = new Array(width).fill(null);
    return { name: ws.name, grid };
  });
}
