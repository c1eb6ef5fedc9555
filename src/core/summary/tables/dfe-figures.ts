/**
 * DfE's published figures as the benchmark tables write them: values (not formulas), "n/a"
 * where DfE published none, and a published 0 marked "*" and explained in a note under the
 * table (issue 10 §4): DfE printed 0 for some councils (Manchester's turnover in 2022), and a
 * reader must not take it for a zero measured from their own data.
 */
import type { NotAvailable } from "../../result";
import type { CellSpec } from "../plan";
import type { SheetGrid } from "../sheet-grid";

export class DfeFigures {
  private zeros: string[] = [];

  /** A DfE figure's cell; `what` names it in the note if it is 0 ("Manchester, 2022"). */
  cell(x: number | NotAvailable | null | undefined, format: string, what: string): CellSpec {
    if (typeof x !== "number") return { value: "n/a", format };
    if (x !== 0) return { value: x, format };
    this.zeros.push(what);
    return { value: 0, format: `${format}" *"` };
  }

  /** The note on the zeros marked since the last note, at row `r`; returns the next free row. */
  writeNote(g: SheetGrid, r: number): number {
    if (!this.zeros.length) return r;
    g.put(r, 0, {
      style: "note",
      value: `* DfE's published figure is 0 (${this.zeros.join("; ")}): it is DfE's value as published, not a zero measured from this workbook's data.`,
    });
    this.zeros = [];
    return r + 1;
  }
}
