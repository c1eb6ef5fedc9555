/**
 * The originals that have no cell to carry a note: defined names, conditional formats and data
 * validations. They go into a custom XML part of the copy (Excel keeps custom XML parts when it
 * saves; nobody sees them), like the settings part (settings.ts):
 *
 *   customXml/itemN.xml   <portable xmlns="urn:workforce-scrutiny:portable" format="json">[…]</portable>
 */
import type { XlsxPackage } from "../package";
import { WORKBOOK } from "../package";
import { writeJsonCustomXmlPart } from "../settings";
import {
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
  await writeJsonCustomXmlPart(
    pkg,
    { root: "portable", namespace: PORTABLE_NAMESPACE, itemId: ITEM_ID },
    records
  );
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
