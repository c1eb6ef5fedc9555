/**
 * The originals that have no cell to carry a note: defined names, conditional formats and data
 * validations. They go into a custom XML part of the copy (Excel keeps custom XML parts when it
 * saves; nobody sees them), like the settings part (settings.ts):
 *
 *   customXml/itemN.xml   <portable xmlns="urn:workforce-scrutiny:portable" format="json">[…]</portable>
 */
import type { XlsxPackage } from "../package";
import { WORKBOOK } from "../package";
import {
  CONTENT_TYPE,
  escapeXml,
  findElement,
  innerText,
  REL,
  relsPath,
  removeOverride,
  resolveTarget,
  unescapeXml,
} from "../xml";

export const PORTABLE_NAMESPACE = "urn:workforce-scrutiny:portable";
const ITEM_ID = "{2B7E6C1A-7F3D-4E55-9A0C-0D5C3B8E4F21}";

export type RestoreRecord =
  | { kind: "name"; name: string; scope?: string; original: string; now: string }
  | { kind: "rule"; sheet: string; original: string; now: string };

export async function writeRestorePart(
  pkg: XlsxPackage,
  records: readonly RestoreRecord[]
): Promise<void> {
  const item = pkg.freePath("customXml/item{n}.xml");
  const props = item.replace(/item(\d+)\.xml$/, "itemProps$1.xml");
  pkg.setText(
    item,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<portable xmlns="${PORTABLE_NAMESPACE}" format="json">${escapeXml(JSON.stringify(records))}</portable>`
  );
  pkg.setText(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${PORTABLE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`
  );
  await pkg.setOverride(props, CONTENT_TYPE.customXmlProps);
  await pkg.addRel(item, REL.customXmlProps, props);
  await pkg.addRel(WORKBOOK, REL.customXml, item);
}

/** The records of the copy's restore part (and the part is removed from the package). */
export async function takeRestorePart(pkg: XlsxPackage): Promise<RestoreRecord[]> {
  const rels = await pkg.rels(WORKBOOK);
  for (const rel of rels) {
    if (rel.Type !== REL.customXml) continue;
    const path = resolveTarget(WORKBOOK, rel.Target);
    const xml = await pkg.text(path);
    if (!xml || !xml.includes(PORTABLE_NAMESPACE)) continue;
    const el = findElement(xml, "portable");
    let records: RestoreRecord[] = [];
    try {
      records = JSON.parse(unescapeXml(innerText(el?.text ?? ""))) as RestoreRecord[];
    } catch {
      records = [];
    }
    for (const r of await pkg.rels(path)) {
      const target = resolveTarget(path, r.Target);
      pkg.remove(target);
      pkg.setText("[Content_Types].xml", removeOverride(await pkg.contentTypes(), target));
    }
    pkg.remove(relsPath(path));
    pkg.remove(path);
    pkg.setRels(
      WORKBOOK,
      rels.filter((r) => r !== rel)
    );
    return records;
  }
  return [];
}
