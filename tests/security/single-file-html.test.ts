/**
 * The single-file build's inlining and its policy check (scripts/single-file-html.js): the check
 * the build runs on its output fails on any inline script or style sheet the policy does not allow
 * by hash, and on anything that would weaken the policy. The hashes are checked against Node's
 * own SHA-256 here; the real browser's verdict is in tests/e2e/workbench-single.test.ts.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const single = require("../../scripts/single-file-html.js") as {
  cspHash: (text: string) => string;
  inlineTextProblem: (tag: string, text: string) => string | null;
  policyProblems: (html: string) => string[];
  singleFileHtml: (parts: {
    template: string;
    script: string;
    css: string;
    licences?: string;
  }) => string;
};

const TEMPLATE = readFileSync(
  join(__dirname, "..", "..", "src", "workbench", "workbench.html"),
  "utf8"
);
const script = 'document.getElementById("root").textContent = "ready";';
const css = "body { margin: 0 }";
const page = () =>
  single.singleFileHtml({ template: TEMPLATE, script, css, licences: "MIT -- see LICENSE" });

describe("singleFileHtml", () => {
  it("inlines the script and style sheet and allows each by its SHA-256 hash", () => {
    const html = page();
    const sha = (t: string) => createHash("sha256").update(t).digest("base64");
    expect(html).toContain(`<script>${script}</script>`);
    expect(html).toContain(`<style>${css}</style>`);
    expect(html).toContain(`script-src 'sha256-${sha(script)}';`);
    // And an empty <style> element (FluentProvider's theme tag, filled through the CSSOM).
    expect(html).toContain(`style-src 'sha256-${sha(css)}' 'sha256-${sha("")}';`);
    expect(html).not.toMatch(/<link rel="stylesheet"|'self'|unsafe-inline/);
    expect(html).toContain("<!--\nMIT - - see LICENSE\n-->");
    expect(single.policyProblems(html)).toEqual([]);
  });

  it("refuses text that would end the element early or change its hash", () => {
    expect(single.inlineTextProblem("script", 'x = "</SCRIPT>"')).toMatch(/<\/script/);
    expect(single.inlineTextProblem("script", 'x = "<!--"')).toMatch(/<!--/);
    expect(single.inlineTextProblem("style", "a::after { content: '</style>' }")).toMatch(/style/);
    expect(single.inlineTextProblem("script", "a;\r\nb;")).toMatch(/carriage return/);
    expect(single.inlineTextProblem("script", 'x = "<\\/script>"')).toBeNull();
    expect(() =>
      single.singleFileHtml({ template: TEMPLATE, script: 'x="</script>"', css })
    ).toThrow(/cannot be inlined/);
  });

  it("escapes '<!--' in a regular expression literal (Terser leaves it there) to the same pattern", () => {
    const code = 'window.found = /<!--[\\s\\S]*?-->/.test("a <!-- b --> c");';
    const html = single.singleFileHtml({ template: TEMPLATE, script: code, css });
    const inlined = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    expect(inlined).not.toContain("<!--");
    expect(single.policyProblems(html)).toEqual([]);
    const window: { found?: boolean } = {};
    new Function("window", inlined)(window);
    expect(window.found).toBe(true);
  });

  it("fails when the template no longer has the parts it replaces", () => {
    expect(() =>
      single.singleFileHtml({ template: "<html><body></body></html>", script, css })
    ).toThrow(/Content-Security-Policy meta tag/);
  });
});

describe("policyProblems (the build fails on any of these)", () => {
  it("an inline script whose hash is not in the policy", () => {
    const html = page().replace("</body>", "<script>alert(1)</script></body>");
    expect(single.policyProblems(html)).toEqual([
      "the hash of inline <script> number 2 is not in script-src",
    ]);
  });

  it("a script changed after its hash was taken", () => {
    const html = page().replace(script, script.replace("ready", "steady"));
    expect(single.policyProblems(html)).toEqual([
      "the hash of inline <script> number 1 is not in script-src",
    ]);
  });

  it("an inline style sheet whose hash is not in the policy", () => {
    const html = page().replace("</head>", "<style>p{color:red}</style></head>");
    expect(single.policyProblems(html)).toEqual([
      "the hash of inline <style> number 2 is not in style-src",
    ]);
  });

  it("a script or style sheet loaded from a file", () => {
    const html = page()
      .replace("</body>", '<script src="more.js"></script></body>')
      .replace("</head>", '<link rel="stylesheet" href="more.css" /></head>');
    expect(single.policyProblems(html)).toEqual([
      'a <script> loads a file: src="more.js"',
      'a <link> loads a file: rel="stylesheet" href="more.css" /',
    ]);
  });

  it("a policy weakened by 'unsafe-inline', 'self', a host or another default", () => {
    const weaken = (from: string, to: string) => single.policyProblems(page().replace(from, to));
    expect(weaken("script-src ", "script-src 'unsafe-inline' ")).toEqual([
      "script-src allows 'unsafe-inline'",
    ]);
    expect(weaken("img-src data:", "img-src data: https://example.org")).toEqual([
      "img-src allows https://example.org",
    ]);
    expect(weaken("default-src 'none'", "default-src 'self'")).toEqual([
      "default-src is not 'none'",
      "default-src allows 'self'",
    ]);
  });

  it("no policy, or no script", () => {
    expect(single.policyProblems("<html><script>x</script></html>")).toEqual([
      "expected one Content-Security-Policy meta tag, found 0",
    ]);
    expect(single.policyProblems(page().replace(`<script>${script}</script>`, ""))).toEqual([
      "the file holds no script",
    ]);
  });
});
