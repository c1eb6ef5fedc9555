/**
 * Workbook defined names, kept as the file wrote them. ExcelJS drops a name that is not a plain
 * cell range (a constant, a formula, a whole column), loses a name's sheet scope, and expands a
 * name over a large range into one entry per cell; so the adapter takes <definedNames> out before
 * ExcelJS reads the file and writes it back itself: the user's names unchanged (a sheet-scoped
 * name re-pointed at its sheet's new position), then the product's.
 */
import { rangeAddress } from "../../core/summary/plan";
import type { RangeSpec } from "../../core/summary/plan";
import { attributes, escapeXml, findElement, insertBefore, unescapeXml } from "./xml";

/** Defined names the product owns start with this (as in the Office.js adapter). */
export const OWNED_NAME_PREFIX = "WFS_";

export function isOwnedName(name: string): boolean {
  return name.toUpperCase().startsWith(OWNED_NAME_PREFIX);
}

/** A defined name as the original workbook had it. */
export interface OriginalName {
  name: string;
  /** The sheet a sheet-scoped name belongs to (by name), from its localSheetId. */
  localSheet?: string;
  /** Every other attribute (hidden, comment, function, …), written back unchanged. */
  attrs: Record<string, string>;
  /** The formula text, unescaped. */
  formula: string;
}

/** A product name: a range of one of the product's sheets, resolved to the sheet's name on save. */
export interface ProductName {
  name: string;
  sheet: string;
  range: RangeSpec;
  /** Scoped to its sheet (a print area, print titles) rather than the workbook. */
  local?: boolean;
  /** Whole rows ($1:$1), as print titles are written. */
  wholeRows?: boolean;
}

/** The names of a workbook part, with each localSheetId turned into its sheet's name. */
export function parseDefinedNames(workbookXml: string, sheetNames: string[]): OriginalName[] {
  const block = findElement(workbookXml, "definedNames");
  if (!block) return [];
  const names: OriginalName[] = [];
  const re = /<((?:\w+:)?)definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1definedName>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block.text))) {
    const { name, localSheetId, ...attrs } = attributes(`<definedName ${m[2]}>`);
    if (!name) continue;
    const localSheet = localSheetId !== undefined ? sheetNames[Number(localSheetId)] : undefined;
    // A scope pointing at no sheet is already broken: Excel would drop it too.
    if (localSheetId !== undefined && localSheet === undefined) continue;
    names.push({ name, localSheet, attrs, formula: unescapeXml(m[3] ?? "") });
  }
  return names;
}

/** "'Sheet name'" as a formula writes it (quotes always: valid for every name). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The sheet a reference like `'Scrutiny summary'!$B$5` or `Data!$A$1:$B$2` points at. */
export function sheetOfFormula(formula: string): string | undefined {
  const m = /^\s*=?\s*(?:'((?:[^']|'')+)'|([^'!\s(),"]+))!/.exec(formula);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/**
 * References to sheets that no longer exist become #REF!, as Excel makes them when a sheet is
 * deleted. Text in double quotes is left alone, and so is a sheet of another workbook
 * ([1]Sheet1!A1).
 */
export function refErrorsForMissingSheets(formula: string, present: ReadonlySet<string>): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!/g,
            (all: string, quoted: string | undefined, plain: string | undefined, at: number) => {
              if (at > 0 && /[\]\w.]/.test(part[at - 1])) return all;
              const name = quoted !== undefined ? quoted.replace(/''/g, "'") : (plain ?? "");
              if (name.startsWith("[")) return all;
              return present.has(name.toLowerCase()) ? all : "#REF!";
            }
          )
    )
    .join("");
}

/** CT_Workbook's children that come after <definedNames>. */
export const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/**
 * The workbook part with its <definedNames> replaced: the user's names (dropped when their
 * scope's sheet is gone), then the product's. `sheetOrder` is the saved workbook's sheets in order.
 */
export function withDefinedNames(
  workbookXml: string,
  sheetOrder: readonly string[],
  names: readonly OriginalName[],
  product: readonly ProductName[]
): string {
  const index = new Map(sheetOrder.map((name, i) => [name.toLowerCase(), i]));
  const present = new Set(sheetOrder.map((s) => s.toLowerCase()));
  const items: string[] = [];
  for (const n of names) {
    let scope = "";
    if (n.localSheet !== undefined) {
      const id = index.get(n.localSheet.toLowerCase());
      if (id === undefined) continue;
      scope = ` localSheetId="${id}"`;
    }
    const attrs = Object.entries(n.attrs)
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join("");
    const formula = refErrorsForMissingSheets(n.formula, present);
    items.push(
      `<definedName name="${escapeXml(n.name)}"${scope}${attrs}>${escapeXml(formula)}</definedName>`
    );
  }
  for (const n of product) {
    const where = n.wholeRows
      ? `$${n.range.row + 1}:$${n.range.row + n.range.rows}`
      : rangeAddress(n.range, true);
    const ref = `${quoteSheet(n.sheet)}!${where}`;
    const id = n.local ? index.get(n.sheet.toLowerCase()) : undefined;
    const scope = id === undefined ? "" : ` localSheetId="${id}"`;
    items.push(`<definedName name="${escapeXml(n.name)}"${scope}>${escapeXml(ref)}</definedName>`);
  }
  let xml = workbookXml;
  for (let el = findElement(xml, "definedNames"); el; el = findElement(xml, "definedNames")) {
    xml = xml.slice(0, el.start) + xml.slice(el.end);
  }
  if (items.length === 0) return xml;
  return insertBefore(
    xml,
    `<definedNames>${items.join("")}</definedNames>`,
    AFTER_DEFINED_NAMES,
    "workbook"
  );
}
