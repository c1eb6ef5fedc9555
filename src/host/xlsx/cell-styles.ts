/**
 * Cell formats for the sheets the adapter writes itself, appended to the styles part another
 * writer (ExcelJS) made: each distinct (plan style, number format, paragraph alignment) becomes
 * one <xf> in <cellXfs>, with its font, fill, border and number format added once. The user's
 * sheets keep the indices they had, since everything is appended.
 */
import type { CellStyle } from "../../core/summary/plan";
import { xlsxStyle } from "./styles";
import type { XlsxCellStyle } from "./styles";
import { escapeXml, findElement } from "./xml";

/** How one cell looks: the plan's style, its number format, and whether it heads a paragraph. */
export interface CellLook {
  style?: CellStyle;
  format?: string;
  /** A paragraph's first cell: wrapped and top-aligned. */
  paragraph?: boolean;
}

/** A collection element of the styles part (<fonts>, <fills>, …) to which entries are appended. */
class Collection {
  private readonly index = new Map<string, number>();
  readonly added: string[] = [];
  constructor(
    readonly local: string,
    readonly existing: number
  ) {}
  id(xml: string): number {
    let id = this.index.get(xml);
    if (id === undefined) {
      id = this.existing + this.added.length;
      this.index.set(xml, id);
      this.added.push(xml);
    }
    return id;
  }
}

function countChildren(stylesXml: string, local: string, child: string): number {
  const el = findElement(stylesXml, local);
  if (!el) return 0;
  return (el.text.match(new RegExp(`<(?:\\w+:)?${child}[\\s/>]`, "g")) ?? []).length;
}

const color = (argb: string | undefined) => (argb ? `<color rgb="${argb}"/>` : "");

function fontXml(font: NonNullable<XlsxCellStyle["font"]>): string {
  return (
    `<font>${font.bold ? "<b/>" : ""}${font.italic ? "<i/>" : ""}<sz val="${font.size}"/>` +
    `${color(font.color?.argb)}<name val="${escapeXml(font.name)}"/><family val="${font.family}"/></font>`
  );
}

function fillXml(fill: NonNullable<XlsxCellStyle["fill"]>): string {
  return `<fill><patternFill patternType="${fill.pattern}"><fgColor rgb="${fill.fgColor.argb}"/></patternFill></fill>`;
}

function borderXml(border: NonNullable<XlsxCellStyle["border"]>): string {
  const edge = (side: "left" | "right" | "top" | "bottom") => {
    const e = border[side];
    return e ? `<${side} style="${e.style}">${color(e.color?.argb)}</${side}>` : `<${side}/>`;
  };
  return `<border>${edge("left")}${edge("right")}${edge("top")}${edge("bottom")}<diagonal/></border>`;
}

/** The cell formats of one save: `index(look)` gives a cell's `s`; `stylesXml()` the completed part. */
export class CellStyles {
  private readonly xfs: Collection;
  private readonly fonts: Collection;
  private readonly fills: Collection;
  private readonly borders: Collection;
  private readonly numFmts = new Map<string, number>();
  private readonly looks = new Map<string, number>();
  private nextNumFmt: number;

  constructor(private readonly original: string) {
    this.xfs = new Collection("cellXfs", countChildren(original, "cellXfs", "xf"));
    this.fonts = new Collection("fonts", countChildren(original, "fonts", "font"));
    this.fills = new Collection("fills", countChildren(original, "fills", "fill"));
    this.borders = new Collection("borders", countChildren(original, "borders", "border"));
    const numFmts = findElement(original, "numFmts");
    const ids = [...(numFmts?.text ?? "").matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    this.nextNumFmt = Math.max(164, ...ids.map((id) => id + 1));
  }

  /** The cellXfs index of a look; 0 (the default format) for a cell with no style or format. */
  index(look: CellLook): number {
    if (!look.style && !look.format && !look.paragraph) return 0;
    const key = `${look.style ?? ""}\u0000${look.format ?? ""}\u0000${look.paragraph ? 1 : 0}`;
    let s = this.looks.get(key);
    if (s === undefined) {
      s = this.xfs.id(this.xfXml(look));
      this.looks.set(key, s);
    }
    return s;
  }

  private xfXml(look: CellLook): string {
    const style = look.style ? xlsxStyle(look.style) : {};
    const numFmtId = look.format && look.format !== "General" ? this.numFmtId(look.format) : 0;
    const fontId = style.font ? this.fonts.id(fontXml(style.font)) : 0;
    const fillId = style.fill ? this.fills.id(fillXml(style.fill)) : 0;
    const borderId = style.border ? this.borders.id(borderXml(style.border)) : 0;
    const alignment = {
      ...style.alignment,
      ...(look.paragraph ? { wrapText: true, vertical: "top" as const } : {}),
    };
    const align =
      alignment.wrapText || alignment.vertical
        ? `<alignment${alignment.vertical ? ` vertical="${alignment.vertical}"` : ""}${alignment.wrapText ? ` wrapText="1"` : ""}/>`
        : "";
    const applies =
      (numFmtId ? ` applyNumberFormat="1"` : "") +
      (fontId ? ` applyFont="1"` : "") +
      (fillId ? ` applyFill="1"` : "") +
      (borderId ? ` applyBorder="1"` : "") +
      (align ? ` applyAlignment="1"` : "");
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return align ? `${open}>${align}</xf>` : `${open}/>`;
  }

  private numFmtId(format: string): number {
    let id = this.numFmts.get(format);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmts.set(format, id);
    }
    return id;
  }

  /** The styles part with every format `index` handed out. */
  stylesXml(): string {
    let xml = this.original;
    if (this.numFmts.size > 0) {
      const items = [...this.numFmts]
        .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
        .join("");
      const el = findElement(xml, "numFmts");
      if (el)
        xml = appendTo(
          xml,
          "numFmts",
          items,
          this.numFmts.size + countChildren(xml, "numFmts", "numFmt")
        );
      else {
        const root = /<styleSheet\b[^>]*>/.exec(xml);
        if (!root) throw new Error("The styles part has no <styleSheet> element.");
        const at = root.index + root[0].length;
        xml = `${xml.slice(0, at)}<numFmts count="${this.numFmts.size}">${items}</numFmts>${xml.slice(at)}`;
      }
    }
    for (const c of [this.fonts, this.fills, this.borders, this.xfs]) {
      if (c.added.length > 0)
        xml = appendTo(xml, c.local, c.added.join(""), c.existing + c.added.length);
    }
    return xml;
  }
}

/** Append children to a collection element and set its count (an empty `<fonts/>` is opened up). */
function appendTo(xml: string, local: string, items: string, count: number): string {
  const el = findElement(xml, local);
  if (!el) throw new Error(`The styles part has no <${local}> element.`);
  const start = /^<[^>]*?\/?>/.exec(el.text)![0];
  const open = start
    .replace(/\/>$/, ">")
    .replace(/\scount="\d*"/, "")
    .replace(new RegExp(`^<((?:\\w+:)?${local})`), `<$1 count="${count}"`);
  const body = start.endsWith("/>") ? "" : el.text.slice(start.length, el.text.lastIndexOf("</"));
  const close = `</${el.prefix}${local}>`;
  return xml.slice(0, el.start) + open + body + items + close + xml.slice(el.end);
}
