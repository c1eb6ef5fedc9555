/**
 * npm run bench: figures, not pass/fail. For synthetic staff tables of 10k, 100k and 1M rows:
 * ingest + all headline measures (time, rows per second, peak memory); and the cost of 100
 * table-form custom-function calls over one 10k-row range (Excel calls each cell's function
 * separately: the table must be parsed once, not 100 times).
 */
import { ingestPosts, ingestStaff } from "../src/core/ingest";
import { buildSummaryPlan } from "../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../src/core/summary/options";
import { HEADLINE_KEYS, findMeasure } from "../src/core/measures/catalogue";
import { Population } from "../src/core/measures/population";
import { defaultAsOf, workforceData } from "../src/core/report";
import { headcount, turnover } from "../src/functions/functions";
import { staffTables } from "../src/functions/table-cache";
import { generateStaff } from "../src/sample/generate";
import { OfficeWorkbook } from "../src/host/office/office-workbook";
import { fakeExcel } from "../tests/host/office/fake-excel";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;

async function timedAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

console.log(
  "Workforce Scrutiny benchmarks (node %s, %s)\n",
  process.version,
  new Date().toISOString().slice(0, 10)
);
console.log("1. Ingest + all headline measures");
console.log("rows       ingest    measures  total     rows/s       peak RSS   heap after");
for (const rows of [10_000, 100_000, 1_000_000]) {
  const { staff } = generateStaff({ rows, seed: 1, messy: true });
  gc();
  const [table, tIngest] = timed(() => ingestStaff(staff));
  const asOf = defaultAsOf(table.records)!;
  const [, tMeasures] = timed(() => {
    const p = new Population(workforceData(table, null), { asOf });
    return HEADLINE_KEYS.map((k) => findMeasure(k)!.compute(p));
  });
  const total = tIngest + tMeasures;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `${String(rows).padEnd(10)} ${ms(tIngest).padEnd(9)} ${ms(tMeasures).padEnd(9)} ${ms(total).padEnd(9)} ${Math.round(
      rows / (total / 1000)
    )
      .toLocaleString("en-GB")
      .padEnd(12)} ${mb(peak).padEnd(10)} ${mb(process.memoryUsage().heapUsed)}`
  );
}

console.log("\n2. 100 table-form calls over the same 10k-row range");
const { staff } = generateStaff({ rows: 10_000, seed: 2 });
const [, tOne] = timed(() => ingestStaff(staff));
const before = staffTables.parses;
const [, tSame] = timed(() => {
  for (let i = 0; i < 100; i++) headcount(staff, null, i % 2 ? "North" : undefined);
});
const parsesSame = staffTables.parses - before;
// Excel hands each call its own copy of the range: the content fingerprint must still hit.
const copies = Array.from({ length: 100 }, () => staff.map((row) => [...row]));
const before2 = staffTables.parses;
const [, tCopies] = timed(() => {
  copies.forEach((c, i) => turnover(c, null, i % 2 ? "South" : undefined));
});
const parsesCopies = staffTables.parses - before2;
console.log(`one parse of the range:                ${ms(tOne)}`);
console.log(`100 calls, same array:                 ${ms(tSame)} (${parsesSame} parses)`);
console.log(
  `100 calls, a fresh copy each time:     ${ms(tCopies)} (${parsesCopies} parse${parsesCopies === 1 ? "" : "s"})`
);
console.log(
  `100 naive parses would take about:     ${ms(tOne * 100)}; ratio naive / cached copies: ${((tOne * 100) / tCopies).toFixed(1)}x`
);

console.log("\n3. Building the scrutiny summary plan (formulas + core's value for each)");
for (const rows of [10_000, 100_000]) {
  const { staff: grid, posts } = generateStaff({ rows, seed: 3, messy: true });
  const table = ingestStaff(grid);
  const postsTable = ingestPosts(posts);
  const [plan, t] = timed(() =>
    buildSummaryPlan({
      staff: table,
      posts: postsTable,
      options: DEFAULT_SUMMARY_OPTIONS,
      source: { staffTable: "Staff", postsTable: "Posts" },
    })
  );
  const formulas = plan.sheets
    .flatMap((s) => [...s.blocks, ...s.tables])
    .flatMap((b) => b.cells.flat())
    .filter((c) => c.formula).length;
  console.log(`${String(rows).padEnd(10)} ${ms(t).padEnd(9)} ${formulas} formulas`);
}

async function syncCounts() {
  console.log(
    "\n4. Context.sync calls a build issues in Excel (Office.js adapter over a recording fake of Excel)"
  );
  for (const rows of [100, 10_000, 100_000]) {
    const { staff: grid, posts } = generateStaff({ rows, seed: 4 });
    const plan = buildSummaryPlan({
      staff: ingestStaff(grid),
      posts: ingestPosts(posts),
      options: DEFAULT_SUMMARY_OPTIONS,
      source: { staffTable: "Staff", postsTable: "Posts" },
    });
    const excel = fakeExcel([{ name: "Staff" }]);
    const [result, t] = await timedAsync(() => new OfficeWorkbook(excel.run).writePlan(plan));
    console.log(
      `${String(rows).padEnd(10)} ${String(result.syncs).padEnd(3)} syncs   (adapter time against the fake: ${ms(t)})`
    );
  }
}

/** `workforce summary` as a user runs it (a child process): wall time and peak memory. */
async function cliSummary() {
  const { execFileSync } = await import("node:child_process");
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "wfs-bench-"));
  console.log("\n5. workforce summary (CSV in, .xlsx out), as a child process");
  for (const rows of [10_000, 100_000]) {
    const { staff } = generateStaff({ rows, seed: 6 });
    const csv = join(dir, `staff-${rows}.csv`);
    writeFileSync(
      csv,
      staff.map((r) => r.map((v) => (v === null ? "" : String(v))).join(",")).join("\n")
    );
    const script = `const t0=Date.now();require(${JSON.stringify(join(__dirname, "..", "dist", "node", "cli", "main.js"))}).main(["summary",${JSON.stringify(csv)},"-o",${JSON.stringify(join(dir, `out-${rows}.xlsx`))}],()=>{},()=>{}).then(c=>{process.stdout.write(JSON.stringify({c,ms:Date.now()-t0,rss:process.resourceUsage().maxRSS*1024}))})`;
    const result = JSON.parse(
      execFileSync(process.execPath, ["-e", script], { encoding: "utf8", maxBuffer: 1 << 20 })
    );
    console.log(
      `${String(rows).padEnd(10)} ${ms(result.ms).padEnd(10)} peak RSS ${mb(result.rss)}${result.c === 0 ? "" : `  (exit ${result.c})`}`
    );
  }
}

/** What the browser downloads before a user opens a file: the workbench's initial JavaScript. */
async function initialJs() {
  const { existsSync, readFileSync, readdirSync } = await import("node:fs");
  const { gzipSync } = await import("node:zlib");
  const { join } = await import("node:path");
  console.log("\n6. Initial JavaScript of the pages (gzip); heavy libraries load only when needed");
  for (const [page, dir, entry] of [
    ["workbench", "dist-workbench", "workbench.js"],
    ["add-in task pane", "dist", "taskpane.js"],
    ["add-in functions", "dist", "functions.js"],
  ] as const) {
    const path = join(__dirname, "..", dir);
    if (!existsSync(join(path, entry))) {
      console.log(`${page}: not built (npm run build / npm run build:workbench)`);
      continue;
    }
    const size = (f: string) => readFileSync(join(path, f)).length;
    const gz = (f: string) => gzipSync(readFileSync(join(path, f))).length;
    const lazy = readdirSync(path).filter(
      (f) =>
        f.endsWith(".js") &&
        f !== entry &&
        !["commands.js", "functions.js", "taskpane.js"].includes(f)
    );
    console.log(
      `${page.padEnd(18)} ${entry}: ${(size(entry) / 1024).toFixed(0)} KB, gzip ${(gz(entry) / 1024).toFixed(0)} KB; loaded on demand: ${lazy.map((f) => `${f} gzip ${(gz(f) / 1024).toFixed(0)} KB`).join(", ") || "none"}`
    );
  }
}

void syncCounts().then(cliSummary).then(initialJs);
