/**
 * Writes the .xlsx cases of the bad-input corpus (tests/corpus/<case>/staff.xlsx) and the
 * hostile-names case (staff.csv and posts.csv from tests/support/hostile-names.ts); the other
 * CSV cases are written by hand. Run: npx tsx scripts/make-corpus.ts (deterministic).
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { asCsv, hostileWorkforce } from "../tests/support/hostile-names";

const CORPUS = join(__dirname, "..", "tests", "corpus");
const HEADER = ["Staff ID", "Team", "Role", "Worker type", "FTE", "Start date", "Leave date"];
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

async function write(name: string, build: (ws: ExcelJS.Worksheet) => void, expected: object) {
  const wb = new ExcelJS.Workbook();
  wb.created = d(2023, 11, 1);
  wb.modified = d(2023, 11, 1);
  build(wb.addWorksheet("Staff"));
  mkdirSync(join(CORPUS, name), { recursive: true });
  await wb.xlsx.writeFile(join(CORPUS, name, "staff.xlsx"));
  writeFileSync(join(CORPUS, name, "expected.json"), `${JSON.stringify(expected, null, 2)}\n`);
}

async function main() {
  await write(
    "merged-header-xlsx",
    (ws) => {
      ws.addRow(["Person", null, "Employment", null, null, null, null]);
      ws.mergeCells("A1:B1");
      ws.mergeCells("C1:G1");
      ws.addRow(HEADER);
      ws.addRow(["S1", "North", "SW1", "Permanent", 1, d(2020, 1, 1), null]);
    },
    { exit: 0, stdout: ["header on row 2", "1 rows read, 1 used, 0 left out"] }
  );
  await write(
    "error-and-formula-cells-xlsx",
    (ws) => {
      ws.addRow(HEADER);
      ws.addRow([
        "S1",
        "North",
        "SW1",
        "Permanent",
        { formula: "0.5*2", result: 1 },
        d(2020, 1, 1),
        null,
      ]);
      ws.addRow(["S2", { error: "#REF!" }, "SW1", "Permanent", 1, d(2020, 1, 1), null]);
      ws.addRow([
        "S3",
        "North",
        "SW1",
        "Permanent",
        { formula: "1/0", result: { error: "#DIV/0!" } },
        d(2020, 1, 1),
        null,
      ]);
    },
    {
      exit: 1,
      stdout: [
        'Row 3, Team: found "#REF!"; expected a value, not an Excel error',
        'Row 4, FTE: found "#DIV/0!"',
        "3 rows read, 1 used, 2 left out",
      ],
    }
  );
  const hostile = hostileWorkforce();
  const dir = join(CORPUS, "hostile-names");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "staff.csv"), asCsv(hostile.staff, [5, 6, 8]));
  writeFileSync(join(dir, "posts.csv"), asCsv(hostile.posts, []));
  console.log("wrote the .xlsx corpus cases and hostile-names");
}

void main();
