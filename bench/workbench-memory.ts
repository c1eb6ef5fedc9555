/**
 * The workbench tab's memory for big workbooks (figures, not pass/fail):
 *   node --import tsx bench/workbench-memory.ts [rows ...]      (default: 50000 100000)
 * For each size, a synthetic staff workbook (src/sample/generate.ts) is opened in the served
 * workbench in Debian's Chromium, its summary built and the workbook downloaded. After each step
 * the tab's JavaScript memory is measured with performance.measureUserAgentSpecificMemory() (the
 * page and its Web Worker, each on its own line; the page is served cross-origin isolated, which
 * that API needs), and the page's heap with CDP Performance.getMetrics (JSHeapUsedSize), with the
 * step's wall time. Builds the served workbench first if it is out of date.
 */
import { createReadStream, existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium, type Page } from "playwright-core";
import { XlsxWorkbook } from "../src/host/xlsx/xlsx-workbook";
import { generateStaff } from "../src/sample/generate";
import { builtPage, ROOT, WORKBENCH_PAGE } from "../tests/support/built-pages";
import { CHROMIUM } from "../tests/support/chromium";

const DIST = join(ROOT, "dist-workbench");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** dist-workbench/, cross-origin isolated (COOP + COEP), as measureUserAgentSpecificMemory needs. */
function serveIsolated(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const file = join(DIST, normalize(path === "/" ? "/index.html" : path));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Measured {
  page: number;
  worker: number;
  total: number;
  pageHeap: number;
}

async function measure(page: Page): Promise<Measured> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const pageHeap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN;
  await cdp.detach();
  const memory = await page.evaluate(async () => {
    const result = await (
      performance as unknown as {
        measureUserAgentSpecificMemory(): Promise<{
          bytes: number;
          breakdown: { bytes: number; attribution: { scope: string }[] }[];
        }>;
      }
    ).measureUserAgentSpecificMemory();
    let page = 0;
    let worker = 0;
    for (const b of result.breakdown) {
      if (b.attribution.some((a) => a.scope === "DedicatedWorkerGlobalScope")) worker += b.bytes;
      else page += b.bytes;
    }
    return { total: result.bytes, page, worker };
  });
  return { ...memory, pageHeap };
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const rowsList = sizes.length ? sizes : [50_000, 100_000];
  await builtPage(WORKBENCH_PAGE);
  const server = await serveIsolated();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Measure at once rather than at the next garbage collection (up to 20 s later).
      "--enable-blink-features=ForceEagerMeasureMemory",
    ],
  });
  const folder = mkdtempSync(join(tmpdir(), "wfs-memory-"));
  try {
    for (const rows of rowsList) {
      const data = generateStaff({ rows, seed: rows });
      const book = XlsxWorkbook.empty();
      book.workbook.addWorksheet("Staff").addRows(data.staff);
      book.workbook.addWorksheet("Posts").addRows(data.posts);
      const file = join(folder, `staff-${rows}.xlsx`);
      const bytes = await book.toBuffer();
      writeFileSync(file, bytes);

      const page = await browser.newPage({ acceptDownloads: true });
      await page.goto(url);
      const isolated = await page.evaluate(() => crossOriginIsolated);
      if (!isolated) throw new Error("the page is not cross-origin isolated: no measurement");
      const lines: string[] = [];
      const report = async (step: string, ms: number) => {
        const m = await measure(page);
        lines.push(
          `  ${step.padEnd(10)} ${`${(ms / 1000).toFixed(1)} s`.padStart(7)}   tab ${mb(m.total).padStart(7)} = page ${mb(m.page).padStart(7)} + worker ${mb(m.worker).padStart(7)}   (page JSHeapUsedSize ${mb(m.pageHeap)})`
        );
      };
      await report("start", 0);

      let t0 = performance.now();
      await page.locator('input[type="file"]').setInputFiles(file);
      const build = page.getByRole("button", { name: "Build scrutiny summary" });
      await build.waitFor();
      while (!(await build.isEnabled())) await page.waitForTimeout(100);
      await report("opened", performance.now() - t0);

      t0 = performance.now();
      await build.click();
      await page.getByText("Summary built").waitFor({ timeout: 600_000 });
      await report("built", performance.now() - t0);

      t0 = performance.now();
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 600_000 }),
        page.getByRole("button", { name: "Download" }).click(),
      ]);
      await download.saveAs(join(folder, `downloaded-${rows}.xlsx`));
      await report("downloaded", performance.now() - t0);

      console.log(`${rows.toLocaleString("en-GB")} staff rows (${mb(bytes.length)} .xlsx):`);
      for (const line of lines) console.log(line);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
