/**
 * The summary's charts are real DrawingML charts: parts in the package, referenced from a
 * drawing that the summary sheet points at, declared in the content types, well-formed, bound to
 * the summary's cells and carrying the plan's values as their cache, with the alt text on the
 * graphic frame.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type JSZip from "jszip";
import type { ChartSpec, WorkbookPlan } from "../../../src/core/summary/plan";
import { CHART_TEXT, seriesColour } from "../../../src/core/summary/chart-style";
import { chartXml, rangeFormula } from "../../../src/host/xlsx/charts";
import { XlsxWorkbook } from "../../../src/host/xlsx/xlsx-workbook";
import {
  assertWellFormed,
  partText,
  planCells,
  summaryPlanOf,
  unzip,
  userWorkbookBytes,
} from "./support";

let plan: WorkbookPlan;
let zip: JSZip;
let charts: ChartSpec[];
const SHEET = "Scrutiny summary (2)";

function unescape(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

beforeAll(async () => {
  const book = await XlsxWorkbook.fromBuffer(await userWorkbookBytes());
  plan = await summaryPlanOf(book);
  await book.writePlan(plan);
  zip = await unzip(await book.toBuffer());
  charts = plan.sheets.find((s) => s.key === "summary")!.charts;
  expect(charts.length).toBeGreaterThanOrEqual(3);
});

async function summarySheetPath(): Promise<string> {
  const workbook = await partText(zip, "xl/workbook.xml");
  const rels = await partText(zip, "xl/_rels/workbook.xml.rels");
  const id = new RegExp(
    `<sheet [^>]*name="${SHEET.replace(/[()]/g, "\\$&")}"[^>]*r:id="(rId\\d+)"`
  ).exec(workbook)![1];
  return `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
}

describe("charts in the written package", () => {
  it("has one chart part per plan chart, each declared in the content types", async () => {
    const parts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(parts).toHaveLength(charts.length);
    const types = await partText(zip, "[Content_Types].xml");
    for (const p of parts)
      expect(types).toContain(
        `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`
      );
    expect(types).toMatch(
      /<Override PartName="\/xl\/drawings\/drawing\d+\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawing\+xml"\/>/
    );
  });

  it("links sheet → drawing → charts, with the <drawing> element in its place in the sheet", async () => {
    const sheetPath = await summarySheetPath();
    const sheet = await partText(zip, sheetPath);
    const relId = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)![1];
    const sheetRels = await partText(zip, sheetPath.replace(/([^/]+)$/, "_rels/$1.rels"));
    const drawingTarget = new RegExp(
      `Id="${relId}" Type="[^"]+/drawing" Target="\\.\\./drawings/([^"]+)"`
    ).exec(sheetRels)![1];
    const drawing = await partText(zip, `xl/drawings/${drawingTarget}`);
    const drawingRels = await partText(zip, `xl/drawings/_rels/${drawingTarget}.rels`);
    const chartRefs = [...drawing.matchAll(/<c:chart [^>]*r:id="(rId\d+)"/g)].map((m) => m[1]);
    expect(chartRefs).toHaveLength(charts.length);
    for (const ref of chartRefs) {
      const target = new RegExp(
        `Id="${ref}" Type="[^"]+/chart" Target="\\.\\./charts/([^"]+)"`
      ).exec(drawingRels)![1];
      expect(zip.file(`xl/charts/${target}`)).not.toBeNull();
    }
    // CT_Worksheet order: … pageMargins, pageSetup, …, customProperties, drawing, …, tableParts, extLst.
    const order = ["sheetData", "pageMargins", "customProperties", "drawing"].map((t) =>
      sheet.indexOf(`<${t}`)
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("names each chart's frame after its title and gives it the alt text", async () => {
    const drawingPath = Object.keys(zip.files).find((p) =>
      /^xl\/drawings\/drawing\d+\.xml$/.test(p)
    )!;
    const drawing = await partText(zip, drawingPath);
    const frames = [...drawing.matchAll(/<xdr:cNvPr ([^>]*)\/>/g)].map((m) => m[1]);
    expect(frames).toHaveLength(charts.length);
    charts.forEach((c, i) => {
      expect(unescape(/name="([^"]*)"/.exec(frames[i])![1])).toBe(c.title);
      expect(unescape(/descr="([^"]*)"/.exec(frames[i])![1])).toBe(c.altText);
    });
    const anchors = [
      ...drawing.matchAll(
        /<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g
      ),
    ];
    expect(anchors.map((m) => [Number(m[1]), Number(m[2])])).toEqual(
      charts.map((c) => [c.anchor.column, c.anchor.row])
    );
  });

  it("writes well-formed chart, drawing, rels and content-type parts", async () => {
    for (const path of Object.keys(zip.files).filter(
      (p) => /\.(xml|rels)$/.test(p) && !zip.files[p].dir
    )) {
      await assertWellFormed(await partText(zip, path), path);
    }
  });

  it("binds each series to the summary's cells and caches the plan's values", async () => {
    const cells = new Map(
      planCells(plan)
        .filter((p) => p.sheetKey === "summary")
        .map((p) => [`${p.row},${p.column}`, p.cell])
    );
    const parts = Object.keys(zip.files)
      .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
    for (let i = 0; i < charts.length; i++) {
      const xml = await partText(zip, parts[i]);
      const spec = charts[i];
      expect(xml).toContain(`<a:t>${spec.title.replace(/&/g, "&amp;")}</a:t>`);
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]);
      expect(series).toHaveLength(spec.series.length);
      series.forEach((ser, k) => {
        const s = spec.series[k];
        expect(unescape(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/.exec(ser)![1])).toBe(s.name);
        const val = /<c:val><c:numRef><c:f>([^<]*)<\/c:f>([\s\S]*?)<\/c:numRef><\/c:val>/.exec(
          ser
        )!;
        expect(unescape(val[1])).toBe(rangeFormula(SHEET, s.values));
        const cached = new Map(
          [...val[2].matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => [
            Number(m[1]),
            Number(m[2]),
          ])
        );
        let idx = 0;
        for (let r = 0; r < s.values.rows; r++)
          for (let c = 0; c < s.values.columns; c++, idx++) {
            const v = cells.get(`${s.values.row + r},${s.values.column + c}`)?.value;
            if (typeof v === "number") expect(cached.get(idx)).toBe(v);
            else expect(cached.has(idx)).toBe(false);
          }
        const cat = /<c:cat><c:(?:str|num)Ref><c:f>([^<]*)<\/c:f>/.exec(ser)!;
        expect(unescape(cat[1])).toBe(rangeFormula(SHEET, spec.categories));
      });
    }
  });
});

describe("chartXml", () => {
  const base: ChartSpec = {
    title: "T",
    altText: "A",
    type: "columnClustered",
    categories: { row: 0, column: 1, rows: 1, columns: 2 },
    series: [{ name: "S & P", values: { row: 1, column: 1, rows: 1, columns: 2 } }],
    anchor: { row: 3, column: 0, rows: 10, columns: 6 },
  };
  const part = (type: ChartSpec["type"]) =>
    chartXml({
      spec: { ...base, type },
      sheetName: "It's mine",
      categories: { values: ["2022", "2023"] },
      series: [{ name: "S & P", values: [0.1, "n/a"], format: "0.0%" }],
    });

  it.each([
    ["columnClustered", "col", "clustered", false],
    ["columnStacked", "col", "stacked", true],
    ["columnStacked100", "col", "percentStacked", true],
    ["barClustered", "bar", "clustered", false],
  ] as const)(
    "%s is a bar chart (barDir %s, grouping %s)",
    async (type, dir, grouping, overlap) => {
      const xml = part(type);
      await assertWellFormed(xml, type);
      expect(xml).toContain(`<c:barDir val="${dir}"/><c:grouping val="${grouping}"/>`);
      expect(xml.includes(`<c:overlap val="100"/>`)).toBe(overlap);
    }
  );

  it("line is a line chart with markers", async () => {
    const xml = part("line");
    await assertWellFormed(xml, "line");
    expect(xml).toContain('<c:lineChart><c:grouping val="standard"/>');
    expect(xml).toContain('<c:marker><c:symbol val="circle"/>');
  });

  it("quotes the sheet name, escapes text and leaves a text value out of the number cache", () => {
    const xml = part("columnClustered");
    expect(xml).toContain("<c:f>'It''s mine'!$B$2:$C$2</c:f>");
    expect(xml).toContain("<c:v>S &amp; P</c:v>");
    expect(xml).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>0.1</c:v></c:pt></c:numCache>');
  });
});

describe("series told apart without colour", () => {
  it("every series has a palette colour, a bar series its own pattern and data labels, a line series its own marker", async () => {
    const parts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    let bars = 0;
    let lines = 0;
    for (const p of parts) {
      const xml = await partText(zip, p);
      const series = [...xml.matchAll(/<c:ser>([^]*?)<\/c:ser>/g)].map((m) => m[1]);
      expect(series.length).toBeGreaterThan(0);
      series.forEach((ser, k) => {
        const colours = [...ser.matchAll(/<a:srgbClr val="([0-9A-F]{6})"\/>/g)]
          .map((m) => m[1])
          .filter((c) => c !== "FFFFFF" && c !== "000000" && c !== CHART_TEXT);
        expect(new Set(colours), `${p} series ${k}`).toEqual(new Set([seriesColour(k)]));
      });
      if (xml.includes("<c:lineChart>")) {
        lines++;
        const markers = series.map((s) => /<c:symbol val="(\w+)"\/>/.exec(s)![1]);
        expect(new Set(markers).size, p).toBe(series.length);
      } else {
        bars++;
        const fills = series.map((s) => /<a:pattFill prst="(\w+)">/.exec(s)?.[1] ?? "solid");
        expect(new Set(fills).size, p).toBe(series.length);
        for (const s of series) expect(s).toMatch(/<c:dLbls>[^]*<c:showVal val="1"\/>/);
      }
    }
    expect(bars).toBeGreaterThanOrEqual(3);
    expect(lines).toBe(0); // no benchmarks in this plan: its line charts are the trends
  });
});
