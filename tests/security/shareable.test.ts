/**
 * A shareable workbook made from the sample holds no staff ID, date of birth or raw equality
 * value anywhere in its package: the test unzips it and searches every part.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { isoFromSerial, ukDateFromSerial } from "../../src/core/dates";
import { readSheets } from "../../src/node/read-file";

const ROOT = join(__dirname, "..", "..");
const out = join(mkdtempSync(join(tmpdir(), "wfs-share-")), "shareable.xlsx");
let parts: Record<string, string> = {};

beforeAll(async () => {
  execFileSync(process.execPath, [
    join(ROOT, "bin", "workforce.js"),
    "summary",
    join(ROOT, "examples", "sample-staff.xlsx"),
    "-o",
    out,
    "--shareable",
  ]);
  const zip = await JSZip.loadAsync(readFileSync(out));
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) parts[name] = await zip.files[name].async("string");
}, 120_000);

describe("a shareable workbook made from the sample", () => {
  it("holds only the summary sheet, as values", () => {
    expect(
      Object.keys(parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
    ).toHaveLength(1);
    expect(Object.values(parts).some((t) => /<f>|<f /.test(t))).toBe(false);
    expect(parts["xl/workbook.xml"]).not.toMatch(/WFS_/);
    // no part (a conditional format, a chart) points at a name the copy does not define
    for (const [name, text] of Object.entries(parts))
      expect(text.includes("WFS_"), `a WFS_ name in ${name}`).toBe(false);
  });

  it("holds no staff ID, date of birth or raw equality value in any part", async () => {
    const staff = (await readSheets(join(ROOT, "examples", "sample-staff.xlsx"))).find(
      (s) => s.name === "Staff"
    )!.grid;
    const header = staff[0] as string[];
    const col = (name: string) => header.indexOf(name);
    const ids = staff.slice(1).map((r) => String(r[col("Employee No")]));
    const births = staff
      .slice(1)
      .map((r) => r[col("Date of Birth")])
      .filter((v): v is number => typeof v === "number");
    // Raw equality values as HR recorded them (the summary shows only shares and group names).
    const raw = new Set(
      staff
        .slice(1)
        .flatMap((r) => [r[col("Ethnic Origin")], r[col("Sexual Orientation")]])
        .map(String)
    );
    for (const label of ["Not known", "Prefer not to say", "Other", "Heterosexual"])
      raw.delete(label);
    const everything = Object.entries(parts);
    expect(ids.length).toBeGreaterThan(500);
    for (const id of ids)
      for (const [name, text] of everything)
        expect(text.includes(id), `${id} in ${name}`).toBe(false);
    for (const b of births.slice(0, 200)) {
      for (const [name, text] of everything) {
        expect(
          text.includes(isoFromSerial(b)) || text.includes(ukDateFromSerial(b)),
          `date of birth in ${name}`
        ).toBe(false);
      }
    }
    expect(raw.size).toBeGreaterThan(5);
    for (const value of raw)
      for (const [name, text] of everything)
        expect(text.includes(`>${value}<`), `"${value}" in ${name}`).toBe(false);
  });

  it("names no person in its document properties, and says how it was prepared", () => {
    const core = parts["docProps/core.xml"] ?? "";
    const creators = [...core.matchAll(/<(?:dc:creator|cp:lastModifiedBy)>([^<]*)</g)].map(
      (m) => m[1]
    );
    for (const c of creators) expect(c).toBe("Workforce Scrutiny");
    const text = Object.values(parts).join("\n");
    expect(text).toMatch(/Prepared for sharing by Workforce Scrutiny/);
    expect(text).toMatch(/c: not shown to protect individuals/);
  });
});
