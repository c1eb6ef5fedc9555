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

void syncCounts();
