/**
 * npm run bench [-- --before DIR]: figures, not pass/fail, on synthetic staff tables of 10k to
 * 1M rows (`generateStaff`, written as CSV files to a temporary folder).
 *
 * 1. `workforce metrics` as a user runs it (a child process: wall time, peak memory), beside a
 *    30-line pandas script computing the same headline measures (when Debian's python3 has pandas).
 * 2. `workforce summary` stage by stage (read + ingest, plan, write), each size in its own child
 *    process so its peak memory is its own (bench/stages.mjs).
 * 3. LibreOffice recalculating and saving the file we just wrote, side by side.
 * 4. The custom functions' parse-once cache: 100 calls over one range, and the memory a cached
 *    table holds.
 * 5. `context.sync` calls of a build in Excel, and the pages' initial JavaScript.
 *
 * `--before DIR` runs 1 and 2 also on another checkout (built: `npm ci && npm run build:cli`),
 * e.g. `git worktree add ../before <commit>`, for the README's before/after table. The time
 * against rows chart goes to docs/bench-scaling.svg. The compiled command line (dist/node) is
 * rebuilt first, so it is this checkout's code that is timed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { ingestPosts, ingestStaff } from "../src/core/ingest";
import { buildSummaryPlan } from "../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../src/core/summary/options";
import { headcount, turnover } from "../src/functions/functions";
import { staffTables } from "../src/functions/table-cache";
import { generateStaff } from "../src/sample/generate";
import { OfficeWorkbook } from "../src/host/office/office-workbook";
import { fakeExcel } from "../tests/host/office/fake-excel";
import { convert, makeProfile, onPath } from "../tests/host/xlsx/libreoffice";
import { heapBytesOf } from "./ingest";
import { scalingChart, type Series } from "./svg-chart";

const ROOT = resolve(__dirname, "..");
const { values: flags } = parseArgs({
  options: { before: { type: "string" }, sizes: { type: "string" } },
});
const BEFORE = flags.before ? resolve(flags.before) : null;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const secs = (ms: number) =>
  ms >= 10_000
    ? `${(ms / 1000).toFixed(0)} s`
    : ms >= 1000
      ? `${(ms / 1000).toFixed(1)} s`
      : `${ms.toFixed(0)} ms`;
const rowsLabel = (n: number) =>
  n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

console.log(
  "Workforce Scrutiny benchmarks (node %s, %s)",
  process.version,
  new Date().toISOString().slice(0, 10)
);
console.log("Building the command line (npm run build:cli) ...\n");
execFileSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, stdio: "inherit" });

const DIR = mkdtempSync(join(tmpdir(), "wfs-bench-"));
// --sizes 10000,20000 for a quick look; the README's figures use all four.
const SIZES = flags.sizes
  ? flags.sizes.split(",").map(Number)
  : [10_000, 20_000, 100_000, 1_000_000];
const csvOf = new Map<number, string>();
for (const rows of SIZES) {
  const { staff } = generateStaff({ rows, seed: 6 });
  const path = join(DIR, `staff-${rows}.csv`);
  writeFileSync(
    path,
    staff.map((r) => r.map((v) => (v === null ? "" : String(v))).join(",")).join("\n")
  );
  csvOf.set(rows, path);
}

interface Run {
  ms: number;
  rss: number;
}

/** `workforce ARGS` from a checkout's compiled command line, in a child process. */
function cli(root: string, args: string[]): Run | null {
  const script = `require(${JSON.stringify(join(root, "dist", "node", "cli", "main.js"))}).main(${JSON.stringify(args)},()=>{},()=>{}).then(c=>{process.stderr.write("\\n@@"+JSON.stringify({c,rss:process.resourceUsage().maxRSS*1024}))})`;
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t0;
  const tail = /@@(.*)$/.exec(child.stderr ?? "");
  if (!tail) return null;
  const result = JSON.parse(tail[1]) as { c: number; rss: number };
  return result.c === 0 ? { ms, rss: result.rss } : null;
}

/** The pandas script (bench/pandas_headline.py) under Debian's python3, when pandas is there. */
function pandas(file: string): Run | null {
  const python = "/usr/bin/python3";
  const script = join(ROOT, "bench", "pandas_headline.py");
  if (!existsSync(python) || !existsSync(script)) return null;
  const wrapper = `import resource,runpy,sys;sys.argv=[${JSON.stringify(script)},${JSON.stringify(file)}];runpy.run_path(sys.argv[0],run_name="__main__");sys.stderr.write("\\n@@%d"%resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)`;
  const t0 = performance.now();
  const child = spawnSync(python, ["-c", wrapper], { encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  const tail = /@@(\d+)$/.exec(child.stderr ?? "");
  return child.status === 0 && tail ? { ms, rss: Number(tail[1]) * 1024 } : null;
}

interface Stages {
  rows: number;
  ingestMs: number;
  planMs: number;
  writeMs: number;
  totalMs: number;
  bytes: number;
  peakRss: number;
}

/** `workforce summary`'s stages in a child process (bench/stages.mjs) on a checkout. */
function stages(root: string, rows: number, out: string): Stages | null {
  const child = spawnSync(
    process.execPath,
    [join(ROOT, "bench", "stages.mjs"), "--root", root, "--file", csvOf.get(rows)!, "--out", out],
    { encoding: "utf8", maxBuffer: 1 << 26 }
  );
  if (child.status !== 0) {
    console.log(
      `  (${rowsLabel(rows)} on ${root} failed: ${(child.stderr ?? "").trim().split("\n").pop()})`
    );
    return null;
  }
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as Stages;
}

const cell = (run: Run | null) => (run ? `${secs(run.ms)}, ${mb(run.rss)}` : "-");
const pad = (s: string, n: number) => s.padEnd(n);

// 1. workforce metrics
console.log("1. workforce metrics FILE.csv (a child process: wall time, peak RSS)");
console.log(
  `${pad("rows", 8)} ${pad("this checkout", 20)} ${pad(BEFORE ? "before" : "", 20)} pandas (Debian python3)`
);
const metricsNow = new Map<number, Run | null>();
const metricsBefore = new Map<number, Run | null>();
const metricsPandas = new Map<number, Run | null>();
for (const rows of SIZES.filter((r) => r !== 20_000)) {
  const file = csvOf.get(rows)!;
  metricsNow.set(rows, cli(ROOT, ["metrics", file]));
  if (BEFORE) metricsBefore.set(rows, cli(BEFORE, ["metrics", file]));
  metricsPandas.set(rows, pandas(file));
  console.log(
    `${pad(rowsLabel(rows), 8)} ${pad(cell(metricsNow.get(rows)!), 20)} ${pad(BEFORE ? cell(metricsBefore.get(rows)!) : "", 20)} ${cell(metricsPandas.get(rows)!)}`
  );
}

// 2. workforce summary by stage
console.log(
  "\n2. The summary by stage: read + ingest the CSV, plan, write the .xlsx (each size its own process)"
);
console.log(
  `${pad("rows", 8)} ${pad("", 7)} ${pad("ingest", 9)} ${pad("plan", 9)} ${pad("write", 9)} ${pad("total", 9)} ${pad("peak RSS", 10)} file`
);
const stagesNow = new Map<number, Stages | null>();
const stagesBefore = new Map<number, Stages | null>();
const printStages = (rows: number, label: string, s: Stages | null) =>
  console.log(
    s
      ? `${pad(rowsLabel(rows), 8)} ${pad(label, 7)} ${pad(secs(s.ingestMs), 9)} ${pad(secs(s.planMs), 9)} ${pad(secs(s.writeMs), 9)} ${pad(secs(s.totalMs), 9)} ${pad(mb(s.peakRss), 10)} ${mb(s.bytes)}`
      : `${pad(rowsLabel(rows), 8)} ${pad(label, 7)} not run`
  );
for (const rows of SIZES) {
  stagesNow.set(rows, stages(ROOT, rows, join(DIR, `now-${rows}.xlsx`)));
  printStages(rows, "now", stagesNow.get(rows)!);
  // The old writer needs about 37 MB per 1,000 rows: 1M rows would not fit in this machine's memory.
  if (BEFORE && rows <= 100_000) {
    stagesBefore.set(rows, stages(BEFORE, rows, join(DIR, `before-${rows}.xlsx`)));
    printStages(rows, "before", stagesBefore.get(rows)!);
  }
}
const cliRows = Math.min(100_000, Math.max(...SIZES));
const cliSummary = cli(ROOT, ["summary", csvOf.get(cliRows)!, "-o", join(DIR, "cli.xlsx")]);
console.log(
  `workforce summary on ${rowsLabel(cliRows)} rows, the whole command (with the CSV's rows as a sheet): ${cell(cliSummary)}`
);

// 3. LibreOffice recalculating the same file
const libreOffice = new Map<number, number>();
async function libreOfficeSideBySide(): Promise<void> {
  console.log(
    "\n3. LibreOffice Calc recalculating and saving the same file (soffice --convert-to xlsx, every formula recalculated)"
  );
  if (!onPath("soffice")) {
    console.log("soffice is not on PATH (Debian: libreoffice-calc-nogui): not measured");
    return;
  }
  const profile = await makeProfile();
  // The first start sets up the profile: not timed.
  await convert(join(DIR, `now-${SIZES[0]}.xlsx`), "xlsx", join(DIR, "lo-warm"), profile);
  console.log(`${pad("rows", 8)} ${pad("LibreOffice", 12)} ${pad("our write", 10)} ratio`);
  for (const rows of SIZES.filter((r) => r <= 100_000)) {
    const s = stagesNow.get(rows);
    if (!s) continue;
    const t0 = performance.now();
    await convert(join(DIR, `now-${rows}.xlsx`), "xlsx", join(DIR, "lo"), profile, 900_000);
    const lo = performance.now() - t0;
    libreOffice.set(rows, lo);
    console.log(
      `${pad(rowsLabel(rows), 8)} ${pad(secs(lo), 12)} ${pad(secs(s.writeMs), 10)} ${(lo / s.writeMs).toFixed(1)}x`
    );
  }
}

// 4. The custom functions' cache
function functionCache(): void {
  console.log(
    "\n4. Custom functions: 100 table-form calls over one range, and the memory of a cached table"
  );
  const { staff } = generateStaff({ rows: 10_000, seed: 2 });
  const [, tOne] = timed(() => ingestStaff(staff));
  const copies = Array.from({ length: 100 }, () => staff.map((row) => [...row]));
  const before = staffTables.parses;
  const [, tCopies] = timed(() =>
    copies.forEach((c, i) => turnover(c, null, i % 2 ? "South" : undefined))
  );
  const parses = staffTables.parses - before;
  console.log(
    `one parse of a 10k-row range: ${secs(tOne)}; 100 calls, a fresh copy of the range each (as Excel passes it): ${secs(tCopies)}, ${parses} parse${parses === 1 ? "" : "s"}`
  );
  for (const rows of [10_000, 100_000]) {
    const grid = generateStaff({ rows, seed: 5 }).staff;
    const estimated0 = staffTables.stats().estimatedBytes;
    const { bytes: held } = heapBytesOf(() => headcount(grid, null));
    const estimated = staffTables.stats().estimatedBytes - estimated0;
    console.log(
      `a cached ${rowsLabel(rows)}-row table holds about ${mb(held)} of heap (${(held / rows) | 0} bytes a row; the cache's own estimate ${mb(estimated)})`
    );
  }
}

async function syncCounts(): Promise<void> {
  console.log(
    "\n5. context.sync calls a build issues in Excel (the Office.js adapter over the recording fake of Excel)"
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
    const result = await new OfficeWorkbook(excel.run).writePlan(plan);
    console.log(`${pad(rowsLabel(rows), 8)} ${result.syncs} syncs`);
  }
}

function initialJs(): void {
  console.log("\n6. Initial JavaScript of the pages (gzip); heavy libraries load only when needed");
  for (const [page, dir, entry] of [
    ["workbench", "dist-workbench", "workbench.js"],
    ["add-in task pane", "dist", "taskpane.js"],
    ["add-in functions", "dist", "functions.js"],
  ] as const) {
    const path = join(ROOT, dir);
    if (!existsSync(join(path, entry))) {
      console.log(`${page}: not built (npm run build / npm run build:workbench)`);
      continue;
    }
    const gz = (f: string) => gzipSync(readFileSync(join(path, f))).length;
    const lazy = readdirSync(path).filter(
      (f) =>
        f.endsWith(".js") &&
        f !== entry &&
        !["commands.js", "functions.js", "taskpane.js"].includes(f)
    );
    console.log(
      `${pad(page, 18)} ${entry}: gzip ${(gz(entry) / 1024).toFixed(0)} KB; on demand: ${lazy.map((f) => `${f} ${(gz(f) / 1024).toFixed(0)} KB`).join(", ") || "none"}`
    );
  }
}

/** The README's table, ready to paste, and the chart. */
function summaryTable(): void {
  const rows = SIZES.filter((r) => r !== 20_000);
  const both = (now: string, before: string | null) =>
    BEFORE ? `${before ?? "-"} → **${now}**` : now;
  const st = (m: Map<number, Stages | null>, r: number, k: keyof Stages) => {
    const s = m.get(r);
    return s ? (k === "peakRss" ? mb(s[k]) : secs(s[k])) : null;
  };
  const line = (label: string, f: (r: number) => string) =>
    `| ${label} | ${rows.map(f).join(" | ")} |`;
  console.log("\nREADME table (before → after):\n");
  console.log(`| | ${rows.map(rowsLabel).join(" | ")} |`);
  console.log(`|---|${rows.map(() => "---").join("|")}|`);
  for (const [label, k] of [
    ["summary: read + ingest", "ingestMs"],
    ["summary: plan", "planMs"],
    ["summary: write .xlsx", "writeMs"],
    ["summary: total", "totalMs"],
    ["summary: peak RSS", "peakRss"],
  ] as const)
    console.log(line(label, (r) => both(st(stagesNow, r, k) ?? "-", st(stagesBefore, r, k))));
  console.log(
    line("LibreOffice recalculating it ÷ our write", (r) => {
      const lo = libreOffice.get(r);
      const now = stagesNow.get(r);
      const before = stagesBefore.get(r);
      if (!lo || !now) return "-";
      return both(
        `${(lo / now.writeMs).toFixed(1)}×`,
        before ? `${(lo / before.writeMs).toFixed(2)}×` : null
      );
    })
  );
  console.log(
    line("`workforce metrics` (wall, peak RSS)", (r) =>
      both(
        cell(metricsNow.get(r) ?? null),
        metricsBefore.get(r) ? cell(metricsBefore.get(r)!) : null
      )
    )
  );
  console.log(line("pandas, same measures", (r) => cell(metricsPandas.get(r) ?? null)));

  const points = (m: Map<number, Stages | null>, k: keyof Stages): [number, number][] =>
    [...m].filter(([, s]) => s).map(([r, s]) => [r, s![k] / 1000]);
  const runs = (m: Map<number, Run | null>): [number, number][] =>
    [...m].filter(([, s]) => s).map(([r, s]) => [r, s!.ms / 1000]);
  const series: Series[] = [
    { name: "summary, total", points: points(stagesNow, "totalMs") },
    { name: "summary, write", points: points(stagesNow, "writeMs") },
    { name: "metrics (command)", points: runs(metricsNow) },
    { name: "LibreOffice recalc", points: [...libreOffice].map(([r, ms]) => [r, ms / 1000]) },
  ];
  if (BEFORE) {
    series.push({ name: "summary total, before", points: points(stagesBefore, "totalMs") });
    series.push({ name: "metrics, before", points: runs(metricsBefore) });
  }
  const describe = series
    .filter((s) => s.points.length > 0)
    .map(
      (s) =>
        `${s.name}: ${[...s.points]
          .sort((a, b) => a[0] - b[0])
          .map(([r, t]) => `${rowsLabel(r)} rows ${t.toFixed(2)} s`)
          .join(", ")}`
    )
    .join("; ");
  const svg = scalingChart(
    "Time against staff rows (npm run bench)",
    `Log-log chart of seconds against staff rows, measured by npm run bench on ${new Date().toISOString().slice(0, 10)}. ${describe}.`,
    series.filter((s) => s.points.length > 0)
  );
  writeFileSync(join(ROOT, "docs", "bench-scaling.svg"), svg);
  console.log("\nWrote docs/bench-scaling.svg");
}

void (async () => {
  await libreOfficeSideBySide();
  functionCache();
  await syncCounts();
  initialJs();
  summaryTable();
})();
