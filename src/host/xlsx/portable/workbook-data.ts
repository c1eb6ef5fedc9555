/**
 * What the portable copy reads from a workbook to compute a WORKFORCE call the way Excel would:
 * every sheet's cell values (a formula's cached result), its Excel tables (for structured
 * references such as Staff[#All] or Staff[[#Headers],[#Data]]) and its defined names; and a
 * resolver that turns a reference written in a formula into the grid of values it covers.
 */
import type { Resolver } from "../../../core/portable/arguments";
import { columnNumber, parseCell, tokenize } from "../../../core/portable/tokens";
import type { CellValue } from "../../../core/portable/values";
import type { OriginalName } from "../defined-names";
import { parseDefinedNames } from "../defined-names";
import type { SheetEntry, XlsxPackage } from "../package";
import { WORKBOOK } from "../package";
import { attributes, findTags, REL, resolveTarget } from "../xml";
import type { CellXml } from "./sheet-cells";
import { cellValue, parseCells, parseSharedStrings } from "./sheet-cells";

export interface TableInfo {
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  headerRows: number;
  totalsRows: number;
  columns: string[];
}

export interface SheetData {
  entry: SheetEntry;
  xml: string;
  cells: CellXml[];
  /** By "row:column". */
  values: Map<string, CellValue>;
  maxRow: number;
  maxColumn: number;
}

export interface WorkbookData {
  sheets: SheetData[];
  tables: TableInfo[];
  names: OriginalName[];
  workbookXml: string;
  /** The shared strings table. */
  shared: string[];
}

export async function readWorkbookData(pkg: XlsxPackage): Promise<WorkbookData> {
  const entries = await pkg.sheets();
  const workbookXml = (await pkg.text(WORKBOOK)) ?? "";
  const rels = await pkg.rels(WORKBOOK);
  const sharedRel = rels.find((r) => r.Type.endsWith("/sharedStrings"));
  const shared = parseSharedStrings(
    sharedRel ? await pkg.text(resolveTarget(WORKBOOK, sharedRel.Target)) : null
  );
  const sheets: SheetData[] = [];
  const tables: TableInfo[] = [];
  for (const entry of entries) {
    if (!entry.path) continue;
    const xml = await pkg.text(entry.path);
    if (xml === null) continue;
    const cells = parseCells(xml);
    const values = new Map<string, CellValue>();
    let maxRow = 0;
    let maxColumn = 0;
    for (const cell of cells) {
      values.set(`${cell.row}:${cell.column}`, cellValue(cell, shared));
      maxRow = Math.max(maxRow, cell.row);
      maxColumn = Math.max(maxColumn, cell.column);
    }
    sheets.push({ entry, xml, cells, values, maxRow, maxColumn });
    for (const rel of await pkg.rels(entry.path)) {
      if (rel.Type !== REL.table) continue;
      const tableXml = await pkg.text(resolveTarget(entry.path, rel.Target));
      const root = tableXml ? findTags(tableXml, "table")[0] : undefined;
      if (!tableXml || !root) continue;
      const a = attributes(root.tag);
      const [from, to] = (a.ref ?? "").split(":");
      const tl = parseCell(from ?? "");
      const br = parseCell(to ?? from ?? "");
      if (!tl || !br) continue;
      tables.push({
        name: a.displayName ?? a.name ?? "",
        sheet: entry.name,
        top: tl.row,
        left: tl.column,
        bottom: br.row,
        right: br.column,
        headerRows: a.headerRowCount === "0" ? 0 : 1,
        totalsRows: Number(a.totalsRowCount ?? (a.totalsRowShown === "1" ? 0 : 0)) || 0,
        columns: findTags(tableXml, "tableColumn").map(({ tag }) => attributes(tag).name ?? ""),
      });
    }
  }
  return {
    sheets,
    tables,
    names: parseDefinedNames(
      workbookXml,
      entries.map((e) => e.name)
    ),
    workbookXml,
    shared,
  };
}

interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The sheet a prefix ("'My sheet'!", "Data!") names; undefined for another workbook's. */
function unquoteSheet(prefix: string): string | undefined {
  const p = prefix.slice(0, -1); // drop "!"
  if (p.startsWith("[")) return undefined;
  return p.startsWith("'") ? p.slice(1, -1).replace(/''/g, "'") : p;
}

/** A structured reference's rows and columns, or null when it names no table here. */
function structuredArea(body: string, tables: readonly TableInfo[], here: Area): Area | null {
  const open = body.indexOf("[");
  const tableName = open < 0 ? body : body.slice(0, open);
  const table = tableName
    ? tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase())
    : tables.find(
        (t) =>
          t.sheet === here.sheet &&
          here.top >= t.top &&
          here.top <= t.bottom &&
          here.left >= t.left &&
          here.left <= t.right
      );
  if (!table) return null;
  const spec = open < 0 ? "" : body.slice(open + 1, -1);
  // Items: [#All], [#Data], [#Headers], [#Totals], [Column], [Col1]:[Col2].
  const items = spec.startsWith("[")
    ? [...spec.matchAll(/\[((?:[^\]']|'.)*)\]|(:)/g)].map((m) => (m[2] ? ":" : m[1]))
    : spec
      ? [spec]
      : [];
  const specials = items.filter((i) => i.startsWith("#")).map((i) => i.toLowerCase());
  const columns = items.filter((i) => i !== ":" && !i.startsWith("#"));
  const dataTop = table.top + table.headerRows;
  const dataBottom = table.bottom - table.totalsRows;
  let top = dataTop;
  let bottom = dataBottom;
  if (specials.includes("#all")) {
    top = table.top;
    bottom = table.bottom;
  } else if (specials.length > 0) {
    const rows: number[] = [];
    if (specials.includes("#headers") && table.headerRows) rows.push(table.top);
    if (specials.includes("#data")) rows.push(dataTop, dataBottom);
    if (specials.includes("#totals") && table.totalsRows) rows.push(table.bottom);
    if (specials.includes("#this row") || body.includes("@")) return null;
    if (rows.length === 0) return null;
    top = Math.min(...rows);
    bottom = Math.max(...rows);
  }
  let left = table.left;
  let right = table.right;
  if (columns.length > 0) {
    const index = (name: string) =>
      table.columns.findIndex(
        (c) => c.toLowerCase() === name.replace(/'(.)/g, "$1").trim().toLowerCase()
      );
    const found = columns.map(index);
    if (found.some((i) => i < 0)) return null;
    left = table.left + Math.min(...found);
    right = table.left + Math.max(...found);
  }
  return { sheet: table.sheet, top, left, bottom, right };
}

/** A resolver for formulas written on `sheet` (at `row`, `column`, for a table's own references). */
export function workbookResolver(
  data: WorkbookData,
  sheet: string,
  row = 1,
  column = 1,
  depth = 0
): Resolver & { area(text: string): Area | null } {
  const bySheet = new Map(data.sheets.map((s) => [s.entry.name.toLowerCase(), s]));
  const here: Area = { sheet, top: row, left: column, bottom: row, right: column };

  const area = (text: string): Area | null => {
    const tokens = tokenize(text).filter((t) => t.kind !== "space");
    if (tokens.length === 1 && tokens[0].kind === "word") {
      const t = tokens[0];
      const body = t.body ?? "";
      const target = t.prefix ? unquoteSheet(t.prefix) : sheet;
      if (target === undefined) return null;
      if (body.includes("[")) return structuredArea(body, data.tables, here);
      const cell = parseCell(body);
      if (cell)
        return {
          sheet: target,
          top: cell.row,
          left: cell.column,
          bottom: cell.row,
          right: cell.column,
        };
      // A defined name: sheet-scoped first, then the workbook's.
      const name =
        data.names.find(
          (n) => n.name.toLowerCase() === body.toLowerCase() && n.localSheet === sheet
        ) ?? data.names.find((n) => n.name.toLowerCase() === body.toLowerCase() && !n.localSheet);
      if (!name || depth > 5) return null;
      return workbookResolver(data, name.localSheet ?? sheet, 1, 1, depth + 1).area(name.formula);
    }
    if (tokens.length === 3 && tokens[1].text === ":" && tokens[0].kind !== "op") {
      const [a, , b] = tokens;
      const target = a.prefix ? unquoteSheet(a.prefix) : sheet;
      if (target === undefined) return null;
      const s = bySheet.get(target.toLowerCase());
      const ends = [a, b].map((t) => {
        const body = t.kind === "word" ? (t.body ?? "") : t.text;
        const cell = parseCell(body);
        if (cell) return cell;
        const col = /^\$?([A-Za-z]{1,3})$/.exec(body);
        if (col) return { row: 0, column: columnNumber(col[1]) };
        const r = /^\$?(\d+)$/.exec(body);
        if (r) return { row: Number(r[1]), column: 0 };
        return null;
      });
      if (!ends[0] || !ends[1]) return null;
      const [p, q] = ends as { row: number; column: number }[];
      const maxRow = s?.maxRow ?? 1;
      const maxColumn = s?.maxColumn ?? 1;
      return {
        sheet: target,
        top: Math.min(p.row || 1, q.row || 1),
        bottom: Math.max(p.row || maxRow, q.row || maxRow),
        left: Math.min(p.column || 1, q.column || 1),
        right: Math.max(p.column || maxColumn, q.column || maxColumn),
      };
    }
    return null;
  };

  return {
    area,
    reference(text: string): CellValue[][] | null {
      const a = area(text);
      if (!a) return null;
      const s = bySheet.get(a.sheet.toLowerCase());
      if (!s) return null;
      const grid: CellValue[][] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const rowValues: CellValue[] = [];
        for (let c = a.left; c <= a.right; c++) rowValues.push(s.values.get(`${r}:${c}`) ?? null);
        grid.push(rowValues);
      }
      return grid;
    },
  };
}

/** Whether a defined name refers to exactly one cell. */
export function nameIsCell(data: WorkbookData, sheet: string): (name: string) => boolean {
  const resolver = workbookResolver(data, sheet);
  return (name) => {
    const a = resolver.area(name);
    return a !== null && a.top === a.bottom && a.left === a.right;
  };
}
