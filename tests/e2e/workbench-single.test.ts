/**
 * The single-file workbench, as an analyst uses it: the one .html file alone in an empty folder,
 * opened from disk (file://) in Debian's Chromium with the network switched off. It loads the
 * sample, builds the summary and downloads a workbook whose summary equals core's, with no
 * request for anything but the page itself (and data:/blob: URLs it makes), no error and no
 * Content-Security-Policy violation. Then the policy is shown to be in force: an injected inline
 * script does not run. Last, the same file served over HTTP (as from an intranet) works too.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { builtPage, SINGLE_FILE_WORKBENCH } from "../support/built-pages";
import { haveChromium, launchChromium } from "../support/chromium";
import { expectSampleSummaryEqualsCore } from "../support/summary-download";
import { sampleToDownload } from "../support/workbench-flow";

/** Records every Content-Security-Policy violation the page reports, before any of its scripts. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__cspViolations.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline"))
  , true);
`;

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

let browser: Browser;
let context: BrowserContext;
let folder: string;
let pageUrl: string;
let server: Server | undefined;

describe.skipIf(!haveChromium)("single-file workbench from disk, offline, in Chromium", () => {
  beforeAll(async () => {
    const built = await builtPage(SINGLE_FILE_WORKBENCH);
    folder = mkdtempSync(join(tmpdir(), "wfs-single-"));
    copyFileSync(built, join(folder, basename(built)));
    pageUrl = pathToFileURL(join(folder, basename(built))).href;
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
      offline: true,
    });
    await context.addInitScript(RECORD_VIOLATIONS);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("loads the sample, builds the summary and downloads a workbook whose summary equals core's, requesting nothing", async () => {
    expect(readdirSync(folder)).toEqual(["workforce-workbench.html"]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));

    await page.goto(pageUrl);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    const file = join(folder, "downloaded.xlsx");
    await sampleToDownload(page, file);

    expect(errors).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(requests[0]).toBe(pageUrl);
    expect(requests.filter((u) => u !== pageUrl && !/^(data|blob):/.test(u))).toEqual([]);
    // The Fluent styles are applied (constructed style sheets, which the policy allows).
    expect(
      await page.evaluate(() => document.adoptedStyleSheets.length),
      "Fluent's style sheets"
    ).toBeGreaterThan(0);

    await expectSampleSummaryEqualsCore(file);
  }, 240_000);

  it("is under a policy that blocks any other script, style or request", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.getByRole("button", { name: "Open the sample" }).waitFor();
    const result = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true;";
      document.body.appendChild(script);
      const style = document.createElement("style");
      style.textContent = "body { margin: 40px }";
      document.head.appendChild(style);
      let fetched = "yes";
      try {
        await fetch("data:text/plain,x");
      } catch {
        fetched = "no";
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      return {
        ran: (window as unknown as { __injected?: boolean }).__injected === true,
        margin: getComputedStyle(document.body).marginTop,
        fetched,
      };
    });
    expect(result).toEqual({ ran: false, margin: "0px", fetched: "no" });
    expect((await violations(page)).sort()).toEqual([
      "connect-src blocked data",
      "script-src-elem blocked inline",
      "style-src-elem blocked inline",
    ]);
  }, 60_000);

  it("works the same served over HTTP, as from an intranet", async () => {
    const html = readFileSync(join(folder, "workforce-workbench.html"));
    server = createServer((req, res) => {
      if (req.url === "/tools/workforce-workbench.html")
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tools/workforce-workbench.html`;
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    // The context is offline: let this page reach the local server only.
    await context.setOffline(false);
    try {
      await page.goto(url);
      await page.getByRole("button", { name: "Open the sample" }).click();
      await expect
        .poll(() => page.getByRole("button", { name: /Row 42, FTE: found "37"/ }).count(), {
          timeout: 30_000,
        })
        .toBe(1);
    } finally {
      await context.setOffline(true);
    }
    expect(problems).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(requests.filter((u) => !/^(data|blob):/.test(u))).toEqual([url]);
  }, 60_000);
});
