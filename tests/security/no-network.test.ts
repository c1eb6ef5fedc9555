/**
 * Nothing leaves the user's machine: the built pages carry a Content-Security-Policy that allows
 * only their own files (and Office's script in Excel), load nothing from any other host, and
 * the bundles make no fetch or XMLHttpRequest to an external address. URLs that appear in the
 * bundles as text (XML namespaces, links in libraries' error messages) are listed here with
 * why they are inert; any new host fails the test until someone looks at it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
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
    html: join(ROOT, "dist", "taskpane.html"),
    dir: join(ROOT, "dist"),
    scripts: [OFFICE],
    // Office.js on the web injects inline styles (office-js #1687); the pane's own need none.
    styles: ["'self'", "'unsafe-inline'"],
  },
  {
    html: join(ROOT, "dist-workbench", "index.html"),
    dir: join(ROOT, "dist-workbench"),
    scripts: [] as string[],
    styles: ["'self'"],
  },
];

beforeAll(() => {
  if (!existsSync(pages[0].html))
    execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "ignore" });
  if (!existsSync(pages[1].html))
    execFileSync("npx", ["webpack", "--config", "webpack.workbench.js", "--mode", "production"], {
      cwd: ROOT,
      stdio: "ignore",
    });
}, 300_000);

describe.each(pages)("$html", ({ html, dir, scripts, styles }) => {
  it("has a Content-Security-Policy allowing only its own files (and Office's script)", () => {
    const text = readFileSync(html, "utf8");
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(text)?.[1];
    expect(csp, "CSP meta tag").toBeDefined();
    const directives = Object.fromEntries(
      csp!
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([k, ...v]) => [k, v])
    );
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
    const text = readFileSync(html, "utf8");
    // Minified HTML may leave attribute values unquoted.
    const refs = [...text.matchAll(/\b(?:src|href)=(?:"([^"]*)"|([^\s>"]+))/g)].map(
      (m) => m[1] ?? m[2]
    );
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
    for (const file of bundles) {
      const code = readFileSync(join(dir, file), "utf8");
      for (const m of code.matchAll(/\bfetch\(\s*(["'`])([^"'`]*)\1/g))
        expect(/^https?:/i.test(m[2]), `${file}: fetch("${m[2]}")`).toBe(false);
      for (const m of code.matchAll(/\.open\(\s*["'][A-Z]+["']\s*,\s*["'](https?:[^"']*)["']/g))
        expect.fail(`${file}: XMLHttpRequest to ${m[1]}`);
      expect(
        /new\s+WebSocket\(|navigator\.sendBeacon\(|new\s+EventSource\(/.test(code),
        `${file}: WebSocket, sendBeacon or EventSource`
      ).toBe(false);
      const hosts = new Set(
        [...code.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1].toLowerCase())
      );
      for (const host of hosts)
        expect(
          INERT_HOSTS[host] ?? (OFFICE.endsWith(host) ? "Office" : undefined),
          `${file}: ${host}`
        ).toBeDefined();
    }
  });
});
