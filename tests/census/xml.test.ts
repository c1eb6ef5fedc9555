import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  childElement,
  childElements,
  decodeXml,
  escapeXmlText,
  parseXml,
  XmlSyntaxError,
} from "../../src/core/census/xml";

function syntaxError(text: string): XmlSyntaxError {
  try {
    parseXml(text);
  } catch (err) {
    if (err instanceof XmlSyntaxError) return err;
    throw err;
  }
  throw new Error("expected a syntax error");
}

describe("census XML reader", () => {
  it("reads a declaration, comments, a DOCTYPE, namespaces, attributes, entities and CDATA", () => {
    const root = parseXml(
      [
        "\uFEFF<?xml version='1.0' encoding=\"UTF-8\" ?>",
        "<!-- a census return -->",
        "<!DOCTYPE c:Message>",
        '<c:Message xmlns:c="urn:dfe:csww" version="1">',
        "  <c:Header><?pi ignored?></c:Header>",
        "  <c:Name a='x &amp; y'>Smith &amp; Jones &lt;3&gt; &quot;q&quot; &apos;a&apos; &#233;&#xE9;</c:Name>",
        "  <c:Code><![CDATA[<not a tag> & raw]]></c:Code>",
        "  <c:Empty/>",
        "  <c:Empty />",
        "</c:Message>",
        "<!-- trailing comment -->",
        "",
      ].join("\n")
    );
    expect(root.name).toBe("Message");
    expect(root.qname).toBe("c:Message");
    expect(root.attributes).toEqual({ "xmlns:c": "urn:dfe:csww", version: "1" });
    expect(root.line).toBe(4);
    expect(root.children.map((c) => c.name)).toEqual(["Header", "Name", "Code", "Empty", "Empty"]);
    const name = childElement(root, "Name")!;
    expect(name.text).toBe("Smith & Jones <3> \"q\" 'a' éé");
    expect(name.attributes.a).toBe("x & y");
    expect(name.line).toBe(6);
    expect(childElement(root, "Code")!.text).toBe("<not a tag> & raw");
    expect(childElements(root, "Empty")).toHaveLength(2);
    expect(childElement(root, "Missing")).toBeUndefined();
  });

  it.each([
    ["<a>\n<b>\n</a>", 3, "the end tag </a> does not match the start tag <b> on line 2"],
    ["<a>\n<b></b>\n", 3, "the file ends before the element <a> (line 1) is closed"],
    ["<a>\n  fish & chips\n</a>", 2, '"&" is not an entity XML knows'],
    ["<a>\n<b>x</b><b>R & D</b>\n</a>", 2, '"&" is not an entity XML knows'],
    ["<a>&nbsp;</a>", 1, '"&nbsp;" is not an entity XML knows'],
    ["<a>&#0;</a>", 1, '"&#0;" is not a character XML allows'],
    ["<a/>\n\ntext", 3, "text after the root element has closed"],
    ["<a/>\n<b/>", 2, "a second root element"],
    ["<a>\n1 < 2</a>", 2, 'a "<" that does not start a tag'],
    ["", 1, "no root element"],
    ["  \n <!-- only a comment -->", 2, "no root element"],
    ["<a>\n<!-- never closed </a>", 2, "a comment (<!--) that is never closed"],
    ["<a/>\n<?xml version='1.0'?>", 2, "an XML declaration (<?xml …?>) that is not at the start"],
    ['<a x="1" x="2"/>', 1, "attribute x given twice"],
    ["<a x=1/>", 1, "an attribute value without quotes"],
    ["<a>\n</b>", 2, "the end tag </b> does not match the start tag <a> on line 1"],
    ["</a>", 1, "an end tag </a> with no start tag to match"],
    ["<a><b", 1, "the file ends before the element <a> (line 1) is closed"],
    ["<a><![CDATA[x & y]]>\n</b>", 2, "the end tag </b> does not match"],
    ["<c:a/>", 1, 'the namespace prefix "c" is used but never declared'],
    ["Staff ID,Team\n1,North", 1, "text before the root element"],
  ])("rejects %j at line %i", (text, line, reason) => {
    const err = syntaxError(text);
    expect(err.line).toBe(line);
    expect(err.reason).toContain(reason);
    expect(err.message).toBe(`${err.reason} at line ${line}`);
  });

  it("escapes any text so that reading it back gives it unchanged (XML's characters)", () => {
    const xmlChar = fc
      .integer({ min: 0x9, max: 0x10ffff })
      .filter(
        (c) =>
          c === 0x9 ||
          c === 0xa ||
          (c >= 0x20 && c <= 0xd7ff) ||
          (c >= 0xe000 && c <= 0xfffd) ||
          c >= 0x10000
      )
      .map((c) => String.fromCodePoint(c));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(xmlChar, fc.constantFrom("&", "<", ">", "]]>", "&amp;"))),
        (parts) => {
          const text = parts.join("");
          expect(parseXml(`<a>${escapeXmlText(text)}</a>`).text).toBe(text);
        }
      )
    );
  });

  it("drops the characters XML cannot hold when escaping", () => {
    expect(escapeXmlText("a\u0000b\u001Fc\td")).toBe("abc\td");
  });

  describe("refuses what a DTD declares, never expanding or fetching it", () => {
    const BILLION_LAUGHS = [
      '<?xml version="1.0"?>',
      "<!DOCTYPE Message [",
      '  <!ENTITY lol "lol">',
      '  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
      '  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
      "]>",
      "<Message>&lol3;</Message>",
    ].join("\n");
    it.each([
      ["an entity bomb", BILLION_LAUGHS, "<!DOCTYPE … [ … ]> with declarations such as <!ENTITY>"],
      [
        "an external entity",
        '<!DOCTYPE Message [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n<Message>&x;</Message>',
        "<!ENTITY>",
      ],
      [
        "an external DTD",
        '<!DOCTYPE Message SYSTEM "http://example.org/csww.dtd">\n<Message/>',
        "an external SYSTEM or PUBLIC reference",
      ],
      [
        "a public DTD",
        '<!DOCTYPE Message PUBLIC "-//X//DTD X//EN" "csww.dtd">\n<Message/>',
        "an external SYSTEM or PUBLIC reference",
      ],
    ])("%s", (_name, text, what) => {
      const err = syntaxError(text);
      expect(err.reason).toContain(what);
      expect(err.reason).toContain("never expanded or fetched");
      expect(err.reason).toContain("Remove the <!DOCTYPE …>");
      expect(err.message.split("\n")).toHaveLength(1);
    });

    it("reads a DOCTYPE that declares nothing", () => {
      expect(parseXml("<!DOCTYPE Message>\n<Message/>").name).toBe("Message");
    });
  });

  describe("decodes bytes by byte-order mark and declared encoding", () => {
    const TEXT = "<Message><QualInst>Université de Genève – Zoë</QualInst></Message>";
    const utf16le = (s: string) => new Uint8Array(Buffer.from(s, "utf16le"));
    const swap = (b: Uint8Array) => b.map((_, i) => b[i ^ 1]);
    const cases: [string, Uint8Array, string][] = [
      ["UTF-8", new Uint8Array(Buffer.from(TEXT, "utf8")), "utf-8"],
      ["UTF-8 with a BOM", new Uint8Array(Buffer.from("\uFEFF" + TEXT, "utf8")), "utf-8"],
      ["UTF-16 LE with a BOM", utf16le("\uFEFF" + TEXT), "utf-16le"],
      ["UTF-16 BE with a BOM", swap(utf16le("\uFEFF" + TEXT)), "utf-16be"],
      [
        "UTF-16 LE without a BOM, declared",
        utf16le('<?xml version="1.0" encoding="UTF-16"?>' + TEXT),
        "utf-16le",
      ],
    ];
    it.each(cases)("%s", (_name, bytes, encoding) => {
      const decoded = decodeXml(bytes);
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.note).toBeNull();
      expect(childElement(parseXml(decoded.text), "QualInst")!.text).toBe(
        "Université de Genève – Zoë"
      );
    });

    it("reads the encoding an XML declaration names (ISO-8859-1, Windows-1252)", () => {
      for (const label of ["ISO-8859-1", "windows-1252"]) {
        const head = `<?xml version="1.0" encoding="${label}"?>`;
        // é, è and ë as one byte each: not UTF-8.
        const bytes = new Uint8Array([
          ...Buffer.from(head + "<Message><QualInst>Universit", "latin1"),
          0xe9,
          ...Buffer.from(" de Gen", "latin1"),
          0xe8,
          ...Buffer.from("ve Zo", "latin1"),
          0xeb,
          ...Buffer.from("</QualInst></Message>", "latin1"),
        ]);
        const decoded = decodeXml(bytes);
        expect(decoded.encoding).toBe("windows-1252");
        expect(decoded.note).toBeNull();
        expect(childElement(parseXml(decoded.text), "QualInst")!.text).toBe(
          "Université de Genève Zoë"
        );
      }
    });

    it("reads bytes that are not UTF-8, with no declaration, as Windows-1252 with a note", () => {
      const bytes = new Uint8Array([
        ...Buffer.from("<a>Zo", "latin1"),
        0xeb,
        0x3c,
        0x2f,
        0x61,
        0x3e,
      ]);
      const decoded = decodeXml(bytes);
      expect(decoded).toMatchObject({ text: "<a>Zoë</a>", encoding: "windows-1252" });
      expect(decoded.note).toMatch(/not valid UTF-8.*Windows-1252/);
    });

    it("refuses an encoding no decoder knows, saying what to do", () => {
      expect(() =>
        decodeXml(new Uint8Array(Buffer.from('<?xml version="1.0" encoding="EBCDIC-X"?><a/>')))
      ).toThrow(/encoding "EBCDIC-X", which this reader does not know: save the file as UTF-8/);
    });
  });
});
