/**
 * The pane's heavy work behind one small async interface: ingesting a table's cells, making the
 * summary plan, the shareable copy, and writing a plan into the workbook. The add-in does it in
 * the pane's own thread (inThreadWork: it yields to the page between steps, so the pane repaints
 * and Cancel is heard); the workbench does it in a Web Worker (src/workbench/engine-client.ts),
 * beside the workbook it holds. The hooks never know which.
 *
 * A plan stays where it was made: the pane holds only a PlanRef to it, so a 50,000-row plan
 * (tens of megabytes) never crosses between threads.
 */
import type { PostsColumn, StaffColumn } from "../../core/columns";
import {
  ingestPosts,
  ingestStaff,
  type Grid,
  type IngestOptions,
  type PostsTable,
  type StaffTable,
} from "../../core/ingest";
import { shareableSheetPlan } from "../../core/summary/file-sheets";
import type { WorkbookPlan } from "../../core/summary/plan";
import type { WorkbookPort, WriteProgress, WriteResult } from "../../host/workbook-port";
import { shareableWorkbook } from "../features/build/share";
import type { SummaryInput } from "./types";

/** A plan made by PaneWork, held by the work that made it (in a worker: only this crosses). */
export interface PlanRef {
  readonly planRef: number;
}

export interface ShareableCopy {
  /** The new workbook's .xlsx bytes. */
  bytes: Uint8Array;
  /** The same summary as a sheet of this workbook, where the host cannot hand over a file. */
  sheet: PlanRef;
}

export interface PaneWork {
  ingestStaff(grid: Grid, options: IngestOptions<StaffColumn>): Promise<StaffTable>;
  ingestPosts(grid: Grid, options: IngestOptions<PostsColumn>): Promise<PostsTable>;
  /** The summary plan; throws `signal.reason` when cancelled before it is made. */
  buildSummaryPlan(input: SummaryInput, signal?: AbortSignal): Promise<PlanRef>;
  /** The summary as values with small numbers suppressed, as a new workbook's bytes. */
  shareable(plan: PlanRef, options: { threshold: number; version: string }): Promise<ShareableCopy>;
  /**
   * Writes a plan into the workbook (WorkbookPort.writePlan). Cancelling is checked once, before
   * the first write: after that the write runs to its end (the host keeps the previous summary
   * whole until the new one is complete, and never leaves half of one).
   */
  writePlan(plan: PlanRef, progress?: WriteProgress, signal?: AbortSignal): Promise<WriteResult>;
}

/** Lets the page repaint and handle input (a click on Cancel) before the next long step. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What Cancel aborts with: the pane says the build was cancelled, not that it failed. */
export class Cancelled extends Error {
  constructor() {
    super("Cancelled.");
    this.name = "Cancelled";
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === "Cancelled";
}

/** The work done in the pane's own thread, through the host it writes to (the add-in). */
export function inThreadWork(
  host: WorkbookPort,
  build: (input: SummaryInput) => WorkbookPlan
): PaneWork {
  const plans = new Map<number, WorkbookPlan>();
  let next = 0;
  const keep = (plan: WorkbookPlan): PlanRef => {
    // The pane uses a plan at once (to write it or share it): the last four are enough to keep.
    if (plans.size >= 4) plans.delete(plans.keys().next().value as number);
    plans.set(++next, plan);
    return { planRef: next };
  };
  const planOf = (ref: PlanRef): WorkbookPlan => {
    const plan = plans.get(ref.planRef);
    if (!plan) throw new Error("The summary was made too long ago: build it again.");
    return plan;
  };
  return {
    ingestStaff: async (grid, options) => ingestStaff(grid, options),
    ingestPosts: async (grid, options) => ingestPosts(grid, options),
    async buildSummaryPlan(input, signal) {
      await yieldToPage();
      signal?.throwIfAborted();
      return keep(build(input));
    },
    async shareable(ref, options) {
      await yieldToPage();
      const shared = await shareableWorkbook(planOf(ref), options);
      return { bytes: shared.bytes, sheet: keep(shareableSheetPlan(shared.plan)) };
    },
    async writePlan(ref, progress, signal) {
      await yieldToPage();
      signal?.throwIfAborted();
      return host.writePlan(planOf(ref), progress);
    },
  };
}
