/**
 * How long `workforce summary FILE.csv -o OUT.xlsx` spends in each step, for one CSV:
 *
 *   node --expose-gc --import tsx bench/write.ts /work/benchdata/staff-100000.csv [OUT.xlsx]
 *
 * read + ingest (`loadStaff`), plan (`buildSummaryPlan`), write (`XlsxWorkbook.empty()`,
 * `addValuesSheet` with the CSV's rows, `writePlan`, `toBuffer({ compressor: NODE_COMPRESSOR })`,
 * as the command line does), with the file's size and the process's peak RSS. Figures, not
 * pass/fail. `--web` deflates as a browser does (Compression Streams), `--fflate` with fflate.
 * With `--libreoffice` it also times LibreOffice recalculating and saving the file
 * (headless, recalculation forced: tests/host/xlsx/libreoffice.ts) and prints the ratio.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { buildSummaryPlan } from "../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../src/core/summary/options";
import { defaultAsOf } from "../src/core/report";
import { NODE_COMPRESSOR } from "../src/host/xlsx/node-file";
import { XlsxWorkbook } from "../src/host/xlsx/xlsx-workbook";
import { loadStaff } from "../src/node/load-staff";
import { readSheets } from "../src/node/read-file";
import { convert, makeProfile } from "../tests/host/xlsx/libreoffice";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const ms = (t: number) => `${t.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Wall time, and CPU time (user + system: what the machine's other work does not inflate). */
const cpu: Record<string, number> = {};
async function timed<T>(f: () => T | Promise<T>, step = ""): Promise<[T, number]> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const v = await f();
  const c = process.cpuUsage(c0);
  if (step) cpu[step] = (c.user + c.system) / 1000;
  return [v, performance.now() - t0];
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: bench/write.ts STAFF.csv [OUT.xlsx] [--libreoffice]");
  const out = process.argv[3]?.endsWith(".xlsx") ? process.argv[3] : undefined;
  const [loaded, tRead] = await timed(() => loadStaff(file, {}), "read");
  const grid = (await readSheets(file))[0]?.grid ?? [];
  gc();
  const asOf = defaultAsOf(loaded.staff.records)!;
  const [plan, tPlan] = await timed(
    () =>
      buildSummaryPlan({
        staff: loaded.staff,
        posts: loaded.posts,
        options: { ...DEFAULT_SUMMARY_OPTIONS, asOf },
        source: { staffTable: loaded.staffSheet, postsTable: loaded.postsSheet },
      }),
    "plan"
  );
  gc();
  const [bytes, tWrite] = await timed(async () => {
    const book = XlsxWorkbook.empty();
    book.addValuesSheet(basename(file).replace(/\.[^.]+$/, ""), grid);
    await book.writePlan(plan);
    // --web: as in a browser (the Compression Streams API's deflate); --fflate: fflate's, in
    // JavaScript (a browser without "deflate-raw").
    if (process.argv.includes("--web")) return book.toBuffer();
    if (process.argv.includes("--fflate")) return book.toBuffer({ compressor: null });
    return book.toBuffer({ compressor: NODE_COMPRESSOR });
  }, "write");
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `${basename(file)}: read+ingest ${ms(tRead)}, plan ${ms(tPlan)}, write ${ms(tWrite)}; ` +
      `${mb(bytes.length)}; peak RSS ${mb(peak)}\n  CPU time: read+ingest ${ms(cpu.read)}, ` +
      `plan ${ms(cpu.plan)}, write ${ms(cpu.write)}`
  );
  const dir = mkdtempSync(join(tmpdir(), "wfs-bench-"));
  const path = out ?? join(dir, "summary.xlsx");
  writeFileSync(path, bytes);
  if (process.argv.includes("--libreoffice")) {
    // As the LibreOffice tests run it: a profile that forces recalculation on load, saved as .xlsx.
    const profile = await makeProfile();
    const [, tLo] = await timed(() =>
      convert(path, "xlsx:Calc MS Excel 2007 XML", join(dir, "lo"), profile, 900_000)
    );
    const saved = statSync(join(dir, "lo", basename(path))).size;
    console.log(
      `LibreOffice recalculate + save: ${ms(tLo)} (${mb(saved)}); the write is ${(tLo / tWrite).toFixed(1)}× as fast`
    );
    rmSync(profile, { recursive: true, force: true });
  }
  if (!out) rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
