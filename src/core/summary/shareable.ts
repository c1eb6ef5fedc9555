/**
 * "Prepare to share": the summary alone, as values, with small numbers suppressed
 * (`metrics.md`, "Small numbers"; rules in `core/disclosure.ts`): no normalised or raw staff
 * data, no formulas, no names. The CLI (`summary --shareable`), the pane and the workbench all
 * make their copy here.
 *
 * - Each table with a hidden figure gets a note under it saying what "c" means; the last note
 *   states the threshold.
 * - A chart stays only if it plots no hidden figure (and, for a 100 % chart, no 0 % or 100 % of
 *   a group under twice the threshold); the note names any chart left out.
 * - Conditional formats keep working without the names: a name is replaced by its cell's value.
 * - Text written for the live workbook or the pane gives way to its `shareable` wording.
 */
import { chartDescription } from "./chart-descriptions";
import { withPrintLayout } from "./print-layout";
import { DEFAULT_THRESHOLD, SUPPRESSED, suppressionMask, type DisclosureItem } from "../disclosure";
import type {
  BlockSpec,
  CellSpec,
  ChartSpec,
  ConditionalFormatSpec,
  Disclosure,
  RangeSpec,
  SheetSpec,
  WorkbookPlan,
} from "./plan";

export interface ShareableOptions {
  threshold?: number;
  version?: string;
  preparedOn?: string;
}

/** A cell as the shareable copy has it: its value, no formula, its shareable wording. */
function sharedCell(cell: CellSpec): CellSpec {
  const copy = { ...cell };
  delete copy.formula;
  if (copy.shareable !== undefined) copy.value = copy.shareable;
  delete copy.shareable;
  return copy;
}

interface Placed extends DisclosureItem {
  cell: CellSpec;
}

function placedItems(blocks: BlockSpec[]): Placed[] {
  const items: Placed[] = [];
  for (const b of blocks)
    b.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (cell.disclosure)
          items.push({
            disclosure: cell.disclosure,
            row: b.row + i,
            column: b.column + j,
            value: cell.value,
            cell,
          });
      })
    );
  return items;
}

export function makeShareable(plan: WorkbookPlan, options: ShareableOptions = {}): WorkbookPlan {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const summary = plan.sheets.find((s) => s.key === "summary");
  if (!summary) throw new Error("the plan has no summary sheet to share");

  const blocks: BlockSpec[] = summary.blocks.map((b) => ({
    ...b,
    cells: b.cells.map((row) => row.map(sharedCell)),
  }));
  const cellAt = (row: number, column: number): CellSpec | undefined => {
    const b = blocks.find(
      (b) => row >= b.row && row < b.row + b.cells.length && column >= b.column
    );
    return b?.cells[row - b.row][column - b.column];
  };

  const items = placedItems(blocks);
  const mask = suppressionMask(items, threshold);
  const factsAt = new Map(items.map((item) => [`${item.row},${item.column}`, item.disclosure]));
  const hiddenTables = new Map<string, number>(); // table → its last row
  let suppressed = 0;
  items.forEach((item, i) => {
    if (mask[i]) {
      item.cell.value = SUPPRESSED;
      suppressed++;
    }
    delete item.cell.disclosure;
  });
  for (const item of items) {
    const t = item.disclosure.table;
    hiddenTables.set(t, Math.max(hiddenTables.get(t) ?? -1, item.row));
  }
  const shortNote = `c: not shown to protect individuals (fewer than ${threshold} people, or a figure from which one could be worked out).`;
  for (const [table, last] of hiddenTables) {
    const anyHidden = items.some((item, i) => mask[i] && item.disclosure.table === table);
    const under = cellAt(last + 1, 0);
    if (anyHidden && under && under.value === undefined)
      Object.assign(under, { value: shortNote, style: "note" });
  }

  const charts = summary.charts.filter((chart) =>
    chartIsSafe(chart, cellAt, (r, c) => factsAt.get(`${r},${c}`), threshold)
  );
  const dropped = summary.charts.filter((chart) => !charts.includes(chart));
  // A chart left out takes its visible description (chart-descriptions.ts) with it.
  const describesDropped = (value: unknown) =>
    typeof value === "string" &&
    dropped.some(
      (chart) =>
        value === chartDescription(chart) || value.startsWith(`${chart.title}: described in row `)
    );
  for (const block of blocks)
    for (const row of block.cells)
      row.forEach((cell, i) => {
        if (describesDropped(cell.value)) row[i] = {};
      });

  // The notes go below everything on the sheet (the summary's grid, and any block after it,
  // such as the chart descriptions), in a block of their own.
  const bottom = Math.max(0, ...blocks.map((b) => b.row + b.cells.length));
  const note = (value: string): CellSpec[] => [{ value, style: "note" }];
  blocks.push({
    row: bottom + 1,
    column: 0,
    cells: [
      note(thresholdNote(threshold, suppressed)),
      ...dropped.map((chart) =>
        note(
          `The chart "${chart.title}" is left out of this copy: it would show figures hidden as c.`
        )
      ),
      note(
        `Prepared for sharing by Workforce Scrutiny ${options.version ?? "dev"} on ${options.preparedOn ?? new Date().toISOString().slice(0, 10)}: ` +
          "values only (no formulas), no staff-level data, small numbers suppressed."
      ),
    ],
  });

  const shared: SheetSpec = {
    ...summary,
    blocks,
    charts,
    names: [],
    validations: [],
    conditionalFormats: (summary.conditionalFormats ?? []).flatMap((cf) =>
      withoutNames(cf, summary.names, cellAt)
    ),
  };
  // The notes may take more rows than the live summary had: print layout again, with the
  // notes as a part of their own.
  const sections = [...(summary.print?.sections ?? []), bottom + 1];
  return {
    sheets: [withPrintLayout(shared, sections)],
    ...(plan.properties
      ? {
          properties: {
            title: plan.properties.title,
            subject: `${plan.properties.subject} Shareable copy: values only, small numbers suppressed.`,
          },
        }
      : {}),
  };
}

/** The note at the end: what "c" means, and the threshold. */
function thresholdNote(threshold: number, suppressed: number): string {
  if (threshold < 2)
    return `c: no figure is hidden in this copy (threshold ${threshold} people, set in Options: disclosure control is off).`;
  const n = threshold - 1;
  return (
    `c: not shown to protect individuals (${suppressed} figure${suppressed === 1 ? "" : "s"}; threshold ${threshold} people): ` +
    `every figure of a team, role, band or leaving reason of fewer than ${threshold} people; a count of 1 to ${n} people; ` +
    `a percentage whose count or remainder is 1 to ${n}; a 0 % or 100 % of a group of fewer than ${2 * threshold}; ` +
    "or a second figure from which a hidden one could be worked out using a total. Totals for the whole service are shown as they are " +
    "(except where a table has only one group, whose figures would be its total)."
  );
}

/**
 * Whether a chart may stay in the shareable copy: none of its values hidden; for a 100 %
 * stacked chart (each category's values as shares of their sum), no share of 0 % or 100 % in a
 * group of fewer than twice the threshold.
 */
function chartIsSafe(
  chart: ChartSpec,
  cellAt: (row: number, column: number) => CellSpec | undefined,
  factsAt: (row: number, column: number) => Disclosure | undefined,
  threshold: number
): boolean {
  const cells = (r: RangeSpec) =>
    Array.from({ length: r.rows * r.columns }, (_, k) => {
      const [row, column] = [r.row + Math.floor(k / r.columns), r.column + (k % r.columns)];
      return { row, column, value: cellAt(row, column)?.value };
    });
  if (threshold < 2) return true;
  const values = chart.series.flatMap((s) => cells(s.values));
  if (values.some((v) => v.value === SUPPRESSED)) return false;
  if (chart.type !== "columnStacked100") return true;
  // One category per row of the series' ranges (the summary's charts plot columns of a table).
  const byRow = new Map<number, typeof values>();
  for (const v of values) byRow.set(v.row, [...(byRow.get(v.row) ?? []), v]);
  return [...byRow.values()].every((row) => {
    const sum = row.reduce((s, v) => s + (typeof v.value === "number" ? v.value : 0), 0);
    const group = Math.min(...row.map((v) => factsAt(v.row, v.column)?.group ?? Infinity));
    if (sum === 0 || group >= 2 * threshold) return true;
    return !row.some((v) => v.value === 0 || v.value === sum);
  });
}

/**
 * A conditional format with each defined name of the sheet replaced by the value of its cell
 * (the shareable copy defines no names); none if a name's value is not a number.
 */
function withoutNames(
  cf: ConditionalFormatSpec,
  names: SheetSpec["names"],
  cellAt: (row: number, column: number) => CellSpec | undefined
): ConditionalFormatSpec[] {
  let formula = cf.formula;
  for (const { name, range } of names) {
    const pattern = new RegExp(`(?<![\\w.])${name.replace(/\./g, "\\.")}(?![\\w.(])`, "gi");
    if (!pattern.test(formula)) continue;
    const value = cellAt(range.row, range.column)?.value;
    if (typeof value !== "number") return [];
    formula = formula.replace(pattern, String(value));
  }
  return [{ ...cf, formula }];
}
