/**
 * Reading census returns as XML: bytes to text (by byte-order mark and the XML declaration's
 * encoding), and text to a tree of elements with saxes, a maintained, conforming, pure-JS XML
 * parser (entities, CDATA, namespaces, character references, well-formedness) — so core stays
 * host-free. A return is a file from anywhere, so:
 * - a DOCTYPE that declares anything (an internal subset `[…]`, or a SYSTEM/PUBLIC DTD) is
 *   refused with a message saying what to do: nothing a DTD declares is ever expanded or
 *   fetched, so "billion laughs" entity bombs and external (XXE) entities cannot do harm;
 * - only XML's five named entities and character references are read (saxes has no DTD
 *   processing: any other entity is an error).
 * Errors are XmlSyntaxError: what is wrong, in plain words, and the line it is on.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";

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

/** Not well-formed XML (or XML this reader refuses): `reason` says what, `line` (1-based) where. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number
  ) {
    super(`${reason} at line ${line}`);
    this.name = "XmlSyntaxError";
  }
}

/**
 * XML this reader will not read, well-formed or not: a DTD that declares something, an encoding
 * no decoder knows. The reason says what to do.
 */
export class XmlRefusal extends XmlSyntaxError {
  constructor(reason: string, line: number) {
    super(reason, line);
    this.name = "XmlRefusal";
  }
}

/** saxes' messages (the part after "line:column: ") in plain words, where they need it. */
const PLAIN: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^unclosed tag: (.+)$/, (m) => `the file ends before the element <${m[1]}> is closed`],
  [/^unmatched closing tag: (.+)\.$/, (m) => `an end tag </${m[1]}> with no start tag to match`],
  [/^unexpected close tag\.$/, () => "an end tag that does not match the element open"],
  [/^text data outside of root node\.$/, () => "text after the root element has closed"],
  [/^unquoted attribute value\.$/, () => 'an attribute value without quotes: write name="value"'],
  [/^documents may contain only one root\.$/, () => "a second root element"],
  [
    /^document must contain a root element\.$/,
    () => "no root element: the file holds no XML elements",
  ],
  [
    /^disallowed character in tag name$/,
    () => 'a "<" that does not start a tag: write < in text as &lt;',
  ],
  [/^duplicate attribute: (.+)\.$/, (m) => `attribute ${m[1]} given twice`],
  [
    /^unbound namespace prefix: "(.+)"\.?$/,
    (m) => `the namespace prefix "${m[1]}" is used but never declared (xmlns:${m[1]}="…")`,
  ],
  [
    /^an XML declaration must be at the start of the document\.$/,
    () => "an XML declaration (<?xml …?>) that is not at the start of the file",
  ],
];

/** The first "&" that does not start an entity or character reference, as [offset, text]. */
function bareAmpersand(text: string): [number, string] | null {
  // Comments and CDATA may hold a bare "&": blank them out (keeping offsets) first.
  const masked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) =>
    " ".repeat(m.length)
  );
  const amp = /&(?!(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_:][\w.:-]*);)/g;
  const m = amp.exec(masked);
  return m ? [m.index, /^&[^\s;&<]{0,12};?/.exec(text.slice(m.index))![0]] : null;
}

const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
};

/** A saxes error as an XmlSyntaxError in plain words; `open` is the elements open at the error. */
function plainError(
  err: Error,
  text: string,
  parser: SaxesParser,
  open: readonly XmlElement[],
  rootSeen: boolean
): XmlSyntaxError {
  const m = /^(\d+):(\d+): (.*)$/s.exec(err.message);
  const line = m ? Number(m[1]) : parser.line;
  const message = m ? m[3] : err.message;
  const lineText = text.split("\n")[line - 1] ?? "";
  const col = m ? Number(m[2]) : lineText.length;
  // A bare "&" (fish & chips) makes saxes read on to the end of the file: name it instead.
  const amp = bareAmpersand(text);
  if (amp && lineAt(text, amp[0]) <= line)
    return new XmlSyntaxError(
      `"${amp[1]}" is not an entity XML knows (&amp; &lt; &gt; &quot; &apos; or &#…;): write & as &amp;`,
      lineAt(text, amp[0])
    );
  if (/^undefined entity/.test(message) || /character entity/.test(message)) {
    // Name the entity: the last "&…;" on the line before the error's column.
    const refs = [...lineText.slice(0, col).matchAll(/&[^\s;&<]{0,30};/g)];
    const ref = refs.length ? refs[refs.length - 1][0] : "&…;";
    return new XmlSyntaxError(
      /character/.test(message)
        ? `"${ref}" is not a character XML allows`
        : `"${ref}" is not an entity XML knows (&amp; &lt; &gt; &quot; &apos; or &#…;): a census return declares no others`,
      line
    );
  }
  const top = open[open.length - 1];
  if (/^unexpected close tag/.test(message) && top) {
    const ends = [...lineText.slice(0, col).matchAll(/<\/([^\s>]+)/g)];
    const end = ends.length ? ends[ends.length - 1][1] : "…";
    return new XmlSyntaxError(
      `the end tag </${end}> does not match the start tag <${top.qname}> on line ${top.line}`,
      line
    );
  }
  if (/^unclosed tag/.test(message)) {
    // An unclosed comment or CDATA section swallows the rest of the file: name it.
    for (const [start, end, what] of [
      ["<!--", "-->", "a comment (<!--) that is never closed with -->"],
      ["<![CDATA[", "]]>", "a CDATA section that is never closed with ]]>"],
    ]) {
      const at = text.lastIndexOf(start);
      if (at >= 0 && text.indexOf(end, at + start.length) < 0)
        return new XmlSyntaxError(what, lineAt(text, at));
    }
  }
  if (/^unclosed tag/.test(message) && top)
    return new XmlSyntaxError(
      `the file ends before the element <${top.qname}> (line ${top.line}) is closed`,
      line
    );
  if (/^text data outside of root node/.test(message) && !rootSeen) {
    const first = text.search(/\S/);
    return new XmlSyntaxError("text before the root element", lineAt(text, first));
  }
  for (const [pattern, plain] of PLAIN) {
    const p = pattern.exec(message);
    if (p) return new XmlSyntaxError(plain(p), line);
  }
  return new XmlSyntaxError(message.replace(/\.$/, ""), line);
}

/**
 * A DOCTYPE is refused when it declares anything: an internal subset ([…], where entities are
 * declared: entity bombs) or an external DTD (SYSTEM/PUBLIC: external entities, fetching).
 */
function doctypeRefusal(doctype: string): string | null {
  const external = /^\s*\S+\s+(SYSTEM|PUBLIC)\b/.test(doctype);
  if (!doctype.includes("[") && !external) return null;
  return `the file declares a DTD (${external ? "an external SYSTEM or PUBLIC reference" : "<!DOCTYPE … [ … ]> with declarations such as <!ENTITY>"}), which a census return never has; entities it declares are never expanded or fetched. Remove the <!DOCTYPE …> from the file (or export the return again from your system) and read it again`;
}

/** Parses a whole document and returns its root element. Throws XmlSyntaxError. */
export function parseXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let startLine = 1;

  parser.on("doctype", (doctype) => {
    const refusal = doctypeRefusal(doctype);
    if (refusal) throw new XmlRefusal(refusal, parser.line);
  });
  parser.on("opentagstart", () => {
    startLine = parser.line;
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const element: XmlElement = {
      name: tag.local,
      qname: tag.name,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])),
      children: [],
      text: "",
      line: startLine,
    };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("closetag", (tag: SaxesTagNS) => {
    const open = stack.pop()!;
    if (tag.isSelfClosing) return;
    // saxes closes every element down to a matching one before it reports a mismatch: say
    // which end tag met which start tag instead.
    const at = text.lastIndexOf("</", parser.position - 1);
    const end = /^<\/([^\s>]+)/.exec(text.slice(at, at + 200))?.[1];
    if (end !== undefined && end !== open.qname)
      throw new XmlSyntaxError(
        `the end tag </${end}> does not match the start tag <${open.qname}> on line ${open.line}`,
        parser.line
      );
  });
  const addText = (t: string) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);

  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw err;
    throw plainError(err as Error, text, parser, stack, root !== null);
  }
  if (root === null) throw new XmlSyntaxError("no root element: the file holds no XML elements", 1);
  return root;
}

/** How a census file's bytes were read. */
export interface DecodedXml {
  text: string;
  /** The encoding used (a WHATWG label, such as "utf-8", "utf-16le", "windows-1252"). */
  encoding: string;
  /** Set when the bytes were not what the file said: how they were read instead. */
  note: string | null;
}

/** The encoding the XML declaration names (read from ASCII-compatible bytes), or null. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 256));
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][\w.:-]*)\1/.exec(head);
  return m ? m[2] : null;
}

/**
 * A census file's bytes as text: by its byte-order mark (UTF-8, UTF-16 LE/BE), else by the
 * encoding its XML declaration names (ISO-8859-1, Windows-1252, UTF-16, …), else UTF-8. Bytes
 * that are not valid UTF-8 where UTF-8 is expected are read as Windows-1252, as CSV files are
 * (`decodeCsv`), with a note. Throws XmlRefusal for an encoding no decoder knows.
 */
export function decodeXml(bytes: Uint8Array): DecodedXml {
  const [b0, b1, b2] = bytes;
  let encoding: string;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) encoding = "utf-8";
  else if (b0 === 0xff && b1 === 0xfe) encoding = "utf-16le";
  else if (b0 === 0xfe && b1 === 0xff) encoding = "utf-16be";
  // UTF-16 without a byte-order mark: "<?" as two-byte characters.
  else if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f) encoding = "utf-16le";
  else if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00) encoding = "utf-16be";
  else {
    const declared = declaredEncoding(bytes);
    if (declared === null) encoding = "utf-8";
    else {
      try {
        encoding = new TextDecoder(declared).encoding;
      } catch {
        throw new XmlRefusal(
          `the XML declaration names the encoding "${declared}", which this reader does not know: save the file as UTF-8`,
          1
        );
      }
      // A declaration of UTF-16 in bytes without a byte-order mark that read as ASCII: the
      // declaration is wrong, the bytes are one-byte.
      if (encoding.startsWith("utf-16")) encoding = "utf-8";
    }
  }
  if (encoding === "utf-8") {
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return { text, encoding, note: null };
    } catch {
      return {
        text: new TextDecoder("windows-1252").decode(bytes),
        encoding: "windows-1252",
        note: "the file is not valid UTF-8 (as its XML declaration says, or as XML assumes without one): it was read as Windows-1252; check accented names read correctly",
      };
    }
  }
  // TextDecoder drops a byte-order mark that matches the encoding.
  return { text: new TextDecoder(encoding).decode(bytes), encoding, note: null };
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
