/**
 * Text from the data that a spreadsheet would read as a formula (=, +, -, @) stays literal text
 * everywhere the product writes it: the summary workbook (file), the CSV of problems, and (in
 * tests/host/office) the Office.js adapter.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../src/core/csv";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "workforce.js");
const dir = mkdtempSync(join(tmpdir(), "wfs-inject-"));
const NASTY = [
  '=HYPERLINK("http://evil.example","click")',
  "+44 161 234 5678",
  "-1+1",
  "@SUM(A1)",
  "=1+1",
];

const csvFile = join(dir, "staff.csv");
writeFileSync(
  csvFile,
  toCsv([
    [
      "Staff ID",
      "Team",
      "Role",
      "Worker type",
      "FTE",
      "Start date",
      "Leave date",
      "Leaving reason",
    ],
    ...NASTY.map((text, i) => [
      `S${i}`,
      text,
      "SW1",
      "Permanent",
      1,
      "01/01/2020",
      i === 0 ? "01/03/2023" : "",
      i === 0 ? NASTY[4] : "",
    ]),
    ["S9", "North", "SW1", "Permanent", 37, "01/01/2020", "", ""],
    ["S10", "North", "SW1", "Permanent", "=1+1", "01/01/2020", "", ""],
  ]).replace(/'(?=[=+\-@])/g, "") // the raw file holds the nasty text as it is
);

describe("formula-looking text from the data", () => {
  it("stays text in the summary workbook: in the data sheet and in the summary's labels", async () => {
    const out = join(dir, "summary.xlsx");
    execFileSync(process.execPath, [BIN, "summary", csvFile, "-o", out, "--as-of", "2023-09-30"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const seen = new Set<string>();
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as unknown;
          if (typeof v === "string" && NASTY.includes(v)) seen.add(v);
          if (v && typeof v === "object" && "formula" in (v as object)) {
            const f = (v as { formula: string }).formula;
            // a formula may name a team inside a quoted criterion, never run it
            for (const t of NASTY)
              if (f.includes(t)) expect(f).toContain(`"${t.replace(/"/g, '""')}"`);
          }
        })
      )
    );
    for (const t of NASTY.slice(0, 4)) expect(seen.has(t), t).toBe(true);
  });

  it("stays text in the CSV of problems", () => {
    const r = spawnSync(process.execPath, [BIN, "check", csvFile, "--csv"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(["row", "column", "found", "expected", "severity"]);
    for (const row of rows) for (const cell of row) expect(/^[=+\-@]/.test(cell), cell).toBe(false);
    expect(rows.some((row) => row[2] === "37")).toBe(true);
    // the bad FTE "=1+1" is reported, as text
    expect(rows.some((row) => row[2] === "'=1+1")).toBe(true);
  });

  it("toCsv prefixes an apostrophe to formula-looking text and quotes what needs it", () => {
    expect(toCsv([["=1+1", "+1", "-1", "@x", 'a "b", c', -5, "plain"]])).toBe(
      `'=1+1,'+1,'-1,'@x,"a ""b"", c",-5,plain\r\n`
    );
  });
});
