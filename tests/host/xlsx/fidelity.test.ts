/**
 * What ExcelJS alone would lose or break in a user's workbook, and this adapter keeps: tables as
 * Excel writes them, defined names of every kind (sheet-scoped, constants, whole columns),
 * validations on whole columns, drawings with charts and pictures, custom document properties,
 * other add-ins' sheet properties; and the cell-level details of what it writes (cached text,
 * error and zero results, `_xlfn.` prefixes), reading values back as Office.js gives them.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetSpec, WorkbookPlan } from "../../../src/core/summary/plan";
import { fileFormula } from "../../../src/host/xlsx/cell-values";
import { XlsxWorkbook } from "../../../src/host/xlsx/xlsx-workbook";
import {
  assertWellFormed,
  loadExcelJs,
  partText,
  summaryPlanOf,
  unzip,
  userWorkbookBytes,
} from "./support";

function sheet(partial: Partial<SheetSpec> & Pick<SheetSpec, "key" | "preferredName">): SheetSpec {
  return {
    blocks: [],
    tables: [],
    charts: [],
    names: [],
    validations: [],
    columnWidths: [],
    ...partial,
  };
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function zipBytes(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: "uint8array" });
}

/** The path of a sheet's part, by sheet name. */
async function sheetPath(zip: JSZip, name: string): Promise<string> {
  const workbook = await partText(zip, "xl/workbook.xml");
  const rels = await partText(zip, "xl/_rels/workbook.xml.rels");
  const tag = [...workbook.matchAll(/<sheet [^>]*\/>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${name}"`))!;
  const id = /r:id="([^"]+)"/.exec(tag)![1];
  return `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1].replace(/^\/xl\//, "")}`;
}

const smallPlan: WorkbookPlan = {
  sheets: [
    sheet({
      key: "summary",
      preferredName: "Scrutiny summary",
      blocks: [
        {
          row: 0,
          column: 0,
          cells: [
            [{ value: "Cached results", style: "title" }],
            [{ formula: '=IF(1,"n/a",0)', value: "n/a" }],
            [{ formula: "=1/0", value: "#DIV/0!" }],
            [{ formula: '=MAXIFS(A1:A3,A1:A3,">0")', value: 3 }],
            [{ formula: "=1=1", value: true }],
            [{ formula: "=1-1", value: 0, format: "0.0" }],
            [{ value: "+44 161 234 5678" }],
            [{ value: "@home" }],
          ],
        },
      ],
      names: [{ name: "WFS_Zero", range: { row: 5, column: 0, rows: 1, columns: 1 } }],
    }),
  ],
};

describe("cells the adapter writes", () => {
  it("cache text, error, boolean and zero results with the right types, and prefix newer functions", async () => {
    const book = XlsxWorkbook.empty();
    expect((await book.writePlan(smallPlan)).sheetNames).toEqual({ summary: "Scrutiny summary" });
    const zip = await unzip(await book.toBuffer());
    const xml = await partText(zip, await sheetPath(zip, "Scrutiny summary"));
    expect(xml).toMatch(
      /<c r="A2"[^>]* t="str"><f>IF\(1,&quot;n\/a&quot;,0\)<\/f><v>n\/a<\/v><\/c>/
    );
    expect(xml).toMatch(/<c r="A3"[^>]* t="e"><f>1\/0<\/f><v>#DIV\/0!<\/v><\/c>/);
    expect(xml).toContain("<f>_xlfn.MAXIFS(A1:A3,A1:A3,&quot;&gt;0&quot;)</f><v>3</v>");
    expect(xml).toMatch(/<c r="A5"[^>]* t="b"><f>1=1<\/f><v>1<\/v><\/c>/);
    expect(xml).toMatch(/<c r="A6"[^>]*><f>1-1<\/f><v>0<\/v><\/c>/);
    const wb = await loadExcelJs(await book.toBuffer());
    const ws = wb.getWorksheet("Scrutiny summary")!;
    expect(ws.getCell("A7").value).toBe("+44 161 234 5678");
    expect(ws.getCell("A8").value).toBe("@home");
  });

  it("adds _xlfn. only to function calls outside strings, sheet names and structured references", () => {
    expect(fileFormula('=MAXIFS(T[Max],T[Team],"MAXIFS(x)")')).toBe(
      '_xlfn.MAXIFS(T[Max],T[Team],"MAXIFS(x)")'
    );
    expect(fileFormula("=IFERROR(XLOOKUP(1,'IFS(a)'!A:A,B:B),0)")).toBe(
      "IFERROR(_xlfn.XLOOKUP(1,'IFS(a)'!A:A,B:B),0)"
    );
    expect(fileFormula("=_xlfn.MAXIFS(A:A,B:B,1)+STDEV.S(A:A)+FILTER(A:A,B:B)")).toBe(
      "_xlfn.MAXIFS(A:A,B:B,1)+_xlfn.STDEV.S(A:A)+_xlfn._xlws.FILTER(A:A,B:B)"
    );
    expect(fileFormula('=SUMIFS(WFS_Staff[FTE],WFS_Staff[[#This Row],[Team]],"x")')).toBe(
      'SUMIFS(WFS_Staff[FTE],WFS_Staff[[#This Row],[Team]],"x")'
    );
  });

  it("saves a workbook that never had a sheet with one empty sheet", async () => {
    const wb = await loadExcelJs(await XlsxWorkbook.empty().toBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sheet1"]);
  });
});

describe("reading a workbook", () => {
  it("lists Excel tables first, then the used range of each sheet without a table", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("C3").value = "hello";
    const data = wb.addWorksheet("Data");
    data.addTable({
      name: "People",
      ref: "B2",
      columns: [{ name: "Name" }, { name: "Start" }, { name: "FTE" }, { name: "Flag" }],
      rows: [
        [
          { richText: [{ text: "Ann " }, { text: "Lee", font: { bold: true } }] },
          new Date(Date.UTC(2023, 8, 30)),
          { formula: "0.5*2", result: 1 },
          true,
        ],
        [
          "Bob",
          null,
          { formula: "1/0", result: { error: "#DIV/0!" } },
          { formula: "1=2", result: false },
        ],
      ],
    });
    data.getCell("C3").numFmt = "dd/mm/yyyy";
    wb.addWorksheet("Blank");
    const book = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    const tables = await book.listTables();
    expect(tables).toEqual([
      {
        name: "People",
        sheet: "Data",
        kind: "table",
        address: "B2:E4",
        firstRow: 2,
        firstColumn: 1,
        rows: 3,
        columns: 4,
      },
      {
        name: "Notes",
        sheet: "Notes",
        kind: "range",
        address: "C3",
        firstRow: 3,
        firstColumn: 2,
        rows: 1,
        columns: 1,
      },
    ]);
    expect(await book.readTable(tables[0])).toEqual([
      ["Name", "Start", "FTE", "Flag"],
      ["Ann Lee", 45199, 1, true],
      ["Bob", "", "#DIV/0!", false],
    ]);
    await expect(book.readTable({ ...tables[0], sheet: "Gone" })).rejects.toThrow(
      /no longer in the workbook/
    );
  });

  it("gives the same staff table as the command line's reader", async () => {
    const { readSheets } = await import("../../../src/node/read-file");
    const { writeFile, mkdtemp } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const { ingestStaff } = await import("../../../src/core/ingest");
    const bytes = await userWorkbookBytes();
    const dir = await mkdtemp(join(tmpdir(), "wfs-xlsx-"));
    await writeFile(join(dir, "u.xlsx"), bytes);
    const cli = (await readSheets(join(dir, "u.xlsx"))).find((s) => s.name === "Staff")!.grid;
    const book = await XlsxWorkbook.fromBuffer(bytes);
    const port = await book.readTable((await book.listTables()).find((t) => t.name === "Staff")!);
    const a = ingestStaff(cli);
    const b = ingestStaff(port);
    expect(b.records).toEqual(a.records);
    expect(b.rowsLeftOut).toBe(a.rowsLeftOut);
  });

  it("selects a cell: its sheet is the one shown on opening", async () => {
    const book = await XlsxWorkbook.fromBuffer(await userWorkbookBytes());
    await book.selectCell("Staff", "C12");
    const wb = await loadExcelJs(await book.toBuffer());
    expect(wb.views[0].activeTab).toBe(1);
    expect((wb.getWorksheet("Staff")!.views[0] as { activeCell?: string }).activeCell).toBe("C12");
    await expect(book.selectCell("Nope", "A1")).rejects.toThrow(/no longer in the workbook/);
  });
});

describe("a user's workbook keeps what ExcelJS alone would lose", () => {
  it("keeps a table saved as Excel saves it (no headerRowCount, no filter columns) with its header", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data").addTable({
      name: "Posts",
      ref: "A1",
      columns: [
        { name: "Team", filterButton: true },
        { name: "Funded FTE", filterButton: true },
      ],
      rows: [["North", 10]],
    });
    const zip = await unzip(await bytesOf(wb));
    const table = (await partText(zip, "xl/tables/table1.xml"))
      .replace(' headerRowCount="1"', "")
      .replace(/<filterColumn [^>]*\/>/g, "");
    zip.file("xl/tables/table1.xml", table);
    const book = await XlsxWorkbook.fromBuffer(await zipBytes(zip));
    await book.writePlan(smallPlan);
    const out = await partText(await unzip(await book.toBuffer()), "xl/tables/table1.xml");
    expect(out).toContain('headerRowCount="1"');
    expect(out).not.toContain('hiddenButton="1"');
    expect(out).toContain('ref="A1:B2"');
  });

  it("keeps every defined name as written, re-pointing sheet scopes when the product's sheets move", async () => {
    // A built workbook whose product sheets come first, with names of every kind.
    const book0 = await XlsxWorkbook.fromBuffer(await userWorkbookBytes());
    await book0.writePlan(smallPlan);
    const zip = await unzip(await book0.toBuffer());
    let workbook = await partText(zip, "xl/workbook.xml");
    const sheets = [...workbook.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
    const ours = sheets.filter((s) => s.includes('name="Scrutiny summary (2)"'));
    const theirs = sheets.filter((s) => !ours.includes(s));
    workbook = workbook.replace(
      /<sheets>[\s\S]*<\/sheets>/,
      () => `<sheets>${[...ours, ...theirs].join("")}</sheets>`
    );
    // Now: 0 Scrutiny summary (2), 1 Scrutiny summary, 2 Staff, 3 Posts.
    const names =
      `<definedName name="_xlnm.Print_Area" localSheetId="2">Staff!$A$1:$C$10</definedName>` +
      `<definedName name="Local" localSheetId="3" comment="posts only">Posts!$A$1</definedName>` +
      `<definedName name="Rate">0.5</definedName>` +
      `<definedName name="WholeColumn">Staff!$A:$A</definedName>` +
      `<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">Staff!$A$1:$O$401</definedName>` +
      `<definedName name="OnOurSheet">'Scrutiny summary (2)'!$A$2</definedName>`;
    workbook = workbook.replace("</definedNames>", () => `${names}</definedNames>`);
    zip.file("xl/workbook.xml", workbook);
    const book = await XlsxWorkbook.fromBuffer(await zipBytes(zip));
    await book.writePlan(smallPlan);
    const out = await partText(await unzip(await book.toBuffer()), "xl/workbook.xml");
    // Now: 0 Scrutiny summary, 1 Staff, 2 Posts, 3 Scrutiny summary (2).
    expect(out).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="1">Staff!$A$1:$C$10</definedName>`
    );
    expect(out).toContain(
      `<definedName name="Local" localSheetId="2" comment="posts only">Posts!$A$1</definedName>`
    );
    expect(out).toContain(`<definedName name="Rate">0.5</definedName>`);
    expect(out).toContain(`<definedName name="WholeColumn">Staff!$A:$A</definedName>`);
    expect(out).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">Staff!$A$1:$O$401</definedName>`
    );
    // The user's name on the product's sheet still points at it (rebuilt under the same name).
    expect(out).toContain(
      `<definedName name="OnOurSheet">'Scrutiny summary (2)'!$A$2</definedName>`
    );
    expect(out.match(/name="WFS_Zero"/g)).toHaveLength(1);
    expect(out).toContain(`<definedName name="WFS_Zero">'Scrutiny summary (2)'!$A$6</definedName>`);
  });

  it("keeps a drop-down list on a whole column, quickly and as written", async () => {
    const zip = await unzip(await userWorkbookBytes());
    const path = await sheetPath(zip, "Staff");
    const validation = `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="D2:D1048576"><formula1>"Permanent,Agency"</formula1></dataValidation></dataValidations>`;
    const xml = (await partText(zip, path)).replace("<pageMargins", `${validation}<pageMargins`);
    zip.file(path, xml);
    const started = Date.now();
    const book = await XlsxWorkbook.fromBuffer(await zipBytes(zip));
    await book.writePlan(smallPlan);
    const out = await unzip(await book.toBuffer());
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await partText(out, await sheetPath(out, "Staff"))).toContain(validation);
  });

  it("keeps a user's sheet's charts and pictures, and the product's charts on a sheet it does not rebuild", async () => {
    // A user's sheet with a picture (ExcelJS writes it) …
    const wb = await loadExcelJs(await userWorkbookBytes());
    const png = Uint8Array.from(
      atob(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
      ),
      (c) => c.charCodeAt(0)
    );
    const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
    wb.getWorksheet("Posts")!.addImage(image, "E2:F4");
    // … built once (the summary has charts), then given a chart of the user's own: a copy of the
    // summary's drawing on the Posts sheet, beside its picture.
    const first = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    await first.writePlan(await summaryPlanOf(first));
    const zip = await unzip(await first.toBuffer());
    const summaryPath = await sheetPath(zip, "Scrutiny summary (2)");
    const summaryRels = await partText(zip, summaryPath.replace(/([^/]+)$/, "_rels/$1.rels"));
    const drawingName = /Target="\.\.\/drawings\/([^"]+)"/.exec(summaryRels)![1];
    const chartAnchors = (await partText(zip, `xl/drawings/${drawingName}`)).match(
      /<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/g
    )!;
    const postsPath = await sheetPath(zip, "Posts");
    const postsRels = await partText(zip, postsPath.replace(/([^/]+)$/, "_rels/$1.rels"));
    const postsDrawing = /Type="[^"]+\/drawing" Target="\.\.\/drawings\/([^"]+)"/.exec(
      postsRels
    )![1];
    const picture = await partText(zip, `xl/drawings/${postsDrawing}`);
    const pictureRels = await partText(zip, `xl/drawings/_rels/${postsDrawing}.rels`);
    const chartRels = await partText(zip, `xl/drawings/_rels/${drawingName}.rels`);
    // Renumber the chart anchors' relationships after the picture's.
    const offset = (pictureRels.match(/<Relationship /g) ?? []).length;
    const renumber = (s: string) =>
      s.replace(/rId(\d+)/g, (_m, n: string) => `rId${Number(n) + offset}`);
    zip.file(
      `xl/drawings/${postsDrawing}`,
      picture.replace("</xdr:wsDr>", `${chartAnchors.map(renumber).join("")}</xdr:wsDr>`)
    );
    zip.file(
      `xl/drawings/_rels/${postsDrawing}.rels`,
      pictureRels.replace(
        "</Relationships>",
        `${renumber(chartRels.replace(/^[\s\S]*?<Relationships[^>]*>|<\/Relationships>/g, ""))}</Relationships>`
      )
    );
    const book = await XlsxWorkbook.fromBuffer(await zipBytes(zip));
    expect(book.unsupportedContent()).toEqual([]);
    // A rebuild that does not include the summary: its sheet stays, with its charts.
    await book.writePlan({ sheets: [] });
    const out = await unzip(await book.toBuffer());
    const charts = Object.keys(out.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(2 * chartAnchors.length);
    const types = await partText(out, "[Content_Types].xml");
    for (const p of Object.keys(out.files).filter(
      (p) => !out.files[p].dir && p !== "[Content_Types].xml"
    )) {
      if (/\.(xml|rels)$/.test(p)) await assertWellFormed(await partText(out, p), p);
      const ext = p.slice(p.lastIndexOf(".") + 1);
      const declared = types.includes(`PartName="/${p}"`) || types.includes(`Extension="${ext}"`);
      expect(declared, p).toBe(true);
    }
    // Every internal relationship points at a part that exists.
    for (const relsPart of Object.keys(out.files).filter((p) => p.endsWith(".rels"))) {
      const base = relsPart.replace(/_rels\/([^/]*)\.rels$/, "$1");
      for (const m of (await partText(out, relsPart)).matchAll(
        /<Relationship [^>]*Target="([^"]+)"(?: TargetMode="External")?/g
      )) {
        if (m[0].includes('TargetMode="External"')) continue;
        const target = m[1].startsWith("/")
          ? m[1].slice(1)
          : new URL(m[1], `http://x/${base}`).pathname.slice(1);
        expect(out.file(target), `${relsPart} → ${m[1]}`).not.toBeNull();
      }
    }
    const posts = await partText(out, await sheetPath(out, "Posts"));
    expect(posts).toMatch(/<drawing r:id="rId\d+"\/>/);
    const postsOutRels = await partText(
      out,
      (await sheetPath(out, "Posts")).replace(/([^/]+)$/, "_rels/$1.rels")
    );
    const outDrawing = /Type="[^"]+\/drawing" Target="\.\.\/drawings\/([^"]+)"/.exec(
      postsOutRels
    )![1];
    const outDrawingXml = await partText(out, `xl/drawings/${outDrawing}`);
    expect(outDrawingXml).toContain("<xdr:pic>");
    expect(outDrawingXml.match(/<c:chart /g)).toHaveLength(chartAnchors.length);
  });

  it("keeps custom document properties (sensitivity labels) and other add-ins' sheet properties", async () => {
    const zip = await unzip(await userWorkbookBytes());
    const custom = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_x_Name"><vt:lpwstr>OFFICIAL-SENSITIVE</vt:lpwstr></property></Properties>`;
    zip.file("docProps/custom.xml", custom);
    zip.file(
      "_rels/.rels",
      (await partText(zip, "_rels/.rels")).replace(
        "</Relationships>",
        `<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`
      )
    );
    zip.file(
      "[Content_Types].xml",
      (await partText(zip, "[Content_Types].xml")).replace(
        "</Types>",
        `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`
      )
    );
    // Another add-in's property on the user's Staff sheet, and an Office.js marker on Posts.
    const add = async (sheetName: string, propName: string, value: string, bin: string) => {
      const path = await sheetPath(zip, sheetName);
      const rels = path.replace(/([^/]+)$/, "_rels/$1.rels");
      const relsXml = zip.file(rels)
        ? await partText(zip, rels)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
      zip.file(
        rels,
        relsXml.replace(
          "</Relationships>",
          `<Relationship Id="rIdP" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty" Target="../${bin}"/></Relationships>`
        )
      );
      const bytes = new Uint8Array(value.length * 2);
      for (let i = 0; i < value.length; i++) bytes[2 * i] = value.charCodeAt(i);
      zip.file(`xl/${bin}`, bytes);
      zip.file(
        path,
        (await partText(zip, path)).replace(
          "</worksheet>",
          `<customProperties><customPr name="${propName}" r:id="rIdP"/></customProperties></worksheet>`
        )
      );
      zip.file(
        "[Content_Types].xml",
        (await partText(zip, "[Content_Types].xml")).replace(
          "</Types>",
          `<Override PartName="/xl/${bin}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty"/></Types>`
        )
      );
    };
    await add("Staff", "OtherAddin", "keep me", "customProperty7.bin");
    await add("Posts", "WorkforceScrutiny", "data", "customProperty8.bin");
    const book = await XlsxWorkbook.fromBuffer(await zipBytes(zip));
    expect(book.markerOf(book.workbook.getWorksheet("Posts")!)).toBe("data");
    // Posts carries the product's "data" marker (as if built in Excel): a rebuild replaces it.
    const result = await book.writePlan({
      sheets: [
        sheet({
          key: "data",
          preferredName: "Workforce data",
          blocks: [{ row: 0, column: 0, cells: [[{ value: 1 }]] }],
        }),
      ],
    });
    expect(result.sheetNames).toEqual({ data: "Workforce data" });
    const out = await unzip(await book.toBuffer());
    expect(await partText(out, "docProps/custom.xml")).toContain("OFFICIAL-SENSITIVE");
    expect(await partText(out, "_rels/.rels")).toContain('Target="docProps/custom.xml"');
    expect(await partText(out, "[Content_Types].xml")).toContain('PartName="/docProps/custom.xml"');
    const staff = await partText(out, await sheetPath(out, "Staff"));
    expect(staff).toContain('<customPr name="OtherAddin"');
    const wb = await loadExcelJs(await book.toBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Scrutiny summary",
      "Staff",
      "Workforce data",
    ]);
  });

  it("lists what it cannot keep", async () => {
    const zip = await unzip(await userWorkbookBytes());
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    zip.file("xl/externalLinks/externalLink1.xml", "<externalLink/>");
    const book = await XlsxWorkbook.fromBuffer(await zipBytes(zip));
    expect(book.unsupportedContent()).toEqual(["pivot tables", "links to other workbooks"]);
  });

  it("refuses a file that is not a workbook", async () => {
    await expect(
      XlsxWorkbook.fromBuffer(new TextEncoder().encode("Staff ID,Team\n1,North"))
    ).rejects.toThrow(/not an Excel workbook/);
  });
});
