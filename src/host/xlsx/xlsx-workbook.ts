/**
 * The workbook port on an .xlsx file: the command line and the browser workbench build the same
 * sheets from the same WorkbookPlan as the Excel add-in does. No Node or DOM API here (bytes in,
 * bytes out); `node-file.ts` reads and writes files for the command line.
 *
 * ExcelJS reads the user's workbook and writes the user's sheets, the workbook part and the
 * product sheets' layout (views, frozen panes, column widths, page setup, conditional formats).
 * The product's sheets' cells and tables (the normalised staff table is one cell per staff
 * value), and a CSV's rows (`addValuesSheet`), are written by the adapter itself as worksheet XML
 * (`sheet-rows.ts`, `cell-styles.ts`): streamed into their parts when the package is generated,
 * with shared strings and cell formats appended to ExcelJS's parts, then deflated once (fflate, or
 * a native compressor the caller passes). ExcelJS holds only the layout of those sheets until
 * something reads their cells through `workbook`. Sheets handed to the user (templates, a census
 * return's staff table) are written through ExcelJS, so the port lists and reads their tables
 * before the file is saved. The adapter also edits the saved package for what ExcelJS cannot do:
 *
 * - **Owner marker**: the one the Office.js adapter sets, a worksheet custom property
 *   "WorkforceScrutiny" whose value is the plan sheet key. In the file that is a <customPr> in the
 *   sheet with its value, UTF-16LE, in xl/customPropertyN.bin, as Excel stores
 *   `worksheet.customProperties`. It is invisible, survives Excel's saves and follows a renamed
 *   sheet, and a file built here and a workbook built in Excel recognise each other's sheets.
 * - **Settings**: JSON in a custom XML part (`settings.ts`).
 * - **Charts**: DrawingML parts (`charts.ts`) bound to the summary's cells.
 * - **Defined names and validations** (`defined-names.ts`, `worksheet-parts.ts`), written by the
 *   adapter, since ExcelJS's handling of them is lossy or slow.
 * - **What the original file had** that ExcelJS would lose (`original.ts`).
 * - Formulas get `_xlfn.` where Excel needs it, and every formula its cached value
 *   (`cell-values.ts`); `fullCalcOnLoad` makes Excel recalculate on opening.
 *
 * `unsupportedContent()` lists what ExcelJS drops and the adapter does not restore (pivot tables,
 * macros, links to other workbooks, …), so a caller can warn before saving over such a file.
 */
import ExcelJS from "exceljs";
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
  RangeSpec,
  SheetSpec,
  TableRangeSpec,
  TableSpec,
  WorkbookPlan,
} from "../../core/summary/plan";
import type {
  Delivery,
  SourceTable,
  WorkbookPort,
  WriteProgress,
  WriteResult,
} from "../workbook-port";
import {
  nameClash,
  parseAddress,
  sourceTable,
  STYLE_COLOURS,
  uniqueSheetName,
} from "../sheet-helpers";
import { excelJsValue, plainCell } from "./cell-values";
import { addCharts, ensureRelNamespace } from "./charts";
import type { CachedValue, ChartPart } from "./charts";
import { isOwnedName, sheetOfFormula, withDefinedNames } from "./defined-names";
import type { OriginalName, ProductName } from "./defined-names";
import { carryDrawing, carryPackageParts, readOriginal } from "./original";
import type { Original } from "./original";
import { CONTENT_TYPES, SHEET_DATA_SLOT, WORKBOOK, XlsxPackage } from "./package";
import type { PartCompressor } from "./package";
import { readSettings, settingsFromCustomXml, writeSettingsPart } from "./settings";
import type { Settings } from "./settings";
import { CellStyles } from "./cell-styles";
import {
  dimensionRef,
  mergeCellsXml,
  planSheetCells,
  SharedStrings,
  sheetDataChunks,
  tablePartXml,
} from "./sheet-rows";
import type { SheetCell, SheetCells } from "./sheet-rows";
import { storedColumnWidth, xlsxStyle } from "./styles";
import {
  fixLegacyDrawingOrder,
  validationsXml,
  withValidations,
  writeCustomProperties,
} from "./worksheet-parts";
import type { CustomProperty } from "./worksheet-parts";
import {
  addOverride,
  attributes,
  CONTENT_TYPE,
  decodePropertyBytes,
  findElement,
  findTags,
  insertWorksheetChild,
  REL,
  removeElement,
  resolveTarget,
  utf16le,
} from "./xml";

export { OWNED_NAME_PREFIX } from "./defined-names";
export { SETTINGS_NAMESPACE } from "./settings";

/** The worksheet custom property that marks a sheet as the product's (as in the Office.js adapter). */
export const MARKER_KEY = "WorkforceScrutiny";

type Worksheet = ExcelJS.Worksheet;

/** A product sheet whose cells and tables the adapter writes itself (`sheet-rows.ts`). */
interface PendingSheet {
  cells: SheetCells;
  tables: { name: string; style?: string; range: RangeSpec; columns: string[] }[];
  /** Its cells have been put into ExcelJS too, for reading. */
  materialised: boolean;
}

/** Cells of a sheet by "row,column" (0-based); where blocks overlap, the later block's. */
interface CellLookup {
  get(key: string): CellSpec | undefined;
}

function blockCells(blocks: readonly BlockSpec[]): CellLookup {
  return {
    get(key: string): CellSpec | undefined {
      const comma = key.indexOf(",");
      const r = Number(key.slice(0, comma));
      const c = Number(key.slice(comma + 1));
      for (let i = blocks.length - 1; i >= 0; i--) {
        const b = blocks[i];
        if (r < b.row || c < b.column) continue;
        const cell = b.cells[r - b.row]?.[c - b.column];
        if (cell) return cell;
      }
      return undefined;
    },
  };
}

/** Write blocks' cells into an ExcelJS sheet (values, formats, styles); returns them by position. */
function writeCells(
  ws: Worksheet,
  blocks: readonly BlockSpec[],
  written: (cells: number) => void = () => {}
): Map<string, CellSpec> {
  const cells = new Map<string, CellSpec>();
  for (const block of blocks) {
    const width = blockWidth(block);
    if (width === 0) continue;
    block.cells.forEach((row, i) => {
      const sheetRow = ws.getRow(block.row + i + 1);
      row.forEach((cell, j) => {
        if (!cell) return;
        cells.set(`${block.row + i},${block.column + j}`, cell);
        if (
          cell.formula === undefined &&
          (cell.value === null || cell.value === undefined) &&
          !cell.format &&
          !cell.style
        )
          return;
        const target = sheetRow.getCell(block.column + j + 1);
        if (cell.format) target.numFmt = cell.format;
        if (cell.style) {
          const style = xlsxStyle(cell.style);
          if (style.font) target.font = style.font;
          if (style.fill) target.fill = style.fill;
          if (style.border) target.border = style.border as ExcelJS.Borders;
          if (style.alignment) target.alignment = style.alignment;
        }
        target.value = excelJsValue(cell) as ExcelJS.CellValue;
      });
    });
    written(block.cells.length * width);
  }
  return cells;
}

/**
 * Put a pending sheet's cells into its ExcelJS sheet, for reading only: the saved file has the
 * adapter's own rows (ExcelJS's are set aside while it writes the package).
 */
function materialise(ws: Worksheet, sheet: PendingSheet): void {
  writeCells(
    ws,
    sheet.cells.blocks.map((b) => ({
      row: b.row,
      column: b.column,
      cells: b.cells.map((row) =>
        row.map((cell): CellSpec =>
          typeof cell === "object" && cell
            ? cell
            : { value: cell === "" || cell === undefined ? null : cell }
        )
      ),
    }))
  );
  for (const [r, names] of sheet.cells.headers)
    for (const [c, name] of names) ws.getCell(r + 1, c + 1).value = name;
  for (const p of sheet.cells.paragraphs) {
    const master = ws.getCell(p.row + 1, p.column + 1);
    master.alignment = { ...master.alignment, wrapText: true, vertical: "top" };
  }
}

/** What the adapter keeps about a sheet beyond what ExcelJS holds. */
interface SheetExtras {
  customProperties: CustomProperty[];
  /** The sheet part in the original package (its drawing is carried over). */
  sourcePath?: string;
  /** A user's sheet's original <dataValidations>, or the plan's (a product sheet). */
  validationsXml?: string | null;
  charts: Omit<ChartPart, "sheetName">[];
}

/** The part of ExcelJS's table model the adapter reads and corrects. */
interface TableModel {
  name: string;
  tableRef?: string;
  headerRow?: boolean;
  columns: { name: string; filterButton?: boolean }[];
}

function lower(s: string): string {
  return s.toLowerCase();
}

function blockWidth(block: BlockSpec): number {
  let width = 0;
  for (const row of block.cells) width = Math.max(width, row.length);
  return width;
}

function worksheetTables(ws: Worksheet): TableModel[] {
  const tables = (ws as unknown as { tables?: Record<string, { model?: TableModel }> }).tables;
  return Object.values(tables ?? {})
    .map((t) => t.model)
    .filter((t): t is TableModel => t !== undefined);
}

export class XlsxWorkbook implements WorkbookPort {
  private readonly extras = new Map<number, SheetExtras>();
  private names: OriginalName[] = [];
  private productNames: (Omit<ProductName, "sheet"> & { worksheetId: number })[] = [];
  private settings: Settings | null = null;
  private settingsChanged = false;
  /** The bytes the workbook was opened from, until the port changes it. */
  private openedBytes: Uint8Array | null = null;

  private constructor(
    private readonly book: ExcelJS.Workbook,
    private readonly original: Original | null
  ) {}

  /**
   * The product's sheets the adapter writes itself on save (`sheet-rows.ts`), by worksheet id:
   * ExcelJS holds only their layout (views, widths, page setup, conditional formats) until
   * something reads their cells through `workbook`.
   */
  private readonly pending = new Map<number, PendingSheet>();

  /**
   * The ExcelJS workbook, for reading (the workbench's viewer, tests): the product's sheets'
   * cells are put into it on first use. Change the workbook through the port: names,
   * validations and markers added straight to ExcelJS are not saved.
   */
  get workbook(): ExcelJS.Workbook {
    for (const [id, sheet] of this.pending) {
      if (sheet.materialised) continue;
      const ws = this.book.getWorksheet(id);
      if (ws) materialise(ws, sheet);
      sheet.materialised = true;
    }
    return this.book;
  }

  /** A new workbook with no sheets (writePlan adds them; saving one without sheets adds "Sheet1"). */
  static empty(): XlsxWorkbook {
    const workbook = new ExcelJS.Workbook();
    // Document properties name the product, never a person (a summary may be published).
    workbook.creator = "Workforce Scrutiny";
    workbook.lastModifiedBy = "Workforce Scrutiny";
    return new XlsxWorkbook(workbook, null);
  }

  /** Open an .xlsx file's bytes. */
  static async fromBuffer(buf: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const original = await readOriginal(buf instanceof Uint8Array ? buf : new Uint8Array(buf));
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(original.forExcelJs as unknown as ArrayBuffer);
    } catch (error) {
      throw new Error(
        `The workbook could not be read: ${error instanceof Error ? error.message : String(error)}`
      );
    }
    const book = new XlsxWorkbook(workbook, original);
    book.openedBytes = buf instanceof Uint8Array ? buf.slice() : new Uint8Array(buf.slice(0));
    book.names = original.names;
    for (const ws of workbook.worksheets) {
      const sheet = original.sheets.get(ws.name);
      book.extras.set(ws.id, {
        customProperties: sheet?.customProperties ?? [],
        sourcePath: sheet?.path,
        validationsXml: sheet?.validationsXml,
        charts: [],
      });
      for (const table of worksheetTables(ws)) {
        const fix = original.tables.get(lower(table.name));
        if (!fix) continue;
        table.headerRow = fix.headerRow;
        table.columns.forEach((column, i) => {
          column.filterButton = fix.hasAutoFilter && !fix.hiddenButtons.has(i);
        });
      }
    }
    book.settings = await readSettings(original.pkg);
    return book;
  }

  /**
   * Add a sheet of plain values (a CSV's rows, a census return's workers) at the end, not the
   * product's (no marker): the adapter writes its cells itself on save; empty text is an empty
   * cell. `formats` gives a number format by 0-based column (dates). The rows must not change
   * until the workbook is saved.
   */
  addValuesSheet(
    name: string,
    rows: readonly (readonly unknown[])[],
    formats: ReadonlyMap<number, string> = new Map()
  ): void {
    const ws = this.book.addWorksheet(name);
    // The rows as they are, not copied (the writer writes numbers, text and booleans, and leaves
    // anything else, and empty text, an empty cell); a formatted column's cells become plan cells.
    const cells =
      formats.size === 0
        ? (rows as readonly (readonly SheetCell[])[])
        : rows.map((row) =>
            row.map((v, j): SheetCell => {
              const format = formats.get(j);
              const value =
                typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : null;
              return format ? { value: value === "" ? null : value, format } : value;
            })
          );
    this.pending.set(ws.id, {
      cells: {
        blocks: [{ row: 0, column: 0, cells }],
        headers: new Map(),
        paragraphs: [],
        rowHeights: [],
      },
      tables: [],
      materialised: false,
    });
    this.extras.set(ws.id, { customProperties: [], charts: [] });
    this.openedBytes = null;
  }

  /** Kinds of content of the original file that saving loses (empty when there is none). */
  unsupportedContent(): string[] {
    return [...(this.original?.unsupported ?? [])];
  }

  /** The plan key a sheet is marked with, or null for a sheet the product does not own. */
  markerOf(ws: Worksheet): string | null {
    const prop = this.extras.get(ws.id)?.customProperties.find((p) => p.name === MARKER_KEY);
    return prop ? decodePropertyBytes(prop.bytes) : null;
  }

  async listTables(): Promise<SourceTable[]> {
    const result: SourceTable[] = [];
    const withTable = new Set<number>();
    const sheets = this.workbook.worksheets.filter((ws) => this.markerOf(ws) === null);
    for (const ws of sheets) {
      for (const table of worksheetTables(ws)) {
        if (!table.tableRef) continue;
        withTable.add(ws.id);
        result.push(sourceTable(table.name, ws.name, "table", table.tableRef));
      }
    }
    for (const ws of sheets) {
      if (withTable.has(ws.id)) continue;
      const used = usedRange(ws);
      if (used) result.push(sourceTable(ws.name, ws.name, "range", rangeAddress(used)));
    }
    return result;
  }

  async readTable(table: SourceTable): Promise<unknown[][]> {
    const ws = this.workbook.getWorksheet(table.sheet);
    if (!ws) {
      throw new Error(
        `The sheet "${table.sheet}" is no longer in the workbook: choose the staff table again.`
      );
    }
    const where = parseAddress(table.address);
    const out: unknown[][] = [];
    for (let r = 0; r < where.rows; r++) {
      const row = ws.getRow(where.row + r + 1);
      const values: unknown[] = [];
      for (let c = 0; c < where.columns; c++)
        values.push(plainCell(row.getCell(where.column + c + 1)));
      out.push(values);
    }
    return out;
  }

  async writePlan(plan: WorkbookPlan, progress?: WriteProgress): Promise<WriteResult> {
    this.openedBytes = null;
    progress?.("Reading the workbook", 0);
    // Template and imported sheets are handed to the user: never marked, never replaced.
    const planKeys = new Set<string>(
      plan.sheets.filter((s) => !isHandedToUser(s.key)).map((s) => s.key)
    );
    const old: Worksheet[] = [];
    const kept: Worksheet[] = [];
    for (const ws of this.book.worksheets) {
      const marker = this.markerOf(ws);
      if (marker !== null && planKeys.has(marker)) old.push(ws);
      else kept.push(ws);
    }
    const takenTables = new Set<string>(this.names.map((n) => lower(n.name)));
    for (const ws of kept) for (const t of worksheetTables(ws)) takenTables.add(lower(t.name));
    plan = withFreeTemplateTableNames(plan, takenTables);
    this.checkNameClashes(plan, kept);
    // A plan Excel could not open fails here, before the workbook changes.
    for (const spec of plan.sheets) {
      validationsXml(spec.validations);
      for (const table of spec.tables) tableColumnNames(table);
      checkTablesAndParagraphs(spec);
    }

    const taken = new Set(kept.map((ws) => lower(ws.name)));
    const sheetNames: Record<string, string> = {};
    for (const spec of plan.sheets) {
      const name = uniqueSheetName(spec.preferredName, taken);
      taken.add(lower(name));
      sheetNames[spec.key] = name;
    }

    // The product's names on the sheets being replaced, or that the plan defines again, go;
    // those on the product's other sheets (another plan's) stay.
    const oldIds = new Set(old.map((ws) => ws.id));
    const keptSheets = new Set(kept.map((ws) => lower(ws.name)));
    const planNames = new Set(plan.sheets.flatMap((s) => s.names.map((n) => lower(n.name))));
    this.names = this.names.filter((n) => {
      if (!isOwnedName(n.name)) return true;
      if (planNames.has(lower(n.name))) return false;
      const sheet = sheetOfFormula(n.formula);
      return sheet === undefined || keptSheets.has(lower(sheet));
    });
    this.productNames = this.productNames.filter(
      (n) => !oldIds.has(n.worksheetId) && !planNames.has(lower(n.name))
    );
    // A sheet-scoped name (its print titles, its print area) goes with its sheet.
    const oldSheets = new Set(old.map((ws) => lower(ws.name)));
    this.names = this.names.filter(
      (n) => n.localSheet === undefined || !oldSheets.has(lower(n.localSheet))
    );
    for (const ws of old) {
      this.extras.delete(ws.id);
      this.pending.delete(ws.id);
      this.book.removeWorksheet(ws.id);
    }

    const totalCells = plan.sheets.reduce(
      (sum, spec) =>
        sum +
        [...spec.blocks, ...spec.tables].reduce((s, b) => s + b.cells.length * blockWidth(b), 0),
      0
    );
    let doneCells = 0;
    const added: Worksheet[] = [];
    try {
      plan.sheets.forEach((spec, i) => {
        const ws = this.book.addWorksheet(sheetNames[spec.key]);
        added.push(ws);
        this.writeSheet(ws, spec, (cells) => {
          doneCells += cells;
          progress?.(`Writing ${ws.name}`, totalCells ? (0.9 * doneCells) / totalCells : 0.9);
        });
        this.failAfterSheetForTests?.(i);
      });
    } catch (error) {
      // The user's sheets were never touched. What this build wrote is marked incomplete (name
      // and red tab) rather than passed off as a summary; nothing reaches a file unless the
      // caller saves, and the command line saves only after a whole build.
      for (const ws of added) {
        this.pending.delete(ws.id);
        ws.name = uniqueSheetName(
          `Incomplete ${ws.name}`.slice(0, 31),
          new Set(this.book.worksheets.map((w) => lower(w.name)))
        );
        ws.properties.tabColor = { argb: "FFC50F1F" };
        ws.getCell(1, 1).value = "INCOMPLETE: this build did not finish. Build the summary again.";
      }
      throw error;
    }
    progress?.("Adding tables, charts and names", 0.9);
    if (added.length > 0) this.activate(added[0]);
    if (plan.properties && mayReplaceTitle(this.book.title, plan.properties.title)) {
      this.book.title = plan.properties.title;
      this.book.subject = plan.properties.subject;
    }
    this.book.calcProperties.fullCalcOnLoad = true;
    progress?.("Done", 1);
    return { sheetNames, syncs: 0 };
  }

  /** Refuse before changing anything when a name the plan needs is a user's (as the Office.js adapter does). */
  private checkNameClashes(plan: WorkbookPlan, kept: Worksheet[]): void {
    const userNames = new Set(
      this.names.filter((n) => !isOwnedName(n.name) && !n.localSheet).map((n) => lower(n.name))
    );
    const userTables = new Set<string>();
    for (const ws of kept) for (const t of worksheetTables(ws)) userTables.add(lower(t.name));
    const clash = nameClash(plan, userNames, userTables);
    if (clash) throw new Error(clash);
  }

  private writeSheet(ws: Worksheet, spec: SheetSpec, written: (cells: number) => void): void {
    const blocks = [...spec.blocks, ...spec.tables];
    if (isHandedToUser(spec.key)) {
      // A template or an imported table becomes the user's: ExcelJS holds its cells and tables,
      // so the port reads them (listTables, readTable) before the file is saved.
      const cells = writeCells(ws, blocks, written);
      for (const table of spec.tables) addTable(ws, table);
      for (const table of spec.tableRanges ?? []) addTable(ws, tableOver(table, cells));
      for (const p of spec.paragraphs ?? []) {
        if (p.rows > 1 || p.columns > 1)
          ws.mergeCells(p.row + 1, p.column + 1, p.row + p.rows, p.column + p.columns);
        const master = ws.getCell(p.row + 1, p.column + 1);
        master.alignment = { ...master.alignment, wrapText: true, vertical: "top" };
      }
      for (const { row, points } of spec.rowHeights ?? []) ws.getRow(row + 1).height = points;
    } else {
      // The product's own sheets (the normalised staff table is one cell per staff value): the
      // adapter writes their cells and tables itself when saving.
      const tables = [
        ...spec.tables.map((t) => ({
          name: t.name,
          style: t.style,
          columns: tableColumnNames(t),
          range: {
            row: t.row,
            column: t.column,
            rows: Math.max(2, t.cells.length),
            columns: blockWidth(t),
          },
        })),
        ...(spec.tableRanges ?? []).map((t) => ({
          name: t.name,
          style: t.style,
          columns: tableColumnNames(tableOver(t, blockCells(spec.blocks))),
          range: t.range,
        })),
      ].filter((t) => t.columns.length > 0);
      this.pending.set(ws.id, {
        cells: planSheetCells(
          spec,
          tables.map((t) => ({ row: t.range.row, column: t.range.column, names: t.columns }))
        ),
        tables,
        materialised: false,
      });
      for (const block of blocks) written(block.cells.length * blockWidth(block));
    }
    if (spec.print) {
      const print = spec.print;
      ws.pageSetup = {
        ...ws.pageSetup,
        orientation: print.orientation,
        paperSize: 9, // A4
        fitToPage: print.fitToWidth,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      };
      // A break under 1-based row r starts a page at 0-based row r.
      for (const r of print.rowBreaks) if (r > 0) ws.getRow(r).addPageBreak();
    }

    spec.columnWidths.forEach((chars, column) => {
      ws.getColumn(column + 1).width = storedColumnWidth(chars);
    });
    if (spec.freezeRows && spec.freezeRows > 0) {
      const below = cellAddress(spec.freezeRows, 0);
      // The selection belongs to the pane below the frozen rows.
      ws.views = [
        {
          state: "frozen",
          xSplit: 0,
          ySplit: spec.freezeRows,
          topLeftCell: below,
          activeCell: below,
        },
      ];
    }

    for (const cf of spec.conditionalFormats ?? []) {
      ws.addConditionalFormatting({
        ref: rangeAddress(cf.range),
        rules: [
          {
            // A formula rule (numbers past the threshold only), not "cellIs", which marks "n/a".
            type: "expression",
            formulae: [numberRuleFormula(cf)],
            priority: 1,
            style: {
              fill: {
                type: "pattern",
                pattern: "solid",
                bgColor: { argb: `FF${STYLE_COLOURS.warningFill.slice(1)}` },
              },
              font: { color: { argb: `FF${STYLE_COLOURS.warningText.slice(1)}` } },
            },
          },
        ],
      });
    }

    const cellsOf = blockCells(blocks);
    const valuesOf = (r: RangeSpec): { values: CachedValue[]; format?: string } => {
      const values: CachedValue[] = [];
      let format: string | undefined;
      for (let i = 0; i < r.rows; i++) {
        for (let j = 0; j < r.columns; j++) {
          const cell = cellsOf.get(`${r.row + i},${r.column + j}`);
          values.push(cell?.value ?? null);
          if (!format && cell?.format && typeof cell.value === "number") format = cell.format;
        }
      }
      return { values, format };
    };
    this.extras.set(ws.id, {
      customProperties: isHandedToUser(spec.key)
        ? []
        : [{ name: MARKER_KEY, bytes: utf16le(spec.key) }],
      // Checked now, so a list Excel cannot hold fails the build rather than the save.
      validationsXml: validationsXml(spec.validations),
      charts: spec.charts
        .filter((c) => c.series.length > 0)
        .map((chart) => ({
          spec: chart,
          categories: valuesOf(chart.categories),
          series: chart.series.map((s) => ({ name: s.name, ...valuesOf(s.values) })),
        })),
    });
    for (const n of spec.names)
      this.productNames.push({ name: n.name, range: n.range, worksheetId: ws.id });
    // Print area and titles are the sheet's own names (ExcelJS's would be dropped with the rest).
    if (spec.print) {
      this.productNames.push({
        name: "_xlnm.Print_Area",
        range: spec.print.area,
        worksheetId: ws.id,
        local: true,
      });
      const t = spec.print.titleRows;
      if (t)
        this.productNames.push({
          name: "_xlnm.Print_Titles",
          range: { row: t.first, column: 0, rows: t.last - t.first + 1, columns: 0 },
          worksheetId: ws.id,
          local: true,
          wholeRows: true,
        });
    }
  }

  /** Make a sheet the one shown on opening (and the only selected tab). */
  private activate(ws: Worksheet, cell?: string): void {
    const index = this.book.worksheets.indexOf(ws);
    const base = this.book.views?.[0];
    this.book.views = [
      {
        x: base?.x ?? 0,
        y: base?.y ?? 0,
        width: base?.width ?? 16000,
        height: base?.height ?? 9000,
        visibility: base?.visibility ?? "visible",
        firstSheet: 0,
        activeTab: Math.max(0, index),
      },
    ];
    for (const other of this.book.worksheets) {
      const views = other.views && other.views.length > 0 ? other.views : [{}];
      other.views = views.map((v, i) =>
        i === 0
          ? ({
              state: "normal",
              ...v,
              tabSelected: other === ws,
              ...(other === ws && cell ? { activeCell: cell } : {}),
            } as unknown as ExcelJS.WorksheetView)
          : v
      ) as ExcelJS.WorksheetView[];
    }
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const ws = this.book.getWorksheet(sheet);
    if (!ws) throw new Error(`The sheet "${sheet}" is no longer in the workbook.`);
    const where = parseAddress(address);
    this.activate(ws, cellAddress(where.row, where.column));
  }

  async loadSettings(): Promise<Record<string, unknown>> {
    return this.settings ? structuredCopy(this.settings) : {};
  }

  async saveSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = structuredCopy(settings);
    this.settingsChanged = true;
    this.openedBytes = null;
  }

  /** A workbook file has no way to hand over another file: the caller (the workbench) downloads it. */
  async deliverFile(): Promise<Delivery> {
    return "unavailable";
  }

  /**
   * The workbook's bytes: exactly the file it was opened from while nothing has changed it (so a
   * copy keeps every part), else the workbook as it would be saved now.
   */
  async openWorkbookBytes(): Promise<Uint8Array | null> {
    return this.openedBytes ? this.openedBytes.slice() : this.toBuffer();
  }

  /** Tests only: throw after writing plan sheet `i`, as a failure half-way would. */
  failAfterSheetForTests?: (i: number) => void;

  /**
   * The workbook as .xlsx bytes. `compressor`: the deflate to use (by default the platform's
   * Compression Streams API where it has one; null for fflate's).
   */
  async toBuffer(options: { compressor?: PartCompressor | null } = {}): Promise<Uint8Array> {
    if (this.book.worksheets.length === 0) this.book.addWorksheet("Sheet1");
    this.book.calcProperties.fullCalcOnLoad = true;
    // ExcelJS's package is reopened at once to add what it cannot write, then compressed once
    // at the end: storing it uncompressed here halves the (pure JavaScript) deflate work.
    // The adapter writes the pending sheets' rows: ExcelJS writes only their layout.
    const setAside = new Map<Worksheet, unknown>();
    for (const id of this.pending.keys()) {
      const ws = this.book.getWorksheet(id) as unknown as { _rows: unknown } | undefined;
      if (!ws) continue;
      setAside.set(ws as unknown as Worksheet, ws._rows);
      ws._rows = [];
    }
    let written: Uint8Array;
    try {
      written = (await this.book.xlsx.writeBuffer({
        zip: { compression: "STORE" },
      } as unknown as Parameters<typeof this.book.xlsx.writeBuffer>[0])) as unknown as Uint8Array;
    } finally {
      for (const [ws, rows] of setAside) (ws as unknown as { _rows: unknown })._rows = rows;
    }
    const pkg = await XlsxPackage.open(written);
    const sheets = await pkg.sheets();
    const paths = new Map(sheets.map((s) => [lower(s.name), s.path]));

    const product: ProductName[] = [];
    for (const n of this.productNames) {
      const ws = this.book.getWorksheet(n.worksheetId);
      if (ws) product.push({ ...n, sheet: ws.name });
    }
    pkg.setText(
      WORKBOOK,
      withDefinedNames(
        (await pkg.text(WORKBOOK)) ?? "",
        sheets.map((s) => s.name),
        this.names,
        product
      )
    );

    const cellParts = await openCellParts(pkg);
    let tableId = await lastTableId(pkg);
    for (const ws of this.book.worksheets) {
      const path = paths.get(lower(ws.name));
      const sheet = this.pending.get(ws.id);
      if (!path || !sheet) continue;
      tableId = await writePendingSheet(pkg, path, sheet, cellParts, tableId);
    }

    for (const ws of this.book.worksheets) {
      const path = paths.get(lower(ws.name));
      const extras = this.extras.get(ws.id);
      if (!path || !extras) continue;
      let xml = ensureRelNamespace(fixLegacyDrawingOrder((await pkg.text(path)) ?? ""));
      xml = extras.validationsXml
        ? withValidations(xml, extras.validationsXml)
        : removeElement(xml, "dataValidations");
      pkg.setText(path, xml);
      await writeCustomProperties(pkg, path, extras.customProperties);
      if (this.original && extras.sourcePath)
        await carryDrawing(pkg, this.original.pkg, path, extras.sourcePath);
      if (extras.charts.length > 0)
        await addCharts(
          pkg,
          path,
          extras.charts.map((c) => ({ ...c, sheetName: ws.name }))
        );
    }

    await fixTables(pkg);
    if (this.original) await carryPackageParts(pkg, this.original.pkg);
    const settings = this.settingsChanged
      ? this.settings
      : this.original
        ? await settingsFromCustomXml(this.original.pkg)
        : null;
    if (settings) await writeSettingsPart(pkg, settings);
    return pkg.generate({
      compressor: options.compressor,
      late: [cellParts.stylesPath, cellParts.stringsPath],
      beforeLate: () => {
        pkg.setText(cellParts.stylesPath, cellParts.styles.stylesXml());
        pkg.setText(cellParts.stringsPath, cellParts.strings.sstXml());
      },
    });
  }
}

/**
 * Add a plan table over cells already written: its header names are the header cells' text
 * (unique and not empty, or Excel repairs the file), and it has at least one body row.
 */
function addTable(ws: Worksheet, table: TableSpec): void {
  const names = tableColumnNames(table);
  if (names.length === 0 || table.cells.length === 0) return;
  const body = table.cells.length > 1 ? table.cells.slice(1) : [[]];
  // ExcelJS writes the header text and these values over the cells (their styles stay).
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: cellAddress(table.row, table.column),
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (table.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: true,
      showColumnStripes: false,
      showFirstColumn: false,
      showLastColumn: false,
    },
    columns: names.map((name) => ({ name, filterButton: true })),
    rows: body.map((row) => names.map((_, j) => excelJsValue(row[j]))),
  });
}

/** A table over cells of the sheet's blocks, with those cells, as addTable takes it. */
function tableOver(table: TableRangeSpec, cells: CellLookup): TableSpec {
  const { range } = table;
  return {
    name: table.name,
    style: table.style,
    row: range.row,
    column: range.column,
    cells: Array.from({ length: range.rows }, (_, i) =>
      Array.from(
        { length: range.columns },
        (_, j) => cells.get(`${range.row + i},${range.column + j}`) ?? {}
      )
    ),
  };
}

/**
 * Refuse, before the workbook changes, a plan Excel would repair: tables over each other, a
 * table over a bad header, a merged paragraph in a table.
 */
function checkTablesAndParagraphs(spec: SheetSpec): void {
  const cells = blockCells(spec.blocks);
  const ranges: { name: string; range: RangeSpec }[] = [
    ...spec.tables.map((t) => ({
      name: t.name,
      range: { row: t.row, column: t.column, rows: t.cells.length, columns: blockWidth(t) },
    })),
    ...(spec.tableRanges ?? []),
  ];
  const meet = (a: RangeSpec, b: RangeSpec) =>
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns;
  ranges.forEach((a, i) => {
    for (const b of ranges.slice(i + 1))
      if (meet(a.range, b.range))
        throw new Error(`The tables ${a.name} and ${b.name} overlap: Excel cannot open that.`);
    for (const p of spec.paragraphs ?? [])
      if (meet(a.range, p))
        throw new Error(
          `Table ${a.name} holds merged cells at ${rangeAddress(p)}: Excel cannot sort or filter that.`
        );
  });
  for (const t of spec.tableRanges ?? []) tableColumnNames(tableOver(t, cells));
}

/** A plan table's column names: its header cells' text, each given and unique (else Excel repairs the file). */
function tableColumnNames(table: TableSpec): string[] {
  // Excel's rules for a table name: a letter, _ or \ first, then letters, digits, _ . \; not a
  // cell reference (A1, R1C1).
  if (
    !/^[\p{L}_\\][\p{L}\p{N}_.\\]{0,254}$/u.test(table.name) ||
    /^[A-Za-z]{1,3}\d+$|^[Rr]\d*[Cc]\d*$|^[RrCc]$/.test(table.name)
  ) {
    throw new Error(`"${table.name}" cannot be an Excel table name.`);
  }
  const names: string[] = [];
  for (let j = 0; j < blockWidth(table); j++) {
    const v = table.cells[0]?.[j]?.value;
    const name = v === null || v === undefined ? "" : String(v).trim();
    if (name === "") throw new Error(`Table ${table.name}: column ${j + 1} has no header.`);
    if (names.some((n) => lower(n) === lower(name)))
      throw new Error(`Table ${table.name}: two columns are called "${name}".`);
    names.push(name);
  }
  return names;
}

const STYLES = "xl/styles.xml";

/** The styles and shared strings parts the pending sheets' cells add to. */
interface CellParts {
  styles: CellStyles;
  stylesPath: string;
  strings: SharedStrings;
  stringsPath: string;
}

async function openCellParts(pkg: XlsxPackage): Promise<CellParts> {
  const stylesXml = await pkg.text(STYLES);
  if (stylesXml === null) throw new Error("The saved workbook has no styles part.");
  const rel = (await pkg.rels(WORKBOOK)).find((r) => r.Type === REL.sharedStrings);
  let stringsPath = rel ? resolveTarget(WORKBOOK, rel.Target) : "";
  if (!rel) {
    stringsPath = "xl/sharedStrings.xml";
    await pkg.addRel(WORKBOOK, REL.sharedStrings, stringsPath);
    pkg.setText(
      CONTENT_TYPES,
      addOverride(await pkg.contentTypes(), stringsPath, CONTENT_TYPE.sharedStrings)
    );
  }
  return {
    styles: new CellStyles(stylesXml),
    stylesPath: STYLES,
    strings: new SharedStrings(await pkg.text(stringsPath)),
    stringsPath,
  };
}

/** The highest table id in the package (table ids are unique in a workbook). */
async function lastTableId(pkg: XlsxPackage): Promise<number> {
  let last = 0;
  for (const path of pkg.paths().filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const root = findTags((await pkg.text(path)) ?? "", "table")[0];
    const id = root ? Number(attributes(root.tag).id) : NaN;
    if (Number.isFinite(id)) last = Math.max(last, id);
  }
  return last;
}

/**
 * A pending sheet into the part ExcelJS wrote for its layout: its dimension, merged cells and
 * tables go in now, its rows (`sheetDataChunks`) when the package is generated. Returns the
 * last table id used.
 */
async function writePendingSheet(
  pkg: XlsxPackage,
  path: string,
  sheet: PendingSheet,
  parts: CellParts,
  tableId: number
): Promise<number> {
  let xml = (await pkg.text(path)) ?? "";
  const data = findElement(xml, "sheetData");
  if (!data) throw new Error(`The sheet part ${path} has no <sheetData>.`);
  xml = xml.slice(0, data.start) + SHEET_DATA_SLOT + xml.slice(data.end);
  xml = removeElement(xml, "dimension");
  xml = insertWorksheetChild(xml, "dimension", `<dimension ref="${dimensionRef(sheet.cells)}"/>`);
  const merges = mergeCellsXml(sheet.cells.paragraphs);
  if (merges) xml = insertWorksheetChild(removeElement(xml, "mergeCells"), "mergeCells", merges);
  const tableParts: string[] = [];
  for (const table of sheet.tables) {
    const tablePath = pkg.freePath("xl/tables/table{n}.xml");
    pkg.setText(tablePath, tablePartXml(++tableId, table));
    await pkg.setOverride(tablePath, CONTENT_TYPE.table);
    tableParts.push(`<tablePart r:id="${await pkg.addRel(path, REL.table, tablePath)}"/>`);
  }
  if (tableParts.length > 0)
    xml = insertWorksheetChild(
      removeElement(xml, "tableParts"),
      "tableParts",
      `<tableParts count="${tableParts.length}">${tableParts.join("")}</tableParts>`
    );
  pkg.setText(path, ensureRelNamespace(xml));
  pkg.setSheetData(path, () => sheetDataChunks(sheet.cells, parts.styles, parts.strings));
  return tableId;
}

/** Table parts as Excel writes them: no filter row on a headerless table, no empty filter columns. */
async function fixTables(pkg: XlsxPackage): Promise<void> {
  for (const path of pkg.paths().filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    let xml = (await pkg.text(path)) ?? "";
    const root = findTags(xml, "table")[0];
    if (!root) continue;
    if (attributes(root.tag).headerRowCount === "0") xml = removeElement(xml, "autoFilter");
    xml = xml.replace(/<filterColumn colId="\d+" hiddenButton="0"\/>/g, "");
    pkg.setText(path, xml);
  }
}

function structuredCopy(settings: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(settings)) as Record<string, unknown>;
}

/** The bounding range of the cells that hold a value (not only formatting), 0-based; null when none. */
function usedRange(ws: Worksheet): RangeSpec | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (plainCell(cell) === "") return;
      top = Math.min(top, rowNumber - 1);
      bottom = Math.max(bottom, rowNumber - 1);
      left = Math.min(left, col - 1);
      right = Math.max(right, col - 1);
    });
  });
  if (bottom < 0) return null;
  return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}
