/**
 * The cells of a worksheet part, read and edited at the string level so that everything the
 * portable copy does not change stays byte for byte as the user's file had it: each <c> element
 * with its position, its formula (<f> with attributes) and its value (<v>, inline string), and
 * replacing or adding cells row by row.
 */
import { columnLetters, parseCell } from "../../../core/portable/tokens";
import type { CellValue } from "../../../core/portable/values";
import { attributes, escapeXml, findElement, unescapeXml } from "../xml";

export interface CellXml {
  ref: string;
  row: number;
  column: number;
  /** Position of the whole <c> element in the part. */
  start: number;
  end: number;
  text: string;
  attrs: Record<string, string>;
  formula?: { text: string; attrs: Record<string, string> };
  /** The raw <v> text, unescaped. */
  v?: string;
  /** The text of an inline string (<is>). */
  inline?: string;
}

const CELL_RE = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function allText(xml: string): string {
  // Rich text runs and plain <t>, without phonetic runs.
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += unescapeXml(m[1] ?? "");
  return out;
}

export function parseSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(allText(m[1] ?? ""));
  return out;
}

/** Every cell of the part's <sheetData>, in document order. */
export function parseCells(xml: string): CellXml[] {
  const data = findElement(xml, "sheetData");
  if (!data) return [];
  const out: CellXml[] = [];
  CELL_RE.lastIndex = 0;
  const body = data.text;
  let m: RegExpExecArray | null;
  while ((m = CELL_RE.exec(body))) {
    const attrs = attributes(`<c ${m[1]}>`);
    const where = parseCell(attrs.r ?? "");
    if (!where) continue;
    const inner = m[2] ?? "";
    const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
    const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner);
    const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner);
    out.push({
      ref: attrs.r,
      row: where.row,
      column: where.column,
      start: data.start + m.index,
      end: data.start + m.index + m[0].length,
      text: m[0],
      attrs,
      formula: f ? { text: unescapeXml(f[2] ?? ""), attrs: attributes(`<f ${f[1]}>`) } : undefined,
      v: v ? unescapeXml(v[1]) : undefined,
      inline: is ? allText(is[1]) : undefined,
    });
  }
  return out;
}

/** The value a cell shows (a formula's cached result), as the functions would receive it. */
export function cellValue(cell: CellXml, shared: readonly string[]): CellValue {
  const t = cell.attrs.t ?? "n";
  if (t === "inlineStr") return cell.inline ?? "";
  if (cell.v === undefined) return null;
  switch (t) {
    case "s":
      return shared[Number(cell.v)] ?? "";
    case "str":
      return cell.v;
    case "b":
      return cell.v === "1" || cell.v.toLowerCase() === "true";
    case "e":
      return { error: cell.v };
    default: {
      const n = Number(cell.v);
      return cell.v.trim() === "" || !Number.isFinite(n) ? cell.v : n;
    }
  }
}

/** A cell's attributes as written back: `t` and `cm` dropped (they describe the old content). */
function keptAttrs(attrs: Record<string, string>, drop: readonly string[]): string {
  return Object.entries(attrs)
    .filter(([k]) => !drop.includes(k))
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
}

/** A cell holding a value (no formula), keeping the style and other attributes of `base`. */
export function valueCellXml(ref: string, value: CellValue, base?: Record<string, string>): string {
  const attrs = keptAttrs({ ...(base ?? {}), r: ref }, ["t", "cm", "vm"]);
  if (value === null) return `<c${attrs}/>`;
  if (typeof value === "number") return `<c${attrs}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c${attrs} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "object") return `<c${attrs} t="e"><v>${escapeXml(value.error)}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return `<c${attrs} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

/**
 * A cell holding a formula with no cached value (the workbook is set to recalculate on open),
 * with the formula's own attributes (an array formula keeps t="array" and its ref).
 */
export function formulaCellXml(
  ref: string,
  formula: string,
  base: Record<string, string>,
  fAttrs: Record<string, string> = {},
  keepCm = false
): string {
  const attrs = keptAttrs({ ...base, r: ref }, keepCm ? ["t"] : ["t", "cm"]);
  const f = Object.entries(fAttrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  return `<c${attrs}><f${f}>${escapeXml(formula)}</f></c>`;
}

export function refOf(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/**
 * The part with cells replaced or added: `changes` maps a cell reference to its new <c> element.
 * Existing cells are replaced where they stand; new ones go into their row in column order (and
 * a new row into <sheetData> in row order).
 */
export function setCells(xml: string, changes: ReadonlyMap<string, string>): string {
  if (changes.size === 0) return xml;
  const data = findElement(xml, "sheetData");
  if (!data) return xml;
  const pending = new Map<number, Map<number, string>>();
  for (const [ref, cell] of changes) {
    const where = parseCell(ref)!;
    const row = pending.get(where.row) ?? new Map<number, string>();
    row.set(where.column, cell);
    pending.set(where.row, row);
  }
  const open = /^<((?:\w+:)?)sheetData\b[^>]*?(\/?)>/.exec(data.text)!;
  let body = open[2] === "/" ? "" : data.text.slice(open[0].length, data.text.lastIndexOf("</"));
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  let out = "";
  let last = 0;
  let m: RegExpExecArray | null;
  const insertRowsBefore = (limit: number) => {
    for (const r of [...pending.keys()].sort((a, b) => a - b)) {
      if (r >= limit) break;
      out += `<row r="${r}">${[...pending.get(r)!.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([, c]) => c)
        .join("")}</row>`;
      pending.delete(r);
    }
  };
  while ((m = rowRe.exec(body))) {
    const rowNumber = Number(attributes(`<row ${m[1]}>`).r);
    out += body.slice(last, m.index);
    last = m.index + m[0].length;
    insertRowsBefore(rowNumber);
    const edits = pending.get(rowNumber);
    if (!edits) {
      out += m[0];
      continue;
    }
    pending.delete(rowNumber);
    let cells = m[2] ?? "";
    let rebuilt = "";
    let at = 0;
    CELL_RE.lastIndex = 0;
    let c: RegExpExecArray | null;
    const remaining = new Map(edits);
    while ((c = CELL_RE.exec(cells))) {
      const where = parseCell(attributes(`<c ${c[1]}>`).r ?? "");
      rebuilt += cells.slice(at, c.index);
      at = c.index + c[0].length;
      if (where) {
        for (const col of [...remaining.keys()].sort((a, b) => a - b)) {
          if (col >= where.column) break;
          rebuilt += remaining.get(col);
          remaining.delete(col);
        }
        const replacement = remaining.get(where.column);
        if (replacement !== undefined) {
          rebuilt += replacement;
          remaining.delete(where.column);
          continue;
        }
      }
      rebuilt += c[0];
    }
    rebuilt += cells.slice(at);
    for (const col of [...remaining.keys()].sort((a, b) => a - b)) rebuilt += remaining.get(col);
    cells = rebuilt;
    // A row with spans="…" would be wrong with new cells outside them: spans are optional.
    const rowAttrs = m[1].replace(/\sspans="[^"]*"/, "");
    out += `<row${rowAttrs}>${cells}</row>`;
  }
  out += body.slice(last);
  insertRowsBefore(Infinity);
  body = out;
  const prefix = open[1];
  const startTag = open[0].replace(/\/>$/, ">");
  const element = `${startTag}${body}</${prefix}sheetData>`;
  return xml.slice(0, data.start) + element + xml.slice(data.end);
}
