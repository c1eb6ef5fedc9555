/**
 * Nothing leaves the user's machine: the built pages carry a Content-Security-Policy that allows
 * only their own files (and Office's script in Excel), load nothing from any other host, and
 * the bundles make no fetch or XMLHttpRequest to an external address. URLs that appear in the
 * bundles as text (XML namespaces, links in libraries' error messages) are listed here with
 * why they are inert; any new host fails the test until someone looks at it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ADDIN_PAGE,
  builtPage,
  ROOT,
  SINGLE_FILE_WORKBENCH,
  WORKBENCH_PAGE,
} from "../support/built-pages";

const OFFICE = "https://appsforoffice.microsoft.com";

/** Hosts that appear in bundle text but are never requested, and why. */
const INERT_HOSTS: Record<string, string> = {
  "schemas.openxmlformats.org": "Office Open XML namespaces (ExcelJS)",
  "schemas.microsoft.com": "Office XML namespaces (ExcelJS)",
  "www.w3.org": "XML and SVG namespaces",
  "purl.org": "Dublin Core namespaces in docProps (ExcelJS)",
  "github.com": "links in libraries' error messages and licence fields",
  "stuk.github.io": "a link in JSZip's error message",
  "reactjs.org": "links in React's error messages",
  "react.dev": "links in React's error messages",
  "fb.me": "links in React's warnings",
};

const pages = [
  {
    html: ADDIN_PAGE,
    dir: join(ROOT, "dist"),
    scripts: [OFFICE],
    // Office.js on the web injects inline styles (office-js #1687); the pane's own need none.
    styles: ["'self'", "'unsafe-inline'"],
  },
  {
    html: WORKBENCH_PAGE,
    dir: join(ROOT, "dist-workbench"),
    scripts: [] as string[],
    // And an empty <style> element (the hash of ""): FluentProvider's theme tag, filled through
    // the CSSOM. Without it the browser logs a violation on every load.
    styles: ["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"],
  },
];

beforeAll(async () => {
  await builtPage(ADDIN_PAGE);
  await builtPage(WORKBENCH_PAGE);
  await builtPage(SINGLE_FILE_WORKBENCH);
}, 900_000);

/** The page's Content-Security-Policy meta tag, as directive → sources. */
function policy(html: string): Record<string, string[]> {
  const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1];
  expect(csp, "CSP meta tag").toBeDefined();
  return Object.fromEntries(
    csp!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k, v])
  );
}

/**
 * Every src= and href= in the page's markup (not in the text of inline scripts, style sheets or
 * comments). Minified HTML may leave attribute values unquoted.
 */
const references = (html: string) =>
  [
    ...html
      .replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/gi, "<$1$2>")
      .replace(/<!--[\s\S]*?-->/g, "")
      .matchAll(/\b(?:src|href)=(?:"([^"]*)"|([^\s>"]+))/g),
  ].map((m) => m[1] ?? m[2]);

/** Fails on a request to an external address in a script, or a host nobody has looked at. */
function expectNoExternalRequests(name: string, code: string) {
  for (const m of code.matchAll(/\bfetch\(\s*(["'`])([^"'`]*)\1/g))
    expect(/^https?:/i.test(m[2]), `${name}: fetch("${m[2]}")`).toBe(false);
  for (const m of code.matchAll(/\.open\(\s*["'][A-Z]+["']\s*,\s*["'](https?:[^"']*)["']/g))
    expect.fail(`${name}: XMLHttpRequest to ${m[1]}`);
  expect(
    /new\s+WebSocket\(|navigator\.sendBeacon\(|new\s+EventSource\(/.test(code),
    `${name}: WebSocket, sendBeacon or EventSource`
  ).toBe(false);
  const hosts = new Set(
    [...code.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1].toLowerCase())
  );
  for (const host of hosts)
    expect(
      INERT_HOSTS[host] ?? (OFFICE.endsWith(host) ? "Office" : undefined),
      `${name}: ${host}`
    ).toBeDefined();
}

describe.each(pages)("$html", ({ html, dir, scripts, styles }) => {
  it("has a Content-Security-Policy allowing only its own files (and Office's script)", () => {
    const directives = policy(readFileSync(html, "utf8"));
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(["'self'", ...scripts]);
    expect(directives["style-src"]).toEqual(styles);
    for (const [name, sources] of Object.entries(directives)) {
      const allowed = ["'self'", "'none'", "data:", "blob:", ...scripts];
      if (name === "style-src") allowed.push(...styles);
      for (const s of sources as string[]) expect(allowed, `${name} ${s}`).toContain(s);
    }
  });

  it("loads nothing from another host", () => {
    const refs = references(readFileSync(html, "utf8"));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs)
      expect(
        ref.startsWith("data:") || !/^[a-z]+:/i.test(ref) || scripts.some((s) => ref.startsWith(s)),
        ref
      ).toBe(true);
  });

  it("bundles no request to an external address, and no unexplained host", () => {
    const bundles = readdirSync(dir).filter((f) => f.endsWith(".js"));
    expect(bundles.length).toBeGreaterThan(0);
    for (const file of bundles)
      expectNoExternalRequests(file, readFileSync(join(dir, file), "utf8"));
  });
});

describe("the single-file workbench", () => {
  const html = () => readFileSync(SINGLE_FILE_WORKBENCH, "utf8");
  const inline = (tag: string) =>
    [...html().matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, "gi"))].map(
      ([, attributes, text]) => ({ attributes, text })
    );
  const hash = (text: string) =>
    `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

  it("allows by its hash exactly the one inline script and style sheet it holds (and an empty style element), and nothing else", () => {
    const directives = policy(html());
    const scripts = inline("script");
    const styles = inline("style");
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(scripts[0].attributes.trim()).toBe("");
    expect(directives).toEqual({
      "default-src": ["'none'"],
      "script-src": [hash(scripts[0].text)],
      // And an empty <style> element: FluentProvider's theme tag, which it fills through the CSSOM.
      "style-src": [hash(styles[0].text), hash("")],
      "img-src": ["data:"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'none'"],
    });
  });

  it("refers to no file: everything is inside it", () => {
    const refs = references(html());
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref.startsWith("data:"), ref).toBe(true);
  });

  it("holds the whole workbench (ExcelJS, the sample) and requests no external address", () => {
    const [{ text: code }] = inline("script");
    expect(code).toContain("Open the sample");
    expect(code).toContain(
      readFileSync(join(ROOT, "examples", "sample-staff.xlsx")).toString("base64")
    );
    expect(code, "ExcelJS").toMatch(/xl\/worksheets\/sheet/);
    expectNoExternalRequests("workforce-workbench.html", code);
  });
});
