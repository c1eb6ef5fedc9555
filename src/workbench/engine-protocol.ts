/**
 * The messages between the workbench page and its engine (the workbook and the heavy work, in a
 * Web Worker; or in the page itself for the single-file build). One request, one answer; a long
 * request also sends its steps. Big things stay where they are: a grid or a table the page was
 * given is named by a Ref when it goes back, a plan never leaves the engine, and file bytes are
 * transferred (moved), not copied.
 */
import type { IngestOptions, PostsTable, StaffTable } from "../core/ingest";
import type { SummaryInput } from "../taskpane/app/types";
import type { SourceTable, WriteResult } from "../host/workbook-port";
import type { WorkbookPlan } from "../core/summary/plan";
import type { ViewSheet } from "./sheet-model";

/** Something the engine holds (a grid, an ingested table, a plan), by number. */
export interface Ref {
  ref: number;
}

/** A value the page holds, or the engine's copy of it. */
export type ByRef<T> = T | Ref;

/** What the viewer shows after a change: the sheets, and the one to show (by name) if it moved. */
export interface View {
  sheets: ViewSheet[];
  show?: string;
}

export interface Requests {
  /** An .xlsx file's bytes (null: a new empty workbook). */
  open: { args: { bytes: ArrayBuffer | null }; result: View };
  /** A CSV file: a workbook of one sheet named `sheet`. */
  openCsv: { args: { bytes: ArrayBuffer; sheet: string }; result: View };
  /** A CSWW census return (.xml): a new workbook holding its workers as a staff table. */
  openCensus: { args: { bytes: ArrayBuffer }; result: View };
  listTables: { args: Record<string, never>; result: SourceTable[] };
  readTable: { args: { table: SourceTable }; result: { grid: unknown[][]; ref: number } };
  selectCell: { args: { sheet: string; address: string }; result: void };
  loadSettings: { args: Record<string, never>; result: Record<string, unknown> };
  saveSettings: { args: { settings: Record<string, unknown> }; result: void };
  openWorkbookBytes: { args: Record<string, never>; result: Uint8Array | null };
  writePlan: {
    args: { plan: WorkbookPlan | Ref };
    result: { written: WriteResult; view: View };
  };
  ingestStaff: {
    args: { grid: ByRef<unknown[][]>; options: IngestOptions<string> };
    result: { table: StaffTable; ref: number };
  };
  ingestPosts: {
    args: { grid: ByRef<unknown[][]>; options: IngestOptions<string> };
    result: { table: PostsTable; ref: number };
  };
  buildSummaryPlan: {
    args: {
      input: Omit<SummaryInput, "staff" | "posts"> & {
        staff: ByRef<SummaryInput["staff"]>;
        posts: ByRef<NonNullable<SummaryInput["posts"]>> | null;
      };
    };
    result: Ref;
  };
  shareable: {
    args: { plan: Ref; options: { threshold: number; version: string } };
    result: { bytes: Uint8Array; sheet: Ref };
  };
  /** The workbook as .xlsx bytes, for the download. */
  toBuffer: { args: Record<string, never>; result: Uint8Array };
}

export type Op = keyof Requests;

export interface RequestMessage<K extends Op = Op> {
  id: number;
  op: K;
  args: Requests[K]["args"];
}

/**
 * A long list in an answer (a grid's rows, a table's records) comes in parts of this many, each a
 * message of its own, so the page takes it in short tasks rather than one long one.
 */
export const PART_ROWS = 5_000;

export type ResponseMessage =
  /** Rows of the answer's long list, in order; `at` names it in the answer ("grid", "table.records"). */
  | { id: number; kind: "part"; at: string; rows: unknown[] }
  /** The answer, its long list (if any) left empty: the parts fill it. */
  | { id: number; kind: "done"; value: unknown }
  /** `gone`: the engine no longer holds what a Ref named; the page sends the value itself again. */
  | { id: number; kind: "failed"; message: string; gone?: boolean }
  | { id: number; kind: "step"; step: string; fraction: number };
