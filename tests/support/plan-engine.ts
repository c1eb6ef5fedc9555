/**
 * Loads a WorkbookPlan into HyperFormula as a spreadsheet would hold it: literal values as
 * values, formulas as formulas, the plan's defined names as named expressions. HyperFormula has
 * no structured references, so `WFS_Staff[FTE]` is rewritten to a named expression covering the
 * same cells (the toolchain note's approach); nothing else in a formula is changed. Text that
 * starts with "=" stays text, as the hosts write it.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { cellAddress, type CellSpec, type WorkbookPlan } from "../../src/core/summary/plan";

const q = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const nameFor = (table: string, column: string) =>
  `${table}_${column.replace(/[^A-Za-z0-9]+/g, "_")}`;

export interface LoadedPlan {
  hf: HyperFormula;
  /** Every formula cell: where it is and what core said it should be. */
  formulaCells: { sheet: string; row: number; column: number; cell: CellSpec }[];
  value(sheet: string, row: number, column: number): unknown;
  setValue(sheet: string, row: number, column: number, value: unknown): void;
}

function rewrite(formula: string): string {
  return formula.replace(/(WFS_[A-Za-z]+)\[([^\]]+)\]/g, (_m, table: string, column: string) =>
    nameFor(table, column)
  );
}

/**
 * A literal as HyperFormula must be given it to hold it as it is: text starting with "=" would be
 * read as a formula, and a leading apostrophe is taken as a text marker, so both get one.
 */
function literal(value: CellSpec["value"]): unknown {
  if (typeof value === "string" && /^['=]/.test(value)) return `'${value}`;
  return value ?? null;
}

export function loadPlan(plan: WorkbookPlan): LoadedPlan {
  const sheets: Record<string, unknown[][]> = {};
  const formulaCells: LoadedPlan["formulaCells"] = [];
  const names: { name: string; expression: string }[] = [];
  for (const sheet of plan.sheets) {
    const grid: unknown[][] = [];
    const put = (row: number, column: number, cell: CellSpec) => {
      (grid[row] ??= [])[column] = cell.formula ? rewrite(cell.formula) : literal(cell.value);
      if (cell.formula) formulaCells.push({ sheet: sheet.preferredName, row, column, cell });
    };
    for (const block of [...sheet.blocks, ...sheet.tables]) {
      block.cells.forEach((cells, i) =>
        cells.forEach((cell, j) => put(block.row + i, block.column + j, cell))
      );
    }
    for (const t of sheet.tables) {
      const bodyFirst = t.row + 1;
      const bodyLast = t.row + t.cells.length - 1;
      t.cells[0].forEach((h, j) => {
        const c = t.column + j;
        names.push({
          name: nameFor(t.name, String(h.value)),
          expression: `=${q(sheet.preferredName)}!${cellAddress(bodyFirst, c, true)}:${cellAddress(bodyLast, c, true)}`,
        });
      });
    }
    for (const n of sheet.names) {
      names.push({
        name: n.name,
        expression: `=${q(sheet.preferredName)}!${cellAddress(n.range.row, n.range.column, true)}`,
      });
    }
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    sheets[sheet.preferredName] = grid;
  }
  const hf = HyperFormula.buildFromSheets(
    sheets as never,
    { licenseKey: "gpl-v3", useArrayArithmetic: true },
    names
  );
  const address = (sheet: string, row: number, column: number) => ({
    sheet: hf.getSheetId(sheet)!,
    row,
    col: column,
  });
  return {
    hf,
    formulaCells,
    value: (sheet, row, column) => {
      const v = hf.getCellValue(address(sheet, row, column));
      return v instanceof DetailedCellError ? `#${v.type}: ${v.message}` : v;
    },
    setValue: (sheet, row, column, value) =>
      hf.setCellContents(address(sheet, row, column), [[value as never]]),
  };
}
