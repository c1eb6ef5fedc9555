/**
 * "Make a copy that works without the add-in": an .xlsx file's bytes in, the copy's bytes and a
 * report out. The user's bytes are only read. In the copy:
 *
 * - every cell formula with a WORKFORCE call (plain, shared, array and spilled formulas) is
 *   rewritten by core (src/core/portable/rewrite.ts): native arithmetic for the rate functions
 *   on numbers, the value core computes for the rest, and a note on the cell keeping the
 *   original formula;
 * - the same for defined names, conditional formats and data validations (which have no note:
 *   their originals go into a custom XML part that `restore` reads);
 * - the workbook recalculates on open (formulas written here carry no cached value) and its
 *   calculation chain goes (Excel rebuilds it; a chain naming a cell that is now a value makes
 *   Excel repair the file).
 *
 * Only the worksheet parts that change, the workbook part, the notes' parts, the content types
 * and relationships are rewritten; every other part keeps its bytes.
 */
import type { Argument } from "../../../core/portable/arguments";
import type { WorkforceId } from "../../../core/portable/forms";
import { noteText, typedForm } from "../../../core/portable/notes";
import type { FormulaRewrite, RewriteContext } from "../../../core/portable/rewrite";
import { hasWorkforceCall, rewriteFormula } from "../../../core/portable/rewrite";
import { parseCell, shiftFormula, tokenize } from "../../../core/portable/tokens";
import type { CallValue, CellValue } from "../../../core/portable/values";
import { callValueLiteral, displayValue } from "../../../core/portable/values";
import { otherAddinCall } from "../../../core/portable/forms";
import { XlsxPackage, WORKBOOK } from "../package";
import { AFTER_DEFINED_NAMES } from "../defined-names";
import {
  attributes,
  escapeXml,
  findElement,
  insertBefore,
  removeOverride,
  unescapeXml,
} from "../xml";
import type { Note } from "./note-parts";
import { addNotes } from "./note-parts";
import { writeRestorePart } from "./restore-part";
import type { RestoreRecord } from "./restore-part";
import type { CellXml } from "./sheet-cells";
import { cellValue, formulaCellXml, refOf, setCells, valueCellXml } from "./sheet-cells";
import type { WorkbookData } from "./workbook-data";
import { nameIsCell, readWorkbookData, workbookResolver } from "./workbook-data";

export type Became = "native" | "value" | "saved value" | "left";

export interface PortableEntry {
  /** "B7", "E1:F9" (a spill), a defined name, or "conditional format on A2:A40". */
  where: string;
  what: "cell" | "spill" | "name" | "conditional format" | "data validation";
  /** The original formula as typed ("=WORKFORCE.FTE(Staff[#All])*2"). */
  formula: string;
  became: Became;
  /** The native formula, or the value, now in its place. */
  now: string;
  /** Why a formula became its saved value, or was left. */
  reason?: string;
}

export interface PortableReport {
  /** Grouped by sheet (workbook-level names under "(workbook)"). */
  sheets: { sheet: string; entries: PortableEntry[] }[];
  totals: { native: number; value: number; savedValue: number; left: number };
  /** Other add-ins' functions, left as they are. */
  otherAddins: { sheet: string; where: string; functions: string[] }[];
}

export type CallWorkforce = (id: WorkforceId, args: Argument[]) => Promise<CallValue>;

export interface PortableResult {
  bytes: Uint8Array;
  report: PortableReport;
}

const MAIN_FORMULA_ELEMENTS = /<((?:\w+:)?)(formula|formula1|formula2|f)>([\s\S]*?)<\/\1\2>/g;

class ReportBuilder {
  private bySheet = new Map<string, PortableEntry[]>();
  readonly others: PortableReport["otherAddins"] = [];

  add(sheet: string, entry: PortableEntry) {
    const list = this.bySheet.get(sheet) ?? [];
    list.push(entry);
    this.bySheet.set(sheet, list);
  }

  other(sheet: string, where: string, functions: string[]) {
    if (functions.length > 0) this.others.push({ sheet, where, functions });
  }

  build(): PortableReport {
    const sheets = [...this.bySheet.entries()].map(([sheet, entries]) => ({ sheet, entries }));
    const all = sheets.flatMap((s) => s.entries);
    const count = (b: Became) => all.filter((e) => e.became === b).length;
    return {
      sheets,
      totals: {
        native: count("native"),
        value: count("value"),
        savedValue: count("saved value"),
        left: count("left"),
      },
      otherAddins: this.others,
    };
  }
}

function rewriteContext(
  data: WorkbookData,
  sheet: string,
  row: number,
  column: number,
  call: CallWorkforce
): RewriteContext {
  return {
    resolver: workbookResolver(data, sheet, row, column),
    nameIsCell: nameIsCell(data, sheet),
    call,
  };
}

function isEmptyCell(cell: CellXml | undefined): boolean {
  return !cell || (cell.formula === undefined && cell.v === undefined && cell.inline === undefined);
}

function describe(r: FormulaRewrite & { kind: "native" | "value" }): string {
  return r.formula === null ? displayValue(r.value ?? null) : `=${r.formula}`;
}

async function portableSheet(
  pkg: XlsxPackage,
  data: WorkbookData,
  index: number,
  call: CallWorkforce,
  report: ReportBuilder,
  restore: RestoreRecord[]
): Promise<boolean> {
  const sheet = data.sheets[index];
  const name = sheet.entry.name;
  const shared = data.shared;
  const byRef = new Map(sheet.cells.map((c) => [c.ref, c]));
  const masters = new Map<string, CellXml>();
  for (const c of sheet.cells)
    if (c.formula?.attrs.t === "shared" && c.formula.attrs.ref && c.formula.text)
      masters.set(c.formula.attrs.si, c);

  const changes = new Map<string, string>();
  const notes: Note[] = [];
  let becameValue = false;
  for (const cell of sheet.cells) {
    const f = cell.formula;
    if (!f) continue;
    let text = f.text;
    if (f.attrs.t === "shared" && !text) {
      const master = masters.get(f.attrs.si);
      if (!master) continue;
      text = shiftFormula(master.formula!.text, cell.row - master.row, cell.column - master.column);
    }
    if (!hasWorkforceCall(text)) {
      const others = tokenize(text)
        .filter(otherAddinCall)
        .map((t) => t.text);
      report.other(name, cell.ref, [...new Set(others)]);
      continue;
    }
    const r = await rewriteFormula(text, rewriteContext(data, name, cell.row, cell.column, call));
    report.other(name, cell.ref, r.otherAddins);
    const isArray = f.attrs.t === "array" && f.attrs.ref !== undefined;
    const dynamic = isArray && cell.attrs.cm !== undefined;
    const where = isArray && f.attrs.ref !== cell.ref ? f.attrs.ref : cell.ref;
    const entry: PortableEntry = {
      where,
      what: isArray && dynamic ? "spill" : "cell",
      formula: `=${typedForm(text)}`,
      became: "left",
      now: "",
    };
    const fAttrs: Record<string, string> = isArray ? { t: "array", ref: f.attrs.ref } : {};
    if (isArray && f.attrs.aca !== undefined) fAttrs.aca = f.attrs.aca;

    if (r.kind === "unresolved" || r.kind === "none") {
      // Core cannot compute it (an argument it cannot read): the value Excel saved stays.
      entry.became = "saved value";
      entry.reason = r.kind === "unresolved" ? r.reason : undefined;
      const saved = cellValue(cell, shared);
      entry.now = displayValue(saved);
      changes.set(cell.ref, valueCellXml(cell.ref, saved, cell.attrs));
      becameValue = true;
    } else if (r.formula === null) {
      entry.became = "value";
      entry.now = describe(r);
      becameValue = true;
      const value = r.value ?? null;
      if (Array.isArray(value)) {
        writeGrid(cell, value, isArray ? f.attrs.ref : cell.ref, byRef, changes);
      } else {
        changes.set(cell.ref, valueCellXml(cell.ref, value, cell.attrs));
      }
    } else {
      entry.became = r.kind;
      entry.now = describe(r);
      changes.set(cell.ref, formulaCellXml(cell.ref, r.formula, cell.attrs, fAttrs, dynamic));
    }
    report.add(name, entry);
    notes.push({
      ref: cell.ref,
      text: noteText({
        formula: text,
        array: isArray ? { ref: f.attrs.ref, dynamic } : undefined,
      }),
    });
  }
  let xml = setCells(sheet.xml, changes);

  // Conditional formats and data validations (also the Excel 2010 forms in <extLst>).
  const data0 = findElement(xml, "sheetData");
  const before = data0 ? xml.slice(0, data0.end) : "";
  let after = data0 ? xml.slice(data0.end) : xml;
  const replacements: { from: string; to: string }[] = [];
  for (const m of after.matchAll(MAIN_FORMULA_ELEMENTS)) {
    const text = unescapeXml(m[3]);
    if (!hasWorkforceCall(text)) continue;
    const head = after.slice(0, m.index);
    const isValidation =
      head.lastIndexOf("ataValidation") > head.lastIndexOf("onditionalFormatting");
    const sqrefs = [...head.matchAll(/sqref="([^"]*)"|<xm:sqref>([^<]*)/g)];
    const sqref =
      [...after.slice(m.index).matchAll(/<xm:sqref>([^<]*)/g)][0]?.[1] ??
      sqrefs[sqrefs.length - 1]?.[1] ??
      sqrefs[sqrefs.length - 1]?.[2] ??
      "A1";
    const first = parseCell(sqref.split(/[\s:]/)[0]) ?? { row: 1, column: 1 };
    const r = await rewriteFormula(text, rewriteContext(data, name, first.row, first.column, call));
    const what = isValidation ? "data validation" : "conditional format";
    const entry: PortableEntry = {
      where: `${what} on ${sqref}`,
      what,
      formula: `=${typedForm(text)}`,
      became: "left",
      now: `=${text}`,
    };
    if (r.kind === "native" || r.kind === "value") {
      const now = r.formula ?? callValueLiteral(r.value ?? null);
      entry.became = r.kind;
      entry.now = `=${now}`;
      replacements.push({ from: m[0], to: m[0].replace(m[3], () => escapeXml(now)) });
      restore.push({ kind: "rule", sheet: name, original: text, now });
    } else if (r.kind === "unresolved") {
      entry.reason = `${r.reason}: left as it is; it needs the add-in`;
    }
    report.add(name, entry);
  }
  for (const { from, to } of replacements) after = after.replace(from, () => to);
  xml = data0 ? before + after : after;

  if (xml !== sheet.xml) pkg.setText(sheet.entry.path, xml);
  await addNotes(pkg, sheet.entry.path, notes);
  return becameValue;
}

/**
 * A spilled (or array) result written as values from `anchor`: every cell of the formula's
 * range, and beyond it only into empty cells (never over the user's data).
 */
function writeGrid(
  anchor: CellXml,
  grid: CellValue[][],
  range: string,
  byRef: ReadonlyMap<string, CellXml>,
  changes: Map<string, string>
) {
  const [a, b] = range.split(":");
  const tl = parseCell(a)!;
  const br = parseCell(b ?? a)!;
  const rows = Math.max(grid.length, br.row - tl.row + 1);
  const cols = Math.max(grid[0]?.length ?? 0, br.column - tl.column + 1);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const ref = refOf(anchor.row + r, anchor.column + c);
      const inRange = anchor.row + r <= br.row && anchor.column + c <= br.column;
      const existing = byRef.get(ref);
      if (!inRange && !isEmptyCell(existing)) continue;
      const value = grid[r]?.[c] ?? null;
      const base = existing?.attrs ?? (r === 0 && c === 0 ? anchor.attrs : {});
      changes.set(ref, valueCellXml(ref, value, r === 0 && c === 0 ? anchor.attrs : base));
    }
  }
}

async function portableNames(
  data: WorkbookData,
  call: CallWorkforce,
  report: ReportBuilder,
  restore: RestoreRecord[]
): Promise<string> {
  let xml = data.workbookXml;
  const block = findElement(xml, "definedNames");
  if (!block) return xml;
  let text = block.text;
  const re = /<((?:\w+:)?)definedName\b([^>]*?)>([\s\S]*?)<\/\1definedName>/g;
  const edits: { from: string; to: string }[] = [];
  for (const m of text.matchAll(re)) {
    const formula = unescapeXml(m[3]);
    if (!hasWorkforceCall(formula)) continue;
    const a = attributes(`<definedName ${m[2]}>`);
    const scope =
      a.localSheetId !== undefined ? data.sheets[Number(a.localSheetId)]?.entry.name : undefined;
    const sheetName = scope ?? data.sheets[0]?.entry.name ?? "";
    const r = await rewriteFormula(formula, rewriteContext(data, sheetName, 1, 1, call));
    const entry: PortableEntry = {
      where: a.name,
      what: "name",
      formula: `=${typedForm(formula)}`,
      became: "left",
      now: `=${formula}`,
    };
    if (r.kind === "native" || r.kind === "value") {
      const now = r.formula ?? callValueLiteral(r.value ?? null);
      entry.became = r.kind;
      entry.now = `=${now}`;
      edits.push({ from: m[0], to: m[0].replace(m[3], () => escapeXml(now)) });
      restore.push({ kind: "name", name: a.name, scope, original: formula, now });
    } else if (r.kind === "unresolved") {
      entry.reason = `${r.reason}: left as it is; it needs the add-in`;
    }
    report.add(scope ?? "(workbook)", entry);
  }
  for (const { from, to } of edits) text = text.replace(from, () => to);
  xml = xml.slice(0, block.start) + text + xml.slice(block.end);
  return xml;
}

/** Ask Excel to recalculate every formula on open (the rewritten formulas have no cached value). */
export function withFullCalcOnLoad(workbookXml: string): string {
  const calc = findElement(workbookXml, "calcPr");
  if (calc) {
    if (/fullCalcOnLoad=/.test(calc.text))
      return workbookXml.replace(
        calc.text,
        calc.text.replace(/fullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"')
      );
    return workbookXml.replace(
      calc.text,
      calc.text.replace(/^<((?:\w+:)?)calcPr\b/, '<$1calcPr fullCalcOnLoad="1"')
    );
  }
  return insertBefore(
    workbookXml,
    '<calcPr fullCalcOnLoad="1"/>',
    // CT_Workbook's children that come after <calcPr>.
    AFTER_DEFINED_NAMES.slice(AFTER_DEFINED_NAMES.indexOf("calcPr") + 1),
    "workbook"
  );
}

/** Take the calculation chain out (Excel rebuilds it on open). */
async function dropCalcChain(pkg: XlsxPackage): Promise<void> {
  const rels = await pkg.rels(WORKBOOK);
  const chain = rels.find((r) => r.Type.endsWith("/calcChain"));
  if (!chain) return;
  const path = pkg.paths().find((p) => /^xl\/calcChain\.xml$/i.test(p)) ?? "xl/calcChain.xml";
  pkg.remove(path);
  pkg.setText("[Content_Types].xml", removeOverride(await pkg.contentTypes(), path));
  pkg.setRels(
    WORKBOOK,
    rels.filter((r) => r !== chain)
  );
}

/** Whether a workbook's bytes hold any WORKFORCE formula (cells, names, formats, validations). */
export async function holdsWorkforceFormulas(bytes: Uint8Array): Promise<boolean> {
  const pkg = await XlsxPackage.open(bytes);
  for (const path of pkg.paths().filter((p) => /^xl\/(worksheets\/[^/]+|workbook)\.xml$/.test(p))) {
    const xml = (await pkg.text(path)) ?? "";
    if (!/WORKFORCE[._]/i.test(xml)) continue;
    for (const m of xml.matchAll(
      /<((?:\w+:)?)(formula|formula1|formula2|f|definedName)\b[^>]*>([\s\S]*?)<\/\1\2>/g
    ))
      if (hasWorkforceCall(unescapeXml(m[3]))) return true;
  }
  return false;
}

export async function makePortable(
  bytes: Uint8Array,
  call: CallWorkforce
): Promise<PortableResult> {
  // A copy of the bytes: the caller's array is never written to.
  const pkg = await XlsxPackage.open(bytes.slice());
  const data = await readWorkbookData(pkg);
  const report = new ReportBuilder();
  const restore: RestoreRecord[] = [];
  let becameValue = false;
  for (let i = 0; i < data.sheets.length; i++)
    if (await portableSheet(pkg, data, i, call, report, restore)) becameValue = true;
  let workbookXml = await portableNames(data, call, report, restore);
  const built = report.build();
  const changed = built.sheets.some((s) => s.entries.some((e) => e.became !== "left"));
  if (changed) {
    workbookXml = withFullCalcOnLoad(workbookXml);
    pkg.setText(WORKBOOK, workbookXml);
    if (becameValue) await dropCalcChain(pkg);
    if (restore.length > 0) await writeRestorePart(pkg, restore);
  }
  return { bytes: await pkg.generate(), report: built };
}
