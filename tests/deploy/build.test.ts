/**
 * The deployment build: ADDIN_BASE_URL is checked (one line, and the build stops), and a build
 * with a good one writes a manifest valid against Microsoft's schemas with every URL under the
 * base, functions.json whose every helpUrl is an anchor of the built help page, and the hosting
 * configuration. The build runs webpack once into a temporary folder, in development mode to
 * keep the suite fast: what is tested here (the manifest, functions.json, help.html, copied
 * files) is made by the same plugins in both modes.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XmlDocument } from "libxml2-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json";

const require = createRequire(import.meta.url);
// Asynchronous, so the test worker keeps answering vitest while webpack runs.
const run = promisify(execFile);
const { JSDOM } = require("jsdom") as {
  JSDOM: new (html: string) => { window: { document: Document } };
};
const ROOT = join(__dirname, "..", "..");
const BASE = "https://addins.example.gov.uk/workforce/";

const { checkBaseUrl, manifestVersion, deploymentManifest, DEV_URL } =
  require("../../scripts/deployment.js") as {
    checkBaseUrl(url: string): string;
    manifestVersion(version: string): string;
    deploymentManifest(xml: string, o: { baseUrl?: string; version: string }): string;
    DEV_URL: string;
  };
const { validateManifestXml } = require("../../scripts/validate-manifest.js") as {
  validateManifestXml(xml: string): Promise<{ valid: boolean; errors: string[] }>;
};

const NS = {
  o: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
};
function xpath(xml: string, expression: string): string {
  const doc = XmlDocument.fromString(xml);
  try {
    return String(doc.eval(`string(${expression})`, NS));
  } finally {
    doc.dispose();
  }
}

describe("ADDIN_BASE_URL", () => {
  it("accepts an https URL ending in a slash", () => {
    expect(checkBaseUrl(BASE)).toBe(BASE);
    expect(checkBaseUrl("https://workforce.example.gov.uk/")).toBe(
      "https://workforce.example.gov.uk/"
    );
  });

  it.each([
    ["http://addins.example.gov.uk/workforce/", /must start with https/],
    ["https://addins.example.gov.uk/workforce", /must end with a slash/],
    ["https://localhost:3000/", /names this machine/],
    ["https://127.0.0.1/", /names this machine/],
    ["https://[::1]/", /names this machine/],
    ["https://app.localhost/", /names this machine/],
    ["addins.example.gov.uk/workforce/", /is not a URL/],
    ["https://addins.example.gov.uk/workforce/?v=1", /query/],
    ["https://user:pw@addins.example.gov.uk/", /user name or password/],
  ])("rejects %s in one line", (url, why) => {
    expect(() => checkBaseUrl(url)).toThrow(why);
    try {
      checkBaseUrl(url);
    } catch (err) {
      expect((err as Error).message).not.toContain("\n");
      expect((err as Error).message).toContain("e.g. ADDIN_BASE_URL=https://");
    }
  });

  it("stops the build with that line when it is wrong", async () => {
    const failed = await run("npx", ["webpack", "--mode", "production"], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_BASE_URL: "http://addins.example.gov.uk/workforce/" },
    }).then(
      () => null,
      (err: { code: number; stderr: string }) => err
    );
    expect(failed?.code).toBe(1);
    expect(failed!.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^build: ADDIN_BASE_URL "http:\/\/addins\.example\.gov\.uk\/workforce\/" must start with https:\/\//
      ),
    ]);
  });
});

describe("the manifest", () => {
  const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");

  it("takes its four-part Version from package.json", () => {
    expect(manifestVersion("1.2.3")).toBe("1.2.3.0");
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(() => manifestVersion("1.2.3-beta.1")).toThrow(/numbers only/);
  });

  it("keeps the development URLs without a base (npm start)", () => {
    const dev = deploymentManifest(source, { version: "0.1.0" });
    expect(xpath(dev, "/o:OfficeApp/o:DefaultSettings/o:SourceLocation/@DefaultValue")).toBe(
      `${DEV_URL}taskpane.html`
    );
  });

  it("refuses to ship a URL outside the base", () => {
    const stray = source.replace(
      `${DEV_URL}help.html"`,
      'https://elsewhere.example.com/help.html"'
    );
    expect(() => deploymentManifest(stray, { baseUrl: BASE, version: "0.1.0" })).toThrow(
      /not under https:\/\/addins\.example\.gov\.uk\/workforce\/: https:\/\/elsewhere/
    );
  });
});

describe(`npm run build with ADDIN_BASE_URL=${BASE}`, () => {
  const out = mkdtempSync(join(tmpdir(), "wfs-build-"));
  const file = (name: string) => readFileSync(join(out, name), "utf8");
  let manifest: string;
  let functions: { functions: { id: string; helpUrl?: string }[] };
  let help: Document;

  beforeAll(async () => {
    await run("npx", ["webpack", "--mode", "development", "--output-path", out], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_BASE_URL: BASE },
      maxBuffer: 64 * 1024 * 1024,
    });
    await run("node", ["scripts/check-functions-json.js", join(out, "functions.json")], {
      cwd: ROOT,
    });
    manifest = file("manifest.xml");
    functions = JSON.parse(file("functions.json"));
    help = new JSDOM(file("help.html")).window.document;
  }, 300_000);

  it("writes a manifest that is valid against the schemas, offline", async () => {
    expect(await validateManifestXml(manifest)).toEqual({ valid: true, errors: [] });
  });

  it("puts every URL in the manifest under the base", () => {
    const urls = [...manifest.matchAll(/"(https?:\/\/[^"]+)"/g)]
      .map((m) => m[1])
      .filter((u) => !u.startsWith("http://schemas.") && !u.startsWith("http://www.w3.org"));
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) expect(url.startsWith(BASE), url).toBe(true);
    expect(manifest).not.toContain("localhost");
  });

  it("names the provider and the version, and links support and Learn more to the help page", () => {
    expect(xpath(manifest, "/o:OfficeApp/o:ProviderName")).toBe("Workforce Scrutiny");
    expect(xpath(manifest, "/o:OfficeApp/o:Version")).toBe(manifestVersion(packageJson.version));
    expect(xpath(manifest, "/o:OfficeApp/o:SupportUrl/@DefaultValue")).toBe(
      `${BASE}help.html#support`
    );
    const learnMoreId = xpath(manifest, "//ov:GetStarted/ov:LearnMoreUrl/@resid");
    expect(xpath(manifest, `//bt:Url[@id="${learnMoreId}"]/@DefaultValue`)).toBe(
      `${BASE}help.html`
    );
    expect(help.getElementById("support")).not.toBeNull();
  });

  it("gives every function a helpUrl whose anchor is in the built help page", () => {
    expect(functions.functions.length).toBeGreaterThanOrEqual(15);
    for (const f of functions.functions) {
      expect(f.helpUrl, f.id).toMatch(new RegExp(`^${BASE}help\\.html#[a-z0-9-]+$`));
      const anchor = f.helpUrl!.split("#")[1];
      const target = help.getElementById(anchor);
      expect(target, `${f.id}: #${anchor}`).not.toBeNull();
      expect(target!.textContent, f.id).toContain(`WORKFORCE.${f.id}(`);
    }
  });

  it("writes a help page with privacy, support and accessibility sections and no request elsewhere", () => {
    expect(help.documentElement.lang).toBe("en-GB");
    expect(help.querySelectorAll("h1")).toHaveLength(1);
    const levels = Array.from(help.querySelectorAll("h1, h2, h3, h4")).map((h) =>
      Number(h.tagName[1])
    );
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1], `heading ${i}`).toBeLessThanOrEqual(1);
    });
    for (const id of ["about", "functions", "privacy", "support", "accessibility"])
      expect(help.getElementById(id)?.tagName, id).toBe("H2");
    const csp = help
      .querySelector('meta[http-equiv="Content-Security-Policy"]')
      ?.getAttribute("content");
    expect(csp).toMatch(/^default-src 'none'; style-src 'self'; img-src 'self';/);
    expect(help.querySelectorAll("script")).toHaveLength(0);
    for (const el of Array.from(help.querySelectorAll("[src], link[href]"))) {
      const ref = el.getAttribute("src") ?? el.getAttribute("href")!;
      expect(/^[a-z]+:/i.test(ref), ref).toBe(false);
    }
    file("help.css"); // the page's style sheet is in the bundle
  });

  it("copies the IIS and Azure Static Web Apps configuration into the site", () => {
    for (const name of ["web.config", "staticwebapp.config.json"])
      expect(file(name), name).toBe(readFileSync(join(ROOT, "deploy", name), "utf8"));
  });
});

describe("help.css", () => {
  const css = readFileSync(join(ROOT, "src", "help", "help.css"), "utf8");
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  it("has text, link and code colours of at least 4.5:1 in light and dark mode (WCAG 1.4.3)", () => {
    const schemes = [
      ...css.matchAll(
        /--text: (#\w{6});\s+--background: (#\w{6});\s+--link: (#\w{6});\s+--code-background: (#\w{6});/g
      ),
    ];
    expect(schemes).toHaveLength(2);
    for (const [, text, background, link, code] of schemes) {
      expect(contrast(text, background), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(link, background), `${link} on ${background}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(text, code), `${text} on ${code}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
