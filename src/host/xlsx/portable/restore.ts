/**
 * Turns a portable copy back into a workbook with WORKFORCE formulas: every cell whose note the
 * product wrote gets its formula back exactly as the original file stored it (an array formula
 * with its range), and the note goes (a user's own note on the cell stays). Defined names,
 * conditional formats and validations come back from the copy's restore part, where they still
 * hold what the copy made of them. A colleague's other edits are kept; a cell whose note they
 * deleted is left as they had it.
 */
import { parseNote, typedForm, withoutOurNote } from "../../../core/portable/notes";
import { XlsxPackage, WORKBOOK } from "../package";
import { escapeXml, findElement } from "../xml";
import { readNotes, removeNotes } from "./note-parts";
import { takeRestorePart } from "./restore-part";
import { formulaCellXml, parseCells, setCells } from "./sheet-cells";

export interface RestoredEntry {
  where: string;
  formula: string;
}

export interface RestoreReport {
  sheets: { sheet: string; entries: RestoredEntry[] }[];
  restored: number;
  /** Names, formats or validations the colleague changed since the copy was made: not restored. */
  notRestored: string[];
}

export async function restorePortable(
  bytes: Uint8Array
): Promise<{ bytes: Uint8Array; report: RestoreReport }> {
  const pkg = await XlsxPackage.open(bytes.slice());
  const report: RestoreReport = { sheets: [], restored: 0, notRestored: [] };
  const records = await takeRestorePart(pkg);
  const hasMetadata = pkg.has("xl/metadata.xml");
  const sheets = await pkg.sheets();
  const group = (sheet: string) => {
    let g = report.sheets.find((s) => s.sheet === sheet);
    if (!g) report.sheets.push((g = { sheet, entries: [] }));
    return g.entries;
  };

  for (const sheet of sheets) {
    if (!sheet.path) continue;
    const notes = (await readNotes(pkg, sheet.path))
      .map((n) => ({ ref: n.ref, parsed: parseNote(n.text) }))
      .filter((n): n is { ref: string; parsed: NonNullable<typeof n.parsed> } => n.parsed !== null);
    let xml = (await pkg.text(sheet.path)) ?? "";
    if (notes.length > 0) {
      const cells = new Map(parseCells(xml).map((c) => [c.ref, c]));
      const changes = new Map<string, string>();
      for (const { ref, parsed } of notes) {
        const base = { ...(cells.get(ref)?.attrs ?? {}) };
        const fAttrs: Record<string, string> = parsed.array
          ? { t: "array", ref: parsed.array.ref }
          : {};
        // A dynamic array names the workbook's dynamic-array metadata (xl/metadata.xml).
        if (parsed.array?.dynamic && hasMetadata && base.cm === undefined) base.cm = "1";
        changes.set(ref, formulaCellXml(ref, parsed.formula, base, fAttrs, true));
        group(sheet.name).push({ where: ref, formula: `=${typedForm(parsed.formula)}` });
        report.restored++;
      }
      xml = setCells(xml, changes);
    }
    for (const r of records) {
      if (r.kind !== "rule" || r.sheet !== sheet.name) continue;
      const data = findElement(xml, "sheetData");
      const split = data ? data.end : 0;
      const after = xml.slice(split);
      const re = new RegExp(
        `(<((?:\\w+:)?)(?:formula|formula1|formula2|f)>)${escapeRe(escapeXml(r.now))}(</\\2(?:formula|formula1|formula2|f)>)`
      );
      if (!re.test(after)) {
        report.notRestored.push(
          `${sheet.name}: a rule that was =${r.now} (changed since the copy)`
        );
        continue;
      }
      xml =
        xml.slice(0, split) +
        after.replace(
          re,
          (_all, open: string, _p: string, close: string) =>
            `${open}${escapeXml(r.original)}${close}`
        );
      group(sheet.name).push({
        where: "conditional format or validation",
        formula: `=${typedForm(r.original)}`,
      });
      report.restored++;
    }
    if (xml !== (await pkg.text(sheet.path))) pkg.setText(sheet.path, xml);
    if (notes.length > 0)
      await removeNotes(pkg, sheet.path, new Set(notes.map((n) => n.ref)), withoutOurNote);
  }

  let workbookXml = (await pkg.text(WORKBOOK)) ?? "";
  for (const r of records) {
    if (r.kind !== "name") continue;
    const re = new RegExp(
      `(<((?:\\w+:)?)definedName\\b[^>]*\\bname="${escapeRe(escapeXml(r.name))}"[^>]*>)${escapeRe(escapeXml(r.now))}(</\\2definedName>)`
    );
    if (!re.test(workbookXml)) {
      report.notRestored.push(`the name ${r.name} (changed since the copy)`);
      continue;
    }
    workbookXml = workbookXml.replace(
      re,
      (_all, open: string, _p: string, close: string) => `${open}${escapeXml(r.original)}${close}`
    );
    group(r.scope ?? "(workbook)").push({ where: r.name, formula: `=${typedForm(r.original)}` });
    report.restored++;
  }
  pkg.setText(WORKBOOK, workbookXml);
  return { bytes: await pkg.generate(), report };
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
