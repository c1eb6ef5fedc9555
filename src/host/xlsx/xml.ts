/**
 * Small string-level XML helpers for editing the parts of an .xlsx package (SpreadsheetML,
 * relationships, content types). No DOM: they run in Node and in a browser alike. Each works on
 * the well-formed, machine-written XML a spreadsheet saves, and tolerates a namespace prefix on
 * element names (some writers save `<x:sheet …>`).
 */

export const NS = {
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  package: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

export const REL = {
  worksheet: `${NS.relationships}/worksheet`,
  drawing: `${NS.relationships}/drawing`,
  chart: `${NS.relationships}/chart`,
  table: `${NS.relationships}/table`,
  sharedStrings: `${NS.relationships}/sharedStrings`,
  customProperty: `${NS.relationships}/customProperty`,
  customXml: `${NS.relationships}/customXml`,
  customXmlProps: `${NS.relationships}/customXmlProps`,
  customProperties: `${NS.relationships}/custom-properties`,
  webExtensionTaskPanes:
    "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
} as const;

export const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  customProperty: "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
} as const;

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // Characters XML 1.0 does not allow at all (a stray control character in a cell or a name).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  );
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(
          e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
        );
    }
  });
}

/** The attributes of one start tag (`<sheet name="A" r:id="rId1"/>`), names as written (with prefixes). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  // Skip the element name itself.
  const start = tag.search(/\s/);
  if (start < 0) return out;
  let m: RegExpExecArray | null;
  const body = tag.slice(start);
  while ((m = re.exec(body))) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? "");
  return out;
}

/** An attribute by local name, whatever its prefix (`r:id` for "id" when `prefixed`). */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  for (const [k, v] of Object.entries(attrs)) if (k.endsWith(`:${local}`)) return v;
  return undefined;
}

/** Every start (or empty) tag of an element, by local name, with its position. */
export function findTags(xml: string, local: string): { tag: string; index: number }[] {
  const re = new RegExp(`<(?:[\\w]+:)?${local}(?=[\\s/>])[^>]*>`, "g");
  const out: { tag: string; index: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push({ tag: m[0], index: m.index });
  return out;
}

/**
 * The whole element (start tag to end tag, or the empty tag) of the first element with this
 * local name at or after `from`. Elements of the same name must not nest (true of the ones edited
 * here: definedNames, dataValidations, customProperties, drawing, legacyDrawing, autoFilter).
 */
export function findElement(
  xml: string,
  local: string,
  from = 0
): { start: number; end: number; text: string; prefix: string } | null {
  const open = new RegExp(`<((?:[\\w]+:)?)${local}(?=[\\s/>])[^>]*?(/?)>`, "g");
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return null;
  const prefix = m[1];
  if (m[2] === "/") {
    return { start: m.index, end: m.index + m[0].length, text: m[0], prefix };
  }
  const close = `</${prefix}${local}>`;
  const endAt = xml.indexOf(close, m.index + m[0].length);
  if (endAt < 0) return null;
  const end = endAt + close.length;
  return { start: m.index, end, text: xml.slice(m.index, end), prefix };
}

/** The text content of an element's body (between its start and end tags). */
export function innerText(element: string): string {
  const open = element.indexOf(">");
  const close = element.lastIndexOf("</");
  if (open < 0 || close < open || element[open - 1] === "/") return "";
  return element.slice(open + 1, close);
}

export function removeElement(xml: string, local: string): string {
  let out = xml;
  for (let el = findElement(out, local); el; el = findElement(out, local, el.start)) {
    out = out.slice(0, el.start) + out.slice(el.end);
  }
  return out;
}

/**
 * Insert `element` into the root element of `xml` before the first top-level child named in
 * `before` (the elements that must follow it in the schema's sequence), else before the root's
 * end tag.
 */
export function insertBefore(
  xml: string,
  element: string,
  before: readonly string[],
  root: string
): string {
  let at = -1;
  for (const local of before) {
    const found = new RegExp(`<(?:[\\w]+:)?${local}(?=[\\s/>])`).exec(xml);
    if (found && (at < 0 || found.index < at)) at = found.index;
  }
  if (at < 0) {
    at = xml.search(new RegExp(`</(?:[\\w]+:)?${root}>\\s*$`));
    if (at < 0) throw new Error(`No </${root}> end tag in the part.`);
  }
  return xml.slice(0, at) + element + xml.slice(at);
}

/**
 * The elements that may follow each worksheet child we insert, in CT_Worksheet's order
 * (ECMA-376 Part 1, 18.3.1.99).
 */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

export type WorksheetChild = (typeof WORKSHEET_ORDER)[number];

/** Insert a child element into worksheet XML at its place in CT_Worksheet's sequence. */
export function insertWorksheetChild(xml: string, local: WorksheetChild, element: string): string {
  const after = WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(local) + 1);
  return insertBefore(xml, element, after, "worksheet");
}

export interface Relationship {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}

export function parseRels(xml: string | null | undefined): Relationship[] {
  if (!xml) return [];
  return findTags(xml, "Relationship").map(({ tag }) => {
    const a = attributes(tag);
    return { Id: a.Id, Type: a.Type, Target: a.Target, TargetMode: a.TargetMode };
  });
}

export function serializeRels(rels: readonly Relationship[]): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.Id)}" Type="${escapeXml(r.Type)}" Target="${escapeXml(r.Target)}"${
          r.TargetMode ? ` TargetMode="${escapeXml(r.TargetMode)}"` : ""
        }/>`
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.package}">${items}</Relationships>`;
}

/** A relationship id not yet used in `rels` ("rId7"). */
export function nextRelId(rels: readonly Relationship[]): string {
  const used = new Set(rels.map((r) => r.Id));
  for (let n = rels.length + 1; ; n++) if (!used.has(`rId${n}`)) return `rId${n}`;
}

/** The package path a relationship target points at, from the part that owns the rels. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourcePart.split("/");
  parts.pop();
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The relative target from one part to another ("../drawings/drawing1.xml"). */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split("/");
  from.pop();
  const to = targetPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** The rels part of a part: "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Add (or replace) an Override for a part in [Content_Types].xml. */
export function addOverride(contentTypes: string, part: string, type: string): string {
  const name = `/${part}`;
  const existing = findTags(contentTypes, "Override").find(
    ({ tag }) => attributes(tag).PartName === name
  );
  let xml = contentTypes;
  if (existing)
    xml = xml.slice(0, existing.index) + xml.slice(existing.index + existing.tag.length);
  return insertBefore(
    xml,
    `<Override PartName="${escapeXml(name)}" ContentType="${escapeXml(type)}"/>`,
    [],
    "Types"
  );
}

export function removeOverride(contentTypes: string, part: string): string {
  const name = `/${part}`;
  const existing = findTags(contentTypes, "Override").find(
    ({ tag }) => attributes(tag).PartName === name
  );
  if (!existing) return contentTypes;
  return (
    contentTypes.slice(0, existing.index) + contentTypes.slice(existing.index + existing.tag.length)
  );
}

/** The content type of a part: its Override, else the Default for its extension. */
export function contentTypeOf(contentTypes: string, part: string): string | undefined {
  const name = `/${part}`;
  for (const { tag } of findTags(contentTypes, "Override")) {
    const a = attributes(tag);
    if (a.PartName?.toLowerCase() === name.toLowerCase()) return a.ContentType;
  }
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  for (const { tag } of findTags(contentTypes, "Default")) {
    const a = attributes(tag);
    if (a.Extension?.toLowerCase() === ext) return a.ContentType;
  }
  return undefined;
}

/** Add a Default for an extension unless one exists. */
export function ensureDefault(contentTypes: string, extension: string, type: string): string {
  const has = findTags(contentTypes, "Default").some(
    ({ tag }) => attributes(tag).Extension?.toLowerCase() === extension.toLowerCase()
  );
  if (has) return contentTypes;
  const firstOverride = contentTypes.search(/<Override[\s/>]/);
  const element = `<Default Extension="${escapeXml(extension)}" ContentType="${escapeXml(type)}"/>`;
  if (firstOverride >= 0)
    return contentTypes.slice(0, firstOverride) + element + contentTypes.slice(firstOverride);
  return insertBefore(contentTypes, element, [], "Types");
}

/** UTF-16LE bytes of a string (how Excel stores a worksheet custom property's value). */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 * i] = code & 0xff;
    out[2 * i + 1] = code >> 8;
  }
  return out;
}

/** A custom property's bytes as text: UTF-16LE (Excel), else UTF-8. */
export function decodePropertyBytes(bytes: Uint8Array): string {
  let body = bytes;
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) body = body.subarray(2);
  const looksUtf16 =
    body.length >= 2 &&
    body.length % 2 === 0 &&
    Array.from({ length: Math.min(8, body.length / 2) }, (_, i) => body[2 * i + 1]).every(
      (b) => b === 0
    );
  let text = new TextDecoder(looksUtf16 ? "utf-16le" : "utf-8").decode(body);
  // A terminating NUL, if the writer added one.
  while (text.endsWith(String.fromCharCode(0))) text = text.slice(0, -1);
  return text;
}
