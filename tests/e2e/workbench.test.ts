/**
 * End to end in a real browser: Debian's Chromium driven by playwright-core opens the built
 * workbench, loads the sample, checks it, builds the summary and downloads the workbook; the
 * downloaded file is read back and its summary values equal core's. Screenshots of the pane and
 * the summary go to $WFS_SCREENSHOTS (default: a temporary folder).
 */
import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { builtPage, WORKBENCH_PAGE } from "../support/built-pages";
import { haveChromium, launchChromium } from "../support/chromium";
import { expectSampleSummaryEqualsCore } from "../support/summary-download";
import { sampleToDownload } from "../support/workbench-flow";

const SHOTS = process.env.WFS_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), "wfs-shots-"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require("../../scripts/serve-workbench.js") as {
  serve: (port: number) => Promise<Server>;
};

let browser: Browser;
let server: Server;
let page: Page;
const port = 18_000 + Math.floor(Math.random() * 1000);

describe.skipIf(!haveChromium)("workbench in Chromium", () => {
  beforeAll(async () => {
    await builtPage(WORKBENCH_PAGE);
    server = await serve(port);
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("loads the sample, checks it, builds the summary, and downloads a workbook whose summary equals core's", async () => {
    const failures: string[] = [];
    page.on("pageerror", (e) => failures.push(String(e)));
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`http://127.0.0.1:${port}/`);

    const file = join(SHOTS, "downloaded.xlsx");
    await sampleToDownload(page, file, SHOTS);
    expect(failures).toEqual([]);
    expect(
      requests.every(
        (u) =>
          u.startsWith(`http://127.0.0.1:${port}/`) ||
          u.startsWith("data:") ||
          u.startsWith("blob:")
      )
    ).toBe(true);

    // Read the download back: every formula cell's cached value equals core's value for it.
    await expectSampleSummaryEqualsCore(file);
  }, 180_000);
});
