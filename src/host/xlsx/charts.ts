/**
 * Real Excel charts for an .xlsx package. ExcelJS writes no charts, so the adapter adds the
 * DrawingML parts itself after ExcelJS has written the workbook:
 *
 *   xl/charts/chartN.xml        c:chartSpace: a bar or line chart whose series point at the
 *                               sheet's cells (c:numRef/c:strRef with a formula) and carry the
 *                               plan's values as a cache, so a viewer shows the data before (or
 *                               without) recalculating;
 *   xl/drawings/drawingN.xml    one xdr:twoCellAnchor per chart, its graphic frame named after the
 *                               chart's title with the alt text as its description;
 *   the rels between sheet → drawing → chart, the sheet's <drawing r:id> (at its place in
 *   CT_Worksheet's sequence) and the content-type overrides.
 *
 * Series are told apart without colour (`chart-style.ts`): a bar series has its own pattern and
 * its values as data labels, a line series its own marker.
 *
 * Element order follows the DrawingML chart schema (ECMA-376 Part 1, 21.2): chartSpace (date1904,
 * roundedCorners, chart, …), chart (title, autoTitleDeleted, plotArea, legend, plotVisOnly,
 * dispBlanksAs), barChart (barDir, grouping, varyColors, ser*, gapWidth, overlap, axId×2),
 * lineChart (grouping, varyColors, ser*, marker, axId×2), ser (idx, order, tx, spPr,
 * invertIfNegative | marker, dLbls, cat, val, smooth), dLbls (numFmt, spPr, txPr, dLblPos,
 * showLegendKey, showVal, showCatName, showSerName, showPercent, showBubbleSize), catAx/valAx (axId, scaling, delete, axPos,
 * majorGridlines, numFmt, majorTickMark, minorTickMark, tickLblPos, crossAx, crosses, …).
 */
import {
  CHART_TEXT,
  dataLabelFormat,
  seriesColour,
  seriesMarker,
  seriesPattern,
} from "../../core/summary/chart-style";
import { cellAddress } from "../../core/summary/plan";
import type { ChartSpec, RangeSpec } from "../../core/summary/plan";
import type { XlsxPackage } from "./package";
import { CONTENT_TYPE, escapeXml, findElement, insertWorksheetChild, REL } from "./xml";

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

export type CachedValue = string | number | boolean | null | undefined;

/** A chart ready to write: the plan's spec, the sheet its ranges are on, and the cells' values. */
export interface ChartPart {
  spec: ChartSpec;
  /** The sheet name the series formulas refer to. */
  sheetName: string;
  categories: { values: CachedValue[]; format?: string };
  series: { name: string; values: CachedValue[]; format?: string }[];
}

/** `'Sheet name'!$B$30:$D$30`: an absolute reference to a plan range on a sheet. */
export function rangeFormula(sheetName: string, r: RangeSpec): string {
  const first = cellAddress(r.row, r.column, true);
  const last = cellAddress(r.row + r.rows - 1, r.column + r.columns - 1, true);
  return `'${sheetName.replace(/'/g, "''")}'!${first === last ? first : `${first}:${last}`}`;
}

function numCache(values: CachedValue[], format: string | undefined): string {
  const pts = values
    .map((v, i) =>
      typeof v === "number" && Number.isFinite(v)
        ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`
        : typeof v === "boolean"
          ? `<c:pt idx="${i}"><c:v>${v ? 1 : 0}</c:v></c:pt>`
          : ""
    )
    .join("");
  return `<c:numCache><c:formatCode>${escapeXml(format ?? "General")}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function strCache(values: CachedValue[]): string {
  const pts = values
    .map((v, i) =>
      v === null || v === undefined || v === ""
        ? ""
        : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`
    )
    .join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

/** c:cat: numbers (or dates) as a numRef so they keep their format, anything else as a strRef. */
function categoriesXml(chart: ChartPart): string {
  const f = escapeXml(rangeFormula(chart.sheetName, chart.spec.categories));
  const values = chart.categories.values;
  const numeric =
    values.length > 0 &&
    values.every((v) => typeof v === "number" || v === null || v === undefined);
  if (numeric && values.some((v) => typeof v === "number")) {
    return `<c:cat><c:numRef><c:f>${f}</c:f>${numCache(values, chart.categories.format)}</c:numRef></c:cat>`;
  }
  return `<c:cat><c:strRef><c:f>${f}</c:f>${strCache(values)}</c:strRef></c:cat>`;
}

/** A bar series' values as labels: inside a stacked bar (black: 4.5:1 on every series colour), above a clustered one. */
function dataLabelsXml(format: string | undefined, inside: boolean): string {
  const colour = inside ? "000000" : CHART_TEXT;
  return (
    `<c:dLbls><c:numFmt formatCode="${escapeXml(dataLabelFormat(format))}" sourceLinked="0"/>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>` +
    `<c:dLblPos val="${inside ? "ctr" : "outEnd"}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    `<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

function seriesXml(chart: ChartPart, k: number, line: boolean, stacked: boolean): string {
  const s = chart.series[k];
  const spec = chart.spec.series[k];
  const colour = seriesColour(k);
  const f = escapeXml(rangeFormula(chart.sheetName, spec.values));
  const solid = `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;
  const pattern = seriesPattern(k);
  const fill = pattern
    ? `<a:pattFill prst="${pattern}"><a:fgClr><a:srgbClr val="${colour}"/></a:fgClr><a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>`
    : solid;
  const spPr = line
    ? `<c:spPr><a:ln w="28575" cap="rnd">${solid}<a:round/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="${seriesMarker(k)}"/><c:size val="7"/><c:spPr>${solid}<a:ln w="9525">${solid}</a:ln></c:spPr></c:marker>`
    : `<c:spPr>${fill}<a:ln w="12700">${solid}</a:ln></c:spPr><c:invertIfNegative val="0"/>` +
      dataLabelsXml(s.format, stacked);
  return (
    `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
    `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
    spPr +
    categoriesXml(chart) +
    `<c:val><c:numRef><c:f>${f}</c:f>${numCache(s.values, s.format)}</c:numRef></c:val>` +
    (line ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

const TEXT_GREY = CHART_TEXT;

function richTitle(title: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr rot="0" spcFirstLastPara="1" vertOverflow="ellipsis" wrap="square" anchor="ctr" anchorCtr="1"/><a:lstStyle/>` +
    `<a:p><a:pPr><a:defRPr sz="1200" b="1"><a:solidFill><a:srgbClr val="${TEXT_GREY}"/></a:solidFill></a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="1200" b="1"><a:solidFill><a:srgbClr val="${TEXT_GREY}"/></a:solidFill></a:rPr><a:t>${escapeXml(title)}</a:t></a:r></a:p>` +
    `</c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function axisText(): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:solidFill><a:srgbClr val="${TEXT_GREY}"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;
}

const AXIS_LINE = `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>`;

/** The chart part (c:chartSpace) for one chart. */
export function chartXml(chart: ChartPart, axisIds: [number, number] = [510001, 510002]): string {
  const { spec } = chart;
  const line = spec.type === "line";
  const horizontal = spec.type === "barClustered";
  const grouping =
    spec.type === "columnStacked"
      ? "stacked"
      : spec.type === "columnStacked100"
        ? "percentStacked"
        : line
          ? "standard"
          : "clustered";
  const [catId, valId] = axisIds;
  const series = chart.series
    .map((_, k) => seriesXml(chart, k, line, grouping !== "clustered" && !line))
    .join("");
  const axIds = `<c:axId val="${catId}"/><c:axId val="${valId}"/>`;
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>`
    : `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="${grouping === "clustered" ? 80 : 60}"/>` +
      (grouping === "clustered" ? "" : `<c:overlap val="100"/>`) +
      `${axIds}</c:barChart>`;
  const valueFormat =
    grouping === "percentStacked"
      ? "0%"
      : (chart.series.find((s) => s.format)?.format ?? "General");
  const catFormat = chart.categories.format ?? "General";
  const catAx =
    `<c:catAx><c:axId val="${catId}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="${escapeXml(catFormat)}" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${AXIS_LINE}${axisText()}` +
    `<c:crossAx val="${valId}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${valId}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="${grouping === "percentStacked" ? 0 : 1}"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${axisText()}` +
    `<c:crossAx val="${catId}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
    `<c:chart>${richTitle(spec.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${axisText()}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** One anchor of the drawing part: where the chart sits, and its names for the Selection pane and screen readers. */
export function anchorXml(spec: ChartSpec, id: number, relId: string): string {
  const a = spec.anchor;
  const rows = Math.max(1, a.rows);
  const columns = Math.max(1, a.columns);
  const marker = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">` +
    marker("from", a.column, a.row) +
    marker("to", a.column + columns, a.row + rows) +
    `<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(spec.title)}" title="${escapeXml(spec.title)}" descr="${escapeXml(spec.altText)}"/>` +
    `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

export function drawingXml(anchors: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">${anchors.join("")}</xdr:wsDr>`
  );
}

/**
 * Add charts to a sheet of the package: chart parts, one drawing part, their relationships, the
 * sheet's <drawing> element and the content types. The sheet must not have a drawing yet (the
 * product's sheets never hold pictures). Returns the new parts' paths.
 */
export async function addCharts(
  pkg: XlsxPackage,
  sheetPath: string,
  charts: ChartPart[]
): Promise<{ drawing: string; charts: string[] }> {
  let sheetXml = await pkg.text(sheetPath);
  if (sheetXml === null) throw new Error(`The sheet part ${sheetPath} is missing.`);
  if (findElement(sheetXml, "drawing")) {
    throw new Error(`The sheet part ${sheetPath} already has a drawing; charts cannot be added.`);
  }
  const drawingPath = pkg.freePath("xl/drawings/drawing{n}.xml");
  const chartPaths: string[] = [];
  const anchors: string[] = [];
  for (let i = 0; i < charts.length; i++) {
    const chartPath = pkg.freePath("xl/charts/chart{n}.xml");
    const base = 510000 + 10 * (i + 1);
    pkg.setText(chartPath, chartXml(charts[i], [base + 1, base + 2]));
    await pkg.setOverride(chartPath, CONTENT_TYPE.chart);
    chartPaths.push(chartPath);
  }
  // The drawing part and its rels (chart i is rId{i+1}).
  pkg.setText(drawingPath, drawingXml([]));
  for (let i = 0; i < charts.length; i++) {
    const relId = await pkg.addRel(drawingPath, REL.chart, chartPaths[i]);
    anchors.push(anchorXml(charts[i].spec, i + 2, relId));
  }
  pkg.setText(drawingPath, drawingXml(anchors));
  await pkg.setOverride(drawingPath, CONTENT_TYPE.drawing);
  const relId = await pkg.addRel(sheetPath, REL.drawing, drawingPath);
  sheetXml = ensureRelNamespace(sheetXml);
  pkg.setText(sheetPath, insertWorksheetChild(sheetXml, "drawing", `<drawing r:id="${relId}"/>`));
  return { drawing: drawingPath, charts: chartPaths };
}

/** Declare the r: prefix on the worksheet root when the writer did not. */
export function ensureRelNamespace(sheetXml: string): string {
  const root = /<worksheet\b[^>]*>/.exec(sheetXml);
  if (!root || /xmlns:r="/.test(root[0])) return sheetXml;
  const patched = root[0].replace(/^<worksheet\b/, `<worksheet xmlns:r="${R_NS}"`);
  return sheetXml.slice(0, root.index) + patched + sheetXml.slice(root.index + root[0].length);
}
