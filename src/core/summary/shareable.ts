/**
 * "Prepare to share": the summary alone, as values, with small numbers suppressed
 * (`metrics.md`, "Small numbers"): no normalised or raw staff data, no formulas, no names.
 * The charts stay, bound to the summary's own (now literal) cells.
 */
import { DEFAULT_THRESHOLD, SUPPRESSED, suppressionMask, type DisclosureItem } from "../disclosure";
import type { BlockSpec, CellSpec, SheetSpec, WorkbookPlan } from "./plan";

export interface ShareableOptions {
  threshold?: number;
  version?: string;
  preparedOn?: string;
}

function withoutFormula(cell: CellSpec): CellSpec {
  const copy = { ...cell };
  delete copy.formula;
  return copy;
}

export function makeShareable(plan: WorkbookPlan, options: ShareableOptions = {}): WorkbookPlan {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const summary = plan.sheets.find((s) => s.key === "summary");
  if (!summary) throw new Error("the plan has no summary sheet to share");

  // Values only: every formula replaced by the value core computed for it.
  const blocks: BlockSpec[] = summary.blocks.map((b) => ({
    ...b,
    cells: b.cells.map((row) => row.map((cell) => withoutFormula(cell))),
  }));

  const items: (DisclosureItem & { cell: CellSpec })[] = [];
  for (const b of blocks) {
    b.cells.forEach((row) =>
      row.forEach((cell, j) => {
        if (cell.disclosure)
          items.push({ disclosure: cell.disclosure, column: b.column + j, cell });
      })
    );
  }
  const mask = suppressionMask(items, threshold);
  let suppressed = 0;
  items.forEach((item, i) => {
    if (mask[i]) {
      item.cell.value = SUPPRESSED;
      suppressed++;
    }
    delete item.cell.disclosure;
  });

  // The notes go below everything on the sheet (the summary's grid, and any block after it,
  // such as the chart descriptions), in a block of their own.
  const bottom = Math.max(0, ...blocks.map((b) => b.row + b.cells.length));
  const note = (value: string): CellSpec[] => [{ value, style: "note" }];
  blocks.push({
    row: bottom + 1,
    column: 0,
    cells: [
      note(
        `c: not shown to protect individuals (${suppressed} figure${suppressed === 1 ? "" : "s"}): a count of 1 to ${threshold - 1} people, a percentage whose count or remainder is 1 to ${threshold - 1}, ` +
          "or a second figure from which such a number could be worked out using the total. Totals for the whole service are shown as they are."
      ),
      note(
        `Prepared for sharing by Workforce Scrutiny ${options.version ?? "dev"} on ${options.preparedOn ?? new Date().toISOString().slice(0, 10)}: ` +
          "values only (no formulas), no staff-level data, small numbers suppressed."
      ),
    ],
  });

  const shared: SheetSpec = { ...summary, blocks, names: [], validations: [] };
  return { sheets: [shared] };
}
