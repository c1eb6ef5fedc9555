/**
 * The page's side of the workbench's engine (engine.ts): requests sent over a channel, answered
 * in order, with their steps. From it the pane gets its WorkbookPort (a proxy: the workbook lives
 * in the engine) and its PaneWork (ingest, the plan, the shareable copy, writing, all done in the
 * engine). A grid or a table the engine sent is named by its Ref when it goes back, so a 50,000-row
 * table crosses once; a plan never crosses at all.
 *
 * Two channels: a Web Worker (the served workbench: the page never waits on the work), and the
 * page itself (the single-file build, whose policy allows no worker: see engine-in-page.ts).
 */
import type { PostsTable, StaffTable } from "../core/ingest";
import type { WorkbookPort, WriteProgress } from "../host/workbook-port";
import type { PaneWork, PlanRef } from "../taskpane/app/pane-work";
import { downloadFile } from "../taskpane/components/files";
import type { Op, Ref, RequestMessage, Requests, ResponseMessage, View } from "./engine-protocol";

export interface EngineChannel {
  post(message: RequestMessage, transfer: Transferable[]): void;
  /** Set by the client: every message from the engine. */
  onMessage: ((message: ResponseMessage) => void) | null;
}

/** The channel to an engine in a Web Worker. */
export function workerChannel(worker: Worker): EngineChannel {
  const channel: EngineChannel = {
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: null,
  };
  worker.onmessage = (event: MessageEvent<ResponseMessage>) => channel.onMessage?.(event.data);
  return channel;
}

/** The engine let a Ref go (it keeps the last few): the value itself is sent again. */
class RefGone extends Error {}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  step?: WriteProgress;
  /** The answer's long list, as its parts arrive. */
  long?: { at: string; rows: unknown[] };
}

/** Puts the long list back at `at` ("table.records") in the answer. */
function withLong(value: unknown, at: string, rows: unknown[]): void {
  const path = at.split(".");
  let object = value as Record<string, unknown>;
  for (const key of path.slice(0, -1)) object = object[key] as Record<string, unknown>;
  object[path[path.length - 1]] = rows;
}

/** What the page is told as the engine works: a new view of the sheets, a selected cell. */
export interface EngineListener {
  view(view: View): void;
  select(sheet: string, address: string): void;
}

export class EngineClient {
  private next = 0;
  private readonly pending = new Map<number, Pending>();
  /** Values the engine sent that it also holds, with their Ref there. */
  private readonly refs = new WeakMap<object, number>();

  constructor(private readonly channel: EngineChannel) {
    channel.onMessage = (message) => this.receive(message);
  }

  call<K extends Op>(
    op: K,
    args: Requests[K]["args"],
    step?: WriteProgress,
    transfer: Transferable[] = []
  ): Promise<Requests[K]["result"]> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, step });
      this.channel.post({ id, op, args }, transfer);
    });
  }

  private receive(message: ResponseMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === "step") {
      pending.step?.(message.step, message.fraction);
      return;
    }
    if (message.kind === "part") {
      pending.long ??= { at: message.at, rows: [] };
      for (const row of message.rows) pending.long.rows.push(row);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === "done") {
      if (pending.long) withLong(message.value, pending.long.at, pending.long.rows);
      pending.resolve(message.value);
    } else pending.reject(message.gone ? new RefGone(message.message) : new Error(message.message));
  }

  /** The engine's Ref for a value it sent (when `useRefs`), else the value itself. */
  private byRef<T extends object>(value: T, useRefs: boolean): T | Ref {
    const ref = useRefs ? this.refs.get(value) : undefined;
    return ref === undefined ? value : { ref };
  }

  /** Sends with Refs; if the engine let one go, sends the values. */
  private async withRefs<T>(send: (useRefs: boolean) => Promise<T>): Promise<T> {
    try {
      return await send(true);
    } catch (error) {
      if (error instanceof RefGone) return send(false);
      throw error;
    }
  }

  /** The pane's host: a proxy for the workbook the engine holds. Files the pane makes are downloaded. */
  port(listener: EngineListener): WorkbookPort {
    return {
      listTables: () => this.call("listTables", {}),
      readTable: async (table) => {
        const { grid, ref } = await this.call("readTable", { table });
        this.refs.set(grid, ref);
        return grid;
      },
      writePlan: async (plan, progress) => {
        const { written, view } = await this.call("writePlan", { plan }, progress);
        listener.view(view);
        return written;
      },
      selectCell: async (sheet, address) => {
        await this.call("selectCell", { sheet, address });
        listener.select(sheet, address);
      },
      loadSettings: () => this.call("loadSettings", {}),
      saveSettings: (settings) => this.call("saveSettings", { settings }),
      // The pane's files (Prepare to share, a census return) are downloaded: the open one is unchanged.
      deliverFile: async (file) => {
        downloadFile(file.data, file.name, file.type);
        return "downloaded";
      },
      openWorkbookBytes: () => this.call("openWorkbookBytes", {}),
    };
  }

  /** The pane's heavy work, done in the engine beside the workbook. */
  work(listener: EngineListener): PaneWork {
    const ingest = async <T extends StaffTable | PostsTable>(
      op: "ingestStaff" | "ingestPosts",
      grid: readonly (readonly unknown[])[],
      options: object
    ): Promise<T> => {
      const { table, ref } = await this.withRefs((useRefs) =>
        this.call(op, { grid: this.byRef(grid as unknown[][], useRefs), options })
      );
      this.refs.set(table, ref);
      return table as T;
    };
    return {
      ingestStaff: (grid, options) => ingest<StaffTable>("ingestStaff", grid, options),
      ingestPosts: (grid, options) => ingest<PostsTable>("ingestPosts", grid, options),
      buildSummaryPlan: async (input, signal) => {
        signal?.throwIfAborted();
        const { ref } = await this.withRefs((useRefs) =>
          this.call("buildSummaryPlan", {
            input: {
              ...input,
              staff: this.byRef(input.staff, useRefs),
              posts: input.posts ? this.byRef(input.posts, useRefs) : null,
            },
          })
        );
        return { planRef: ref };
      },
      shareable: async (plan: PlanRef, options) => {
        const { bytes, sheet } = await this.call("shareable", {
          plan: { ref: plan.planRef },
          options,
        });
        return { bytes, sheet: { planRef: sheet.ref } };
      },
      writePlan: async (plan, progress, signal) => {
        signal?.throwIfAborted();
        const { written, view } = await this.call(
          "writePlan",
          { plan: { ref: plan.planRef } },
          progress
        );
        listener.view(view);
        return written;
      },
    };
  }
}
