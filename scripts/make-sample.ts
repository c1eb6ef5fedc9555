/**
 * Writes examples/sample-staff.xlsx: about 560 synthetic staff rows (no real person) across the
 * Manchester seed's teams, with agency workers, leavers, the pipeline, a posts sheet, some of
 * the messiness of a real HR extract, and two rows with errors so `check` has something to say.
 * Run: npm run sample (seeded: the same file every time).
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { generateStaff } from "../src/sample/generate";

const OUT = join(__dirname, "..", "examples", "sample-staff.xlsx");
const DATE_COLUMNS = new Set([5, 6, 8]);

function toCell(value: unknown, col: number): unknown {
  if (DATE_COLUMNS.has(col) && typeof value === "number")
    return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
  return value;
}

async function main() {
  const { staff, posts } = generateStaff({ rows: 560, seed: 20230930, messy: true });
  // Two rows a real extract would have wrong: weekly hours in FTE, and a missing start date.
  staff[41][4] = 37;
  staff[97][5] = null;

  const wb = new ExcelJS.Workbook();
  wb.creator = "Workforce Scrutiny sample generator";
  wb.created = new Date(Date.UTC(2023, 10, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet("Staff");
  ws.addTable({
    name: "Staff",
    ref: "A1",
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: (staff[0] as string[]).map((name) => ({ name, filterButton: true })),
    rows: staff.slice(1).map((row) => row.map((v, c) => toCell(v, c))),
  });
  for (const c of DATE_COLUMNS) ws.getColumn(c + 1).numFmt = "dd/mm/yyyy";
  ws.columns.forEach((col) => {
    col.width = 16;
  });

  const ps = wb.addWorksheet("Posts");
  ps.addTable({
    name: "Posts",
    ref: "A1",
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: (posts[0] as string[]).map((name) => ({ name, filterButton: true })),
    rows: posts.slice(1),
  });
  ps.columns.forEach((col) => {
    col.width = 26;
  });

  mkdirSync(join(__dirname, "..", "examples"), { recursive: true });
  await wb.xlsx.writeFile(OUT);
  console.log(`wrote ${OUT}: ${staff.length - 1} staff rows, ${posts.length - 1} posts rows`);
}

void main();
