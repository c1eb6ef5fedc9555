/**
 * `workforce portable`, run as a user runs it (the built bin on real files): the copy and its
 * JSON report grouped by sheet, the original file byte-identical (hash before and after), and
 * `--restore` bringing every formula back exactly.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { portableFixtureBytes } from "./host/xlsx/portable-fixture";

const ROOT = join(__dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "workforce-portable-"));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "bin", "workforce.js"), ...args], { encoding: "utf8" });
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Every <f>, <formula…> and <definedName> text of the worksheets and the workbook part. */
async function formulaTexts(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out: string[] = [];
  for (const p of Object.keys(zip.files)
    .filter((x) => /^xl\/(workbook|worksheets\/sheet\d+)\.xml$/.test(x))
    .sort()) {
    const xml = await zip.file(p)!.async("string");
    for (const m of xml.matchAll(
      /<(f|formula|formula1|definedName)(?:\s[^>]*?)?(?<!\/)>([\s\S]*?)<\/\1>/g
    ))
      out.push(`${p} ${m[2]}`);
  }
  return out;
}

describe("workforce portable", () => {
  const book = join(tmp, "book.xlsx");
  beforeAll(async () => {
    execFileSync(process.execPath, [
      join(ROOT, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      join(ROOT, "tsconfig.cli.json"),
    ]);
    writeFileSync(book, await portableFixtureBytes());
  }, 120_000);

  it("writes the copy and a JSON report grouped by sheet, leaving the workbook byte-identical", async () => {
    const before = sha(book);
    const copy = join(tmp, "copy.xlsx");
    const r = run("portable", book, "-o", copy, "--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(sha(book)).toBe(before);
    const report = JSON.parse(r.stdout);
    expect(report.sheets.map((s: { sheet: string }) => s.sheet)).toEqual([
      "Rates",
      "Tables",
      "(workbook)",
    ]);
    expect(report.totals).toMatchObject({ savedValue: 0, left: 0 });
    expect(report.totals.native + report.totals.value).toBe(
      report.sheets.reduce((n: number, s: { entries: unknown[] }) => n + s.entries.length, 0)
    );
    expect((await formulaTexts(copy)).filter((f) => /WORKFORCE[._]/i.test(f))).toEqual([]);
  });

  it("--restore gives back every formula exactly as the workbook had it", async () => {
    const copy = join(tmp, "copy2.xlsx");
    const back = join(tmp, "back.xlsx");
    expect(run("portable", book, "-o", copy).status).toBe(0);
    const r = run("portable", copy, "--restore", "-o", back);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*back\.xlsx: \d+ WORKFORCE formulas restored\./);
    // A shared formula comes back as one formula per cell: the cells it was filled to get theirs.
    const filled = ["B23,C23", "B24,C24"].map((a) => `WORKFORCE.STABILITY(${a})`);
    const restored = (await formulaTexts(back)).filter((f) => !filled.some((x) => f.endsWith(x)));
    expect(restored).toEqual(await formulaTexts(book));
    expect((await formulaTexts(back)).length).toBe(restored.length + 2);
  });

  it("refuses to write over the workbook it reads, and says why", () => {
    const r = run("portable", book, "-o", book);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("-o must name a new file");
  });
});
