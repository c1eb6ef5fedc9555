/**
 * The one small port every host implements (Office.js in Excel, ExcelJS on an .xlsx file): read
 * the tables a workbook holds, write the sheets the product owns, keep settings in the document.
 * Logic never branches on the host; it talks to this interface.
 */
import type { WorkbookPlan } from "../core/summary/plan";

export interface SourceTable {
  /** The Excel table's name, or the sheet name for a plain used range. */
  name: string;
  sheet: string;
  kind: "table" | "range";
  /** The A1 address on its sheet, e.g. "A1:O561". */
  address: string;
  /** Sheet row number of the first row (the header), for problem reports. */
  firstRow: number;
  /** 0-based column of the first column, for selecting a problem's cell. */
  firstColumn: number;
  rows: number;
  columns: number;
}

export interface WriteProgress {
  (step: string, fraction: number): void;
}

export interface WriteResult {
  /** Sheet names actually used, by plan key (a user's sheet with the wanted name is never touched). */
  sheetNames: Record<string, string>;
  /** Number of round trips to the host (Office.js context.sync calls; 0 for a file). */
  syncs: number;
}

export interface WorkbookPort {
  /** Excel tables first, then the used range of each sheet that holds no table; product-owned sheets are left out. */
  listTables(): Promise<SourceTable[]>;
  /** The cells of a table or range, header row first, as `range.values` gives them. */
  readTable(table: SourceTable): Promise<unknown[][]>;
  /** Replace the product's own sheets with the plan's (only sheets with the product's marker are ever deleted). */
  writePlan(plan: WorkbookPlan, progress?: WriteProgress): Promise<WriteResult>;
  /** Select a cell (sheet name and A1 address) so the user sees it. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Document settings (the mapping and options), saved in the workbook so a colleague's rebuild matches. */
  loadSettings(): Promise<Record<string, unknown>>;
  saveSettings(settings: Record<string, unknown>): Promise<void>;
}
