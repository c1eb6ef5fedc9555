/**
 * Cell notes in an .xlsx package, written and read at the part level: a note is a legacy comment
 * (xl/commentsN.xml, ECMA-376 18.7) with a VML shape that Excel draws it in
 * (xl/drawings/vmlDrawingN.vml, related from the sheet and named by its <legacyDrawing>). This
 * is what ExcelJS writes for `cell.note` too; the parts are written here so that a sheet's
 * existing notes, and every other part, stay as they were. A cell that already has a note keeps
 * it: the product's text is added as a paragraph of its own, and `removeNotes` takes only that
 * paragraph away again.
 */
import { parseCell } from "../../../core/portable/tokens";
import type { XlsxPackage } from "../package";
import {
  attr,
  attributes,
  ensureDefault,
  escapeXml,
  findElement,
  insertWorksheetChild,
  relsPath,
  removeOverride,
  resolveTarget,
  unescapeXml,
} from "../xml";

export const REL_COMMENTS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
export const REL_VML =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const AUTHOR = "Workforce Scrutiny";

export interface Note {
  ref: string;
  text: string;
}

interface NoteParts {
  commentsPath: string | null;
  vmlPath: string | null;
}

async function noteParts(pkg: XlsxPackage, sheetPath: string): Promise<NoteParts> {
  const rels = await pkg.rels(sheetPath);
  const comments = rels.find((r) => r.Type === REL_COMMENTS);
  const sheetXml = (await pkg.text(sheetPath)) ?? "";
  const legacy = findElement(sheetXml, "legacyDrawing");
  const vmlRel = legacy
    ? rels.find((r) => r.Id === attr(attributes(legacy.text), "id"))
    : rels.find((r) => r.Type === REL_VML);
  return {
    commentsPath: comments ? resolveTarget(sheetPath, comments.Target) : null,
    vmlPath: vmlRel ? resolveTarget(sheetPath, vmlRel.Target) : null,
  };
}

function runXml(text: string): string {
  return `<r><rPr><sz val="9"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">${escapeXml(text)}</t></r>`;
}

function shapeXml(id: number, ref: string): string {
  const { row, column } = parseCell(ref)!;
  // Anchor: left column, offset, top row, offset, right column, offset, bottom row, offset.
  const anchor = `${column}, 15, ${Math.max(0, row - 2)}, 2, ${column + 3}, 15, ${row + 4}, 16`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:260pt;height:100pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${column - 1}</x:Column></x:ClientData></v:shape>`
  );
}

/** A VML drawing id block not used by another VML part of the package. */
async function freeIdBlock(pkg: XlsxPackage): Promise<number> {
  const used = new Set<number>();
  for (const p of pkg.paths().filter((x) => x.endsWith(".vml"))) {
    const xml = (await pkg.text(p)) ?? "";
    for (const m of xml.matchAll(/<o:idmap\b[^>]*data="([^"]*)"/g))
      for (const n of m[1].split(",")) used.add(Number(n));
    for (const m of xml.matchAll(/_x0000_s(\d+)/g)) used.add(Math.floor(Number(m[1]) / 1024));
  }
  let block = 1;
  while (used.has(block)) block++;
  return block;
}

/** Add notes to a sheet (creating its comments and VML parts when it has none). */
export async function addNotes(
  pkg: XlsxPackage,
  sheetPath: string,
  notes: readonly Note[]
): Promise<void> {
  if (notes.length === 0) return;
  const parts = await noteParts(pkg, sheetPath);
  let comments = parts.commentsPath ? ((await pkg.text(parts.commentsPath)) ?? "") : "";
  let commentsPath = parts.commentsPath;
  if (!commentsPath) {
    commentsPath = pkg.freePath("xl/comments{n}.xml");
    comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
    await pkg.setOverride(commentsPath, COMMENTS_TYPE);
    await pkg.addRel(sheetPath, REL_COMMENTS, commentsPath);
  }
  // The author.
  const authors = [...comments.matchAll(/<author>([\s\S]*?)<\/author>/g)].map((m) =>
    unescapeXml(m[1])
  );
  let authorId = authors.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    comments = comments.includes("<authors/>")
      ? comments.replace("<authors/>", `<authors><author>${AUTHOR}</author></authors>`)
      : comments.replace("</authors>", `<author>${AUTHOR}</author></authors>`);
  }
  const newShapes: string[] = [];
  for (const note of notes) {
    const existing = new RegExp(
      `<comment\\b[^>]*\\bref="${note.ref}"[^>]*>([\\s\\S]*?)</comment>`
    ).exec(comments);
    if (existing) {
      // Keep the user's note; add ours as its own paragraph.
      const withOurs = existing[0].replace(/<\/text>/, () => `${runXml(`\n${note.text}`)}</text>`);
      comments = comments.replace(existing[0], () => withOurs);
      continue;
    }
    const item = `<comment ref="${note.ref}" authorId="${authorId}"><text>${runXml(note.text)}</text></comment>`;
    comments = comments.includes("<commentList/>")
      ? comments.replace("<commentList/>", () => `<commentList>${item}</commentList>`)
      : comments.replace("</commentList>", () => `${item}</commentList>`);
    newShapes.push(note.ref);
  }
  pkg.setText(commentsPath, comments);
  if (newShapes.length === 0) return;

  let vmlPath = parts.vmlPath;
  let vml: string;
  if (vmlPath) {
    vml = (await pkg.text(vmlPath)) ?? "";
  } else {
    const block = await freeIdBlock(pkg);
    vmlPath = pkg.freePath("xl/drawings/vmlDrawing{n}.vml");
    vml =
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
      `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
      `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>`;
    pkg.setText("[Content_Types].xml", ensureDefault(await pkg.contentTypes(), "vml", VML_TYPE));
    const relId = await pkg.addRel(sheetPath, REL_VML, vmlPath);
    const sheetXml = (await pkg.text(sheetPath)) ?? "";
    const withNs = /xmlns:r=/.test(sheetXml)
      ? sheetXml
      : sheetXml.replace(
          /<worksheet\b/,
          `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
        );
    pkg.setText(
      sheetPath,
      insertWorksheetChild(withNs, "legacyDrawing", `<legacyDrawing r:id="${relId}"/>`)
    );
  }
  const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  const block = Number(/<o:idmap\b[^>]*data="(\d+)/.exec(vml)?.[1] ?? 1);
  let next = Math.max(block * 1024, ...ids) + 1;
  const shapes = newShapes.map((ref) => shapeXml(next++, ref)).join("");
  pkg.setText(
    vmlPath,
    vml.replace(/<\/xml>\s*$/, () => `${shapes}</xml>`)
  );
}

/** Every note of a sheet: reference and plain text. */
export async function readNotes(pkg: XlsxPackage, sheetPath: string): Promise<Note[]> {
  const { commentsPath } = await noteParts(pkg, sheetPath);
  if (!commentsPath) return [];
  const xml = (await pkg.text(commentsPath)) ?? "";
  return [...xml.matchAll(/<comment\b([^>]*)>([\s\S]*?)<\/comment>/g)].map((m) => ({
    ref: attributes(`<comment ${m[1]}>`).ref ?? "",
    text: [...m[2].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join(""),
  }));
}

/**
 * Take the product's text out of the notes on `refs`: a note that was only the product's goes
 * (with its shape); a user's note that had the product's paragraph added keeps its own text.
 * `strip` gives the text left once the product's part is removed.
 */
export async function removeNotes(
  pkg: XlsxPackage,
  sheetPath: string,
  refs: ReadonlySet<string>,
  strip: (text: string) => string
): Promise<void> {
  const { commentsPath, vmlPath } = await noteParts(pkg, sheetPath);
  if (!commentsPath || refs.size === 0) return;
  let comments = (await pkg.text(commentsPath)) ?? "";
  const gone: string[] = [];
  comments = comments.replace(
    /<comment\b([^>]*)>([\s\S]*?)<\/comment>/g,
    (all, a: string, body: string) => {
      const ref = attributes(`<comment ${a}>`).ref ?? "";
      if (!refs.has(ref)) return all;
      const runs = [...body.matchAll(/<r>[\s\S]*?<\/r>|<t\b[^>]*>[\s\S]*?<\/t>/g)].map((m) => m[0]);
      const kept = runs.filter((r) => {
        const text = [...r.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)]
          .map((t) => unescapeXml(t[1]))
          .join("");
        return strip(text).trim() !== "" || text.trim() === "";
      });
      if (kept.length === 0 || kept.every((r) => !/<t\b[^>]*>[\s\S]*?\S[\s\S]*?<\/t>/.test(r))) {
        gone.push(ref);
        return "";
      }
      return `<comment${a}><text>${kept.join("")}</text></comment>`;
    }
  );
  const left = /<comment\b/.test(comments);
  const sheetRels = await pkg.rels(sheetPath);
  if (left) {
    pkg.setText(commentsPath, comments);
  } else {
    pkg.remove(commentsPath);
    pkg.setText("[Content_Types].xml", removeOverride(await pkg.contentTypes(), commentsPath));
  }
  let rels = sheetRels.filter((r) => left || r.Type !== REL_COMMENTS);
  if (vmlPath) {
    let vml = (await pkg.text(vmlPath)) ?? "";
    for (const ref of gone) {
      const { row, column } = parseCell(ref)!;
      vml = vml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) =>
        new RegExp(`<x:Row>\\s*${row - 1}\\s*</x:Row>`).test(shape) &&
        new RegExp(`<x:Column>\\s*${column - 1}\\s*</x:Column>`).test(shape) &&
        /ObjectType="Note"/.test(shape)
          ? ""
          : shape
      );
    }
    if (/<v:shape\b/.test(vml)) {
      pkg.setText(vmlPath, vml);
    } else {
      pkg.remove(vmlPath);
      pkg.remove(relsPath(vmlPath));
      const vmlRel = rels.find((r) => resolveTarget(sheetPath, r.Target) === vmlPath);
      rels = rels.filter((r) => r !== vmlRel);
      let sheetXml = (await pkg.text(sheetPath)) ?? "";
      const legacy = findElement(sheetXml, "legacyDrawing");
      if (legacy) sheetXml = sheetXml.slice(0, legacy.start) + sheetXml.slice(legacy.end);
      pkg.setText(sheetPath, sheetXml);
    }
  }
  pkg.setRels(sheetPath, rels);
}
