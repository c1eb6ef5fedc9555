/**
 * A small, strict, non-validating XML reader for census returns: pure TypeScript (no DOM, no
 * Node). It reads what a CSWW file holds — nested elements with text, an XML declaration,
 * processing instructions, comments, CDATA, a DOCTYPE (skipped), attributes and namespace
 * prefixes (kept, and ignored by `name`), the five named entities and numeric character
 * references — and rejects anything that is not well-formed with the line it found it on.
 * It does not expand entities declared in a DTD (a census file has none).
 */

export interface XmlElement {
  /** The local name: the qualified name without its namespace prefix. */
  name: string;
  /** The name as the file writes it (`csww:Message`). */
  qname: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside the element (entities decoded, CDATA included), untrimmed. */
  text: string;
  /** The 1-based line of the start tag. */
  line: number;
}

/** Not well-formed XML: `reason` says what, `line` (1-based) where. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number
  ) {
    super(`${reason} at line ${line}`);
    this.name = "XmlSyntaxError";
  }
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.\-:\u00B7\u00C0-\uFFFF]*/y;
const SPACE = /[ \t\r\n]*/y;
const ATTRIBUTE =
  /[ \t\r\n]+([A-Za-z_:\u00C0-\uFFFF][\w.\-:\u00B7\u00C0-\uFFFF]*)[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/y;
const TAG_END = /[ \t\r\n]*(\/?)>/y;
const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/y;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** Parses a whole document and returns its root element. Throws XmlSyntaxError. */
export function parseXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const length = text.length;
  // Lines are counted forward only, from the last position asked about.
  let lineAt = 0;
  let line = 1;
  const lineOf = (pos: number): number => {
    if (pos < lineAt) {
      lineAt = 0;
      line = 1;
    }
    for (let i = lineAt; i < pos && i < length; i++) if (text.charCodeAt(i) === 10) line++;
    lineAt = Math.max(lineAt, Math.min(pos, length));
    return line;
  };
  const fail = (reason: string, pos: number): never => {
    throw new XmlSyntaxError(reason, lineOf(pos));
  };

  /** Decodes entities in `raw`, which starts at `start` in the text (for error lines). */
  const decode = (raw: string, start: number): string => {
    if (raw.indexOf("&") < 0) return raw;
    let out = "";
    let from = 0;
    for (let amp = raw.indexOf("&"); amp >= 0; amp = raw.indexOf("&", from)) {
      out += raw.slice(from, amp);
      ENTITY.lastIndex = amp;
      const m = ENTITY.exec(raw);
      if (!m) {
        const shown = /^&[^\s;&<]{0,12};?/.exec(raw.slice(amp))?.[0] ?? "&";
        return fail(
          `"${shown}" is not an entity XML knows (&amp; &lt; &gt; &quot; &apos; or &#…;): write & as &amp;`,
          start + amp
        );
      }
      if (m[3] !== undefined) out += NAMED[m[3]];
      else {
        const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
        const valid =
          code === 0x9 ||
          code === 0xa ||
          code === 0xd ||
          (code >= 0x20 && code <= 0xd7ff) ||
          (code >= 0xe000 && code <= 0xfffd) ||
          (code >= 0x10000 && code <= 0x10ffff);
        if (!valid) fail(`"${m[0]}" is not a character XML allows`, start + amp);
        out += String.fromCodePoint(code);
      }
      from = amp + m[0].length;
    }
    return out + raw.slice(from);
  };

  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let pos = 0;

  const addText = (raw: string, start: number): void => {
    if (stack.length === 0) {
      if (raw.trim() !== "") {
        fail(
          root === null
            ? "text before the root element"
            : `text after the root element <${root.qname}> has closed`,
          start + raw.search(/\S/)
        );
      }
      return;
    }
    stack[stack.length - 1].text += decode(raw, start);
  };

  while (pos < length) {
    const lt = text.indexOf("<", pos);
    if (lt < 0) {
      addText(text.slice(pos), pos);
      break;
    }
    if (lt > pos) addText(text.slice(pos, lt), pos);
    pos = lt;

    if (text.startsWith("<?", pos)) {
      const end = text.indexOf("?>", pos + 2);
      if (end < 0) fail("a processing instruction (<?…) that is never closed with ?>", pos);
      // The declaration belongs at the start (leading white space is forgiven).
      const declaration = /^<\?xml[ \t\r\n?]/.test(text.slice(pos, pos + 6));
      if (declaration && (root !== null || text.slice(0, pos).trim() !== ""))
        fail("an XML declaration (<?xml …?>) that is not at the start of the file", pos);
      pos = end + 2;
    } else if (text.startsWith("<!--", pos)) {
      const end = text.indexOf("-->", pos + 4);
      if (end < 0) fail("a comment (<!--) that is never closed with -->", pos);
      pos = end + 3;
    } else if (text.startsWith("<![CDATA[", pos)) {
      const end = text.indexOf("]]>", pos + 9);
      if (end < 0) fail("a CDATA section that is never closed with ]]>", pos);
      if (stack.length === 0) fail("a CDATA section outside the root element", pos);
      stack[stack.length - 1].text += text.slice(pos + 9, end);
      pos = end + 3;
    } else if (text.startsWith("<!DOCTYPE", pos)) {
      if (root !== null) fail("a DOCTYPE after the root element", pos);
      let depth = 0;
      let i = pos + 9;
      for (; i < length; i++) {
        const c = text[i];
        if (c === "[") depth++;
        else if (c === "]") depth--;
        else if (c === ">" && depth <= 0) break;
      }
      if (i >= length) fail("a DOCTYPE that is never closed with >", pos);
      pos = i + 1;
    } else if (text.startsWith("</", pos)) {
      NAME.lastIndex = pos + 2;
      const m = NAME.exec(text);
      if (!m) fail("an end tag (</…>) without an element name", pos);
      const qname = m![0];
      TAG_END.lastIndex = pos + 2 + qname.length;
      const end = TAG_END.exec(text);
      if (!end || end[1] === "/") fail(`the end tag </${qname} is not closed with >`, pos);
      const open = stack.pop();
      if (!open) fail(`an end tag </${qname}> with no element open`, pos);
      if (open!.qname !== qname) {
        fail(
          `the end tag </${qname}> does not match the start tag <${open!.qname}> on line ${open!.line}`,
          pos
        );
      }
      pos = TAG_END.lastIndex;
    } else {
      NAME.lastIndex = pos + 1;
      const m = NAME.exec(text);
      if (!m) fail('a "<" that does not start a tag: write < in text as &lt;', pos);
      const qname = m![0];
      const element: XmlElement = {
        name: localName(qname),
        qname,
        attributes: {},
        children: [],
        text: "",
        line: lineOf(pos),
      };
      let at = pos + 1 + qname.length;
      for (;;) {
        ATTRIBUTE.lastIndex = at;
        const a = ATTRIBUTE.exec(text);
        if (!a) break;
        const value = a[2] ?? a[3];
        if (value.includes("<")) fail(`a "<" inside the value of attribute ${a[1]}`, at);
        if (a[1] in element.attributes) fail(`attribute ${a[1]} given twice on <${qname}>`, at);
        element.attributes[a[1]] = decode(value, at + a[0].indexOf(value)).replace(
          /[\t\r\n]/g,
          " "
        );
        at = ATTRIBUTE.lastIndex;
      }
      TAG_END.lastIndex = at;
      const end = TAG_END.exec(text);
      if (!end) {
        SPACE.lastIndex = at;
        SPACE.exec(text);
        fail(
          SPACE.lastIndex >= length
            ? `the start tag <${qname} is never closed with >`
            : `the start tag <${qname} holds something that is not an attribute (name="value")`,
          SPACE.lastIndex
        );
      }
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else if (root !== null) fail(`a second root element <${qname}> after <${root.qname}>`, pos);
      else root = element;
      if (end![1] !== "/") stack.push(element);
      pos = TAG_END.lastIndex;
    }
  }

  if (stack.length > 0) {
    const open = stack[stack.length - 1];
    fail(`the file ends before the element <${open.qname}> (line ${open.line}) is closed`, length);
  }
  if (root === null) fail("no root element: the file holds no XML elements", length);
  return root!;
}

/** The first child element with this local name, or undefined. */
export function childElement(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((c) => c.name === name);
}

/** Every child element with this local name. */
export function childElements(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c) => c.name === name);
}

/** Characters XML 1.0 does not allow at all (control characters other than tab and newlines). */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for element content: & < > escaped, characters XML cannot hold dropped. */
export function escapeXmlText(value: string): string {
  return value
    .replace(NOT_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}
