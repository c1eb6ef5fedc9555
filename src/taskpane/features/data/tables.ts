/** Which of the workbook's tables hold the staff data and the posts: the pane's automatic choice. */
import { POSTS_COLUMNS, STAFF_COLUMNS } from "../../../core/columns";
import { countRecognised } from "../../../core/headers";
import type { Grid } from "../../../core/ingest";
import type { SourceTable } from "../../../host/workbook-port";

/** The rows ingest scans for a header row (`findHeaderRow`). */
const HEADER_SCAN = 20;

/** A table's identity in the pane: the same table keeps its key when rows are added. */
export function tableKey(table: SourceTable): string {
  return `${table.kind}:${table.sheet}:${table.name}`;
}

/** "Staff (table on Sheet1, A1:O561)" — what a person reads in the table choice. */
export function tableLabel(table: SourceTable): string {
  const what = table.kind === "table" ? `table on ${table.sheet}` : "sheet";
  return `${table.name} (${what}, ${table.address})`;
}

/** How many staff columns the best row among the top rows has: how the staff table is recognised. */
export function headerScore(grid: Grid, kind: "staff" | "posts"): number {
  const specs = kind === "staff" ? STAFF_COLUMNS : POSTS_COLUMNS;
  let best = 0;
  for (let i = 0; i < Math.min(HEADER_SCAN, grid.length); i++) {
    best = Math.max(best, countRecognised(grid[i] ?? [], specs));
  }
  return best;
}

/**
 * The staff table: the one whose header ingest recognises best (at least three staff columns,
 * as ingest needs to find a header row); the first of equals. Null when none qualifies.
 */
export function pickStaffTable(
  tables: readonly SourceTable[],
  grids: Readonly<Record<string, Grid | undefined>>
): SourceTable | null {
  let best: SourceTable | null = null;
  let bestScore = 2;
  for (const table of tables) {
    const grid = grids[tableKey(table)];
    if (!grid) continue;
    const score = headerScore(grid, "staff");
    if (score > bestScore) {
      best = table;
      bestScore = score;
    }
  }
  return best;
}

const POSTS_NAME = /(^|[^a-z])(posts?|establishment)([^a-z]|$)/i;

/** The posts table: a table or sheet named like "Posts" or "Establishment", other than the staff table. */
export function pickPostsTable(
  tables: readonly SourceTable[],
  staff: SourceTable | null
): SourceTable | null {
  const others = tables.filter((t) => !staff || tableKey(t) !== tableKey(staff));
  return (
    others.find((t) => POSTS_NAME.test(t.name)) ??
    others.find((t) => POSTS_NAME.test(t.sheet)) ??
    null
  );
}

/** A table by the name saved in the settings (Excel tables before sheets, as listTables orders them). */
export function findTableByName(
  tables: readonly SourceTable[],
  name: string | null | undefined
): SourceTable | null {
  if (!name) return null;
  return tables.find((t) => t.name === name) ?? null;
}
