/**
 * The file a workbook was opened from: what the adapter reads from its package before ExcelJS
 * does (and takes out of the copy ExcelJS reads), and what it carries from it into the saved
 * package afterwards, because ExcelJS would lose or break it:
 *
 * - defined names (`defined-names.ts`) and each sheet's <dataValidations>: ExcelJS expands every
 *   validated range into one entry per cell (a list on a whole column is a million entries);
 * - each sheet's custom properties (the owner marker; other add-ins' too): ExcelJS drops them;
 * - tables' header rows and filter buttons: ExcelJS reads a table without `headerRowCount` (how
 *   Excel writes a table with a header) as headerless and would save it so, and reads filter
 *   buttons by position instead of column;
 * - each sheet's drawing (charts, shapes, pictures): ExcelJS keeps only pictures;
 * - custom document properties (docProps/custom.xml, where sensitivity labels live), custom XML
 *   parts and the add-in's web extension parts: ExcelJS drops them.
 */
import type { OriginalName } from "./defined-names";
import { parseDefinedNames } from "./defined-names";
import { WORKBOOK, XlsxPackage } from "./package";
import { isSettingsPart } from "./settings";
import type { CustomProperty } from "./worksheet-parts";
import { readCustomProperties } from "./worksheet-parts";
import {
  attr,
  attributes,
  findElement,
  findTags,
  insertWorksheetChild,
  REL,
  relsPath,
  removeElement,
  removeOverride,
  resolveTarget,
} from "./xml";

/** The package-level (root) relationships whose parts are carried over. */
const ROOT_PASSTHROUGH = new Set<string>([REL.customProperties, REL.webExtensionTaskPanes]);

export interface OriginalSheet {
  path: string;
  customProperties: CustomProperty[];
  /** The sheet's <dataValidations> element as written (namespace prefix removed). */
  validationsXml?: string;
}

export interface TableFix {
  headerRow: boolean;
  /** Columns (0-based) whose filter button is hidden. */
  hiddenButtons: Set<number>;
  hasAutoFilter: boolean;
}

export interface Original {
  pkg: XlsxPackage;
  names: OriginalName[];
  /** By sheet name. */
  sheets: Map<string, OriginalSheet>;
  /** By table name, lower case. */
  tables: Map<string, TableFix>;
  /** The bytes ExcelJS reads: the file without its defined names and validations. */
  forExcelJs: Uint8Array;
  unsupported: string[];
}

/** Strip a namespace prefix from an element taken from a part that used one (`<x:foo>` → `<foo>`). */
function unprefix(element: string, prefix: string): string {
  if (!prefix) return element;
  const p = prefix.replace(/:$/, "");
  return element.replace(new RegExp(`<(/?)${p}:`, "g"), "<$1");
}

export async function readOriginal(bytes: Uint8Array): Promise<Original> {
  let pkg: XlsxPackage;
  try {
    pkg = await XlsxPackage.open(bytes);
  } catch {
    throw new Error("The file is not an Excel workbook (.xlsx) that can be read.");
  }
  if (!pkg.has(WORKBOOK)) {
    throw new Error("The file is not an Excel workbook (.xlsx): it has no workbook part.");
  }
  const entries = await pkg.sheets();
  const workbookXml = (await pkg.text(WORKBOOK)) ?? "";
  const names = parseDefinedNames(
    workbookXml,
    entries.map((s) => s.name)
  );

  const sheets = new Map<string, OriginalSheet>();
  const stripped = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.path) continue;
    const xml = await pkg.text(entry.path);
    if (xml === null) continue;
    const validations = findElement(xml, "dataValidations");
    sheets.set(entry.name, {
      path: entry.path,
      customProperties: await readCustomProperties(pkg, entry.path, xml),
      validationsXml: validations ? unprefix(validations.text, validations.prefix) : undefined,
    });
    if (validations) stripped.set(entry.path, removeElement(xml, "dataValidations"));
  }

  const tables = new Map<string, TableFix>();
  for (const path of pkg.paths().filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const xml = await pkg.text(path);
    const root = xml ? findTags(xml, "table")[0] : undefined;
    if (!xml || !root) continue;
    const a = attributes(root.tag);
    const hidden = new Set<number>();
    const autoFilter = findElement(xml, "autoFilter");
    if (autoFilter) {
      for (const { tag } of findTags(autoFilter.text, "filterColumn")) {
        const f = attributes(tag);
        if (f.hiddenButton === "1" || f.hiddenButton === "true") hidden.add(Number(f.colId));
      }
    }
    tables.set((a.name ?? "").toLowerCase(), {
      headerRow: a.headerRowCount !== "0",
      hiddenButtons: hidden,
      hasAutoFilter: autoFilter !== null,
    });
  }

  let forExcelJs = bytes;
  const hasNames = findElement(workbookXml, "definedNames") !== null;
  if (hasNames || stripped.size > 0) {
    const copy = await XlsxPackage.open(bytes);
    if (hasNames) copy.setText(WORKBOOK, removeElement(workbookXml, "definedNames"));
    for (const [path, xml] of stripped) copy.setText(path, xml);
    forExcelJs = await copy.generate();
  }

  return { pkg, names, sheets, tables, forExcelJs, unsupported: await unsupportedContent(pkg) };
}

/**
 * Put a sheet's original drawing back (charts, shapes and pictures), replacing the drawing
 * ExcelJS wrote (which has only the pictures, also in the original).
 */
export async function carryDrawing(
  pkg: XlsxPackage,
  source: XlsxPackage,
  sheetPath: string,
  sourcePath: string
): Promise<void> {
  const sourceXml = await source.text(sourcePath);
  const drawing = sourceXml ? findElement(sourceXml, "drawing") : null;
  if (!sourceXml || !drawing) return;
  const sourceRel = (await source.rels(sourcePath)).find(
    (r) => r.Id === attr(attributes(drawing.text), "id")
  );
  if (!sourceRel || sourceRel.TargetMode === "External") return;
  let xml = (await pkg.text(sheetPath)) ?? "";
  const written = findElement(xml, "drawing");
  if (written) {
    const relId = attr(attributes(written.text), "id");
    const rels = await pkg.rels(sheetPath);
    const rel = rels.find((r) => r.Id === relId);
    if (rel) {
      const part = resolveTarget(sheetPath, rel.Target);
      pkg.remove(part);
      pkg.remove(relsPath(part));
      pkg.setText("[Content_Types].xml", removeOverride(await pkg.contentTypes(), part));
      pkg.setRels(
        sheetPath,
        rels.filter((r) => r.Id !== relId)
      );
    }
    xml = xml.slice(0, written.start) + xml.slice(written.end);
  }
  const target = await pkg.graft(source, resolveTarget(sourcePath, sourceRel.Target));
  const relId = await pkg.addRel(sheetPath, REL.drawing, target);
  pkg.setText(sheetPath, insertWorksheetChild(xml, "drawing", `<drawing r:id="${relId}"/>`));
}

/** Custom document properties, custom XML parts (not the settings part) and web extension parts. */
export async function carryPackageParts(pkg: XlsxPackage, source: XlsxPackage): Promise<void> {
  const copied = new Map<string, string>();
  const rootRels = await pkg.rels("");
  for (const rel of await source.rels("")) {
    if (!ROOT_PASSTHROUGH.has(rel.Type) || rootRels.some((r) => r.Type === rel.Type)) continue;
    const target = await pkg.graft(source, resolveTarget("", rel.Target), copied);
    await pkg.addRel("", rel.Type, target);
  }
  for (const rel of await source.rels(WORKBOOK)) {
    if (rel.Type !== REL.customXml) continue;
    const part = resolveTarget(WORKBOOK, rel.Target);
    const text = await source.text(part);
    if (text === null || isSettingsPart(text)) continue;
    const target = await pkg.graft(source, part, copied);
    await pkg.addRel(WORKBOOK, REL.customXml, target);
  }
}

/** Kinds of content in the original package that ExcelJS cannot keep. */
async function unsupportedContent(pkg: XlsxPackage): Promise<string[]> {
  const paths = pkg.paths();
  const found: string[] = [];
  const check = (re: RegExp, what: string) => {
    if (paths.some((p) => re.test(p))) found.push(what);
  };
  check(/^xl\/pivotTables\//, "pivot tables");
  check(/^xl\/(slicers|slicerCaches)\//, "slicers");
  check(/^xl\/(timelines|timelineCaches)\//, "timelines");
  check(/^xl\/externalLinks\//, "links to other workbooks");
  check(/^xl\/vbaProject\.bin$/, "macros");
  check(/^xl\/threadedComments\//, "threaded comments (they become notes)");
  check(/^xl\/ctrlProps\//, "form controls");
  check(/^xl\/(queryTables\/|connections\.xml$)/, "data connections and queries");
  check(/^xl\/model\//, "the data model");
  check(/^xl\/metadata\.xml$/, "dynamic array formulas (they become legacy array formulas)");
  for (const sheet of await pkg.sheets()) {
    const xml = sheet.path ? await pkg.text(sheet.path) : null;
    if (xml && /x14:sparklineGroups|x14:dataValidations/.test(xml)) {
      found.push("sparklines and drop-down lists from other sheets (Excel 2010 extensions)");
      break;
    }
  }
  return found;
}
