/**
 * End to end in a real browser: Debian's Chromium driven by playwright-core opens the built
 * workbench, loads the sample, checks it, builds the summary and downloads the workbook; the
 * downloaded file is read back and its summary values equal core's. Screenshots of the pane and
 * the summary go to $WFS_SCREENSHOTS (default: a temporary folder).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { buildSummaryPlan } from "../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import { XlsxWorkbook } from "../../src/host/xlsx/xlsx-workbook";
import { plainCell } from "../../src/host/xlsx/cell-values";
import { readSheets } from "../../src/node/read-file";

const ROOT = join(__dirname, "..", "..");
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = process.env.WFS_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), "wfs-shots-"));
const haveChromium = existsSync(CHROMIUM);
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
    if (!existsSync(join(ROOT, "dist-workbench", "index.html"))) {
      execFileSync("npx", ["webpack", "--config", "webpack.workbench.js", "--mode", "production"], {
        cwd: ROOT,
        stdio: "ignore",
      });
    }
    server = await serve(port);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
  }, 180_000);

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
    await page.getByRole("button", { name: "Open the sample" }).click();

    // Check: the sample's two bad rows are listed, each a button that selects its cell.
    await expect
      .poll(() => page.getByRole("button", { name: /Row 42, FTE: found "37"/ }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await page.getByRole("button", { name: /Row 98, Start Date/ }).click();
    await page.screenshot({ path: join(SHOTS, "pane-check.png") });

    await page.getByRole("button", { name: "Build scrutiny summary" }).click();
    await expect
      .poll(() => page.getByRole("tab", { name: "Scrutiny summary" }).count(), { timeout: 60_000 })
      .toBe(1);
    await page.screenshot({ path: join(SHOTS, "workbench-summary.png") });
    await page.locator(".pane").screenshot({ path: join(SHOTS, "pane.png") });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download" }).click(),
    ]);
    const file = join(SHOTS, "downloaded.xlsx");
    await download.saveAs(file);
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
    const sample = await readSheets(join(ROOT, "examples", "sample-staff.xlsx"));
    const plan = buildSummaryPlan({
      staff: ingestStaff(sample.find((s) => s.name === "Staff")!.grid),
      posts: ingestPosts(sample.find((s) => s.name === "Posts")!.grid),
      options: DEFAULT_SUMMARY_OPTIONS,
      source: { staffTable: "Staff", postsTable: "Posts" },
    });
    const book = await XlsxWorkbook.fromBuffer(readFileSync(file));
    const ws = book.workbook.getWorksheet("Scrutiny summary")!;
    expect(ws).toBeDefined();
    const cells = plan.sheets[0].blocks[0].cells;
    let compared = 0;
    cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell.formula) return;
        const got = plainCell(ws.getCell(r + 1, c + 1));
        if (typeof cell.value === "number")
          expect(got as number, `R${r + 1}C${c + 1}`).toBeCloseTo(cell.value, 9);
        else expect(got, `R${r + 1}C${c + 1}`).toBe(cell.value);
        compared++;
      })
    );
    expect(compared).toBeGreaterThan(300);
  }, 180_000);
});
