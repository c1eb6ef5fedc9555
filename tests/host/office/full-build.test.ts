/**
 * Whole builds through the stricter fake Excel (ExcelApi 1.12, the highest set the adapter checks
 * for; 5 MB per request and response): at 400 and 20,000 staff rows, the workbook it ends with
 * holds exactly the values and formulas of core's plan, and every formula refers only to
 * sheets, names and tables that exist. Then a rebuild is failed at each operation in turn: each
 * time the workbook holds either the previous summary, whole, or the complete new one.
 */
import { describe, expect, it } from "vitest";
import { ingestPosts, ingestStaff } from "../../../src/core/ingest";
import { buildSummaryPlan } from "../../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../../src/core/summary/options";
import { seriesColour } from "../../../src/core/summary/chart-style";
import { rangeAddress, type WorkbookPlan } from "../../../src/core/summary/plan";
import { OfficeWorkbook } from "../../../src/host/office/office-workbook";
import { formulaFor, literalFor } from "../../../src/host/sheet-helpers";
import { generateStaff } from "../../../src/sample/generate";
import { fakeExcel, WEB_PAYLOAD_LIMIT } from "./fake-excel";
import type { FakeRange } from "./fake-excel";

function summaryPlan(rows: number): WorkbookPlan {
  const { staff, posts } = generateStaff({ rows, seed: 11 });
  return buildSummaryPlan({
    staff: ingestStaff(staff),
    posts: ingestPosts(posts),
    options: DEFAULT_SUMMARY_OPTIONS,
    source: { staffTable: "Staff", postsTable: "Posts" },
  });
}

type Excel = ReturnType<typeof fakeExcel>;

const build = (excel: Excel, plan: WorkbookPlan) =>
  new OfficeWorkbook(excel.run, { isSetSupported: excel.isSetSupported }).writePlan(plan);

/** What a formula refers to by name: sheets ('Name'! or Name!), tables (Name[…]) and defined names. */
export function references(formula: string): {
  sheets: string[];
  tables: string[];
  names: string[];
} {
  const sheets: string[] = [];
  let f = formula
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/'((?:[^']|'')+)'!/g, (_m, s: string) => {
      sheets.push(s.replace(/''/g, "'"));
      return "";
    });
  f = f.replace(/([A-Za-z_][A-Za-z0-9_.]*)!/g, (_m, s: string) => {
    sheets.push(s);
    return "";
  });
  const tables: string[] = [];
  f = f.replace(/([A-Za-z_\\][A-Za-z0-9_.\\]*)\[(?:[^[\]]|\[[^\]]*\])*\]/g, (_m, t: string) => {
    tables.push(t);
    return "0";
  });
  const names: string[] = [];
  for (const m of f.matchAll(
    /(?<![A-Za-z0-9_.$])([A-Za-z_\\][A-Za-z0-9_.\\]*)(?![A-Za-z0-9_.(])/g
  )) {
    const id = m[1];
    if (/^\$?[A-Za-z]{1,3}\$?\d+$/.test(id) || /^(TRUE|FALSE)$/i.test(id)) continue;
    if (/^[A-Za-z]{1,3}$/.test(id) && /:/.test(f)) continue; // a column in A:A
    names.push(id);
  }
  return { sheets, tables, names };
}

/** Everything in the fake workbook that differs from the plan, as "where: what" lines. */
function differences(
  excel: Excel,
  plan: WorkbookPlan,
  sheetNames: Record<string, string>
): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const liveNames = new Set(excel.names.filter((n) => !n.deleted).map((n) => n.name.toLowerCase()));
  const liveTables = new Set(
    excel.live().flatMap((s) => s.tables.map((t) => (t.name ?? "").toLowerCase()))
  );
  const liveSheets = new Set(excel.live().map((s) => s.name.toLowerCase()));
  let formulas = 0;
  for (const spec of plan.sheets) {
    const sheet = excel.live().find((s) => s.name === sheetNames[spec.key]);
    if (!sheet) {
      out.push(`no sheet ${sheetNames[spec.key]}`);
      continue;
    }
    for (const block of [...spec.blocks, ...spec.tables]) {
      block.cells.forEach((row, i) =>
        row.forEach((cell, j) => {
          const r = block.row + i;
          const c = block.column + j;
          const where = `${sheet.name}!R${r + 1}C${c + 1}`;
          const formula = sheet.formulas?.[r]?.[c];
          const value = sheet.cells?.[r]?.[c];
          if (cell.formula !== undefined) {
            formulas++;
            if (formula !== formulaFor(cell.formula))
              out.push(`${where}: formula ${String(formula)}`);
            // the value written under the formula is core's
            if (!same(value, literalFor({ value: cell.value })))
              out.push(`${where}: value ${String(value)}`);
            const refs = references(cell.formula);
            for (const x of refs.sheets)
              if (!liveSheets.has(x.toLowerCase())) out.push(`${where}: no sheet ${x}`);
            for (const x of refs.tables)
              if (!liveTables.has(x.toLowerCase())) out.push(`${where}: no table ${x}`);
            for (const x of refs.names)
              if (!liveNames.has(x.toLowerCase())) out.push(`${where}: no name ${x}`);
          } else {
            if (formula !== undefined) out.push(`${where}: unexpected formula`);
            const expected = literalFor(cell);
            const shown =
              typeof expected === "string" && expected.startsWith("'")
                ? expected.slice(1)
                : expected;
            if (!same(value ?? "", shown))
              out.push(`${where}: ${String(value)} not ${String(shown)}`);
          }
        })
      );
    }
    for (const { name } of spec.names) {
      const found = excel.names.find((n) => !n.deleted && n.name === name);
      if ((found?.ref as FakeRange | undefined)?.sheet !== sheet.name)
        out.push(`name ${name} not on ${sheet.name}`);
    }
    // Every table where the plan has it: the data sheet's and the summary's blocks.
    const wanted = [
      ...spec.tables.map((t) => ({
        name: t.name,
        range: { row: t.row, column: t.column, rows: t.cells.length, columns: t.cells[0].length },
      })),
      ...(spec.tableRanges ?? []),
    ].map((t) => `${t.name} ${rangeAddress(t.range)}`);
    const tablesThere = sheet.tables.map((t) => `${t.name} ${t.address}`);
    if (!same(tablesThere.sort(), wanted.sort())) out.push(`${sheet.name}: tables`);
    const merges = (spec.paragraphs ?? []).filter((p) => p.columns > 1).map((p) => rangeAddress(p));
    if (!same([...sheet.merges].sort(), merges.sort())) out.push(`${sheet.name}: merges`);
    for (const { row, points } of spec.rowHeights ?? [])
      if (sheet.rowHeights[row] !== points) out.push(`${sheet.name}: row ${row + 1} height`);
    if (spec.print) {
      if (!same(sheet.pageBreaks, spec.print.rowBreaks)) out.push(`${sheet.name}: page breaks`);
      const layout = sheet.pageLayout;
      if (
        !same(layout, {
          orientation: "Landscape",
          paperSize: "A4",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printArea: rangeAddress(spec.print.area),
          printTitleRows: "$1:$1",
        })
      )
        out.push(`${sheet.name}: page layout ${JSON.stringify(layout)}`);
    }
    // Series told apart without colour: a palette colour each, labels on bars, markers on lines.
    sheet.charts.forEach((chart, i) =>
      chart.seriesList.forEach((series, k) => {
        const line = spec.charts[i].type === "line";
        const colour = `#${seriesColour(k)}`;
        const ok = line
          ? series.style.line === colour && series.style.markerForeground === colour
          : series.style.fill === colour && series.style.hasDataLabels === true;
        if (!ok) out.push(`${sheet.name}: chart ${i} series ${k} ${JSON.stringify(series.style)}`);
      })
    );
    if (
      !same(
        sheet.charts.map((c) => c.seriesList.length),
        spec.charts.map((c) => c.series.length)
      )
    )
      out.push(`${sheet.name}: charts`);
    if ((sheet.tabColor ?? "") !== "") out.push(`${sheet.name}: tab colour ${sheet.tabColor}`);
  }
  if (plan.properties && excel.documentProperties.title !== plan.properties.title)
    out.push(`title ${excel.documentProperties.title}`);
  if (formulas < 300) out.push(`only ${formulas} formulas`);
  if (excel.live().some((s) => s.name.startsWith("~WFS"))) out.push("a temporary sheet is left");
  return out;
}

function checkWorkbook(excel: Excel, plan: WorkbookPlan, sheetNames: Record<string, string>): void {
  expect(differences(excel, plan, sheetNames)).toEqual([]);
}

describe("a full build through the stricter fake Excel", () => {
  it("formula references are read the way Excel reads them", () => {
    expect(
      references(
        `=IFERROR(SUMIFS(WFS_Staff[FTE],WFS_Staff[[#This Row],[Team]],"North A1"),'Scrutiny data'!$A$2+Staff!C:C+WFS_AsOf+A1)`
      )
    ).toEqual({
      sheets: ["Scrutiny data", "Staff"],
      tables: ["WFS_Staff", "WFS_Staff"],
      names: ["WFS_AsOf"],
    });
  });

  for (const rows of [400, 20_000]) {
    it(`${rows} staff rows: the values written equal core's, every reference exists, every request fits`, async () => {
      const plan = summaryPlan(rows);
      const excel = fakeExcel([]);
      const result = await build(excel, plan);
      checkWorkbook(excel, plan, result.sheetNames);
      expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
      // and a rebuild over it replaces it whole
      const again = await build(excel, plan);
      checkWorkbook(excel, plan, again.sheetNames);
      expect(excel.live().map((s) => s.name)).toEqual(plan.sheets.map((s) => s.preferredName));
    }, 120_000);
  }
});

describe("a rebuild failed at each operation in turn", () => {
  it("leaves the previous summary whole or the new one complete, never a half-built one", async () => {
    const previous = summaryPlan(40);
    const next = summaryPlan(60);
    // How many operations a rebuild makes.
    const probe = fakeExcel([{ name: "Staff" }]);
    await build(probe, previous);
    const before = probe.operations;
    await build(probe, next);
    const total = probe.operations - before;
    expect(total).toBeGreaterThan(50);

    let kept = 0;
    let completed = 0;
    for (let n = 1; n <= total; n++) {
      if (n % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      const excel = fakeExcel([{ name: "Staff" }]);
      const first = await build(excel, previous);
      const oldSheets = excel.live().map((s) => s.id);
      excel.failAtOperation(n);
      let failed = false;
      let names: Record<string, string> = first.sheetNames;
      try {
        names = (await build(excel, next)).sheetNames;
      } catch {
        failed = true;
      }
      if (
        failed &&
        excel
          .live()
          .map((s) => s.id)
          .join() === oldSheets.join()
      ) {
        kept++;
        checkWorkbook(excel, previous, first.sheetNames);
      } else {
        completed++;
        checkWorkbook(excel, next, names);
      }
    }
    // Both outcomes happen: failures before the point of no return keep the old summary.
    expect(kept).toBeGreaterThan(0);
    expect(completed).toBeGreaterThan(0);
  }, 300_000);
});
