import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  childElement,
  childElements,
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
        "<!DOCTYPE Message [ <!ELEMENT Message ANY> ]>",
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
    ["<a>&nbsp;</a>", 1, '"&nbsp;" is not an entity XML knows'],
    ["<a>&#0;</a>", 1, '"&#0;" is not a character XML allows'],
    ["<a/>\n\ntext", 3, "text after the root element <a> has closed"],
    ["<a/>\n<b/>", 2, "a second root element <b> after <a>"],
    ["<a>\n1 < 2</a>", 2, 'a "<" that does not start a tag'],
    ["", 1, "no root element"],
    ["  \n <!-- only a comment -->", 2, "no root element"],
    ["<a>\n<!-- never closed </a>", 2, "a comment (<!--) that is never closed"],
    ["<a/>\n<?xml version='1.0'?>", 2, "an XML declaration (<?xml …?>) that is not at the start"],
    ['<a x="1" x="2"/>', 1, "attribute x given twice"],
    ["<a x=1/>", 1, "holds something that is not an attribute"],
    ["<a>\n</b>", 2, "the end tag </b> does not match"],
    ["</a>", 1, "an end tag </a> with no element open"],
    ["<a><b", 1, "the start tag <b is never closed"],
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
});
