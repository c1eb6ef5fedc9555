/**
 * `makePortable` on a workbook holding every WORKFORCE function in every spelling
 * (portable-fixture.ts):
 *
 * - the copy has no WORKFORCE call in any formula of any part (the name appears only as text: in
 *   the notes that keep the originals, the restore part, and a text cell that only looks like a
 *   formula, which must stay as it was);
 * - every part the copy did not need to change keeps its bytes, and the user's bytes are not
 *   touched;
 * - LibreOffice recalculates the copy to the values core gives for the original, cell by cell
 *   (the original evaluated by HyperFormula with the real WORKFORCE functions registered);
 *   HyperFormula gives the same for the copy's native arithmetic;
 * - restore brings every formula back exactly (cells, the spill, names, the conditional format
 *   and the validation), and leaves no note of ours.
 *
 * The LibreOffice part is skipped when `soffice` is not on PATH.
 */
import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DetailedCellError } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { benchmark, neighbours } from "../../../src/functions/functions";
import { hasWorkforceCall } from "../../../src/core/portable/rewrite";
import { typedForm } from "../../../src/core/portable/notes";
import { callWorkforce } from "../../../src/functions/call-by-id";
import { makePortable } from "../../../src/host/xlsx/portable/make-portable";
import type { PortableReport } from "../../../src/host/xlsx/portable/make-portable";
import { restorePortable } from "../../../src/host/xlsx/portable/restore";
import { workforceEngine } from "../../support/hyperformula-workforce";
import { assertWellFormed } from "./support";
import {
  convert,
  CSV_ALL_SHEETS,
  csvValue,
  makeProfile,
  onPath,
  readCsv,
  sheetCsvPath,
} from "./libreoffice";
import {
  INPUTS,
  CF_FORMULA,
  DV_FORMULA,
  LOOKS_LIKE,
  NAMES,
  OTHER_ADDIN,
  portableFixtureBytes,
  POSTS,
  POSTS_RANGE,
  rateFormulas,
  STAFF,
  STAFF_RANGE,
  tableFormulas,
} from "./portable-fixture";

const SOFFICE = onPath("soffice");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Every formula the file holds, by where it is: cells (shared formulas expanded), names, rules. */
async function formulasOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const out = new Map<string, string>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as {
          formula?: string;
          sharedFormula?: string;
          ref?: string;
          shareType?: string;
        } | null;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
          const array = v.shareType === "array" ? ` [array ${v.ref}]` : "";
          out.set(`${ws.name}!${cell.address}`, `${cell.formula}${array}`);
        }
      })
    )
  );
  const zip = await JSZip.loadAsync(bytes);
  for (const path of Object.keys(zip.files).filter((p) =>
    /^xl\/(workbook|worksheets\/sheet\d+)\.xml$/.test(p)
  )) {
    const xml = await zip.file(path)!.async("string");
    for (const m of xml.matchAll(
      /<definedName\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/definedName>/g
    ))
      out.set(`name ${m[1]}`, unescape(m[2]));
    for (const m of xml.matchAll(/<(formula|formula1)>([\s\S]*?)<\/\1>/g))
      out.set(`${path} ${m[1]}`, unescape(m[2]));
  }
  return out;
}

function unescape(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A formula of the original as HyperFormula can read it: typed spelling, tables as A1 ranges. */
function forHyperFormula(formula: string): string {
  return `=${typedForm(formula)
    .replace(/Staff\[\[#Headers\],\[#Data\]\]|Staff\[#All\]/g, STAFF_RANGE)
    .replace(/Posts\[#All\]/g, POSTS_RANGE)}`;
}

function grid(cells: { ref: string; formula: string }[], base: unknown[][]): unknown[][] {
  const g = base.map((r) => [...r]);
  for (const c of cells) {
    const col = c.ref.charCodeAt(0) - 65;
    const row = Number(c.ref.slice(1)) - 1;
    while (g.length <= row) g.push([]);
    g[row][col] = forHyperFormula(c.formula);
  }
  return g;
}

/** The original workbook in HyperFormula, WORKFORCE functions registered: core's values. */
async function coreValues() {
  const rates: unknown[][] = [["case", "first", "second"], ...INPUTS.map((row) => [...row])];
  while (rates.length < 24) rates.push([]);
  rates[21] = [null, 30, 40];
  rates[22] = [null, 0, 0];
  rates[23] = [null, 7, 8];
  const shared = [
    { ref: "D22", formula: "WORKFORCE.STABILITY(B22,C22)" },
    { ref: "D23", formula: "WORKFORCE.STABILITY(B23,C23)" },
    { ref: "D24", formula: "WORKFORCE.STABILITY(B24,C24)" },
  ];
  const staffSheet = STAFF.map((row, i) => [
    ...row,
    null,
    ...(POSTS[i] ?? [null, null, null]),
    null,
    i === 0 ? 3.5 : i === 1 ? 40 : null,
  ]);
  for (let i = STAFF.length; i < POSTS.length; i++)
    staffSheet.push([...Array(16).fill(null), ...POSTS[i]]);
  const hf = await workforceEngine({
    "Staff data": staffSheet,
    Rates: grid([...rateFormulas(), ...shared], rates),
    Tables: grid(tableFormulas(), [[null, 45199]]),
  });
  for (const n of NAMES) hf.addNamedExpression(n.name, forHyperFormula(n.formula));
  return hf;
}

describe("a portable copy of a workbook with every WORKFORCE function in every form", () => {
  let original: Uint8Array;
  let originalHash: string;
  let copy: Uint8Array;
  let report: PortableReport;

  beforeAll(async () => {
    original = await portableFixtureBytes();
    originalHash = sha(original);
    ({ bytes: copy, report } = await makePortable(original, callWorkforce));
  }, 60_000);

  it("leaves the user's bytes as they were", () => {
    expect(sha(original)).toBe(originalHash);
  });

  it("has no WORKFORCE call in any formula of any part; the name is left only as text", async () => {
    const zip = await JSZip.loadAsync(copy);
    const mentions: string[] = [];
    for (const [path, file] of Object.entries(zip.files)) {
      if (file.dir) continue;
      const text = await file.async("string");
      for (const m of text.matchAll(
        /<((?:\w+:)?)(f|formula|formula1|formula2|definedName)\b[^>]*>([\s\S]*?)<\/\1\2>/g
      ))
        expect(hasWorkforceCall(unescape(m[3])), `${path}: ${m[3]}`).toBe(false);
      if (/WORKFORCE[._]/i.test(text)) mentions.push(path);
    }
    // Notes keep the originals; the restore part keeps names and rules; the text cell is text.
    expect(mentions.sort()).toEqual(expect.arrayContaining(["xl/sharedStrings.xml"]));
    for (const path of mentions)
      expect(path).toMatch(
        /^(xl\/comments\d+\.xml|customXml\/item\d+\.xml|xl\/sharedStrings\.xml)$/
      );
    const text = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(text).toContain(LOOKS_LIKE.replace("[", "["));
  });

  it("reports every formula by sheet: native, value, and the other add-in's left alone", () => {
    const all = report.sheets.flatMap((s) => s.entries);
    expect(report.totals.native).toBeGreaterThanOrEqual(5 * 9 + 3);
    expect(report.totals.value).toBeGreaterThanOrEqual(tableFormulas().length);
    expect(report.totals.savedValue + report.totals.left).toBe(0);
    expect(all.find((e) => e.what === "spill")).toMatchObject({ where: "D2:E15", became: "value" });
    expect(
      all
        .filter((e) => e.what === "name")
        .map((e) => e.where)
        .sort()
    ).toEqual(["TeamFte", "VacRate"]);
    expect(all.find((e) => e.what === "conditional format")).toMatchObject({ became: "native" });
    expect(all.find((e) => e.what === "data validation")).toMatchObject({ became: "value" });
    expect(report.otherAddins).toEqual([
      { sheet: "Rates", where: "H30", functions: ["_xldudf_CONTOSO_ADD"] },
    ]);
  });

  it("writes every part it changed as well-formed XML, with a note on each cell it changed", async () => {
    const zip = await JSZip.loadAsync(copy);
    const a = await JSZip.loadAsync(original);
    for (const [path, file] of Object.entries(zip.files)) {
      if (file.dir || !/\.(xml|rels|vml)$/.test(path)) continue;
      const text = await file.async("string");
      if (text === (await a.file(path)?.async("string"))) continue;
      await assertWellFormed(text, path);
    }
    const comments = Object.keys(zip.files).filter((p) => /^xl\/comments\d+\.xml$/.test(p));
    expect(comments).toHaveLength(2);
    let notes = 0;
    for (const p of comments)
      notes += ((await zip.file(p)!.async("string")).match(/<comment /g) ?? []).length;
    const cellEntries = report.sheets
      .flatMap((s) => s.entries)
      .filter((e) => e.what === "cell" || e.what === "spill");
    expect(notes).toBe(cellEntries.length);
  });

  it("keeps the bytes of every part it did not need to change", async () => {
    const a = await JSZip.loadAsync(original);
    const b = await JSZip.loadAsync(copy);
    const changed =
      /^(xl\/worksheets\/(_rels\/)?sheet[23]\.xml(\.rels)?|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/calcChain\.xml)$/;
    for (const [path, file] of Object.entries(a.files)) {
      if (file.dir || changed.test(path)) continue;
      const before = await file.async("uint8array");
      const after = await b.file(path)?.async("uint8array");
      expect(after && sha(after), path).toBe(sha(before));
    }
  });

  it("HyperFormula gives the same values for the copy's native formulas as the custom functions for the original", async () => {
    const hfOriginal = await coreValues();
    const formulas = await formulasOf(copy);
    const rates = hfOriginal.getSheetId("Rates")!;
    let compared = 0;
    const wanted = new Set([
      ...rateFormulas().map((c) => `Rates!${c.ref}`),
      "Rates!D22",
      "Rates!D23",
      "Rates!D24",
    ]);
    for (const [where, formula] of formulas) {
      if (!wanted.has(where)) continue;
      const ref = where.slice("Rates!".length);
      const row = Number(ref.slice(1)) - 1;
      const col = ref.charCodeAt(0) - 65;
      const expected = hfOriginal.getCellValue({ sheet: rates, row, col });
      // The copy's formula evaluated in the original's place.
      hfOriginal.setCellContents({ sheet: rates, row, col: 30 }, [
        [`=${formula.replace(/ \[array.*$/, "")}`],
      ]);
      const actual = hfOriginal.getCellValue({ sheet: rates, row, col: 30 });
      if (typeof expected === "number") expect(actual as number, where).toBeCloseTo(expected, 10);
      else if (expected instanceof DetailedCellError)
        expect((actual as DetailedCellError).type, where).toBe(expected.type);
      else expect(actual, where).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
    hfOriginal.destroy();
  });

  it("restore brings every formula back exactly and takes its notes away", async () => {
    const { bytes: restored, report: r } = await restorePortable(copy);
    const before = await formulasOf(original);
    const after = await formulasOf(restored);
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
    expect(r.notRestored).toEqual([]);
    const zip = await JSZip.loadAsync(restored);
    expect(
      Object.keys(zip.files).filter(
        (p) => !zip.files[p].dir && /comments|vmlDrawing|customXml/.test(p)
      )
    ).toEqual([]);
    expect(before.get("Rates!H30")).toBe(OTHER_ADDIN);
    expect([...before.values()]).toEqual(expect.arrayContaining([CF_FORMULA, DV_FORMULA]));
  });

  describe.skipIf(!SOFFICE)("LibreOffice (skipped when soffice is not on PATH)", () => {
    it("recalculates the copy, with no #NAME?, to core's values for the original, cell by cell", async () => {
      const dir = await mkdtemp(join(tmpdir(), "wfs-portable-"));
      const file = join(dir, "copy.xlsx");
      await writeFile(file, copy);
      await convert(file, CSV_ALL_SHEETS, join(dir, "csv"), await makeProfile());
      const hf = await coreValues();
      const mismatches: unknown[] = [];
      let compared = 0;
      for (const sheet of ["Rates", "Tables"]) {
        const csv = await readCsv(sheetCsvPath(join(dir, "csv"), file, sheet));
        const id = hf.getSheetId(sheet)!;
        const refs =
          sheet === "Rates"
            ? [...rateFormulas().map((c) => c.ref), "D22", "D23", "D24"]
            : [
                ...tableFormulas().map((c) => c.ref),
                ...["D", "E"].flatMap((c) => Array.from({ length: 14 }, (_, i) => `${c}${i + 2}`)),
              ];
        for (const ref of refs) {
          const row = Number(ref.slice(1)) - 1;
          const col = ref.charCodeAt(0) - 65;
          // HyperFormula cannot run the asynchronous DfE functions: the functions themselves give core's value.
          const expected =
            sheet === "Tables" && ref === "A20"
              ? await benchmark("vacancyRate", "England", 2023)
              : sheet === "Tables" && ref === "A21"
                ? (await neighbours("turnover rate", "Manchester", 2023))[0][0]
                : hf.getCellValue({ sheet: id, row, col });
          const text = csv[row]?.[col] ?? "";
          expect(text).not.toBe("#NAME?");
          const actual = csvValue(text);
          const want =
            typeof expected === "object" && expected !== null
              ? (expected as { value: string }).value
              : expected;
          const ok =
            typeof want === "number" && typeof actual === "number"
              ? Math.abs(actual - want) <= 1e-9 * Math.max(1, Math.abs(want))
              : actual === want;
          if (!ok) mismatches.push({ sheet, ref, core: want, libreoffice: text });
          compared++;
        }
      }
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(90);
    }, 120_000);
  });
});
