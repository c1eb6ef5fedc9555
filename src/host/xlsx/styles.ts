/**
 * The plan's cell styles as ExcelJS styles: the same colours as the Office.js adapter's
 * (`STYLE_COLOURS` in sheet-helpers, shared). Contrast: black on #D9E1F2 is about
 * 15:1, black on #FFF2CC about 18:1, #404040 on white 10:1, #595959 on white 7:1.
 */
import type { CellStyle } from "../../core/summary/plan";

import { STYLE_COLOURS } from "../sheet-helpers";

/** ExcelJS's ARGB form of "#RRGGBB". */
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

export interface XlsxCellStyle {
  font?: {
    name: string;
    family: number;
    size: number;
    bold?: boolean;
    italic?: boolean;
    color?: { argb: string };
  };
  fill?: { type: "pattern"; pattern: "solid"; fgColor: { argb: string } };
  border?: Partial<
    Record<"top" | "left" | "bottom" | "right", { style: "thin"; color?: { argb: string } }>
  >;
  alignment?: { wrapText?: boolean; vertical?: "top" };
}

/**
 * The workbook's default font (ExcelJS's Calibri 11): every styled font says its name and size,
 * since a font element without them shows in some viewers at a default that is not the sheet's.
 */
const font = (
  extra: Omit<NonNullable<XlsxCellStyle["font"]>, "name" | "family" | "size"> & {
    size?: number;
  }
): NonNullable<XlsxCellStyle["font"]> => ({ name: "Calibri", family: 2, size: 11, ...extra });

export function xlsxStyle(style: CellStyle): XlsxCellStyle {
  switch (style) {
    case "title":
      return { font: font({ bold: true, size: 14 }) };
    case "subtitle":
      return { font: font({ bold: true, size: 12 }) };
    case "header":
      // Headers wrap within their (narrow) columns; the plan sets the row's height.
      return {
        font: font({ bold: true, color: { argb: argb(STYLE_COLOURS.text) } }),
        fill: {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: argb(STYLE_COLOURS.headerFill) },
        },
        alignment: { wrapText: true },
      };
    case "input": {
      const edge = {
        style: "thin" as const,
        color: { argb: argb(STYLE_COLOURS.inputBorder) },
      };
      return {
        font: font({ color: { argb: argb(STYLE_COLOURS.text) } }),
        fill: {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: argb(STYLE_COLOURS.inputFill) },
        },
        border: { top: edge, left: edge, bottom: edge, right: edge },
      };
    }
    case "note":
      return { font: font({ italic: true, color: { argb: argb(STYLE_COLOURS.note) } }) };
    case "total":
      return { font: font({ bold: true }), border: { top: { style: "thin" } } };
    case "keypoint":
      return { alignment: { wrapText: true, vertical: "top" } };
    case "provenance":
      return { font: font({ italic: true, color: { argb: argb(STYLE_COLOURS.provenance) } }) };
    case "label":
      return {};
  }
}

/**
 * Excel's stored column width for a width in characters, so a column is as wide as the Office.js
 * adapter makes it ((characters × 7 + 5) px at Calibri 11, stored in 1/256ths of a character).
 */
export function storedColumnWidth(characters: number): number {
  return Math.round(((Math.max(0, characters) * 7 + 5) / 7) * 256) / 256;
}
