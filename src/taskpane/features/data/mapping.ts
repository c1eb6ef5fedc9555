/** The column mapping as the pane shows it: one choice per canonical column, from the header row. */
import type { ColumnMapping, ColumnMatch } from "../../../core/headers";
import type { Grid } from "../../../core/ingest";
import { cellAddress } from "../../../core/summary/plan";
import { cellText, matchKey } from "../../../core/text";

export interface HeaderChoice {
  /** The 0-based column index in the grid, as text (a select's value). */
  value: string;
  label: string;
}

/** The value of "(not mapped)" in a column's select. */
export const NOT_MAPPED = "";

/** The cells of the header row ingest used (row numbers are the sheet's). */
export function headerCells(grid: Grid, headerRow: number, firstRow: number): unknown[] {
  return [...(grid[headerRow - firstRow] ?? [])];
}

/** The columns a canonical column can be mapped to: "Employee No (column A)". */
export function headerChoices(cells: readonly unknown[], firstColumn: number): HeaderChoice[] {
  return cells.map((cell, index) => {
    const letter = cellAddress(0, firstColumn + index).replace(/\d+$/, "");
    const text = cellText(cell);
    return {
      value: String(index),
      label: text === "" ? `(blank heading, column ${letter})` : `${text} (column ${letter})`,
    };
  });
}

/** The select's value for a canonical column: the index ingest used, or "(not mapped)". */
export function choiceFor<K extends string>(columns: readonly ColumnMatch<K>[], key: K): string {
  const match = columns.find((c) => c.key === key);
  return match ? String(match.index) : NOT_MAPPED;
}

/**
 * The mapping after a person chooses a column: by its heading when the heading is unique (so
 * the mapping still holds when columns move), else by position. "(not mapped)" is saved as ""
 * (ingest then neither maps nor recognises that column).
 */
export function withChoice<K extends string>(
  mapping: ColumnMapping<K>,
  key: K,
  value: string,
  cells: readonly unknown[]
): ColumnMapping<K> {
  if (value === NOT_MAPPED) return { ...mapping, [key]: "" };
  const index = Number(value);
  const heading = cellText(cells[index]);
  const unique =
    heading !== "" && cells.filter((c) => matchKey(c) === matchKey(heading)).length === 1;
  return { ...mapping, [key]: unique ? heading : index };
}

/** How a column was found, for the hint under its select. */
export function howFound<K extends string>(match: ColumnMatch<K> | undefined): string {
  if (!match) return "Not found in the header row.";
  switch (match.how) {
    case "name":
      return "Found by its name.";
    case "synonym":
      return `Found: "${match.header}" is another name for it.`;
    case "mapping":
      return "Chosen by you.";
  }
}
