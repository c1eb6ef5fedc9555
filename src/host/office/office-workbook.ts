/**
 * The workbook port on Office.js (Excel on the desktop, Mac and the web). All of the product's
 * Office.js calls live in this folder; `Excel` and `Office` are reached only through this class
 * (the `run` function, the requirement-set check and the settings store), so tests inject
 * office-addin-mock's context and fakes.
 *
 * writePlan makes a bounded number of round trips (context.sync calls), whatever the number of
 * staff rows, except that a block too big for one request is sent in row chunks:
 *   1. load the sheet names, defined names and tables;
 *   2. load each sheet's owner marker (worksheet.customProperties, ExcelApi 1.12);
 *   3. with calculation and screen updating suspended: delete the product's names, add the new
 *      sheets (marked), delete the old marked ones, write every block, then tables, charts,
 *      names and validations — one request, or one per chunk when a chunk boundary is reached;
 *   4. recalculate (calculation was suspended, so Excel leaves it to the add-in).
 */
import type { DocumentFileSource } from "./document-file";
import { officeDocument, readDocumentFile } from "./document-file";
import {
  CHART_TEXT,
  dataLabelFormat,
  seriesColour,
  seriesMarker,
} from "../../core/summary/chart-style";
import {
  cellAddress,
  isHandedToUser,
  mayReplaceTitle,
  numberRuleFormula,
  rangeAddress,
  withFreeTemplateTableNames,
} from "../../core/summary/plan";
import type {
  BlockSpec,
  CellSpec,
  CellStyle,
  ChartSpec,
  ChartType,
  DocumentProperties,
  RangeSpec,
  SheetSpec,
  WorkbookPlan,
} from "../../core/summary/plan";
import type {
  Delivery,
  FileToDeliver,
  SourceTable,
  WorkbookPort,
  WriteProgress,
  WriteResult,
} from "../workbook-port";
import { officeDocumentSettings } from "./office-settings";
import type { DocumentSettingsStore } from "./office-settings";
import {
  blockRowsAddress,
  columnAddress,
  formulaFor,
  literalFor,
  parseAddress,
  rowChunks,
  styleRects,
  uniqueSheetName,
  nameClash,
  sourceTable,
  STYLE_COLOURS,
} from "../sheet-helpers";

/** The worksheet custom property that marks a sheet as the product's; its value is the plan sheet key. */
export const MARKER_KEY = "WorkforceScrutiny";
/** Defined names the product owns start with this; a rebuild deletes them before adding its own. */
export const OWNED_NAME_PREFIX = "WFS_";
/** Estimated bytes per write request: well under Excel on the web's 5 MB request limit. */
export const DEFAULT_WRITE_BUDGET = 2_000_000;
/**
 * Estimated bytes per read response: Excel on the web refuses a response over 5 MB ("Resource
 * limits and performance optimization for Office Add-ins"), so reads are sized by the bytes the
 * rows already read took, not by a cell count (a wide, text-heavy extract is many times heavier
 * per cell than a narrow numeric one).
 */
export const DEFAULT_READ_BUDGET_BYTES = 2_000_000;
/** Rows in the first read of a table, before anything is known about its rows' size. */
export const FIRST_READ_ROWS = 200;
/** Excel may return null for a read of over 5,000,000 cells (same page): never ask for more. */
const MAX_READ_CELLS = 1_000_000;

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** The document settings store (default: Office.context.document.settings). */
  settings?: DocumentSettingsStore;
  /**
   * Office.context.requirements.isSetSupported; `undefined` when it cannot tell (then the
   * adapter tries, and an optional call is wrapped in try/catch).
   */
  isSetSupported?: (name: string, version: string) => boolean | undefined;
  writeBudgetBytes?: number;
  readBudgetBytes?: number;
  /**
   * Excel.createWorkbook (ExcelApi 1.8): opens .xlsx bytes, as base64, as a new workbook. Default:
   * the global one; `undefined` where Excel has none.
   */
  createWorkbook?: ((base64: string) => Promise<void>) | undefined;
  /** Office.context.document's getFileAsync (default: the global one; `undefined` where there is none). */
  document?: DocumentFileSource | undefined;
}

const CHART_TYPES: Record<
  ChartType,
  "Line" | "ColumnClustered" | "ColumnStacked" | "ColumnStacked100" | "BarClustered"
> = {
  line: "Line",
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
  columnStacked100: "ColumnStacked100",
  barClustered: "BarClustered",
};

/** Approximate request bytes of one formatted rectangle, a table, a chart, a name or a validation. */
const OP_BYTES = 300;

function officeIsSetSupported(name: string, version: string): boolean | undefined {
  if (typeof Office === "undefined") return undefined;
  const requirements = Office.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return undefined;
  return requirements.isSetSupported(name, version);
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function officeCreateWorkbook(): ((base64: string) => Promise<void>) | undefined {
  if (typeof Excel === "undefined" || typeof Excel.createWorkbook !== "function") return undefined;
  return (base64) => Excel.createWorkbook(base64);
}

/** Bytes as base64 (btoa over a binary string, built in chunks to stay within argument limits). */
export function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function lower(s: string): string {
  return s.toLowerCase();
}

function isOwnedName(name: string): boolean {
  return name.toUpperCase().startsWith(OWNED_NAME_PREFIX);
}

function message(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && code !== "" && !error.message.includes(code)
      ? `${error.message} (${code})`
      : error.message;
  }
  return String(error);
}

/** Excel on the web refused a request or response over its 5 MB limit (Excel.ErrorCodes). */
export function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === "string" &&
    /^(RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded|PayloadTooLarge)$/i.test(
      code
    )
  );
}

/** Estimated bytes of cell values in a response: their JSON, non-ASCII characters counted as UTF-8. */
export function valuesBytes(values: unknown[][]): number {
  const json = JSON.stringify(values);
  let extra = 0;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) extra += 2;
  return json.length + extra;
}

/** An error whose message is already written for the user (not wrapped again). */
class PlainError extends Error {}

function blockWidth(block: BlockSpec): number {
  let width = 0;
  for (const row of block.cells) width = Math.max(width, row.length);
  return width;
}

/** Excel column width in points for a width in characters (Calibri 11: 7 px a character + 5 px padding; 0.75 pt a px). */
export function columnWidthPoints(characters: number): number {
  return Math.round((Math.max(0, characters) * 7 + 5) * 0.75 * 100) / 100;
}

type BorderEdge =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

function applyStyle(range: Excel.Range, style: CellStyle, spec: RangeSpec): void {
  const format = range.format;
  switch (style) {
    case "title":
      format.font.bold = true;
      format.font.size = 14;
      break;
    case "subtitle":
      format.font.bold = true;
      format.font.size = 12;
      break;
    case "header":
      format.font.bold = true;
      format.font.color = STYLE_COLOURS.text;
      format.fill.color = STYLE_COLOURS.headerFill;
      // Headers wrap within their (narrow) columns; the plan sets the row's height.
      format.wrapText = true;
      break;
    case "input": {
      format.fill.color = STYLE_COLOURS.inputFill;
      format.font.color = STYLE_COLOURS.text;
      const edges: BorderEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
      // Inside borders exist only between cells.
      if (spec.rows > 1) edges.push("InsideHorizontal");
      if (spec.columns > 1) edges.push("InsideVertical");
      for (const edge of edges) {
        const border = format.borders.getItem(edge);
        border.style = "Continuous";
        border.weight = "Thin";
        border.color = STYLE_COLOURS.inputBorder;
      }
      break;
    }
    case "note":
      format.font.italic = true;
      format.font.color = STYLE_COLOURS.note;
      break;
    case "total": {
      format.font.bold = true;
      const top = format.borders.getItem("EdgeTop");
      top.style = "Continuous";
      top.weight = "Thin";
      break;
    }
    case "keypoint":
      format.wrapText = true;
      format.verticalAlignment = "Top";
      break;
    case "provenance":
      format.font.italic = true;
      format.font.color = STYLE_COLOURS.provenance;
      break;
    case "label":
      break;
  }
}

/** Counts syncs, and sends the pending request when the next chunk would take it over budget. */
class WriteBatch {
  syncs = 0;
  private bytes = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
    private readonly suspend: () => void
  ) {}

  async sync(): Promise<void> {
    this.syncs++;
    await this.context.sync();
    this.bytes = 0;
  }

  /** Send the request mid-write: calculation and screen updating stay suspended for the next. */
  async syncWriting(): Promise<void> {
    await this.sync();
    this.suspend();
  }

  /** Make room for `bytes` more in the current request (syncing first only at a chunk boundary). */
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) {
      await this.sync();
      // Both suspensions last until the next sync: ask again for the next request.
      this.suspend();
    }
    this.bytes += bytes;
  }
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly options: OfficeWorkbookOptions;

  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    options: OfficeWorkbookOptions = {}
  ) {
    this.options = options;
  }

  private supports(name: string, version: string): boolean | undefined {
    const check = this.options.isSetSupported ?? officeIsSetSupported;
    try {
      return check(name, version);
    } catch {
      return undefined;
    }
  }

  private settings(): DocumentSettingsStore {
    return this.options.settings ?? officeDocumentSettings();
  }

  /** Ask Excel not to recalculate or repaint until the next sync; optional, so never fatal. */
  private suspend(context: Excel.RequestContext): void {
    if (this.supports("ExcelApi", "1.6") !== false) {
      try {
        context.application.suspendApiCalculationUntilNextSync();
      } catch {
        // Not available here: the write still works, only more slowly.
      }
    }
    if (this.supports("ExcelApi", "1.9") !== false) {
      try {
        context.application.suspendScreenUpdatingUntilNextSync();
      } catch {
        // Not available here.
      }
    }
  }

  async listTables(): Promise<SourceTable[]> {
    const markersSupported = this.supports("ExcelApi", "1.12") !== false;
    try {
      return await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        const tables = context.workbook.tables;
        tables.load("items/name,items/worksheet/name");
        await context.sync();

        const markers = markersSupported
          ? worksheets.items.map((ws) => {
              const marker = ws.customProperties.getItemOrNullObject(MARKER_KEY);
              marker.load("value");
              return marker;
            })
          : [];
        const used = worksheets.items.map((ws) => {
          const range = ws.getUsedRangeOrNullObject(true);
          range.load("address");
          return range;
        });
        const tableRanges = tables.items.map((table) => {
          const range = table.getRange();
          range.load("address");
          return range;
        });
        await context.sync();

        const owned = new Set<string>();
        worksheets.items.forEach((ws, i) => {
          if (markers[i] && !markers[i].isNullObject) owned.add(ws.name);
        });
        const result: SourceTable[] = [];
        const withTable = new Set<string>();
        tables.items.forEach((table, i) => {
          const sheet = table.worksheet.name;
          withTable.add(sheet);
          if (owned.has(sheet)) return;
          result.push(sourceTable(table.name, sheet, "table", tableRanges[i].address));
        });
        worksheets.items.forEach((ws, i) => {
          if (owned.has(ws.name) || withTable.has(ws.name) || used[i].isNullObject) return;
          result.push(sourceTable(ws.name, ws.name, "range", used[i].address));
        });
        return result;
      });
    } catch (error) {
      throw plain(error, "Excel could not list the workbook's tables");
    }
  }

  async readTable(table: SourceTable): Promise<unknown[][]> {
    const where = parseAddress(table.address);
    const budget = this.options.readBudgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
    const maxRows = Math.max(1, Math.floor(MAX_READ_CELLS / Math.max(1, where.columns)));
    try {
      return await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(table.sheet);
        await context.sync();
        if (ws.isNullObject) {
          throw new PlainError(
            `The sheet "${table.sheet}" is no longer in the workbook: choose the staff table again.`
          );
        }
        const out: unknown[][] = [];
        let chunkRows = Math.min(FIRST_READ_ROWS, maxRows);
        let start = 0;
        while (start < where.rows) {
          const rows = Math.min(chunkRows, where.rows - start);
          const range = ws.getRange(
            rangeAddress({
              row: where.row + start,
              column: where.column,
              rows,
              columns: where.columns,
            })
          );
          range.load("values");
          try {
            // One response per chunk is the point: each must stay under the web's 5 MB limit.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
          } catch (error) {
            // Too big after all (rows further down are heavier): halve and read it again.
            if (isPayloadError(error) && rows > 1) {
              chunkRows = Math.ceil(rows / 2);
              continue;
            }
            throw error;
          }
          const values = range.values;
          for (const row of values) out.push(row);
          start += rows;
          // Size the next read by what these rows took, with a margin; grow at most fourfold.
          const perRow = valuesBytes(values) / Math.max(1, values.length);
          chunkRows = Math.max(
            1,
            Math.min(maxRows, rows * 4, Math.floor(budget / (perRow * 1.25)))
          );
        }
        return out;
      });
    } catch (error) {
      throw plain(error, `Excel could not read "${table.name}"`);
    }
  }

  async writePlan(plan: WorkbookPlan, progress?: WriteProgress): Promise<WriteResult> {
    if (this.supports("ExcelApi", "1.12") === false) {
      throw new Error(
        "Excel needs API set ExcelApi 1.12 to mark the summary sheets; update Office (Microsoft 365, or Excel 2021 or later)."
      );
    }
    const budget = this.options.writeBudgetBytes ?? DEFAULT_WRITE_BUDGET;
    try {
      return await this.run((context) => this.write(context, plan, budget, progress));
    } catch (error) {
      throw plain(error, "Excel could not build the summary sheets");
    }
  }

  private async write(
    context: Excel.RequestContext,
    plan: WorkbookPlan,
    budget: number,
    progress?: WriteProgress
  ): Promise<WriteResult> {
    const batch = new WriteBatch(context, budget, () => this.suspend(context));
    progress?.("Reading the workbook", 0);

    // Round trip 1: what is there.
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const names = context.workbook.names;
    names.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name,items/worksheet/name");
    // The workbook's title: replaced only when it has none or the product's (ExcelApi 1.7).
    const properties =
      plan.properties && this.supports("ExcelApi", "1.7") !== false
        ? context.workbook.properties.load("title")
        : null;
    await batch.sync();

    // Round trip 2: which sheets are the product's (by marker, never by name).
    const sheets = worksheets.items;
    const markers = sheets.map((ws) => {
      const marker = ws.customProperties.getItemOrNullObject(MARKER_KEY);
      marker.load("value");
      return marker;
    });
    await batch.sync();

    const planKeys = new Set<string>(
      plan.sheets.filter((s) => !isHandedToUser(s.key)).map((s) => s.key)
    );
    const old: Excel.Worksheet[] = [];
    const kept: Excel.Worksheet[] = [];
    sheets.forEach((ws, i) => {
      const marker = markers[i];
      if (!marker.isNullObject && planKeys.has(marker.value)) old.push(ws);
      else kept.push(ws);
    });
    const keptNames = new Set(kept.map((ws) => lower(ws.name)));

    plan = withFreeTemplateTableNames(
      plan,
      new Set([...tables.items.map((t) => lower(t.name)), ...names.items.map((n) => lower(n.name))])
    );
    this.checkNameClashes(plan, names.items, tables.items, keptNames);

    const taken = new Set(keptNames);
    const sheetNames: Record<string, string> = {};
    for (const spec of plan.sheets) {
      const name = uniqueSheetName(spec.preferredName, taken);
      taken.add(lower(name));
      sheetNames[spec.key] = name;
    }

    // Round trip 3 (and more only at chunk boundaries): write. The order keeps the previous
    // summary whole until the new one is complete, and is valid for Excel, which rejects a
    // formula naming a table that does not exist yet:
    //  1. the old sheets and their tables step aside under temporary names (Excel follows a
    //     renamed table in the old summary's formulas, so it keeps working);
    //  2. the new sheets are added under temporary names with a red tab, and their cells are
    //     written as values (each formula as the value core computed for it);
    //  3. the tables are made, then the formulas written over their values;
    //  4. only then are the old sheets deleted, the names replaced and the new sheets named.
    // If anything fails before step 4, the new sheets are removed and the old ones restored.
    this.suspend(context);
    const allNames = new Set([...sheets.map((ws) => lower(ws.name)), ...taken]);
    let n = 0;
    const tempName = (prefix: string) => {
      let name: string;
      do name = `${prefix} ${++n}`;
      while (allNames.has(lower(name)));
      allNames.add(lower(name));
      return name;
    };
    const oldNames = old.map((ws) => ws.name);
    const oldTables = tables.items.filter((t) => old.some((ws) => ws.name === t.worksheet.name));
    const oldTableNames = oldTables.map((t) => t.name);
    oldTables.forEach((t, i) => (t.name = `WFSold${i + 1}_${t.name}`.slice(0, 250)));
    const oldTemp = old.map(() => tempName("~WFS old"));
    old.forEach((ws, i) => (ws.name = oldTemp[i]));
    const addedTemp = plan.sheets.map(() => tempName("~WFS new"));
    const added = plan.sheets.map((spec, i) => {
      const ws = worksheets.add(addedTemp[i]);
      if (!isHandedToUser(spec.key)) ws.customProperties.add(MARKER_KEY, spec.key);
      ws.tabColor = INCOMPLETE_TAB;
      return ws;
    });
    await batch.reserve(OP_BYTES * (old.length + oldTables.length + added.length * 3));

    try {
      const totalCells = plan.sheets.reduce(
        (sum, spec) =>
          sum +
          [...spec.blocks, ...spec.tables].reduce((s, b) => s + b.cells.length * blockWidth(b), 0),
        0
      );
      let doneCells = 0;
      const writeBlocks = async (formulasOnly: boolean) => {
        for (let i = 0; i < plan.sheets.length; i++) {
          const spec = plan.sheets[i];
          const ws = added[i];
          for (const block of [...spec.blocks, ...spec.tables]) {
            const width = blockWidth(block);
            if (width === 0) continue;
            for (const chunk of rowChunks(block.cells, budget)) {
              if (formulasOnly && !hasFormulas(block.cells, chunk.start, chunk.end)) continue;
              const rects = formulasOnly
                ? []
                : styleRects(block.cells, block, chunk.start, chunk.end);
              await batch.reserve(chunk.bytes + rects.length * OP_BYTES);
              writeChunk(
                ws,
                block,
                width,
                chunk.start,
                chunk.end,
                formulasOnly ? "formulas" : "values"
              );
              for (const rect of rects)
                applyStyle(ws.getRange(rangeAddress(rect.range)), rect.style, rect.range);
              if (!formulasOnly) {
                doneCells += (chunk.end - chunk.start) * width;
                progress?.(
                  `Writing ${sheetNames[spec.key]}`,
                  totalCells ? (0.8 * doneCells) / totalCells : 0.8
                );
              }
            }
          }
          if (formulasOnly) continue;
          await batch.reserve(OP_BYTES * (spec.columnWidths.length + 1));
          spec.columnWidths.forEach((chars, column) => {
            ws.getRange(columnAddress(column)).format.columnWidth = columnWidthPoints(chars);
          });
          if (spec.freezeRows && spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
          await this.addParagraphs(batch, ws, spec);
        }
      };
      await writeBlocks(false);
      progress?.("Adding tables", 0.8);
      for (let i = 0; i < plan.sheets.length; i++)
        await this.addTables(batch, added[i], plan.sheets[i]);
      progress?.("Writing formulas", 0.85);
      await writeBlocks(true);
      progress?.("Adding charts", 0.88);
      await this.addCharts(batch, added, plan);
      for (let i = 0; i < plan.sheets.length; i++) {
        await this.addFormats(batch, added[i], plan.sheets[i]);
        await this.addPrintLayout(batch, added[i], plan.sheets[i]);
      }
      this.failAfterWritesForTests?.();
      // Everything but the names and the swap is in: a failure up to here restores the old summary.
      await batch.syncWriting();
    } catch (error) {
      // Put the workbook back as it was (best effort: if Excel cannot, the new sheets keep
      // their temporary "~WFS new" names and red tabs, so they are plainly incomplete).
      try {
        for (const ws of added) ws.delete();
        old.forEach((ws, i) => (ws.name = oldNames[i]));
        oldTables.forEach((t, i) => (t.name = oldTableNames[i]));
        await batch.sync();
      } catch {
        // keep the first error
      }
      throw error;
    }

    progress?.("Adding names", 0.9);
    await this.swapIn(context, batch, {
      plan,
      added,
      addedTemp,
      oldTemp,
      sheetNames,
      replaceNames: plan.sheets.some((sheet) => sheet.names.length > 0),
      ownedNames: names.items.filter((n) => isOwnedName(n.name)),
      properties:
        properties && plan.properties && mayReplaceTitle(properties.title, plan.properties.title)
          ? plan.properties
          : null,
    });

    // Calculation was suspended while writing: Excel leaves recalculating to the add-in.
    progress?.("Calculating", 0.95);
    await this.recalculate(context, batch);
    progress?.("Done", 1);
    return { sheetNames, syncs: batch.syncs };
  }

  /**
   * The point of no return, as one request: the product's old names go, the plan's names come
   * (bound to the new sheets), the old sheets go and the new ones take their names. Excel runs a
   * request's operations in order and stops at a failing one, keeping those before it; so when
   * that request fails, the workbook is read again and whatever is left is done again (names
   * replaced whole, sheets deleted or renamed only where still needed). Either way the new
   * summary ends complete: no formula is left without its WFS_ name.
   */
  private async swapIn(
    context: Excel.RequestContext,
    batch: WriteBatch,
    swap: {
      plan: WorkbookPlan;
      added: Excel.Worksheet[];
      addedTemp: string[];
      oldTemp: string[];
      sheetNames: Record<string, string>;
      replaceNames: boolean;
      /** The product's names as loaded before the build (WFS_…). */
      ownedNames: Excel.NamedItem[];
      /** The document's title and subject to set, if the workbook's title may be replaced. */
      properties: DocumentProperties | null;
    }
  ): Promise<void> {
    const { plan, added } = swap;
    const queue = (ownedNames: Excel.NamedItem[], liveSheets: Set<string> | null) => {
      if (swap.properties) {
        context.workbook.properties.title = swap.properties.title;
        context.workbook.properties.subject = swap.properties.subject;
      }
      if (swap.replaceNames) {
        for (const item of ownedNames) item.delete();
        plan.sheets.forEach((spec, i) => {
          for (const { name, range } of spec.names)
            context.workbook.names.add(name, added[i].getRange(rangeAddress(range)));
        });
      }
      // Old sheets by their temporary names (the proxies would do, but a retry must skip the gone).
      swap.oldTemp.forEach((temp) => {
        if (liveSheets === null || liveSheets.has(lower(temp)))
          context.workbook.worksheets.getItem(temp).delete();
      });
      added.forEach((ws, i) => {
        if (liveSheets === null || liveSheets.has(lower(swap.addedTemp[i])))
          ws.name = swap.sheetNames[plan.sheets[i].key];
        ws.tabColor = "";
      });
      if (added.length > 0) added[0].activate();
    };

    await batch.reserve(
      OP_BYTES * (swap.ownedNames.length + swap.oldTemp.length + added.length * 3)
    );
    try {
      queue(swap.ownedNames, null);
      await batch.sync();
      return;
    } catch {
      // Some of it is done: read what is there and finish.
    }
    try {
      const again = context.workbook.names;
      again.load("items/name");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await batch.sync();
      queue(
        again.items.filter((n) => isOwnedName(n.name)),
        new Set(sheets.items.map((ws) => lower(ws.name)))
      );
      await batch.sync();
    } catch (error) {
      throw new PlainError(
        `Excel stopped while putting the new summary in place (${message(error)}). Build the summary again: the half-placed sheets are the product's own, so the next build replaces them.`
      );
    }
  }

  /** Recalculate once, and once more if Excel fails (the summary is complete either way). */
  private async recalculate(context: Excel.RequestContext, batch: WriteBatch): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        context.application.calculate("Recalculate");
        await batch.sync();
        return;
      } catch (error) {
        if (attempt >= 2)
          throw new PlainError(
            `The summary is built, but Excel could not recalculate it (${message(error)}): press Ctrl+Alt+F9 (Cmd+Option+F9 on a Mac) to recalculate.`
          );
      }
    }
  }

  /** Refuse before writing anything when a name the plan needs belongs to the user. */
  private checkNameClashes(
    plan: WorkbookPlan,
    names: Excel.NamedItem[],
    tables: Excel.Table[],
    keptSheets: Set<string>
  ): void {
    const userNames = new Set(names.filter((n) => !isOwnedName(n.name)).map((n) => lower(n.name)));
    const userTables = new Set(
      tables.filter((t) => keptSheets.has(lower(t.worksheet.name))).map((t) => lower(t.name))
    );
    const clash = nameClash(plan, userNames, userTables);
    if (clash) throw new PlainError(clash);
    const seen = new Set<string>();
    for (const spec of plan.sheets)
      for (const { name } of [...spec.names, ...spec.tables, ...(spec.tableRanges ?? [])]) {
        if (seen.has(lower(name)))
          throw new PlainError(
            `The summary defines the name "${name}" twice; nothing was changed.`
          );
        seen.add(lower(name));
      }
  }

  /** The plan's Excel tables, over cells already written. */
  private async addTables(batch: WriteBatch, ws: Excel.Worksheet, spec: SheetSpec): Promise<void> {
    for (const table of spec.tables) {
      const width = blockWidth(table);
      if (width === 0 || table.cells.length === 0) continue;
      await batch.reserve(OP_BYTES);
      const address = rangeAddress({
        row: table.row,
        column: table.column,
        rows: table.cells.length,
        columns: width,
      });
      const added = ws.tables.add(address, true);
      added.name = table.name;
      if (table.style) added.style = table.style;
    }
    // The summary's tables, over the cells of its blocks (header row first).
    for (const table of spec.tableRanges ?? []) {
      await batch.reserve(OP_BYTES);
      const added = ws.tables.add(rangeAddress(table.range), true);
      added.name = table.name;
      if (table.style) added.style = table.style;
    }
  }

  /** Paragraphs (merged across, wrapped, top-aligned) and row heights (Range.merge, format.rowHeight: ExcelApi 1.2). */
  private async addParagraphs(
    batch: WriteBatch,
    ws: Excel.Worksheet,
    spec: SheetSpec
  ): Promise<void> {
    for (const p of spec.paragraphs ?? []) {
      await batch.reserve(OP_BYTES);
      const range = ws.getRange(rangeAddress(p));
      if (p.rows > 1 || p.columns > 1) range.merge(false);
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
    }
    for (const { row, points } of spec.rowHeights ?? []) {
      await batch.reserve(OP_BYTES);
      ws.getRange(`${row + 1}:${row + 1}`).format.rowHeight = points;
    }
  }

  /**
   * How the sheet prints (Worksheet.pageLayout and horizontalPageBreaks, ExcelApi 1.9): A4
   * landscape, fit to one page wide (zoom's horizontalFitToPages; verticalFitToPages 0 is "as
   * many as needed"), the print area, the title rows, and a page break above each row where a
   * page starts. Where Excel is older, the summary is built without them.
   */
  private async addPrintLayout(
    batch: WriteBatch,
    ws: Excel.Worksheet,
    spec: SheetSpec
  ): Promise<void> {
    const print = spec.print;
    if (!print || this.supports("ExcelApi", "1.9") === false) return;
    await batch.reserve(OP_BYTES * (4 + print.rowBreaks.length));
    const layout = ws.pageLayout;
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.setPrintArea(rangeAddress(print.area));
    if (print.titleRows)
      layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
    for (const row of print.rowBreaks)
      if (row > 0) ws.horizontalPageBreaks.add(cellAddress(row, 0));
  }

  /** Tests only: throw between the formula pass and the final batch, as a failure would. */
  failAfterWritesForTests?: () => void;

  /**
   * The plan's charts on the new sheets, in two steps: make each chart from its first series'
   * cells and ask how many series Excel made (none when those cells hold no number, e.g. all
   * "n/a"), sync, then bind every series to its cells. (ChartSeriesCollection.getCount, ExcelApi
   * 1.4; ChartSeries.setValues/setXAxisValues and ChartSeriesCollection.add, ExcelApi 1.7.)
   */
  private async addCharts(
    batch: WriteBatch,
    sheets: Excel.Worksheet[],
    plan: WorkbookPlan
  ): Promise<void> {
    const made: {
      ws: Excel.Worksheet;
      spec: ChartSpec;
      chart: Excel.Chart;
      count: OfficeExtension.ClientResult<number>;
    }[] = [];
    for (let i = 0; i < plan.sheets.length; i++) {
      const ws = sheets[i];
      for (const spec of plan.sheets[i].charts) {
        const [first] = spec.series;
        if (!first) continue;
        await batch.reserve(OP_BYTES * 3);
        const seriesBy = first.values.rows === 1 && first.values.columns > 1 ? "Rows" : "Columns";
        const chart = ws.charts.add(
          CHART_TYPES[spec.type],
          ws.getRange(rangeAddress(first.values)),
          seriesBy
        );
        chart.title.text = spec.title;
        const a = spec.anchor;
        chart.setPosition(
          cellAddress(a.row, a.column),
          cellAddress(a.row + Math.max(1, a.rows) - 1, a.column + Math.max(1, a.columns) - 1)
        );
        made.push({ ws, spec, chart, count: chart.series.getCount() });
      }
    }
    if (made.length === 0) return;
    await batch.syncWriting();
    for (const { ws, spec, chart, count } of made) {
      await batch.reserve(OP_BYTES * 3 * spec.series.length);
      const categories = rangeAddress(spec.categories);
      spec.series.forEach((s, k) => {
        // No chart.altText: Excel.Chart has no alt-text property in any requirement set
        // (Excel.Chart reference, ExcelApi 1.1–1.21); the plan's description cell beside the
        // chart is its text alternative (core/summary/chart-descriptions.ts).
        const series =
          k === 0 && count.value > 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
        series.setValues(ws.getRange(rangeAddress(s.values)));
        series.setXAxisValues(ws.getRange(categories));
        series.name = s.name;
        this.styleSeries(series, spec, k, formatOf(plan.sheets[sheets.indexOf(ws)], s.values));
      });
    }
  }

  /**
   * A series told apart without its colour (`chart-style.ts`): the palette's colour, and a marker
   * of its own on a line (ExcelApi 1.7), or its values as data labels on a bar (ExcelApi 1.8 for
   * the labels' number format). Office.js has no pattern fill, so bars carry labels only.
   */
  private styleSeries(
    series: Excel.ChartSeries,
    spec: ChartSpec,
    k: number,
    format: string | undefined
  ): void {
    const colour = `#${seriesColour(k)}`;
    if (spec.type === "line") {
      series.format.line.color = colour;
      if (this.supports("ExcelApi", "1.7") === false) return;
      const marker = seriesMarker(k);
      series.markerStyle =
        marker === "x"
          ? "X"
          : ((marker[0].toUpperCase() + marker.slice(1)) as Excel.ChartMarkerStyle);
      series.markerSize = 7;
      series.markerBackgroundColor = colour;
      series.markerForegroundColor = colour;
      return;
    }
    series.format.fill.setSolidColor(colour);
    if (this.supports("ExcelApi", "1.8") === false) return;
    const inside = spec.type === "columnStacked" || spec.type === "columnStacked100";
    series.hasDataLabels = true;
    const labels = series.dataLabels;
    labels.showValue = true;
    labels.position = inside ? "Center" : "OutsideEnd";
    labels.numberFormat = dataLabelFormat(format);
    labels.format.font.color = inside ? "#000000" : `#${CHART_TEXT}`;
    labels.format.font.size = 8;
  }

  /** Conditional formats and validation lists of a new sheet. */
  private async addFormats(batch: WriteBatch, ws: Excel.Worksheet, spec: SheetSpec): Promise<void> {
    for (const cf of spec.conditionalFormats ?? []) {
      await batch.reserve(OP_BYTES * 2);
      // A custom (formula) rule flags numbers only: a "CellValue" rule would mark "n/a", which
      // Excel ranks above every number. (Excel.CustomConditionalFormat, ExcelApi 1.6; its
      // formula is relative to the range's top-left cell.)
      const format = ws.getRange(rangeAddress(cf.range)).conditionalFormats.add("Custom");
      format.custom.rule.formula = `=${numberRuleFormula(cf)}`;
      format.custom.format.fill.color = STYLE_COLOURS.warningFill;
      format.custom.format.font.color = STYLE_COLOURS.warningText;
    }
    for (const validation of spec.validations) {
      await batch.reserve(OP_BYTES + validation.list.join(",").length);
      const range = ws.getRange(rangeAddress(validation.range));
      range.dataValidation.rule = {
        list: { inCellDropDown: true, source: validation.list.join(",") },
      };
      if (validation.prompt) {
        range.dataValidation.prompt = {
          showPrompt: true,
          title: "",
          message: validation.prompt.slice(0, 255),
        };
      }
    }
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        await context.sync();
        if (ws.isNullObject) {
          throw new PlainError(`The sheet "${sheet}" is no longer in the workbook.`);
        }
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      });
    } catch (error) {
      throw plain(error, `Excel could not select ${address} on "${sheet}"`);
    }
  }

  async loadSettings(): Promise<Record<string, unknown>> {
    const raw = this.settings().get();
    let value: unknown = raw;
    if (typeof raw === "string") {
      if (raw.trim() === "") return {};
      try {
        value = JSON.parse(raw);
      } catch {
        return {};
      }
    }
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  }

  async saveSettings(settings: Record<string, unknown>): Promise<void> {
    const store = this.settings();
    store.set(JSON.stringify(settings));
    await store.save();
  }

  /**
   * An .xlsx file opens as a new workbook through Excel.createWorkbook (ExcelApi 1.8), which
   * works in Excel on Windows, on a Mac and on the web, leaving this workbook unchanged. Anything
   * else, or where that API is missing or Excel refuses it (e.g. a pop-up blocked on the web), is
   * "unavailable": an add-in cannot save a file in every Excel (blob downloads do nothing in Excel
   * on a Mac, office-js #2700), so the pane puts the content on a sheet instead.
   */
  /** The open workbook's bytes (Office.context.document.getFileAsync, compressed, in slices). */
  async openWorkbookBytes(): Promise<Uint8Array | null> {
    const source = "document" in this.options ? this.options.document : officeDocument();
    if (!source) return null;
    return readDocumentFile(source);
  }

  async deliverFile(file: FileToDeliver): Promise<Delivery> {
    if (file.type !== XLSX_TYPE || typeof file.data === "string") return "unavailable";
    if (this.supports("ExcelApi", "1.8") === false) return "unavailable";
    const create =
      "createWorkbook" in this.options ? this.options.createWorkbook : officeCreateWorkbook();
    if (!create) return "unavailable";
    try {
      await create(toBase64(file.data));
      return "opened";
    } catch {
      return "unavailable";
    }
  }
}

/** The number format of the first number in a range of the sheet's blocks (a series' values). */
function formatOf(spec: SheetSpec | undefined, range: RangeSpec): string | undefined {
  for (const block of spec?.blocks ?? [])
    for (let r = range.row; r < range.row + range.rows; r++)
      for (let c = range.column; c < range.column + range.columns; c++) {
        const cell = block.cells[r - block.row]?.[c - block.column];
        if (cell?.format && typeof cell.value === "number") return cell.format;
      }
  return undefined;
}

function plain(error: unknown, what: string): Error {
  if (error instanceof PlainError) return new Error(error.message);
  return new Error(`${what}: ${message(error)}`);
}

/** Rows [start, end) of a block: number formats first (so a plan's "@" applies), then formulas or values. */
function hasFormulas(cells: CellSpec[][], start: number, end: number): boolean {
  for (let r = start; r < end; r++)
    for (const cell of cells[r]) if (cell?.formula !== undefined) return true;
  return false;
}

/** The tab colour of a sheet still being written (cleared when the build completes). */
const INCOMPLETE_TAB = "#C50F1F";

/**
 * Writes rows [start, end) of a block. "values" writes every cell as a value (a formula cell as
 * the value core computed for it, so nothing refers to a table before it exists); "formulas"
 * then writes the same rows through `formulas`, literals and formulas together.
 */
function writeChunk(
  ws: Excel.Worksheet,
  block: BlockSpec,
  width: number,
  start: number,
  end: number,
  mode: "values" | "formulas"
): void {
  const rows = block.cells.slice(start, end);
  let hasFormula = false;
  let hasFormat = false;
  for (const row of rows) {
    for (const cell of row) {
      if (cell?.formula !== undefined) hasFormula = true;
      if (cell?.format) hasFormat = true;
    }
  }
  const pad = (row: CellSpec[]): (CellSpec | undefined)[] =>
    row.length === width ? row : [...row, ...new Array<undefined>(width - row.length)];
  const range = ws.getRange(blockRowsAddress(block, width, start, end));
  if (mode === "values") {
    if (hasFormat)
      range.numberFormat = rows.map((row) => pad(row).map((cell) => cell?.format ?? "General"));
    range.values = rows.map((row) =>
      pad(row).map((cell) => literalFor(cell?.formula !== undefined ? { value: cell.value } : cell))
    );
    return;
  }
  if (hasFormula) {
    // `formulas` takes constants too: literal cells next to formulas go in the same matrix.
    range.formulas = rows.map((row) =>
      pad(row).map((cell) =>
        cell?.formula !== undefined ? formulaFor(cell.formula) : literalFor(cell)
      )
    );
  } else {
    range.values = rows.map((row) => pad(row).map((cell) => literalFor(cell)));
  }
}
