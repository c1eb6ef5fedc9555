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

/** A file the pane made (the shareable summary, a census return) for the user to keep. */
export interface FileToDeliver {
  /** Suggested file name, e.g. "return.xml". */
  name: string;
  /** MIME type: an .xlsx workbook or XML. */
  type: string;
  data: Uint8Array | string;
}

/**
 * How a file reached the user: opened as a new workbook, downloaded, or "unavailable" where this
 * host has no way to hand over a file (Excel on a Mac cannot download from an add-in, office-js
 * #2700; Excel.createWorkbook is missing or was refused); the pane then puts the content on a
 * sheet of this workbook instead.
 */
export type Delivery = "opened" | "downloaded" | "unavailable";

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
  /** Hand a file to the user, leaving this workbook as it is (see Delivery). */
  deliverFile(file: FileToDeliver): Promise<Delivery>;
  /**
   * The open workbook as .xlsx bytes, to make a copy from (Office: the document's file; a file:
   * the bytes it holds); null where this host cannot give them. Reading never changes it.
   */
  openWorkbookBytes(): Promise<Uint8Array | null>;
}
