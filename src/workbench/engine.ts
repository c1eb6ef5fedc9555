/**
 * The workbench's engine: the open workbook (the .xlsx adapter) and the pane's heavy work on it,
 * answering the page's requests (engine-protocol.ts). It runs in a Web Worker in the served
 * workbench (engine.worker.ts), so reading a 50,000-row workbook, building its summary and saving
 * it never hold up the page; the single-file build runs it in the page (engine-client.ts says why).
 * No DOM here.
 */
import { Indicators } from "../core/comparators/dfe";
import { decodeCsv, parseCsv } from "../core/csv";
import { ingestPosts, ingestStaff, type PostsTable, type StaffTable } from "../core/ingest";
import { buildSummaryPlan } from "../core/summary/build";
import { shareableSheetPlan } from "../core/summary/file-sheets";
import type { ChartSpec, WorkbookPlan } from "../core/summary/plan";
import { XlsxWorkbook } from "../host/xlsx/xlsx-workbook";
import { shareableWorkbook } from "../taskpane/features/build/share";
import { loadCensusCore } from "../taskpane/features/census/load-census";
import {
  PART_ROWS,
  type ByRef,
  type Op,
  type Ref,
  type RequestMessage,
  type Requests,
  type ResponseMessage,
  type View,
} from "./engine-protocol";
import { viewSheets } from "./sheet-model";

/** Sends a message to the page, moving the buffers listed. */
export type Send = (message: ResponseMessage, transfer?: Transferable[]) => void;

class Gone extends Error {}

/** The last few things of one kind the page may name by Ref (older ones are let go). */
class Held<T> {
  private readonly items = new Map<number, T>();
  constructor(
    private readonly limit: number,
    private readonly counter: { next: number }
  ) {}
  keep(value: T): number {
    const ref = ++this.counter.next;
    this.items.set(ref, value);
    while (this.items.size > this.limit)
      this.items.delete(this.items.keys().next().value as number);
    return ref;
  }
  get(value: ByRef<T>): T {
    if (!isRef(value)) return value;
    const held = this.items.get(value.ref);
    if (held === undefined) throw new Gone();
    return held;
  }
  /** Let go of one (a plan once written). */
  drop(value: ByRef<T>): void {
    if (isRef(value)) this.items.delete(value.ref);
  }
  clear(): void {
    this.items.clear();
  }
}

function isRef(value: unknown): value is Ref {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as Ref).ref === "number"
  );
}

/** Bytes that own their whole buffer, so it can be transferred. */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : bytes.slice();
}

interface Answer<T> {
  value: T;
  transfer?: Transferable[];
  /** The answer's long list, sent in parts (PART_ROWS at a time) before the answer. */
  long?: { at: string; rows: unknown[] };
}

type Handlers = {
  [K in Op]: (
    args: Requests[K]["args"],
    step: (name: string, fraction: number) => void
  ) => Promise<Answer<Requests[K]["result"]>>;
};

/** `value` with its long list at `at` ("table.records") replaced by an empty one. */
function withoutLong(value: unknown, at: string): unknown {
  const [head, ...rest] = at.split(".");
  const object = value as Record<string, unknown>;
  return { ...object, [head]: rest.length ? withoutLong(object[head], rest.join(".")) : [] };
}

export class Engine {
  private book: XlsxWorkbook | null = null;
  /** The charts of each summary sheet (the viewer draws them). */
  private charts = new Map<string, ChartSpec[]>();
  private readonly counter = { next: 0 };
  private readonly grids = new Held<unknown[][]>(4, this.counter);
  private readonly tables = new Held<StaffTable | PostsTable>(4, this.counter);
  private readonly plans = new Held<WorkbookPlan>(2, this.counter);

  /** Answers one request; `send` gets its steps and its answer. */
  async handle(message: RequestMessage, send: Send): Promise<void> {
    const { id } = message;
    let last = { step: "", fraction: -1 };
    const step = (name: string, fraction: number) => {
      // A step's name, or a visible move of its bar: not a message for every row written.
      if (name === last.step && fraction - last.fraction < 0.01) return;
      last = { step: name, fraction };
      send({ id, kind: "step", step: name, fraction });
    };
    try {
      const handler = this.handlers[message.op] as (
        args: unknown,
        step: (name: string, fraction: number) => void
      ) => Promise<Answer<unknown>>;
      const { value, transfer, long } = await handler(message.args, step);
      if (!long) {
        send({ id, kind: "done", value }, transfer);
        return;
      }
      for (let i = 0; i < long.rows.length; i += PART_ROWS)
        send({ id, kind: "part", at: long.at, rows: long.rows.slice(i, i + PART_ROWS) });
      send({ id, kind: "done", value: withoutLong(value, long.at) }, transfer);
    } catch (error) {
      send({
        id,
        kind: "failed",
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof Gone ? { gone: true } : {}),
      });
    }
  }

  private get open(): XlsxWorkbook {
    if (!this.book) throw new Error("No workbook is open.");
    return this.book;
  }

  private opened(book: XlsxWorkbook): View {
    this.book = book;
    this.charts = new Map();
    this.grids.clear();
    this.tables.clear();
    this.plans.clear();
    return this.view();
  }

  private view(show?: string): View {
    return { sheets: viewSheets(this.open.workbook, this.charts), ...(show ? { show } : {}) };
  }

  private readonly handlers: Handlers = {
    open: async ({ bytes }, step) => {
      step("Reading the workbook", 0.1);
      const book = bytes ? await XlsxWorkbook.fromBuffer(bytes) : XlsxWorkbook.empty();
      step("Showing its sheets", 0.9);
      return { value: this.opened(book) };
    },
    openCsv: async ({ bytes, sheet }, step) => {
      step("Reading the CSV file", 0.1);
      const grid = parseCsv(decodeCsv(new Uint8Array(bytes)).text);
      step("Putting its cells on a sheet", 0.5);
      const book = XlsxWorkbook.empty();
      book.workbook.addWorksheet(sheet).addRows(grid);
      return { value: this.opened(book) };
    },
    openCensus: async ({ bytes }, step) => {
      step("Reading the census return", 0.1);
      const census = await loadCensusCore();
      const result = census.readCensus(new Uint8Array(bytes));
      const book = XlsxWorkbook.empty();
      step("Writing its workers as a staff table", 0.5);
      await book.writePlan(census.censusStaffPlan(result));
      return { value: this.opened(book) };
    },
    listTables: async () => ({ value: await this.open.listTables() }),
    readTable: async ({ table }) => {
      const grid = await this.open.readTable(table);
      return { value: { grid, ref: this.grids.keep(grid) }, long: { at: "grid", rows: grid } };
    },
    selectCell: async ({ sheet, address }) => ({
      value: await this.open.selectCell(sheet, address),
    }),
    loadSettings: async () => ({ value: await this.open.loadSettings() }),
    saveSettings: async ({ settings }) => ({ value: await this.open.saveSettings(settings) }),
    openWorkbookBytes: async () => {
      const found = await this.open.openWorkbookBytes();
      if (!found) return { value: null };
      const bytes = own(found);
      return { value: bytes, transfer: [bytes.buffer] };
    },
    writePlan: async ({ plan }, step) => {
      const spec = isRef(plan) ? this.plans.get(plan) : plan;
      const written = await this.open.writePlan(spec, step);
      // A plan is written once (a 50,000-row one holds hundreds of megabytes): let it go.
      this.plans.drop(plan);
      for (const sheet of spec.sheets) this.charts.set(written.sheetNames[sheet.key], sheet.charts);
      step("Showing the sheets", 1);
      const names = written.sheetNames;
      const show = names.summary ?? names["staff-template"] ?? names["census-staff"];
      return { value: { written, view: this.view(show) } };
    },
    ingestStaff: async ({ grid, options }) => {
      const table = ingestStaff(this.grids.get(grid), options);
      return {
        value: { table, ref: this.tables.keep(table) },
        long: { at: "table.records", rows: table.records },
      };
    },
    ingestPosts: async ({ grid, options }) => {
      const table = ingestPosts(this.grids.get(grid), options);
      return {
        value: { table, ref: this.tables.keep(table) },
        long: { at: "table.records", rows: table.records },
      };
    },
    buildSummaryPlan: async ({ input }, step) => {
      step("Making the summary's formulas and figures", 0.02);
      const benchmarks = input.benchmarks;
      // Indicators arrive as plain data (a message carries no class): give them their methods back.
      if (benchmarks && !(benchmarks.indicators instanceof Indicators))
        Object.setPrototypeOf(benchmarks.indicators, Indicators.prototype);
      const plan = buildSummaryPlan({
        ...input,
        staff: this.tables.get(input.staff) as StaffTable,
        posts: input.posts ? (this.tables.get(input.posts) as PostsTable) : null,
      });
      return { value: { ref: this.plans.keep(plan) } };
    },
    shareable: async ({ plan, options }, step) => {
      step("Making the shareable copy", 0.1);
      const shared = await shareableWorkbook(this.plans.get(plan), options);
      const bytes = own(shared.bytes);
      const sheet = { ref: this.plans.keep(shareableSheetPlan(shared.plan)) };
      return { value: { bytes, sheet }, transfer: [bytes.buffer] };
    },
    toBuffer: async (_, step) => {
      step("Saving the workbook as .xlsx", 0.1);
      const bytes = own(await this.open.toBuffer());
      return { value: bytes, transfer: [bytes.buffer] };
    },
  };
}
