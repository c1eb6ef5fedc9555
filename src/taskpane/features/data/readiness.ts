/** What stops a build (the staff part also stops a census export), in words the user can act on. */
import { POSTS_COLUMNS, STAFF_COLUMNS } from "../../../core/columns";
import type { Grid, PostsTable, StaffTable } from "../../../core/ingest";
import type { SourceTable } from "../../../host/workbook-port";

export function staffBlockers(data: {
  loading: boolean;
  staffTable: SourceTable | null;
  staffGrid: Grid | null | undefined;
  staffResult: StaffTable | null;
}): string[] {
  const { loading, staffTable, staffGrid, staffResult } = data;
  const blockers: string[] = [];
  if (loading) blockers.push("Wait while the workbook is read.");
  else if (!staffTable) blockers.push("Choose the staff table in Data.");
  else if (!staffResult) {
    blockers.push(
      staffGrid === null
        ? `The staff table ${staffTable.name} could not be read: read the data again.`
        : "Wait while the staff table is read."
    );
  } else {
    const missing = STAFF_COLUMNS.filter(
      (s) => s.required && !staffResult.columns.some((c) => c.key === s.key)
    );
    if (missing.length > 0) {
      blockers.push(
        `Map the required staff columns in Data: ${missing.map((s) => s.label).join(", ")}.`
      );
    } else if (staffResult.records.length === 0) {
      blockers.push(
        staffResult.rowsRead === 0
          ? "The staff table has no rows under its header."
          : "No staff row can be used: see the problems in Check."
      );
    }
  }
  return blockers;
}

export function postsBlockers(postsResult: PostsTable | null): string[] {
  if (!postsResult) return [];
  const missing = POSTS_COLUMNS.filter(
    (s) => s.required && !postsResult.columns.some((c) => c.key === s.key)
  );
  return missing.length > 0
    ? [
        `Map the required posts columns in Data (${missing.map((s) => s.label).join(", ")}), or choose None for posts.`,
      ]
    : [];
}
