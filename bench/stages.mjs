/* global process, performance */
// One stage-by-stage run of the summary, in a child process of `npm run bench` so that its peak
// memory is its own: read + ingest the CSV, build the plan, write the .xlsx. It loads the
// compiled command line (dist/node) of the checkout given as --root, so the same script times
// this checkout and an older one (`npm run bench -- --before DIR`).
//
//   node bench/stages.mjs --root . --file staff.csv --out summary.xlsx [--compressor platform|fflate]
//
// The write deflates with the command line's compressor (Node's zlib) where the checkout has one;
// --compressor platform deflates as the workbench in a browser does (Compression Streams), fflate
// with fflate alone (a browser without "deflate-raw").
// Prints one line of JSON: { rows, ingestMs, planMs, writeMs, totalMs, bytes, peakRss }.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    root: { type: "string" },
    file: { type: "string" },
    out: { type: "string" },
    compressor: { type: "string" },
  },
});
const require = createRequire(resolve(values.root, "dist", "node", "package.json"));
const { loadStaff } = require("./node/load-staff.js");
const { buildSummaryPlan } = require("./core/summary/build.js");
const { DEFAULT_SUMMARY_OPTIONS } = require("./core/summary/options.js");
const { defaultAsOf } = require("./core/report.js");
const { XlsxWorkbook } = require("./host/xlsx/xlsx-workbook.js");
const { NODE_COMPRESSOR } = require("./host/xlsx/node-file.js");
const COMPRESSORS = { platform: undefined, fflate: { compressor: null } };
if (values.compressor && !(values.compressor in COMPRESSORS))
  throw new Error(`--compressor ${values.compressor}: give platform or fflate`);
const compressor = COMPRESSORS[values.compressor];

const t0 = performance.now();
const loaded = await loadStaff(values.file, {});
const t1 = performance.now();
const plan = buildSummaryPlan({
  staff: loaded.staff,
  posts: loaded.posts,
  options: { ...DEFAULT_SUMMARY_OPTIONS, asOf: defaultAsOf(loaded.staff.records) },
  source: { staffTable: loaded.staffSheet, postsTable: loaded.postsSheet },
});
const t2 = performance.now();
const book = XlsxWorkbook.empty();
await book.writePlan(plan);
const bytes = await book.toBuffer(
  values.compressor ? compressor : NODE_COMPRESSOR ? { compressor: NODE_COMPRESSOR } : undefined
);
writeFileSync(values.out, bytes);
const t3 = performance.now();
process.stdout.write(
  JSON.stringify({
    rows: loaded.staff.rowsRead,
    ingestMs: t1 - t0,
    planMs: t2 - t1,
    writeMs: t3 - t2,
    totalMs: t3 - t0,
    bytes: bytes.length,
    peakRss: process.resourceUsage().maxRSS * 1024,
  }) + "\n"
);
