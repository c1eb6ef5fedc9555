import { describe, expect, it } from "vitest";
import type { CellSpec, SheetSpec, WorkbookPlan } from "../../../src/core/summary/plan";
import { MARKER_KEY, OfficeWorkbook, toBase64 } from "../../../src/host/office/office-workbook";
import { STYLE_COLOURS } from "../../../src/host/sheet-helpers";
import type { DocumentSettingsStore } from "../../../src/host/office/office-settings";
import { corners, fakeExcel, NOT_LOADED, WEB_PAYLOAD_LIMIT, writes } from "./fake-excel";
import type { FakeRange, InitialSheet } from "./fake-excel";

function sheetSpec(
  partial: Partial<SheetSpec> & Pick<SheetSpec, "key" | "preferredName">
): SheetSpec {
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

/** A summary sheet (a title, a small table and a chart) and a data sheet with `rows` staff rows. */
function plan(rows: number): WorkbookPlan {
  const header: CellSpec[] = ["Staff ID", "Team", "Role", "FTE", "Start", "Note"].map((value) => ({
    value,
    style: "header",
  }));
  const body: CellSpec[][] = [];
  for (let i = 0; i < rows; i++) {
    body.push([
      { value: `S${String(i).padStart(6, "0")}` },
      { value: ["North", "South", "Central"][i % 3] },
      { value: "SW2" },
      { value: 0.5 + (i % 2) / 2, format: "0.00" },
      { value: 44000 + i, format: "dd/mm/yyyy" },
      { value: i % 7 === 0 ? "+1 agency" : "" },
    ]);
  }
  return {
    sheets: [
      sheetSpec({
        key: "summary",
        preferredName: "Scrutiny summary",
        blocks: [
          { row: 0, column: 0, cells: [[{ value: "Workforce summary", style: "title" }]] },
          {
            row: 2,
            column: 0,
            cells: [
              [
                { value: "Year", style: "header" },
                { value: "2022", style: "header" },
                { value: "2023", style: "header" },
              ],
              [
                { value: "Turnover", style: "label" },
                { value: 0.17, format: "0.0%" },
                { formula: "=Data!B2", value: 0.2, format: "0.0%" },
              ],
            ],
          },
        ],
        tables: [
          {
            name: "WFS_Teams",
            style: "TableStyleLight9",
            row: 6,
            column: 0,
            cells: [
              [{ value: "Team" }, { value: "FTE" }],
              [{ value: "North" }, { value: 10 }],
              [{ value: "South" }, { value: 12 }],
            ],
          },
        ],
        charts: [
          {
            title: "Turnover by year",
            altText: "Turnover rose from 17% in 2022 to 20% in 2023.",
            type: "columnClustered",
            categories: { row: 2, column: 1, rows: 1, columns: 2 },
            series: [
              { name: "Turnover", values: { row: 3, column: 1, rows: 1, columns: 2 } },
              { name: "England", values: { row: 4, column: 1, rows: 1, columns: 2 } },
            ],
            anchor: { row: 1, column: 5, rows: 15, columns: 8 },
          },
        ],
        names: [{ name: "WFS_Turnover", range: { row: 3, column: 2, rows: 1, columns: 1 } }],
        validations: [
          {
            range: { row: 12, column: 1, rows: 1, columns: 1 },
            list: ["Yes", "No"],
            prompt: "Pick one",
          },
        ],
        columnWidths: [24, 12, 12],
      }),
      sheetSpec({
        key: "data",
        preferredName: "Scrutiny data",
        blocks: [{ row: 0, column: 0, cells: [header, ...body] }],
        freezeRows: 1,
      }),
    ],
  };
}

const STAFF: InitialSheet = {
  name: "Staff",
  cells: [
    ["Staff ID", "Team", "FTE"],
    ["S1", "North", 1],
    ["S2", "=not a formula", 0.5],
  ],
};

function adapter(
  excel: ReturnType<typeof fakeExcel>,
  options: ConstructorParameters<typeof OfficeWorkbook>[1] = {}
) {
  return new OfficeWorkbook(excel.run, options);
}

/** Ranges the adapter wrote cells into (values or formulas), on one sheet. */
function written(excel: ReturnType<typeof fakeExcel>, sheet: string): FakeRange[] {
  return excel
    .sheet(sheet)
    .ranges.filter((r) => writes(r).values !== undefined || writes(r).formulas !== undefined);
}

describe("OfficeWorkbook.writePlan: round trips", () => {
  it("makes the same number of context.sync calls for 100 staff rows as for 10,000", async () => {
    const small = fakeExcel([STAFF]);
    const big = fakeExcel([STAFF]);
    const a = await adapter(small).writePlan(plan(100));
    const b = await adapter(big).writePlan(plan(10_000));
    expect(a.syncs).toBe(small.syncs);
    expect(b.syncs).toBe(big.syncs);
    expect(b.syncs).toBe(a.syncs);
    // Load sheets/names/tables, load markers, write everything and make the charts, ask how many
    // series each chart has and bind them, put names and sheets in place, recalculate.
    expect(a.syncs).toBe(6);
    // All 10,001 data rows went in one request.
    const data = written(big, "Scrutiny data");
    expect(data.map((r) => r.address)).toEqual(["A1:F10001"]);
  });

  it("grows only with the chunks of a block too big for one request", async () => {
    const excel = fakeExcel([STAFF]);
    const budget = 60_000;
    const result = await adapter(excel, { writeBudgetBytes: budget }).writePlan(plan(10_000));
    const chunks = written(excel, "Scrutiny data");
    expect(chunks.length).toBeGreaterThan(5);
    // Contiguous row chunks covering the whole block.
    let next = 1;
    for (const r of chunks) {
      const m = /^A(\d+):F(\d+)$/.exec(r.address);
      expect(m).not.toBeNull();
      expect(Number(m![1])).toBe(next);
      next = Number(m![2]) + 1;
      // Each chunk's text stays near the budget (well under Excel on the web's 5 MB).
      expect(JSON.stringify([r.values, r.numberFormat]).length).toBeLessThan(budget);
    }
    expect(next).toBe(10_002);
    // One extra sync per extra chunk (the summary sheet's blocks share the first request).
    expect(result.syncs).toBeGreaterThanOrEqual(6 + chunks.length - 1);
    expect(result.syncs).toBeLessThanOrEqual(6 + chunks.length);
    expect(result.syncs).toBe(excel.syncs);
  });
});

describe("OfficeWorkbook.writePlan: owned sheets", () => {
  it("never touches a user's sheet that has the wanted name: it writes 'Scrutiny summary (2)'", async () => {
    const excel = fakeExcel([STAFF, { name: "Scrutiny summary", cells: [["my own notes"]] }]);
    const result = await adapter(excel).writePlan(plan(10));
    expect(result.sheetNames).toEqual({ summary: "Scrutiny summary (2)", data: "Scrutiny data" });
    const users = excel.sheet("Scrutiny summary");
    expect(users.deleted).toBe(false);
    expect(users.marker).toBeUndefined();
    expect(users.ranges).toEqual([]);
    expect(excel.sheet("Scrutiny summary (2)").marker).toBe("summary");
    expect(excel.sheet("Scrutiny data").marker).toBe("data");
    expect(excel.log).not.toContain("delete Scrutiny summary");
  });

  it("deletes and replaces a sheet carrying the marker, whatever its name now is", async () => {
    const excel = fakeExcel([
      STAFF,
      { name: "Scrutiny summary", marker: "summary", cells: [["old build"]] },
      { name: "Renamed data", marker: "data" },
      { name: "Old template", marker: "staff-template" },
    ]);
    const oldSummary = excel.sheet("Scrutiny summary");
    const oldData = excel.sheet("Renamed data");
    const result = await adapter(excel).writePlan(plan(10));
    expect(result.sheetNames).toEqual({ summary: "Scrutiny summary", data: "Scrutiny data" });
    expect(oldSummary.deleted).toBe(true);
    expect(oldData.deleted).toBe(true);
    // A marked sheet whose key the plan does not build stays.
    expect(excel.sheet("Old template").deleted).toBe(false);
    const fresh = excel.sheet("Scrutiny summary");
    expect(fresh).not.toBe(oldSummary);
    expect(fresh.marker).toBe("summary");
    // New sheets are written under a temporary name and marked, and take their name only
    // after the old ones are gone (a workbook never loses its last sheet).
    const added = excel.log.findIndex((l) => /^add sheet ~WFS new \d+$/.test(l));
    expect(added).toBeGreaterThanOrEqual(0);
    expect(
      excel.log.some((l) => l.startsWith("mark ~WFS new") && l.endsWith(`${MARKER_KEY}=summary`))
    ).toBe(true);
    expect(added).toBeLessThan(excel.log.findIndex((l) => l.startsWith("delete ~WFS old")));
  });

  it("rebuilds a workbook that holds only its own sheets", async () => {
    const excel = fakeExcel([{ name: "Scrutiny summary", marker: "summary" }]);
    const result = await adapter(excel).writePlan(plan(3));
    expect(result.sheetNames.summary).toBe("Scrutiny summary");
    expect(excel.live().map((s) => s.name)).toEqual(["Scrutiny summary", "Scrutiny data"]);
  });

  it("never writes to the raw data sheet", async () => {
    const excel = fakeExcel([STAFF]);
    await adapter(excel).writePlan(plan(50));
    const staff = excel.sheet("Staff");
    expect(staff.ranges).toEqual([]);
    expect(staff.deleted).toBe(false);
    expect(staff.cells).toEqual(STAFF.cells);
  });

  it("keeps names within Excel's 31 characters and its forbidden characters out", async () => {
    const long = "Children's workforce: summary/2023 [draft]";
    const excel = fakeExcel([STAFF]);
    const result = await adapter(excel).writePlan({
      sheets: [sheetSpec({ key: "summary", preferredName: long })],
    });
    const name = result.sheetNames.summary;
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect(excel.sheet(name).marker).toBe("summary");
  });
});

describe("OfficeWorkbook.writePlan: cells", () => {
  it("writes text that looks like a formula so it stays literal (a leading apostrophe in values)", async () => {
    const excel = fakeExcel([STAFF]);
    await adapter(excel).writePlan({
      sheets: [
        sheetSpec({
          key: "data",
          preferredName: "Scrutiny data",
          blocks: [
            {
              row: 0,
              column: 0,
              cells: [
                [
                  { value: '=HYPERLINK("x")' },
                  { value: "+1" },
                  { value: "-5" },
                  { value: "@home" },
                ],
                [{ value: "North" }, { value: 42 }, { value: null }, { value: "00123" }],
              ],
            },
          ],
        }),
      ],
    });
    const [range] = written(excel, "Scrutiny data");
    expect(range.address).toBe("A1:D2");
    expect(range.formulas).toBeUndefined();
    expect(range.values).toEqual([
      [`'=HYPERLINK("x")`, "'+1", "'-5", "'@home"],
      ["North", 42, "", "'00123"],
    ]);
    // No text number format needed (and none left on the cells).
    expect(range.numberFormat).toBeUndefined();
  });

  it("writes formula cells through range.formulas, literal neighbours still literal", async () => {
    const excel = fakeExcel([STAFF]);
    await adapter(excel).writePlan({
      sheets: [
        sheetSpec({
          key: "summary",
          preferredName: "Scrutiny summary",
          blocks: [
            {
              row: 1,
              column: 1,
              cells: [
                [
                  { value: "+1" },
                  { formula: '=SUMIFS(Staff!C:C,Staff!B:B,"North")', value: 1, format: "0.0" },
                  { value: 0.25, format: "0.0%" },
                ],
              ],
            },
          ],
        }),
      ],
    });
    // First every cell as a value (the formula as core's value), then the formulas over them,
    // once the tables they may name exist.
    const [values, formulas] = written(excel, "Scrutiny summary");
    expect(values.address).toBe("B2:D2");
    expect(values.values).toEqual([["'+1", 1, 0.25]]);
    expect(values.numberFormat).toEqual([["General", "0.0", "0.0%"]]);
    expect(formulas.address).toBe("B2:D2");
    expect(writes(formulas).values).toBeUndefined();
    expect(formulas.formulas).toEqual([["'+1", '=SUMIFS(Staff!C:C,Staff!B:B,"North")', 0.25]]);
  });

  it("styles headers, titles, notes and inputs with readable colours", async () => {
    const excel = fakeExcel([STAFF]);
    await adapter(excel).writePlan({
      sheets: [
        sheetSpec({
          key: "summary",
          preferredName: "Scrutiny summary",
          blocks: [
            {
              row: 0,
              column: 0,
              cells: [
                [{ value: "Title", style: "title" }],
                [
                  { value: "A", style: "header" },
                  { value: "B", style: "header" },
                ],
                [
                  { value: 18, style: "input" },
                  { value: 16, style: "input" },
                ],
                [{ value: "A note", style: "note" }],
                [{ value: "Key point", style: "keypoint" }],
              ],
            },
          ],
        }),
      ],
    });
    const at = (address: string) =>
      excel
        .sheet("Scrutiny summary")
        .ranges.find((r) => r.address === address && writes(r).values === undefined)!;
    expect(at("A1").format.font).toMatchObject({ bold: true, size: 14 });
    expect(at("A2:B2").format.font.bold).toBe(true);
    expect(at("A2:B2").format.fill.color).toBe(STYLE_COLOURS.headerFill);
    expect(at("A3:B3").format.fill.color).toBe(STYLE_COLOURS.inputFill);
    expect(at("A3:B3").format.edges.EdgeTop).toMatchObject({ style: "Continuous" });
    expect(at("A3:B3").format.edges.InsideVertical).toMatchObject({ style: "Continuous" });
    expect(at("A3:B3").format.edges.InsideHorizontal).toBeUndefined();
    expect(at("A4").format.font.italic).toBe(true);
    expect(at("A5").format.wrapText).toBe(true);
  });
});

describe("OfficeWorkbook.writePlan: calculation and screen updating", () => {
  it("suspends both before the write request, and recalculates after", async () => {
    const excel = fakeExcel([STAFF]);
    await adapter(excel).writePlan(plan(20));
    const log = excel.log;
    const syncs = log.flatMap((l, i) => (l === "sync" ? [i] : []));
    const firstWrite = log.findIndex((l) => l.startsWith("add sheet ~WFS new"));
    const calc = log.indexOf("suspend calculation");
    const screen = log.indexOf("suspend screen updating");
    expect(calc).toBeGreaterThan(syncs[1]);
    expect(calc).toBeLessThan(firstWrite);
    expect(screen).toBeGreaterThan(syncs[1]);
    expect(screen).toBeLessThan(firstWrite);
    expect(log.indexOf("calculate Recalculate")).toBeGreaterThan(syncs[2]);
  });

  it("asks again after each chunk's sync (a suspension lasts until the next sync)", async () => {
    const excel = fakeExcel([STAFF]);
    const result = await adapter(excel, { writeBudgetBytes: 100_000 }).writePlan(plan(5_000));
    const suspensions = excel.log.filter((l) => l === "suspend calculation").length;
    expect(suspensions).toBe(result.syncs - 3);
  });

  it("skips what the requirement sets say is missing, and tolerates a host without the methods", async () => {
    const excel = fakeExcel([STAFF]);
    await adapter(excel, { isSetSupported: (_n, v) => v !== "1.9" }).writePlan(plan(3));
    expect(excel.log).toContain("suspend calculation");
    expect(excel.log).not.toContain("suspend screen updating");

    const bare = fakeExcel([STAFF]);
    delete (bare.context.application as Record<string, unknown>).suspendScreenUpdatingUntilNextSync;
    const result = await adapter(bare).writePlan(plan(3));
    expect(result.sheetNames.summary).toBe("Scrutiny summary");
  });

  it("refuses, in plain English, where sheets cannot be marked (ExcelApi 1.12)", async () => {
    const excel = fakeExcel([STAFF]);
    await expect(
      adapter(excel, { isSetSupported: () => false }).writePlan(plan(3))
    ).rejects.toThrow(
      "Excel needs API set ExcelApi 1.12 to mark the summary sheets; update Office"
    );
    expect(excel.syncs).toBe(0);
  });
});

describe("OfficeWorkbook.writePlan: tables, charts, names, validations", () => {
  it("adds them at the plan's addresses", async () => {
    const excel = fakeExcel([STAFF]);
    await adapter(excel, { isSetSupported: () => true }).writePlan(plan(10));
    const summary = excel.sheet("Scrutiny summary");

    expect(summary.tables).toEqual([
      {
        sheet: "Scrutiny summary",
        address: "A7:B9",
        hasHeaders: true,
        name: "WFS_Teams",
        style: "TableStyleLight9",
      },
    ]);
    // The table's cells are written before the table is made.
    const tableCells = written(excel, "Scrutiny summary").find((r) => r.address === "A7:B9")!;
    expect(tableCells.values).toEqual([
      ["Team", "FTE"],
      ["North", 10],
      ["South", 12],
    ]);
    const made = excel.log.findIndex((l) => /^table ~WFS new \d+!A7:B9$/.test(l));
    expect(made).toBeGreaterThan(0);
    // and before the formulas are written over the values
    expect(made).toBeLessThan(excel.log.lastIndexOf("sync"));

    const [chart] = summary.charts;
    expect(chart.type).toBe("ColumnClustered");
    expect(chart.source).toBe("B4:C4");
    expect(chart.seriesBy).toBe("Rows");
    expect(chart.title.text).toBe("Turnover by year");
    expect(chart.seriesList.map((s) => [s.name, s.values, s.categories])).toEqual([
      ["Turnover", "B4:C4", "B3:C3"],
      ["England", "B5:C5", "B3:C3"],
    ]);
    expect(chart.position).toEqual(["F2", "M16"]);

    expect(
      excel.names
        .filter((n) => !n.deleted)
        .map((n) => [n.name, (n.ref as FakeRange).sheet, (n.ref as FakeRange).address])
    ).toEqual([["WFS_Turnover", "Scrutiny summary", "C4"]]);

    const validated = summary.ranges.find((r) => r.dataValidation.rule !== undefined)!;
    expect(validated.address).toBe("B13");
    expect(validated.dataValidation.rule).toEqual({
      list: { inCellDropDown: true, source: "Yes,No" },
    });
    expect(validated.dataValidation.prompt).toMatchObject({
      showPrompt: true,
      message: "Pick one",
    });

    expect(summary.ranges.find((r) => r.address === "A:A")!.format.columnWidth).toBeCloseTo(
      (24 * 7 + 5) * 0.75
    );
    expect(excel.sheet("Scrutiny data").frozenRows).toBe(1);
  });

  it("replaces the names of a previous build (WFS_), and refuses a user's name it needs", async () => {
    const excel = fakeExcel([STAFF]);
    await adapter(excel).writePlan(plan(3));
    await adapter(excel).writePlan(plan(3));
    expect(excel.log).toContain("delete name WFS_Turnover");
    expect(excel.names.filter((n) => !n.deleted).map((n) => n.name)).toEqual(["WFS_Turnover"]);
    expect(excel.live().map((s) => s.name)).toEqual(["Staff", "Scrutiny summary", "Scrutiny data"]);

    const clash = fakeExcel([STAFF]);
    clash.names.push({ name: "Target", ref: "=Staff!A1", deleted: false });
    const p = plan(3);
    p.sheets[0].names.push({ name: "Target", range: { row: 0, column: 0, rows: 1, columns: 1 } });
    await expect(adapter(clash).writePlan(p)).rejects.toThrow(
      'The workbook already has a name or table called "Target", which the summary needs. Rename it, then build again.'
    );
    expect(clash.live().map((s) => s.name)).toEqual(["Staff"]);
  });

  it("reports Excel's own failures in a sentence, the previous summary intact", async () => {
    const excel = fakeExcel([STAFF, { name: "Scrutiny summary", marker: "summary" }]);
    // Excel fails an operation of the write (as a lost connection would).
    excel.failAtOperation(excel.operations + 20);
    await expect(adapter(excel).writePlan(plan(3))).rejects.toThrow(
      /^Excel could not build the summary sheets: fake Excel: injected failure at /
    );
    expect(excel.live().map((s) => s.name)).toEqual(["Staff", "Scrutiny summary"]);
  });

  it("refuses a plan that defines a name twice before changing anything", async () => {
    const excel = fakeExcel([STAFF]);
    const p = plan(3);
    p.sheets[0].names.push({
      name: "WFS_Turnover",
      range: { row: 0, column: 0, rows: 1, columns: 1 },
    });
    await expect(adapter(excel).writePlan(p)).rejects.toThrow(
      'The summary defines the name "WFS_Turnover" twice; nothing was changed.'
    );
    expect(excel.live().map((s) => s.name)).toEqual(["Staff"]);
  });
});

describe("OfficeWorkbook reading", () => {
  it("lists Excel tables, then the used range of sheets without one, leaving the product's sheets out", async () => {
    const excel = fakeExcel([
      { name: "Staff data", cells: [["a"]], tables: [{ name: "Staff", address: "B3:P563" }] },
      {
        name: "Posts",
        cells: [
          ["Team", "Role", "Funded FTE"],
          ["North", "SW2", 3],
        ],
      },
      { name: "Empty" },
      {
        name: "Scrutiny summary",
        marker: "summary",
        cells: [["x"]],
        tables: [{ name: "WFS_Teams", address: "A1:B3" }],
      },
    ]);
    const tables = await adapter(excel).listTables();
    expect(tables).toEqual([
      {
        name: "Staff",
        sheet: "Staff data",
        kind: "table",
        address: "B3:P563",
        firstRow: 3,
        firstColumn: 1,
        rows: 561,
        columns: 15,
      },
      {
        name: "Posts",
        sheet: "Posts",
        kind: "range",
        address: "A1:C2",
        firstRow: 1,
        firstColumn: 0,
        rows: 2,
        columns: 3,
      },
    ]);
    expect(excel.syncs).toBe(2);
  });

  it("reads a table's values, in reads sized by the bytes rows take", async () => {
    const cells: unknown[][] = [["Staff ID", "FTE"]];
    for (let i = 1; i <= 1000; i++) cells.push([`S${i}`, i % 2 ? 1 : 0.5]);
    const excel = fakeExcel([{ name: "Staff", cells }]);
    const [table] = await adapter(excel).listTables();
    const whole = await adapter(excel).readTable(table);
    expect(whole).toEqual(cells);

    const chunked = fakeExcel([{ name: "Staff", cells }]);
    const values = await adapter(chunked, { readBudgetBytes: 3_000 }).readTable(table);
    expect(values).toEqual(cells);
    const reads = chunked.sheet("Staff").ranges.map((r) => corners(r.address));
    // Contiguous, the first a probe, the rest sized to the budget.
    expect(reads[0]).toEqual({ r0: 0, c0: 0, r1: 199, c1: 1 });
    reads.forEach((r, i) => i > 0 && expect(r.r0).toBe(reads[i - 1].r1 + 1));
    expect(reads[reads.length - 1].r1).toBe(1000);
    for (const r of reads.slice(1))
      expect(JSON.stringify(cells.slice(r.r0, r.r1 + 1)).length).toBeLessThanOrEqual(3_000);
    // Nothing is ever read from a range that was not loaded and synced.
    expect(values.flat()).not.toContain(NOT_LOADED);
  });

  it("stays under Excel on the web's 5 MB response limit for a wide, text-heavy extract", async () => {
    // 60 columns of 80-character text: about 5 KB a row, 15 MB in all.
    const text = (r: number, c: number) => `${r}:${c} `.padEnd(80, "x");
    const cells: unknown[][] = [];
    for (let r = 0; r < 3_000; r++) cells.push(Array.from({ length: 60 }, (_, c) => text(r, c)));
    const excel = fakeExcel([{ name: "Extract", cells }]);
    const [table] = await adapter(excel).listTables();
    const values = await adapter(excel).readTable(table);
    expect(values).toEqual(cells);
    expect(excel.stats.maxResponseBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    // 200,000 cells a read (the old rule) would have asked for 3,333 rows: 16 MB.
    expect(JSON.stringify(cells.slice(0, 3_333)).length).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
  });

  it("halves a read that Excel refuses as too big, and reads it again", async () => {
    // Short rows first, then rows forty times heavier: the size learnt from the first is wrong.
    const cells: unknown[][] = [];
    for (let r = 0; r < 4_000; r++)
      cells.push([r < 1_000 ? `S${r}` : `S${r} ${"note ".repeat(400)}`, r]);
    const excel = fakeExcel([{ name: "Staff", cells }], { payloadLimitBytes: 400_000 });
    const [table] = await adapter(excel).listTables();
    const values = await adapter(excel, { readBudgetBytes: 200_000 }).readTable(table);
    expect(values).toEqual(cells);
    // A refused read is read again from the same row, half as long.
    const starts = excel.sheet("Staff").ranges.map((r) => corners(r.address).r0);
    expect(starts.length).toBeGreaterThan(new Set(starts).size);
    expect(excel.stats.maxResponseBytes).toBeGreaterThan(400_000);
  });

  it("gives up on a single row too big to read, saying which table", async () => {
    const cells: unknown[][] = [["x".repeat(50_000)]];
    const excel = fakeExcel([{ name: "Huge", cells }], { payloadLimitBytes: 10_000 });
    const [table] = await adapter(excel).listTables();
    await expect(adapter(excel).readTable(table)).rejects.toThrow(
      /^Excel could not read "Huge": The response payload size has exceeded the limit/
    );
  });

  it("says so when the sheet has gone", async () => {
    const excel = fakeExcel([STAFF]);
    await expect(
      adapter(excel).readTable({
        name: "Old",
        sheet: "Gone",
        kind: "range",
        address: "A1:B2",
        firstRow: 1,
        firstColumn: 0,
        rows: 2,
        columns: 2,
      })
    ).rejects.toThrow(
      'The sheet "Gone" is no longer in the workbook: choose the staff table again.'
    );
  });

  it("selects a cell on its sheet", async () => {
    const excel = fakeExcel([STAFF, { name: "Posts" }]);
    await adapter(excel).selectCell("Staff", "C3");
    expect(excel.log).toContain("activate Staff");
    expect(excel.log).toContain("select Staff!C3");
  });
});

describe("OfficeWorkbook settings", () => {
  function store(initial: unknown) {
    const state = { value: initial, saves: 0 };
    const s: DocumentSettingsStore = {
      get: () => state.value,
      set: (v) => {
        state.value = v;
      },
      save: async () => {
        state.saves++;
      },
    };
    return { state, s };
  }

  it("saves the settings as JSON under one key and reads them back", async () => {
    const { state, s } = store(undefined);
    const wb = new OfficeWorkbook(fakeExcel([]).run, { settings: s });
    expect(await wb.loadSettings()).toEqual({});
    await wb.saveSettings({ staffTable: "Staff", options: { caseloadTarget: 18 } });
    expect(state.value).toBe('{"staffTable":"Staff","options":{"caseloadTarget":18}}');
    expect(state.saves).toBe(1);
    expect(await wb.loadSettings()).toEqual({
      staffTable: "Staff",
      options: { caseloadTarget: 18 },
    });
  });

  it("treats unreadable settings as none", async () => {
    expect(
      await new OfficeWorkbook(fakeExcel([]).run, { settings: store("{oops").s }).loadSettings()
    ).toEqual({});
    expect(
      await new OfficeWorkbook(fakeExcel([]).run, { settings: store("[1]").s }).loadSettings()
    ).toEqual({});
  });

  it("explains that settings need Excel when Office is not there", async () => {
    await expect(new OfficeWorkbook(fakeExcel([]).run).loadSettings()).rejects.toThrow(
      "The workbook's settings can only be read inside Excel"
    );
  });
});

describe("OfficeWorkbook: the template is handed to the user", () => {
  it("writes template sheets without the product's marker, never replaces them, and keeps the summary's names", async () => {
    const { buildTemplatePlan } = await import("../../../src/core/summary/template");
    const excel = fakeExcel([{ name: "Scrutiny summary", marker: "summary" }]);
    excel.names.push({ name: "WFS_AsOf", ref: "'Scrutiny summary'!$B$5", deleted: false });
    const first = await adapter(excel).writePlan(buildTemplatePlan());
    expect(first.sheetNames["staff-template"]).toBe("Staff");
    const again = await adapter(excel).writePlan(buildTemplatePlan());
    expect(again.sheetNames["staff-template"]).toBe("Staff (2)");
    expect(excel.sheet("Staff")).toBeDefined();
    expect(excel.sheet("Scrutiny summary")).toBeDefined();
    expect(excel.names.filter((n) => !n.deleted).map((n) => n.name)).toEqual(["WFS_AsOf"]);
  });
});

describe("OfficeWorkbook: a build interrupted half-way loses nothing", () => {
  it("leaves the user's sheets untouched and the previous summary intact, under its own name", async () => {
    const excel = fakeExcel([
      { ...STAFF },
      { name: "Scrutiny summary", marker: "summary", cells: [["previous build"]] },
    ]);
    const staffBefore = JSON.stringify(excel.sheet("Staff").cells);
    const wb = adapter(excel);
    wb.failAfterWritesForTests = () => {
      throw new Error("the connection to Excel was lost");
    };
    await expect(wb.writePlan(plan(50))).rejects.toThrow(/connection to Excel was lost/);
    expect(excel.live().map((s) => s.name)).toEqual(["Staff", "Scrutiny summary"]);
    const previous = excel.sheet("Scrutiny summary");
    expect(previous.deleted).toBe(false);
    expect(previous.marker).toBe("summary");
    expect(previous.cells?.[0]?.[0]).toBe("previous build");
    expect(JSON.stringify(excel.sheet("Staff").cells)).toBe(staffBefore);
  });
});

describe("OfficeWorkbook: conditional formats", () => {
  it("highlights cells above a threshold with the warning colours, at the plan's range", async () => {
    const excel = fakeExcel([STAFF]);
    await adapter(excel).writePlan({
      sheets: [
        sheetSpec({
          key: "summary",
          preferredName: "Scrutiny summary",
          blocks: [{ row: 0, column: 0, cells: [[{ value: 20 }], [{ value: 12 }]] }],
          conditionalFormats: [
            {
              range: { row: 0, column: 0, rows: 2, columns: 1 },
              operator: "greaterThan",
              formula: "WFS_CaseloadTarget",
              style: "warning",
            },
          ],
        }),
      ],
    });
    const range = excel.sheet("Scrutiny summary").ranges.find((r) => r.conditional.length > 0)!;
    expect(range.address).toBe("A1:A2");
    expect(range.conditional[0]).toEqual({
      type: "Custom",
      custom: {
        format: {
          fill: { color: STYLE_COLOURS.warningFill },
          font: { color: STYLE_COLOURS.warningText },
        },
        rule: { formula: "=AND(ISNUMBER(A1),A1>WFS_CaseloadTarget)" },
      },
    });
  });
});

describe("OfficeWorkbook.deliverFile: a file on every Excel", () => {
  const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const file = { name: "x.xlsx", type: XLSX, data: new Uint8Array([80, 75, 3, 4]) };

  it("base64 matches Node's, for every byte value and across chunks", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(toBase64(new Uint8Array())).toBe("");
  });

  it("opens an .xlsx as a new workbook through Excel.createWorkbook (ExcelApi 1.8)", async () => {
    const excel = fakeExcel([STAFF]);
    const calls: string[] = [];
    const wb = adapter(excel, {
      isSetSupported: excel.isSetSupported,
      createWorkbook: async (base64) => void calls.push(base64),
    });
    expect(await wb.deliverFile(file)).toBe("opened");
    expect(calls).toEqual(["UEsDBA=="]);
    // This workbook is unchanged.
    expect(excel.syncs).toBe(0);
  });

  it("says 'unavailable' where Excel refuses it, lacks it, or the file is not a workbook", async () => {
    const excel = fakeExcel([STAFF]);
    const refused = adapter(excel, {
      isSetSupported: excel.isSetSupported,
      createWorkbook: async () => {
        throw new Error("The pop-up was blocked");
      },
    });
    expect(await refused.deliverFile(file)).toBe("unavailable");
    const missing = adapter(excel, {
      isSetSupported: excel.isSetSupported,
      createWorkbook: undefined,
    });
    expect(await missing.deliverFile(file)).toBe("unavailable");
    const old = fakeExcel([STAFF], { apiVersion: "1.7" });
    let called = false;
    const tooOld = adapter(old, {
      isSetSupported: old.isSetSupported,
      createWorkbook: async () => void (called = true),
    });
    expect(await tooOld.deliverFile(file)).toBe("unavailable");
    expect(called).toBe(false);
    const xml = adapter(excel, { createWorkbook: async () => void (called = true) });
    expect(
      await xml.deliverFile({ name: "return.xml", type: "application/xml", data: "<x/>" })
    ).toBe("unavailable");
    expect(called).toBe(false);
  });
});

describe("OfficeWorkbook: the summary as a document", () => {
  const titled = (title: string): WorkbookPlan => ({
    ...plan(3),
    properties: { title, subject: "The summary." },
  });

  it("sets the workbook's title and subject, replaces its own on a rebuild, keeps a user's", async () => {
    const excel = fakeExcel([STAFF]);
    await adapter(excel).writePlan(
      titled("Children's social work workforce: scrutiny summary, 30 September 2023")
    );
    expect(excel.documentProperties).toEqual({
      title: "Children's social work workforce: scrutiny summary, 30 September 2023",
      subject: "The summary.",
    });
    await adapter(excel).writePlan(
      titled("Children's social work workforce: scrutiny summary, 30 September 2024")
    );
    expect(excel.documentProperties.title).toBe(
      "Children's social work workforce: scrutiny summary, 30 September 2024"
    );

    const mine = fakeExcel([STAFF], { title: "Budget 2024/25" });
    await adapter(mine).writePlan(
      titled("Children's social work workforce: scrutiny summary, 30 September 2023")
    );
    expect(mine.documentProperties).toEqual({ title: "Budget 2024/25", subject: "" });
  });

  it("builds without print settings where Excel says it lacks ExcelApi 1.9, and prints where it has it", async () => {
    const spec = plan(3);
    spec.sheets[0].print = {
      orientation: "landscape",
      fitToWidth: true,
      titleRows: { first: 0, last: 0 },
      rowBreaks: [2],
      area: { row: 0, column: 0, rows: 4, columns: 3 },
      sections: [0, 2],
    };
    // (Every Excel with ExcelApi 1.12, which the build needs, has 1.9: this is a host that says not.)
    const old = fakeExcel([STAFF]);
    const result = await adapter(old, { isSetSupported: (_n, v) => v !== "1.9" }).writePlan(spec);
    const summary = old.sheet(result.sheetNames.summary);
    expect(summary.pageLayout).toEqual({});
    expect(summary.pageBreaks).toEqual([]);

    const current = fakeExcel([STAFF]);
    const built = await adapter(current).writePlan(spec);
    const printed = current.sheet(built.sheetNames.summary);
    expect(printed.pageLayout).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$1",
      printArea: "A1:C4",
    });
    expect(printed.pageBreaks).toEqual([2]);
  });

  it("never merges cells in a table: Excel refuses, and the build fails before the swap", async () => {
    const spec = plan(3);
    spec.sheets[0].tableRanges = [
      { name: "Turnover", range: { row: 2, column: 0, rows: 2, columns: 3 } },
    ];
    spec.sheets[0].paragraphs = [{ row: 3, column: 0, rows: 1, columns: 3 }];
    const excel = fakeExcel([STAFF]);
    await expect(adapter(excel).writePlan(spec)).rejects.toThrow(/table/);
    expect(excel.live().map((s) => s.name)).toEqual(["Staff"]);
  });
});
