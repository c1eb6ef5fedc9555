/**
 * Worksheet content this adapter writes into a sheet part itself, after ExcelJS: data
 * validations (the plan's lists, or a user's sheet's original element), the sheet's custom
 * properties (the owner marker among them) and the element order ExcelJS gets wrong.
 */
import { rangeAddress } from "../../core/summary/plan";
import type { ValidationSpec } from "../../core/summary/plan";
import type { XlsxPackage } from "./package";
import {
  attr,
  attributes,
  CONTENT_TYPE,
  escapeXml,
  findElement,
  findTags,
  insertWorksheetChild,
  REL,
  removeElement,
  resolveTarget,
} from "./xml";

/** Excel's limit on the text of an in-cell list (the validation's formula). */
export const MAX_LIST_FORMULA = 255;

/** A worksheet custom property (Office.js `worksheet.customProperties`): a name and its value's bytes. */
export interface CustomProperty {
  name: string;
  bytes: Uint8Array;
}

/** The in-cell list as a validation formula: "Yes,No" (an item cannot hold a comma). */
export function listFormula(list: readonly string[]): string {
  for (const item of list) {
    if (item.includes(",")) {
      throw new Error(
        `The drop-down item "${item}" has a comma, which an in-cell list cannot hold.`
      );
    }
  }
  const formula = `"${list.map((item) => item.replace(/"/g, '""')).join(",")}"`;
  if (formula.length > MAX_LIST_FORMULA) {
    throw new Error(
      `The drop-down list "${list.join(", ").slice(0, 60)}…" is longer than Excel's ${MAX_LIST_FORMULA} characters.`
    );
  }
  return formula;
}

/** The plan's validations as a <dataValidations> element, or null when there are none. */
export function validationsXml(validations: readonly ValidationSpec[]): string | null {
  if (validations.length === 0) return null;
  const items = validations.map((v) => {
    const prompt = v.prompt
      ? ` showInputMessage="1" prompt="${escapeXml(v.prompt.slice(0, 255))}"`
      : "";
    return `<dataValidation type="list" allowBlank="1" showErrorMessage="1"${prompt} sqref="${rangeAddress(v.range)}"><formula1>${escapeXml(listFormula(v.list))}</formula1></dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

/** Replace a sheet's <dataValidations> with this element. */
export function withValidations(sheetXml: string, element: string): string {
  return insertWorksheetChild(
    removeElement(sheetXml, "dataValidations"),
    "dataValidations",
    element
  );
}

/** ExcelJS writes <legacyDrawing> (cell notes) after <tableParts> and <extLst>: move it to its place. */
export function fixLegacyDrawingOrder(sheetXml: string): string {
  const legacy = findElement(sheetXml, "legacyDrawing");
  if (!legacy) return sheetXml;
  const without = sheetXml.slice(0, legacy.start) + sheetXml.slice(legacy.end);
  return insertWorksheetChild(without, "legacyDrawing", legacy.text);
}

/** A sheet part's custom properties, with their values' bytes. */
export async function readCustomProperties(
  pkg: XlsxPackage,
  sheetPath: string,
  sheetXml: string
): Promise<CustomProperty[]> {
  const block = findElement(sheetXml, "customProperties");
  if (!block) return [];
  const rels = await pkg.rels(sheetPath);
  const props: CustomProperty[] = [];
  for (const { tag } of findTags(block.text, "customPr")) {
    const a = attributes(tag);
    const rel = rels.find((r) => r.Id === attr(a, "id"));
    const bytes = rel ? await pkg.bytes(resolveTarget(sheetPath, rel.Target)) : null;
    if (a.name && bytes) props.push({ name: a.name, bytes });
  }
  return props;
}

/**
 * Write a sheet's custom properties as Excel does: a <customPr> per property in the sheet, its
 * value in its own part xl/customPropertyN.bin (content type …spreadsheetml.customProperty).
 */
export async function writeCustomProperties(
  pkg: XlsxPackage,
  sheetPath: string,
  props: readonly CustomProperty[]
): Promise<void> {
  if (props.length === 0) return;
  const items: string[] = [];
  for (const prop of props) {
    const path = pkg.freePath("xl/customProperty{n}.bin");
    pkg.setBytes(path, prop.bytes);
    await pkg.setOverride(path, CONTENT_TYPE.customProperty);
    const relId = await pkg.addRel(sheetPath, REL.customProperty, path);
    items.push(`<customPr name="${escapeXml(prop.name)}" r:id="${relId}"/>`);
  }
  const xml = removeElement((await pkg.text(sheetPath)) ?? "", "customProperties");
  pkg.setText(
    sheetPath,
    insertWorksheetChild(
      xml,
      "customProperties",
      `<customProperties>${items.join("")}</customProperties>`
    )
  );
}
