/** The options of a scrutiny summary build: what the pane's Options section sets and the workbook remembers. */
import type { ColumnMapping } from "../headers";
import type { PostsColumn, StaffColumn } from "../columns";
import type { RoleCode } from "../vocabulary";

export interface SummaryOptions {
  /** The as-of (census) date, an Excel serial; null for the data's default. */
  asOf: number | null;
  /** Caseload targets: every role, and ASYE (defaults 18 and 16, from Manchester's Ofsted item). */
  caseloadTarget: number;
  caseloadTargetAsye: number;
  /** Counts below this are suppressed in shareable outputs (default 5). */
  suppressionThreshold: number;
  /** The census year of the England comparator; null for the as-of date's year. */
  comparatorYear: number | null;
}

export const DEFAULT_SUMMARY_OPTIONS: SummaryOptions = {
  asOf: null,
  caseloadTarget: 18,
  caseloadTargetAsye: 16,
  suppressionThreshold: 5,
  comparatorYear: null,
};

/** Everything saved in the workbook's document settings, so a colleague's rebuild gives the same result. */
export interface SavedSettings {
  staffTable?: string;
  postsTable?: string | null;
  staffMapping?: ColumnMapping<StaffColumn>;
  postsMapping?: ColumnMapping<PostsColumn>;
  roleMap?: Record<string, RoleCode>;
  options?: Partial<SummaryOptions>;
  /** DfE benchmarks: the user's LA, and a newer indicators file if one was loaded (its CSV text). */
  benchmarks?: { la?: string | null; indicatorsCsv?: string | null };
}
