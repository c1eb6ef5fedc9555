/**
 * The .xlsx adapter writes the summary and template plans into a user's workbook: the user's
 * sheets stay as they were, the product's sheets are marked and replaced on a rebuild, formulas
 * carry core's values as their cached results, tables, names, validations and charts are there.
 */
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { buildTemplatePlan } from "../../../src/core/summary/template";
import type { WorkbookPlan } from "../../../src/core/summary/plan";
import { cellAddress, rangeAddress } from "../../../src/core/summary/plan";
import { fileFormula, plainCell, plainValue } from "../../../src/host/xlsx/cell-values";
import { MARKER_KEY, SETTINGS_NAMESPACE, XlsxWorkbook } from "../../../src/host/xlsx/xlsx-workbook";
import { unescapeXml } from "../../../src/host/xlsx/xml";
import {
  HYPERLINK_TEXT,
  loadExcelJs,
  partText,
  planCells,
  sheetSnapshot,
  summaryPlanOf,
  unzip,
  userWorkbookBytes,
} from "./support";

let userBytes: Uint8Array;
let plan: WorkbookPlan;
let built: Uint8Array;
let sheetNames: Record<string, string>;

beforeAll(async () => {
  userBytes = await userWorkbookBytes();
  const book = await XlsxWorkbook.fromBuffer(userBytes);
  plan = await summaryPlanOf(book);
  const result = await book.writePlan(plan);
  sheetNames = result.sheetNames;
  expect(result.syncs).toBe(0);
  built = await book.toBuffer();
});

function close(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number" && typeof actual === "number")
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  return actual === expected;
}

describe("writing the summary plan into a user's workbook", () => {
  it("never touches the user's sheet of the same name: the summary goes to a new name", () => {
    expect(sheetNames).toEqual({ summary: "Scrutiny summary (2)", data: "Workforce data" });
  });

  it("leaves the user's sheets as they were (values, formulas, formats, widths)", async () => {
    const before = await loadExcelJs(userBytes);
    const after = await loadExcelJs(built);
    for (const name of ["Scrutiny summary", "Staff", "Posts"]) {
      const a = after.getWorksheet(name);
      expect(a, name).toBeDefined();
      expect(sheetSnapshot(a!)).toEqual(sheetSnapshot(before.getWorksheet(name)!));
    }
    expect(after.worksheets.map((ws) => ws.name)).toEqual([
      "Scrutiny summary",
      "Staff",
      "Posts",
      "Scrutiny summary (2)",
      "Workforce data",
    ]);
  });

  it("writes every formula with core's value as its cached result", async () => {
    const after = await loadExcelJs(built);
    const formulas = planCells(plan).filter((p) => p.cell.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(400);
    const bad: unknown[] = [];
    for (const p of formulas) {
      const cell = after.getWorksheet(sheetNames[p.sheetKey])!.getCell(p.row + 1, p.column + 1);
      // cell.result, not cell.value: ExcelJS's value of a formula drops a 0 result. A
      // date-formatted result is read back as a Date: compare it as a serial.
      const got = { formula: cell.formula, result: plainCell(cell) };
      const ok = got.formula === fileFormula(p.cell.formula!) && close(got.result, p.cell.value);
      if (!ok)
        bad.push({ at: `${p.sheetKey}!${cellAddress(p.row, p.column)}`, got, want: p.cell.value });
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it("writes literal values, number formats and styles", async () => {
    const after = await loadExcelJs(built);
    const summary = after.getWorksheet("Scrutiny summary (2)")!;
    for (const p of planCells(plan).filter((c) => c.sheetKey === "summary")) {
      const cell = summary.getCell(p.row + 1, p.column + 1);
      if (p.cell.formula === undefined && p.cell.value !== undefined && p.cell.value !== null)
        expect(plainValue(cell.value), cell.address).toBe(p.cell.value);
      if (p.cell.format) expect(cell.numFmt, cell.address).toBe(p.cell.format);
      if (p.cell.style === "header") {
        expect(cell.font?.bold, cell.address).toBe(true);
        expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFD9E1F2");
      }
      if (p.cell.style === "note") expect(cell.font?.italic, cell.address).toBe(true);
      if (p.cell.style === "input")
        expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
    }
    expect(summary.getColumn(1).width).toBeCloseTo(34 + 5 / 7, 2);
  });

  it("keeps text that looks like a formula as text", async () => {
    const after = await loadExcelJs(built);
    const data = after.getWorksheet("Workforce data")!;
    let found = 0;
    data.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === HYPERLINK_TEXT) found++;
        if (typeof cell.value === "object" && cell.value && "formula" in cell.value)
          expect((cell.value as { formula: string }).formula).not.toContain("HYPERLINK");
      })
    );
    expect(found).toBe(1);
    expect(after.getWorksheet("Staff")!.getCell("A6").value).toBe(HYPERLINK_TEXT);
    expect(after.getWorksheet("Scrutiny summary")!.getCell("D5").value).toBe("-not a formula");
  });

  it("creates the tables with their names and headers", async () => {
    const zip = await unzip(built);
    const tables: Record<string, string> = {};
    for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/.+\.xml$/.test(p))) {
      const xml = await partText(zip, path);
      tables[/ name="([^"]+)"/.exec(xml)![1]] = xml;
    }
    const data = plan.sheets.find((s) => s.key === "data")!;
    const summary = plan.sheets.find((s) => s.key === "summary")!;
    const ranges = summary.tableRanges ?? [];
    expect(Object.keys(tables).sort()).toEqual(
      [...data.tables, ...ranges].map((t) => t.name).sort()
    );
    // Each block of the summary is a table over its cells, headed by its header cells' text.
    const cells = new Map(
      planCells(plan)
        .filter((p) => p.sheetKey === "summary")
        .map((p) => [`${p.row},${p.column}`, p.cell])
    );
    expect(ranges.length).toBeGreaterThanOrEqual(10);
    for (const t of ranges) {
      const xml = tables[t.name];
      expect(xml).toContain(` ref="${rangeAddress(t.range)}"`);
      expect(xml).toContain('headerRowCount="1"');
      const names = [...xml.matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) =>
        unescapeXml(m[1])
      );
      const headers = Array.from({ length: t.range.columns }, (_, j) =>
        String(cells.get(`${t.range.row},${t.range.column + j}`)?.value)
      );
      expect(names).toEqual(headers);
    }
    for (const t of data.tables) {
      const xml = tables[t.name];
      const width = t.cells[0].length;
      expect(xml).toContain(
        ` ref="${rangeAddress({ row: t.row, column: t.column, rows: t.cells.length, columns: width })}"`
      );
      expect(xml).toContain('headerRowCount="1"');
      const names = [...xml.matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) => m[1]);
      expect(names).toEqual(t.cells[0].map((c) => String(c.value)));
    }
  });

  it("sets the document's title and subject, and how the summary prints", async () => {
    const zip = await unzip(built);
    const core = await partText(zip, "docProps/core.xml");
    expect(core).toContain(
      `<dc:title>Children&apos;s social work workforce: scrutiny summary, ${/\d+ \w+ \d{4}$/.exec(plan.properties!.title)![0]}</dc:title>`
    );
    expect(core).toContain("<dc:subject>Children&apos;s social work workforce at the as-of date");
    const summary = plan.sheets.find((s) => s.key === "summary")!;
    const print = summary.print!;
    const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    let xml = "";
    for (const path of sheets) {
      const text = await partText(zip, path);
      if (text.includes("<rowBreaks")) xml = text;
    }
    // fitToPage in sheetPr, or Excel ignores fitToWidth
    expect(xml).toMatch(/<sheetPr>[^]*<pageSetUpPr fitToPage="1"\/>[^]*<\/sheetPr>/);
    expect(xml).toMatch(
      /<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/
    );
    const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect(breaks).toEqual(print.rowBreaks);
    expect(breaks.length).toBeGreaterThan(2);
    const merged = [...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]);
    expect(merged.sort()).toEqual(
      (summary.paragraphs ?? [])
        .filter((p) => p.columns > 1)
        .map((p) => rangeAddress(p))
        .sort()
    );
    const workbookXml = await partText(zip, "xl/workbook.xml");
    const index = (await loadExcelJs(built)).worksheets.findIndex(
      (w) => w.name === "Scrutiny summary (2)"
    );
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'Scrutiny summary (2)'!$1:$1</definedName>`
    );
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="${index}">'Scrutiny summary (2)'!${rangeAddress(print.area, true)}</definedName>`
    );
  });

  it("keeps a workbook's own title, and replaces the product's on a rebuild", async () => {
    const own = await loadExcelJs(userBytes);
    own.title = "Workforce report for the lead member";
    const mine = await XlsxWorkbook.fromBuffer(new Uint8Array(await own.xlsx.writeBuffer()));
    await mine.writePlan(plan);
    expect(mine.workbook.title).toBe("Workforce report for the lead member");
    const again = await XlsxWorkbook.fromBuffer(built);
    await again.writePlan({
      ...plan,
      properties: {
        ...plan.properties!,
        title: `${plan.properties!.title.split(",")[0]}, 1 May 2024`,
      },
    });
    expect(again.workbook.title).toBe(
      "Children's social work workforce: scrutiny summary, 1 May 2024"
    );
  });

  it("defines the workbook names on the summary sheet", async () => {
    const workbookXml = await partText(await unzip(built), "xl/workbook.xml");
    const summary = plan.sheets.find((s) => s.key === "summary")!;
    expect(summary.names.length).toBeGreaterThan(3);
    for (const n of summary.names) {
      expect(workbookXml).toContain(
        `<definedName name="${n.name}">'Scrutiny summary (2)'!${rangeAddress(n.range, true)}</definedName>`
      );
    }
    expect(workbookXml).toContain('fullCalcOnLoad="1"');
  });

  it("freezes the data sheet's header rows", async () => {
    const after = await loadExcelJs(built);
    const view = after.getWorksheet("Workforce data")!.views[0] as ExcelJS.WorksheetViewFrozen;
    expect(view.state).toBe("frozen");
    expect(view.ySplit).toBe(plan.sheets.find((s) => s.key === "data")!.freezeRows);
  });

  it("marks the product's sheets as the Office.js adapter does (a UTF-16 worksheet custom property)", async () => {
    const zip = await unzip(built);
    const book = await XlsxWorkbook.fromBuffer(built);
    const markers = book.workbook.worksheets.map((ws) => [ws.name, book.markerOf(ws)]);
    expect(markers).toEqual([
      ["Scrutiny summary", null],
      ["Staff", null],
      ["Posts", null],
      ["Scrutiny summary (2)", "summary"],
      ["Workforce data", "data"],
    ]);
    const bins = Object.keys(zip.files).filter((p) => /^xl\/customProperty\d+\.bin$/.test(p));
    expect(bins).toHaveLength(2);
    const values = await Promise.all(bins.map((p) => zip.file(p)!.async("uint8array")));
    expect(values.map((b) => new TextDecoder("utf-16le").decode(b)).sort()).toEqual([
      "data",
      "summary",
    ]);
    const types = await partText(zip, "[Content_Types].xml");
    for (const p of bins)
      expect(types).toContain(
        `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty"/>`
      );
    expect(MARKER_KEY).toBe("WorkforceScrutiny");
  });

  it("leaves the product's sheets out of the tables offered as staff data", async () => {
    const book = await XlsxWorkbook.fromBuffer(built);
    const tables = await book.listTables();
    expect(tables.map((t) => `${t.kind}:${t.name}`)).toEqual([
      "range:Scrutiny summary",
      "range:Staff",
      "range:Posts",
    ]);
  });

  it("replaces only its own sheets on a rebuild", async () => {
    const book = await XlsxWorkbook.fromBuffer(built);
    const again = await book.writePlan(await summaryPlanOf(book));
    expect(again.sheetNames).toEqual(sheetNames);
    const bytes = await book.toBuffer();
    const before = await loadExcelJs(userBytes);
    const after = await loadExcelJs(bytes);
    expect(after.worksheets.map((ws) => ws.name)).toEqual([
      "Scrutiny summary",
      "Staff",
      "Posts",
      "Scrutiny summary (2)",
      "Workforce data",
    ]);
    for (const name of ["Scrutiny summary", "Staff", "Posts"])
      expect(sheetSnapshot(after.getWorksheet(name)!)).toEqual(
        sheetSnapshot(before.getWorksheet(name)!)
      );
    const zip = await unzip(bytes);
    const workbookXml = await partText(zip, "xl/workbook.xml");
    expect(workbookXml.match(/<definedName name="WFS_AsOf">/g)).toHaveLength(1);
    expect(
      Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
    ).toHaveLength(plan.sheets.find((s) => s.key === "summary")!.charts.length);
  });

  it("adds the template sheets beside the summary, keeping the summary, its names and its charts", async () => {
    const book = await XlsxWorkbook.fromBuffer(built);
    const result = await book.writePlan(buildTemplatePlan());
    expect(result.sheetNames).toEqual({
      "staff-template": "Staff (2)",
      "posts-template": "Posts (2)",
      "comparators-template": "Comparators",
    });
    const bytes = await book.toBuffer();
    const zip = await unzip(bytes);
    const workbookXml = await partText(zip, "xl/workbook.xml");
    expect(workbookXml).toContain(
      `<definedName name="WFS_AsOf">'Scrutiny summary (2)'!$B$5</definedName>`
    );
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(plan.sheets.find((s) => s.key === "summary")!.charts.length);
    // The template's drop-down lists.
    const after = await XlsxWorkbook.fromBuffer(bytes);
    const staffTemplate = after.workbook.getWorksheet("Staff (2)")!;
    // The template is handed to the user: it carries no product marker.
    expect(after.markerOf(staffTemplate)).toBeNull();
    const sheets = await (async () => {
      const rels = await partText(zip, "xl/_rels/workbook.xml.rels");
      const id = new RegExp(`<sheet [^>]*name="Staff \\(2\\)"[^>]*r:id="(rId\\d+)"`).exec(
        workbookXml
      )![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      return partText(zip, `xl/${target}`);
    })();
    const template = buildTemplatePlan().sheets[0];
    expect(sheets.match(/<dataValidation /g)).toHaveLength(template.validations.length);
    for (const v of template.validations) {
      expect(sheets).toContain(`sqref="${rangeAddress(v.range)}"`);
      expect(sheets).toContain(`&quot;${v.list.join(",")}&quot;`);
    }
    // The template's tables are named as the plan says (no user table has those names here).
    const tableNames = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/tables\/.+\.xml$/.test(p))
        .map(async (p) => / name="([^"]+)"/.exec(await partText(zip, p))![1])
    );
    expect(tableNames).toEqual(
      expect.arrayContaining(["Staff", "Posts", "Comparators", "WFS_Staff"])
    );
  });

  it("refuses a plan whose table name is a user's table, before changing anything", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mine");
    ws.addTable({
      name: "WFS_Staff",
      ref: "A1",
      columns: [{ name: "Staff ID" }, { name: "Team" }],
      rows: [["A1", "North"]],
    });
    const book = await XlsxWorkbook.fromBuffer(
      new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)
    );
    const plan = {
      sheets: [
        {
          key: "data" as const,
          preferredName: "Workforce data",
          blocks: [],
          tables: [
            {
              name: "WFS_Staff",
              row: 0,
              column: 0,
              cells: [[{ value: "Staff ID" }], [{ value: "S1" }]],
            },
          ],
          charts: [],
          names: [],
          validations: [],
          columnWidths: [],
        },
      ],
    };
    await expect(book.writePlan(plan)).rejects.toThrow(
      /already has a name or table called "WFS_Staff"/
    );
    expect(book.workbook.worksheets.map((w) => w.name)).toEqual(["Mine"]);
  });

  it("renames the template's tables when a user's table already has the name", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Mine").addTable({
      name: "Staff",
      ref: "A1",
      columns: [{ name: "Staff ID" }],
      rows: [["A1"]],
    });
    const book = await XlsxWorkbook.fromBuffer(
      new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)
    );
    await book.writePlan(buildTemplatePlan());
    const tables = (await book.listTables()).filter((t) => t.kind === "table").map((t) => t.name);
    expect(tables).toEqual(["Staff", "Staff2", "Posts", "Comparators"]);
  });
});

describe("settings", () => {
  it("survive a save in the product's custom XML part", async () => {
    const book = await XlsxWorkbook.fromBuffer(built);
    expect(await book.loadSettings()).toEqual({});
    const settings = {
      staffTable: "Staff",
      options: { caseloadTarget: 17, asOf: 45199 },
      note: 'a < b & "c"',
    };
    await book.saveSettings(settings);
    const bytes = await book.toBuffer();
    const zip = await unzip(bytes);
    const items = Object.keys(zip.files).filter((p) => /^customXml\/item\d+\.xml$/.test(p));
    expect(items).toHaveLength(1);
    expect(await partText(zip, items[0])).toContain(SETTINGS_NAMESPACE);
    const again = await XlsxWorkbook.fromBuffer(bytes);
    expect(await again.loadSettings()).toEqual(settings);
    // Saved again without changes: still one settings part.
    const twice = await unzip(await again.toBuffer());
    expect(
      Object.keys(twice.files).filter((p) => /^customXml\/item\d+\.xml$/.test(p))
    ).toHaveLength(1);
  });

  it("are read from the add-in's web extension part when the file has no settings part", async () => {
    const zip = await unzip(await userWorkbookBytes());
    const value = JSON.stringify(JSON.stringify({ staffTable: "Staff" }));
    zip.file(
      "xl/webextensions/webextension1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{1}"><we:reference id="x" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="WorkforceScrutiny" value="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`
    );
    const book = await XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: "uint8array" }));
    expect(await book.loadSettings()).toEqual({ staffTable: "Staff" });
  });
});

describe("XlsxWorkbook: handed-over sheets", () => {
  it("writes the template without the product's marker, adds a second copy beside the first, and keeps the summary's names", async () => {
    const { buildTemplatePlan } = await import("../../../src/core/summary/template");
    const { XlsxWorkbook } = await import("../../../src/host/xlsx/xlsx-workbook");
    const book = XlsxWorkbook.empty();
    const first = await book.writePlan(buildTemplatePlan());
    const again = await book.writePlan(buildTemplatePlan());
    expect(first.sheetNames["staff-template"]).toBe("Staff");
    expect(again.sheetNames["staff-template"]).toBe("Staff (2)");
    const reopened = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    expect(reopened.workbook.worksheets.map((w) => w.name)).toEqual([
      "Staff",
      "Posts",
      "Comparators",
      "Staff (2)",
      "Posts (2)",
      "Comparators (2)",
    ]);
    for (const ws of reopened.workbook.worksheets) expect(reopened.markerOf(ws)).toBeNull();
    const tables = await reopened.listTables();
    expect(tables.filter((t) => t.kind === "table").map((t) => t.name)).toEqual([
      "Staff",
      "Posts",
      "Comparators",
      "Staff2",
      "Posts2",
      "Comparators2",
    ]);
  });
});

describe("XlsxWorkbook: a build interrupted half-way", () => {
  it("leaves the user's sheets untouched and marks what it wrote as incomplete", async () => {
    const { XlsxWorkbook } = await import("../../../src/host/xlsx/xlsx-workbook");
    const { buildSummaryPlan } = await import("../../../src/core/summary/build");
    const { ingestStaff } = await import("../../../src/core/ingest");
    const { DEFAULT_SUMMARY_OPTIONS } = await import("../../../src/core/summary/options");
    const { generateStaff } = await import("../../../src/sample/generate");
    const wb = new ExcelJS.Workbook();
    const grid = generateStaff({ rows: 60, seed: 2 }).staff;
    wb.addWorksheet("Staff").addRows(grid);
    const book = await XlsxWorkbook.fromBuffer(
      new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)
    );
    const plan = buildSummaryPlan({
      staff: ingestStaff(grid),
      posts: null,
      options: DEFAULT_SUMMARY_OPTIONS,
      source: { staffTable: "Staff", postsTable: null },
    });
    book.failAfterSheetForTests = (i) => {
      if (i === 0) throw new Error("out of memory");
    };
    await expect(book.writePlan(plan)).rejects.toThrow(/out of memory/);
    const names = book.workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe("Staff");
    expect(names.slice(1)).toEqual(["Incomplete Scrutiny summary"]);
    expect(book.workbook.getWorksheet("Incomplete Scrutiny summary")!.getCell(1, 1).value).toMatch(
      /^INCOMPLETE/
    );
    const staff = book.workbook.getWorksheet("Staff")!;
    expect(staff.getRow(2).values).toEqual(wb.getWorksheet("Staff")!.getRow(2).values);
    // a later build replaces nothing of the user's and succeeds
    book.failAfterSheetForTests = undefined;
    const again = await book.writePlan(plan);
    expect(again.sheetNames.summary).toBe("Scrutiny summary");
  });
});

describe("XlsxWorkbook: conditional formats", () => {
  it("writes the summary's caseload highlights as formula rules that survive a round trip", async () => {
    const { buildSummaryPlan } = await import("../../../src/core/summary/build");
    const { ingestStaff } = await import("../../../src/core/ingest");
    const { DEFAULT_SUMMARY_OPTIONS } = await import("../../../src/core/summary/options");
    const { generateStaff } = await import("../../../src/sample/generate");
    const grid = generateStaff({ rows: 80, seed: 4 }).staff;
    const plan = buildSummaryPlan({
      staff: ingestStaff(grid),
      posts: null,
      options: DEFAULT_SUMMARY_OPTIONS,
      source: { staffTable: "Staff", postsTable: null },
    });
    const book = XlsxWorkbook.empty();
    await book.writePlan(plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
    const cfs = (
      wb.getWorksheet("Scrutiny summary") as unknown as {
        conditionalFormattings: {
          ref: string;
          rules: { type: string; operator: string; formulae: string[] }[];
        }[];
      }
    ).conditionalFormattings;
    const expected = plan.sheets[0].conditionalFormats!.map((c) => c.range);
    expect(cfs).toHaveLength(expected.length);
    for (const cf of cfs)
      expect(cf.rules[0]).toMatchObject({
        type: "expression",
        formulae: [
          expect.stringMatching(/^AND\(ISNUMBER\([A-Z]+\d+\),[A-Z]+\d+>WFS_CaseloadTarget\)$/),
        ],
      });
  });
});
