// @vitest-environment jsdom
/**
 * The style renderer for the page's Content-Security-Policy (style-src 'self'): rules go into
 * constructed style sheets, in Griffel's bucket order. jsdom has no adoptedStyleSheets, so a small
 * stand-in document is used; in jsdom itself the renderer falls back to Griffel's own.
 */
import { webLightTheme } from "@fluentui/react-components";
import { describe, expect, test } from "vitest";
import {
  applyThemeVariables,
  canAdoptStyleSheets,
  createCspSafeRenderer,
} from "../../src/taskpane/app/csp-styles";

class FakeSheet {
  readonly rules: string[] = [];
  get cssRules() {
    return this.rules;
  }
  insertRule(rule: string, index: number): number {
    if (rule.includes("::-moz-bogus")) throw new SyntaxError("bad rule");
    this.rules.splice(index, 0, rule);
    return index;
  }
}

function fakeDocument() {
  const other = new FakeSheet();
  const doc = {
    adoptedStyleSheets: [other] as unknown as CSSStyleSheet[],
    defaultView: { CSSStyleSheet: FakeSheet },
  };
  return { doc: doc as unknown as Document, other };
}

const rulesOf = (doc: Document) =>
  (doc.adoptedStyleSheets as unknown as FakeSheet[]).map((s) => s.rules);

describe("createCspSafeRenderer", () => {
  test("puts each bucket's rules in its own constructed sheet, in Griffel's order", () => {
    const { doc, other } = fakeDocument();
    expect(canAdoptStyleSheets(doc)).toBe(true);
    const renderer = createCspSafeRenderer(doc);
    renderer.insertCSSRules({ h: [".a:hover{color:red;}"], d: [".b{color:blue;}"] });
    renderer.insertCSSRules({
      r: [".reset{margin:0;}"],
      m: [["@media (min-width: 600px){.c{color:green;}}", { m: "(min-width: 600px)" }]],
      d: [".b{color:blue;}", ".e{color:black;}"],
    });
    expect(rulesOf(doc)).toEqual([
      [], // a sheet adopted by someone else stays, first
      [".reset{margin:0;}"],
      [".b{color:blue;}", ".e{color:black;}"], // each rule once
      [".a:hover{color:red;}"],
      ["@media (min-width: 600px){.c{color:green;}}"],
    ]);
    expect(doc.adoptedStyleSheets[0]).toBe(other);
  });

  test("a rule the browser rejects is skipped, as Griffel skips it", () => {
    const { doc } = fakeDocument();
    const renderer = createCspSafeRenderer(doc);
    renderer.insertCSSRules({ d: [".x::-moz-bogus{color:red;}", ".y{color:red;}"] });
    expect(rulesOf(doc).flat()).toEqual([".y{color:red;}"]);
  });

  test("without constructed style sheets (jsdom, old WebViews) Griffel's renderer is used", () => {
    expect(canAdoptStyleSheets(document)).toBe(false);
    const renderer = createCspSafeRenderer(document);
    renderer.insertCSSRules({ d: [".z{color:red;}"] });
    const styles = Array.from(document.head.querySelectorAll("style"));
    expect(
      styles.some((s) => Array.from(s.sheet?.cssRules ?? []).some((r) => r.cssText.includes(".z")))
    ).toBe(true);
  });
});

test("applyThemeVariables sets the theme's tokens as CSS variables", () => {
  const el = document.createElement("div");
  applyThemeVariables(el, webLightTheme);
  expect(el.style.getPropertyValue("--colorNeutralForeground1")).toBe(
    webLightTheme.colorNeutralForeground1
  );
  expect(el.style.getPropertyValue("--fontFamilyBase")).toBe(webLightTheme.fontFamilyBase);
});
