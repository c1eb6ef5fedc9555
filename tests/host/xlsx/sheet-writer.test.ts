/**
 * The adapter's own worksheet writer (`sheet-rows.ts`, `cell-styles.ts`): every part of a built
 * workbook is well-formed XML and holds together as an OOXML package (worksheet children in
 * CT_Worksheet's order, rows and cells in order, style and shared-string indices that exist,
 * counts that match, a content type and a target for every part), appending to the styles and
 * shared strings of a user's workbook leaves the user's indices alone, and LibreOffice
 * recalculates a 20,000-row summary to core's values.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ingestPosts, ingestStaff } from "../../../src/core/ingest";
import { buildSummaryPlan } from "../../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../../src/core/summary/options";
import { cellAddress } from "../../../src/core/summary/plan";
import type { WorkbookPlan } from "../../../src/core/summary/plan";
import { generateStaff } from "../../../src/sample/generate";
import { crc32 as zlibCrc32 } from "node:zlib";
import { CellStyles } from "../../../src/host/xlsx/cell-styles";
import { crc32, platformCompressor } from "../../../src/host/xlsx/deflate";
import { NODE_COMPRESSOR } from "../../../src/host/xlsx/node-file";
import { SharedStrings } from "../../../src/host/xlsx/sheet-rows";
import { XlsxWorkbook } from "../../../src/host/xlsx/xlsx-workbook";
import {
  attributes,
  contentTypeOf,
  findElement,
  findTags,
  parseRels,
  relsPath,
  resolveTarget,
  unescapeXml,
  WORKSHEET_ORDER,
} from "../../../src/host/xlsx/xml";
import {
  convert,
  CSV_ALL_SHEETS,
  csvValue,
  makeProfile,
  onPath,
  readCsv,
  recalculatedEquals,
  sheetCsvPath,
} from "./libreoffice";
import { assertWellFormed, planCells, unzip, userWorkbookBytes } from "./support";

function planOf(rows: number, seed: number): WorkbookPlan {
  const { staff, posts } = generateStaff({ rows, seed });
  return buildSummaryPlan({
    staff: ingestStaff(staff),
    posts: ingestPosts(posts),
    options: DEFAULT_SUMMARY_OPTIONS,
    source: { staffTable: "Staff", postsTable: "Posts" },
    version: "test",
    builtOn: "2026-11-22",
  });
}

/** "AB12" → [11, 27] (0-based row, column). */
function position(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, column - 1];
}

/** The top-level children of a part's root element, by local name, in order. */
function rootChildren(xml: string): string[] {
  const body = xml.replace(/^<\?xml[^>]*>\s*/, "");
  const names: string[] = [];
  let depth = 0;
  const re = /<(\/?)(?:[\w]+:)?([\w]+)[^>]*?(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[1]) depth--;
    else {
      if (depth === 1) names.push(m[2]);
      if (!m[3]) depth++;
    }
  }
  return names;
}

/** Every check the package must pass; returns what it looked at, for the test to see it did. */
async function checkPackage(bytes: Uint8Array) {
  const zip = await unzip(bytes);
  const paths = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
  const text = (p: string) => zip.file(p)!.async("string");
  const types = await text("[Content_Types].xml");
  for (const p of paths) {
    if (p === "[Content_Types].xml") continue;
    expect(contentTypeOf(types, p), `content type of ${p}`).toBeDefined();
    if (/\.(xml|rels)$/.test(p)) await assertWellFormed(await text(p), p);
  }
  // Every internal relationship points at a part of the package.
  for (const p of paths.filter((p) => p.endsWith(".rels"))) {
    const owner = p.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    for (const rel of parseRels(await text(p)))
      if (rel.TargetMode !== "External")
        expect(paths, `${p} → ${rel.Target}`).toContain(resolveTarget(owner, rel.Target));
  }

  const styles = await text("xl/styles.xml");
  for (const [el, child] of [
    ["numFmts", "numFmt"],
    ["fonts", "font"],
    ["fills", "fill"],
    ["borders", "border"],
    ["cellXfs", "xf"],
  ]) {
    const block = findElement(styles, el);
    if (!block) continue;
    const n = findTags(block.text, child).length;
    expect(Number(attributes(block.text).count), `<${el}> count`).toBe(n);
  }
  const xfs = findTags(findElement(styles, "cellXfs")!.text, "xf").map((x) => attributes(x.tag));
  const fontCount = findTags(findElement(styles, "fonts")!.text, "font").length;
  const fillCount = findTags(findElement(styles, "fills")!.text, "fill").length;
  const borderCount = findTags(findElement(styles, "borders")!.text, "border").length;
  const numFmtIds = new Set(
    findTags(findElement(styles, "numFmts")?.text ?? "", "numFmt").map(
      (t) => attributes(t.tag).numFmtId
    )
  );
  expect(numFmtIds.size).toBe(
    findTags(findElement(styles, "numFmts")?.text ?? "", "numFmt").length
  );
  for (const xf of xfs) {
    expect(Number(xf.fontId)).toBeLessThan(fontCount);
    expect(Number(xf.fillId)).toBeLessThan(fillCount);
    expect(Number(xf.borderId)).toBeLessThan(borderCount);
    const id = Number(xf.numFmtId);
    if (id >= 164) expect(numFmtIds.has(String(id)), `numFmt ${id}`).toBe(true);
  }

  const sst = await text("xl/sharedStrings.xml");
  const strings = findTags(sst, "si").length;
  expect(Number(attributes(findTags(sst, "sst")[0].tag).uniqueCount)).toBe(strings);

  const tableIds: string[] = [];
  const sheets = paths.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
  let cellsSeen = 0;
  for (const p of sheets) {
    const xml = await text(p);
    // CT_Worksheet's sequence.
    const children = rootChildren(xml);
    expect(children, p).toEqual(expect.arrayContaining(["dimension", "sheetData", "pageMargins"]));
    const order = children.map((n) => WORKSHEET_ORDER.indexOf(n as never));
    expect(
      order.every((i) => i >= 0),
      `${p}: known children`
    ).toBe(true);
    expect(
      [...order].sort((a, b) => a - b),
      `${p}: children in order`
    ).toEqual(order);
    // Rows ascending, cells ascending within their row, every index in range.
    let lastRow = -1;
    let strRefs = 0;
    for (const row of xml.matchAll(/<row r="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = Number(row[1]) - 1;
      expect(r).toBeGreaterThan(lastRow);
      lastRow = r;
      let lastColumn = -1;
      for (const c of (row[2] ?? "").matchAll(
        /<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g
      )) {
        const [cr, cc] = position(c[1]);
        expect(cr).toBe(r);
        expect(cc).toBeGreaterThan(lastColumn);
        lastColumn = cc;
        const a = attributes(`<c ${c[2]}>`);
        if (a.s !== undefined) expect(Number(a.s)).toBeLessThan(xfs.length);
        if (a.t === "s") {
          expect(Number(/<v>(\d+)<\/v>/.exec(c[3] ?? "")![1])).toBeLessThan(strings);
          strRefs++;
        }
        cellsSeen++;
      }
    }
    // Tables: unique ids, and each header cell holds its column's name.
    for (const rel of parseRels(zip.file(relsPath(p)) ? await text(relsPath(p)) : null)) {
      if (!rel.Type.endsWith("/table")) continue;
      const table = await text(resolveTarget(p, rel.Target));
      const a = attributes(findTags(table, "table")[0].tag);
      tableIds.push(a.id);
      const [top, left] = position(a.ref.split(":")[0]);
      const names = findTags(table, "tableColumn").map((t) => attributes(t.tag).name);
      const headerRow = new RegExp(`<row r="${top + 1}"[^>]*>([\\s\\S]*?)</row>`).exec(xml)![1];
      names.forEach((name, j) => {
        const ref = cellAddress(top, left + j);
        const cell = new RegExp(`<c r="${ref}"[^>]*t="s"[^>]*><v>(\\d+)</v>`).exec(headerRow);
        expect(cell, `${a.name} header ${ref}`).not.toBeNull();
        const si = findTags(sst, "si")[Number(cell![1])];
        const after = sst.slice(si.index);
        expect(unescapeXml(/<t[^>]*>([\s\S]*?)<\/t>/.exec(after)![1])).toBe(name);
      });
    }
    if (p.endsWith("sheet1.xml")) expect(strRefs).toBeGreaterThan(0);
  }
  expect(new Set(tableIds).size).toBe(tableIds.length);
  return { parts: paths.length, sheets: sheets.length, tables: tableIds.length, cellsSeen };
}

describe("the adapter's worksheet writer", () => {
  it("writes a package whose every part is well-formed and holds together (a new workbook)", async () => {
    const book = XlsxWorkbook.empty();
    book.addValuesSheet("Raw", [
      ["Name", "FTE", "Start"],
      ["A & B <x>", 1, 45000],
      [" padded ", null, true],
    ]);
    await book.writePlan(planOf(300, 11));
    const seen = await checkPackage(await book.toBuffer());
    expect(seen.sheets).toBe(3);
    expect(seen.tables).toBeGreaterThan(5);
    expect(seen.cellsSeen).toBeGreaterThan(300 * 20);
  });

  it("appends to a user's workbook: the user's cells keep their styles and text, the package holds together", async () => {
    const book = await XlsxWorkbook.fromBuffer(await userWorkbookBytes());
    await book.writePlan(planOf(200, 12));
    const bytes = await book.toBuffer();
    await checkPackage(bytes);
    const original = new ExcelJS.Workbook();
    await original.xlsx.load((await userWorkbookBytes()) as unknown as ArrayBuffer);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const ws of original.worksheets) {
      const again = saved.getWorksheet(ws.name)!;
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const other = again.getCell(r, c);
          expect(other.value, `${ws.name}!${cell.address}`).toEqual(cell.value);
          expect(other.numFmt, `${ws.name}!${cell.address}`).toEqual(cell.numFmt);
          expect(other.font ?? {}, `${ws.name}!${cell.address}`).toEqual(cell.font ?? {});
          expect(other.fill ?? {}, `${ws.name}!${cell.address}`).toEqual(cell.fill ?? {});
        })
      );
    }
  });

  it("deflates the same parts whichever compressor it uses: the platform's, fflate's, Node's zlib", async () => {
    const book = XlsxWorkbook.empty();
    await book.writePlan(planOf(150, 14));
    const platform = platformCompressor();
    expect(platform, "Node has CompressionStream with deflate-raw").not.toBeNull();
    const files = await Promise.all(
      [undefined, null, NODE_COMPRESSOR].map((compressor) => book.toBuffer({ compressor }))
    );
    const parts = await Promise.all(
      files.map(async (bytes) => {
        const zip = await unzip(bytes);
        const out: Record<string, string> = {};
        for (const p of Object.keys(zip.files).sort())
          if (!zip.files[p].dir) out[p] = await zip.file(p)!.async("string");
        return out;
      })
    );
    expect(Object.keys(parts[0]).length).toBeGreaterThan(10);
    expect(parts[1]).toEqual(parts[0]);
    expect(parts[2]).toEqual(parts[0]);
  });

  it("computes a zip's CRC-32 as zlib does", () => {
    const bytes = new TextEncoder().encode("<worksheet>é ✓ 𝄞</worksheet>".repeat(1000));
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("keeps a styles part's own formats at their indices and numbers new number formats after the part's", () => {
    const xml =
      `<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="170" formatCode="0.000"/></numFmts>` +
      `<fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill/><fill/></fills>` +
      `<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs></styleSheet>`;
    const styles = new CellStyles(xml);
    expect(styles.index({})).toBe(0);
    const header = styles.index({ style: "header", format: "0.0%" });
    expect(header).toBe(2);
    expect(styles.index({ style: "header", format: "0.0%" })).toBe(header);
    expect(styles.index({ format: "0.0%" })).toBe(3);
    const out = styles.stylesXml();
    expect(out).toContain(
      `<numFmts count="2"><numFmt numFmtId="170" formatCode="0.000"/><numFmt numFmtId="171" formatCode="0.0%"/></numFmts>`
    );
    expect(out).toContain(`<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="170"/>`);
    expect(out).toMatch(/<fonts count="2"><font><sz val="11"\/><\/font><font><b\/>/);
    expect(out).toMatch(/<fills count="3">/);
  });

  it("appends shared strings after a part's own, with its counts", () => {
    const strings = new SharedStrings(
      `<?xml version="1.0"?>\n<sst xmlns="x" count="3" uniqueCount="2"><si><t>a</t></si><si><t>b</t></si></sst>`
    );
    expect(strings.id("b")).toBe(2); // not looked up in the user's strings: appended
    expect(strings.id(" c ")).toBe(3);
    expect(strings.id("b")).toBe(2);
    expect(strings.sstXml()).toBe(
      `<?xml version="1.0"?>\n<sst count="6" uniqueCount="4" xmlns="x"><si><t>a</t></si><si><t>b</t></si><si><t>b</t></si><si><t xml:space="preserve"> c </t></si></sst>`
    );
  });
});

const SOFFICE = onPath("soffice");

describe.skipIf(!SOFFICE)(
  "LibreOffice recalculates a 20,000-row summary written by the adapter",
  () => {
    it("to core's value in every formula cell of the summary and data sheets", async () => {
      const plan = planOf(20_000, 13);
      // Two cached values made wrong: Calc must recalculate them to pass.
      const written = structuredClone(plan) as WorkbookPlan;
      let poisoned = 0;
      for (const block of written.sheets.find((s) => s.key === "summary")!.blocks)
        for (const row of block.cells)
          for (const cell of row)
            if (
              poisoned < 2 &&
              cell?.formula &&
              typeof cell.value === "number" &&
              cell.value !== 0
            ) {
              cell.value = -987654.321;
              poisoned++;
            }
      expect(poisoned).toBe(2);
      const book = XlsxWorkbook.empty();
      const { sheetNames } = await book.writePlan(written);
      const dir = await mkdtemp(join(tmpdir(), "wfs-lo-20k-"));
      const file = join(dir, "summary-20k.xlsx");
      await writeFile(file, await book.toBuffer());
      await convert(file, CSV_ALL_SHEETS, join(dir, "csv"), await makeProfile(), 600_000);
      const grids: Record<string, string[][]> = {};
      for (const key of ["summary", "data"])
        grids[key] = await readCsv(sheetCsvPath(join(dir, "csv"), file, sheetNames[key]));
      const formulas = planCells(plan).filter((p) => p.cell.formula !== undefined);
      const differ = formulas.filter(
        (p) =>
          !recalculatedEquals(csvValue(grids[p.sheetKey][p.row]?.[p.column] ?? ""), p.cell.value)
      );
      expect(formulas.length).toBeGreaterThan(300);
      // The staff table really is 20,000 rows on the data sheet.
      expect(grids.data.length).toBeGreaterThan(20_000);
      expect(
        differ
          .slice(0, 10)
          .map((p) => ({ at: `${p.sheetKey}!${cellAddress(p.row, p.column)}`, core: p.cell.value }))
      ).toEqual([]);
    }, 900_000);
  }
);
