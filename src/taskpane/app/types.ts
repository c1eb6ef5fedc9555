/** What the pane is given by its bootstrap: the host, the two plan builders and the host's actions. */
import type { Indicators } from "../../core/comparators/dfe";
import type { PostsTable, StaffTable } from "../../core/ingest";
import type { SummaryOptions } from "../../core/summary/options";
import type { WorkbookPlan } from "../../core/summary/plan";
import type { WorkbookPort } from "../../host/workbook-port";
import type { PaneWork } from "./pane-work";

export interface SummaryInput {
  staff: StaffTable;
  posts: PostsTable | null;
  options: SummaryOptions;
  source: { staffTable: string; postsTable: string | null };
  /** DfE's published figures for the user's LA (an LA number, E-code or name), when one is chosen. */
  benchmarks?: { indicators: Indicators; la: string } | null;
  /** The product version, for the summary's provenance line. */
  version?: string;
}

export interface AppProps {
  host: WorkbookPort;
  buildSummaryPlan: (input: SummaryInput) => WorkbookPlan;
  buildTemplatePlan: () => WorkbookPlan;
  version: string;
  /**
   * Where the heavy work is done (ingest, the plan, the shareable copy, writing); by default in
   * the pane's thread through `host` and `buildSummaryPlan`. The workbench does it in a worker.
   */
  work?: PaneWork;
  /**
   * The pane is part of a larger page (the workbench), which holds the page's one `main`
   * landmark: the pane is then a plain container inside it.
   */
  embedded?: boolean;
}
