/** Where a problem is on the sheet, so the pane can select its cell. */
import type { ColumnMatch } from "../../../core/headers";
import type { Problem } from "../../../core/problems";
import { cellAddress } from "../../../core/summary/plan";
import { cellText, matchKey } from "../../../core/text";
import type { SourceTable } from "../../../host/workbook-port";

/**
 * The A1 address of a problem's cell: its row (as the sheet numbers it) and its column, found
 * among the recognised columns, else in the header row by heading, else the table's first column
 * (a problem about a missing column points at the header row).
 */
export function problemAddress(
  problem: Problem,
  table: Pick<SourceTable, "firstColumn" | "firstRow">,
  columns: readonly ColumnMatch<string>[],
  header: readonly unknown[]
): string {
  let index = columns.find((c) => c.header === problem.column)?.index;
  if (index === undefined) {
    const found = header.findIndex((h) => matchKey(cellText(h)) === matchKey(problem.column));
    index = found >= 0 ? found : 0;
  }
  const row = problem.row > 0 ? problem.row : table.firstRow;
  return cellAddress(row - 1, table.firstColumn + index);
}
