/**
 * An in-memory WorkbookPort for the pane's tests: sheets as grids of cells, and a record of what
 * the pane asked the workbook to do (plans written, cells selected, settings saved).
 */
import type { WorkbookPlan } from "../../src/core/summary/plan";
import { cellAddress } from "../../src/core/summary/plan";
import type {
  Delivery,
  FileToDeliver,
  SourceTable,
  WorkbookPort,
  WriteProgress,
  WriteResult,
} from "../../src/host/workbook-port";

export interface FakeSource {
  /** The sheet the cells are on. */
  sheet: string;
  /** An Excel table's name; without one the source is the sheet's used range. */
  table?: string;
  /** Sheet row number and 0-based column of the top-left cell (default row 1, column 0). */
  firstRow?: number;
  firstColumn?: number;
  grid: unknown[][];
}

type Method = keyof WorkbookPort;

export class FakeHost implements WorkbookPort {
  sources: FakeSource[];
  settings: Record<string, unknown>;
  readonly written: WorkbookPlan[] = [];
  readonly selected: { sheet: string; address: string }[] = [];
  readonly saved: Record<string, unknown>[] = [];
  readonly reads: string[] = [];
  /** A method that fails with this error (as Office.js rejects). */
  failures: Partial<Record<Method, unknown>> = {};
  /** Steps writePlan reports, in order. */
  progressSteps: [string, number][] = [
    ["Writing the summary sheet", 0.5],
    ["Adding charts", 0.9],
  ];
  /** Files the pane handed over, and how this host says it delivered them. */
  readonly delivered: FileToDeliver[] = [];
  delivery: Delivery = "downloaded";
  /** The open workbook's bytes (null: a host that cannot give them). */
  bytes: Uint8Array | null = null;
  /** When set, writePlan waits for this before it finishes (to see the progress bar). */
  gate: Promise<void> | null = null;

  constructor(sources: FakeSource[], settings: Record<string, unknown> = {}) {
    this.sources = sources;
    this.settings = settings;
  }

  private fail(method: Method): void {
    if (method in this.failures) throw this.failures[method];
  }

  private source(table: SourceTable): FakeSource {
    const s = this.sources.find(
      (x) => (x.table ?? x.sheet) === table.name && x.sheet === table.sheet
    );
    if (!s) throw new Error(`The table ${table.name} does not exist.`);
    return s;
  }

  async listTables(): Promise<SourceTable[]> {
    this.fail("listTables");
    const ordered = [
      ...this.sources.filter((s) => s.table),
      ...this.sources.filter((s) => !s.table),
    ];
    return ordered.map((s) => {
      const firstRow = s.firstRow ?? 1;
      const firstColumn = s.firstColumn ?? 0;
      const columns = Math.max(1, ...s.grid.map((r) => r.length));
      const start = cellAddress(firstRow - 1, firstColumn);
      const end = cellAddress(firstRow - 1 + s.grid.length - 1, firstColumn + columns - 1);
      return {
        name: s.table ?? s.sheet,
        sheet: s.sheet,
        kind: s.table ? "table" : "range",
        address: `${start}:${end}`,
        firstRow,
        firstColumn,
        rows: s.grid.length,
        columns,
      };
    });
  }

  async readTable(table: SourceTable): Promise<unknown[][]> {
    this.fail("readTable");
    this.reads.push(table.name);
    return this.source(table).grid.map((row) => [...row]);
  }

  async writePlan(plan: WorkbookPlan, progress?: WriteProgress): Promise<WriteResult> {
    this.fail("writePlan");
    this.written.push(plan);
    for (const [step, fraction] of this.progressSteps) progress?.(step, fraction);
    if (this.gate) await this.gate;
    return {
      sheetNames: Object.fromEntries(plan.sheets.map((s) => [s.key, s.preferredName])),
      syncs: 0,
    };
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.fail("selectCell");
    this.selected.push({ sheet, address });
  }

  async loadSettings(): Promise<Record<string, unknown>> {
    this.fail("loadSettings");
    return structuredClone(this.settings);
  }

  async deliverFile(file: FileToDeliver): Promise<Delivery> {
    this.fail("deliverFile");
    this.delivered.push(file);
    return this.delivery;
  }

  async openWorkbookBytes(): Promise<Uint8Array | null> {
    this.fail("openWorkbookBytes");
    return this.bytes;
  }

  async saveSettings(settings: Record<string, unknown>): Promise<void> {
    this.fail("saveSettings");
    this.saved.push(structuredClone(settings));
    this.settings = structuredClone(settings);
  }
}

/** A plan with one sheet, as a builder would return it. */
export function fakePlan(key: "summary" | "staff-template", preferredName: string): WorkbookPlan {
  return {
    sheets: [
      {
        key,
        preferredName,
        blocks: [],
        tables: [],
        charts: [],
        names: [],
        validations: [],
        columnWidths: [],
      },
    ],
  };
}
