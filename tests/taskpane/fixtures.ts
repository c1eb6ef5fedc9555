/** A small workbook for the pane's tests: a staff table (with one bad row) and a posts sheet. */
import { generateStaff } from "../../src/sample/generate";
import type { FakeSource } from "./fake-host";

/** Staff rows made by the sample generator (seeded: the same rows every time). */
export const STAFF_ROWS = 30;

export interface Workbook {
  staff: unknown[][];
  posts: unknown[][];
  sources: FakeSource[];
}

/**
 * The staff data as an Excel table "Staff" on sheet "HR extract" whose header is at B3 (so
 * addresses must use the table's first row and column), with the FTE of the 5th data row
 * replaced by 37 (weekly hours: an error that leaves the row out). Posts on a sheet "Posts".
 */
export function workbook(): Workbook {
  const { staff, posts } = generateStaff({ rows: STAFF_ROWS, seed: 7 });
  staff[5][4] = 37;
  return {
    staff,
    posts,
    sources: [
      { sheet: "Notes", grid: [["About this workbook"], ["Figures for the committee"]] },
      { sheet: "HR extract", table: "Staff", firstRow: 3, firstColumn: 1, grid: staff },
      { sheet: "Posts", grid: posts },
    ],
  };
}
