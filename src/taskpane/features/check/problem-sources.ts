/** The tables Check lists problems for (staff, then posts), and the counts in its heading. */
import type { PostsTable, StaffTable } from "../../../core/ingest";
import type { SourceTable } from "../../../host/workbook-port";
import type { ProblemSource } from "./CheckSection";

export function problemSources(data: {
  staffTable: SourceTable | null;
  staffResult: StaffTable | null;
  staffHeader: readonly unknown[];
  postsTable: SourceTable | null;
  postsResult: PostsTable | null;
  postsHeader: readonly unknown[];
}): ProblemSource[] {
  const sources: ProblemSource[] = [];
  if (data.staffTable && data.staffResult) {
    sources.push({
      label: "Staff",
      table: data.staffTable,
      problems: data.staffResult.problems,
      columns: data.staffResult.columns,
      header: data.staffHeader,
      rowsLeftOut: data.staffResult.rowsLeftOut,
    });
  }
  if (data.postsTable && data.postsResult) {
    sources.push({
      label: "Posts",
      table: data.postsTable,
      problems: data.postsResult.problems,
      columns: data.postsResult.columns,
      header: data.postsHeader,
      rowsLeftOut: data.postsResult.rowsLeftOut,
    });
  }
  return sources;
}

export function problemCounts(sources: readonly ProblemSource[]) {
  return {
    errors: sources.reduce(
      (n, s) => n + s.problems.filter((p) => p.severity === "error").length,
      0
    ),
    warnings: sources.reduce(
      (n, s) => n + s.problems.filter((p) => p.severity === "warning").length,
      0
    ),
  };
}
