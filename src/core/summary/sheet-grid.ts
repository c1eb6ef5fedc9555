/** A sparse grid of cells that becomes one rectangular block of a sheet. */
import type { BlockSpec, CellSpec, RangeSpec } from "./plan";

export class SheetGrid {
  private cells = new Map<number, Map<number, CellSpec>>();
  rows = 0;
  columns = 0;

  put(row: number, column: number, cell: CellSpec): void {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    r.set(column, cell);
    this.rows = Math.max(this.rows, row + 1);
    this.columns = Math.max(this.columns, column + 1);
  }

  /** Puts a row of cells from `column` on. */
  putRow(row: number, column: number, cells: CellSpec[]): RangeSpec {
    cells.forEach((c, i) => this.put(row, column + i, c));
    return { row, column, rows: 1, columns: cells.length };
  }

  get(row: number, column: number): CellSpec | undefined {
    return this.cells.get(row)?.get(column);
  }

  block(): BlockSpec {
    const cells: CellSpec[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: CellSpec[] = [];
      for (let c = 0; c < this.columns; c++) row.push(this.get(r, c) ?? {});
      cells.push(row);
    }
    return { row: 0, column: 0, cells };
  }
}
