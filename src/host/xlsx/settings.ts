/**
 * The document settings of an .xlsx file: JSON in a custom XML part
 *
 *   customXml/itemN.xml       <settings xmlns="urn:workforce-scrutiny:settings" format="json">{…}</settings>
 *   customXml/itemPropsN.xml  its data-store properties (an item id and the namespace)
 *
 * related from the workbook part. Excel keeps custom XML parts when it saves, they have no size
 * limit (a custom document property's text is limited to 255 characters in Office), they are
 * invisible in the sheets, and Office.js can read them (`workbook.customXmlParts`, ExcelApi 1.5).
 * A workbook saved by Excel with the add-in has its settings in the add-in's web extension part
 * instead (Office.context.document.settings): they are read from there when there is no custom
 * XML part yet.
 */
import type { XlsxPackage } from "./package";
import { WORKBOOK } from "./package";
import {
  attributes,
  CONTENT_TYPE,
  escapeXml,
  findElement,
  findTags,
  innerText,
  REL,
  resolveTarget,
  unescapeXml,
} from "./xml";

export const SETTINGS_NAMESPACE = "urn:workforce-scrutiny:settings";
/** The key the Office.js adapter keeps its settings under (Office.context.document.settings). */
const OFFICE_SETTINGS_KEY = "WorkforceScrutiny";
/** The data-store item id of the settings part (any GUID; one settings part per workbook). */
const ITEM_ID = "{6F1B2D43-5C0A-4C43-9B1E-57A7C0F1A1B1}";

export type Settings = Record<string, unknown>;

/** JSON text of an object (Office.js stores a JSON string of the JSON text: unwrapped too). */
export function parseSettings(text: string): Settings | null {
  let value: unknown = text;
  for (let i = 0; i < 2 && typeof value === "string"; i++) {
    if (value.trim() === "") return null;
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Settings)
    : null;
}

/** Whether a custom XML part is the product's settings part. */
export function isSettingsPart(xml: string): boolean {
  return xml.includes(SETTINGS_NAMESPACE);
}

/** The settings in the package's custom XML part, if it has one. */
export async function settingsFromCustomXml(pkg: XlsxPackage): Promise<Settings | null> {
  for (const rel of await pkg.rels(WORKBOOK)) {
    if (rel.Type !== REL.customXml) continue;
    const xml = await pkg.text(resolveTarget(WORKBOOK, rel.Target));
    if (!xml || !isSettingsPart(xml)) continue;
    const el = findElement(xml, "settings");
    const settings = el ? parseSettings(unescapeXml(innerText(el.text))) : null;
    if (settings) return settings;
  }
  return null;
}

/** Settings from the custom XML part, else from the add-in's web extension part; null when neither. */
export async function readSettings(pkg: XlsxPackage): Promise<Settings | null> {
  const own = await settingsFromCustomXml(pkg);
  if (own) return own;
  for (const path of pkg
    .paths()
    .filter((p) => /^xl\/webextensions\/webextension\d*\.xml$/.test(p))) {
    const xml = await pkg.text(path);
    if (!xml) continue;
    for (const { tag } of findTags(xml, "property")) {
      const a = attributes(tag);
      if (a.name !== OFFICE_SETTINGS_KEY || a.value === undefined) continue;
      const settings = parseSettings(a.value);
      if (settings) return settings;
    }
  }
  return null;
}

/** Add the settings part (the package must not have one: the adapter writes it once per save). */
export async function writeSettingsPart(pkg: XlsxPackage, settings: Settings): Promise<void> {
  await writeJsonCustomXmlPart(
    pkg,
    { root: "settings", namespace: SETTINGS_NAMESPACE, itemId: ITEM_ID },
    settings
  );
}

/**
 * A custom XML part of the product's (the settings, a portable copy's originals): `data` as JSON
 * in one `root` element of `namespace`, with its properties part and relationships.
 */
export async function writeJsonCustomXmlPart(
  pkg: XlsxPackage,
  part: { root: string; namespace: string; itemId: string },
  data: unknown
): Promise<void> {
  const item = pkg.freePath("customXml/item{n}.xml");
  const props = item.replace(/item(\d+)\.xml$/, "itemProps$1.xml");
  pkg.setText(
    item,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${part.root} xmlns="${part.namespace}" format="json">${escapeXml(JSON.stringify(data))}</${part.root}>`
  );
  pkg.setText(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${part.itemId}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${part.namespace}"/></ds:schemaRefs></ds:datastoreItem>`
  );
  await pkg.setOverride(props, CONTENT_TYPE.customXmlProps);
  await pkg.addRel(item, REL.customXmlProps, props);
  await pkg.addRel(WORKBOOK, REL.customXml, item);
}
