/**
 * The lean ingest, phase by phase, on a staff CSV (figures, not pass/fail):
 *
 *   node --expose-gc --import tsx bench/ingest.ts FILE [phase]
 *
 * phase: "parse" (read + decode + CSV rows, dropped), "ingest" (rows streamed into the ingest),
 * "measures" (ingest, then every measure `workforce metrics` prints), "split" (read + split,
 * ingest alone and measures alone, one after another in one process), "grid" (the old path:
 * the whole file as a grid of strings, then ingestStaff), "cache" (the memory the custom
 * functions' table cache holds for the file's range: heap delta and its own estimate), or
 * "all" (default: each phase in a
 * child process of its own, so each has its own peak RSS). Each phase prints one JSON line.
 * `npm run bench` times the whole `workforce metrics` command and uses `heapBytesOf` for the
 * custom functions' cache; this file splits a metrics run into its phases, with `timeCsvParse`
 * (read + split), `timeIngest` (read + split + ingest, streamed), `timeIngestOnly` (ingest of
 * rows already read), `timeMeasures`, `timeGridIngest`, and `cachedTableMemory`.
 */
import { execFileSync } from "node:child_process";
import { open } from "node:fs/promises";
import { CsvReader } from "../src/core/csv";
import { StaffTableReader, type StaffTable } from "../src/core/ingest";
import { defaultAsOf, metricsReport } from "../src/core/report";
import { loadStaff } from "../src/node/load-staff";
import { streamCsvRows } from "../src/node/read-csv";
import { readSheets } from "../src/node/read-file";
import { ingestStaff } from "../src/core/ingest";
import { staffTables } from "../src/functions/table-cache";

const now = () => performance.now();

/** Read, decode and split into rows (UTF-8 only: a benchmark file), keeping nothing. */
export async function timeCsvParse(path: string): Promise<{ rows: number; ms: number }> {
  const t0 = now();
  let rows = 0;
  const csv = new CsvReader(() => rows++);
  const decoder = new TextDecoder("utf-8");
  const handle = await open(path, "r");
  const bytes = Buffer.allocUnsafe(1 << 20);
  for (;;) {
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, null);
    if (bytesRead === 0) break;
    csv.push(decoder.decode(bytes.subarray(0, bytesRead), { stream: true }));
  }
  await handle.close();
  csv.end();
  return { rows, ms: now() - t0 };
}

/** The CSV streamed into the ingest (what `workforce metrics` does before measuring). */
export async function timeIngest(path: string): Promise<{ table: StaffTable; ms: number }> {
  const t0 = now();
  let reader = new StaffTableReader();
  await streamCsvRows(path, () => {
    const fresh = (reader = new StaffTableReader());
    return (row) => fresh.push(row);
  });
  const table = reader.finish();
  return { table, ms: now() - t0 };
}

/** CPU milliseconds of this process so far (a fairer figure than wall time on a busy machine). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 1000);
};

/**
 * Ingest alone: the CSV's rows read first (not timed), then pushed through the row-at-a-time
 * ingest. Holds the grid, so use it for time, not for memory.
 */
export async function timeIngestOnly(
  path: string
): Promise<{ table: StaffTable; ms: number; cpuMs: number }> {
  const [sheet] = await readSheets(path);
  const t0 = now();
  const cpu0 = cpuMs();
  const reader = new StaffTableReader();
  for (const row of sheet.grid) reader.push(row);
  const table = reader.finish();
  return { table, ms: now() - t0, cpuMs: cpuMs() - cpu0 };
}

/** Every measure `workforce metrics` prints, with its problem list, over an ingested table. */
export function timeMeasures(table: StaffTable): { ms: number } {
  const t0 = now();
  metricsReport(table, null, { asOf: defaultAsOf(table.records)! });
  return { ms: now() - t0 };
}

/** The old path: the file read whole as a grid of strings, then ingested. */
export async function timeGridIngest(path: string): Promise<{ table: StaffTable; ms: number }> {
  const t0 = now();
  const [sheet] = await readSheets(path);
  const table = ingestStaff(sheet.grid);
  return { table, ms: now() - t0 };
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * The heap a value holds: heap used after making it, less before, each after a full GC. Needs
 * `node --expose-gc`.
 */
export function heapBytesOf<T>(make: () => T): { value: T; bytes: number } {
  if (!gc) throw new Error("run node with --expose-gc to measure the heap");
  gc();
  const before = process.memoryUsage().heapUsed;
  const value = make();
  gc();
  return { value, bytes: process.memoryUsage().heapUsed - before };
}

/**
 * What the custom functions' table cache holds for one range (the CSV's grid, as Excel would
 * pass it): the heap it grew by, and the cache's own estimate (`staffTables.stats()`).
 */
export async function cachedTableMemory(
  path: string
): Promise<{ rows: number; heapBytes: number; estimatedBytes: number }> {
  const [sheet] = await readSheets(path);
  const grid = sheet.grid as unknown[][];
  const { value: table, bytes } = heapBytesOf(() => staffTables.get(grid));
  return {
    rows: table.records.length,
    heapBytes: bytes,
    estimatedBytes: staffTables.stats().estimatedBytes,
  };
}

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function phase(path: string, which: string): Promise<Record<string, unknown>> {
  const cpu0 = cpuMs();
  const figures = await phaseFigures(path, which);
  return { ...figures, cpuMs: cpuMs() - cpu0, cpuMsTotal: cpuMs() };
}

async function phaseFigures(path: string, which: string): Promise<Record<string, unknown>> {
  if (which === "parse") return { phase: which, ...(await timeCsvParse(path)), peakMb: peakMb() };
  if (which === "grid") {
    const { table, ms } = await timeGridIngest(path);
    return { phase: which, rows: table.records.length, ms, peakMb: peakMb() };
  }
  if (which === "ingest") {
    const { table, ms } = await timeIngest(path);
    return { phase: which, rows: table.records.length, ms, peakMb: peakMb() };
  }
  if (which === "split") {
    // In one process: read + split into rows, ingest alone, measures alone (CPU ms each).
    const cpu0 = cpuMs();
    const parse = await timeCsvParse(path);
    const cpu1 = cpuMs();
    const { table, ms: ingestMs, cpuMs: ingestCpuMs } = await timeIngestOnly(path);
    const cpu2 = cpuMs();
    const measures = timeMeasures(table);
    const cpu3 = cpuMs();
    return {
      phase: which,
      rows: table.records.length,
      parseMs: parse.ms,
      ingestMs,
      measuresMs: measures.ms,
      parseCpuMs: cpu1 - cpu0,
      ingestCpuMs,
      measuresCpuMs: cpu3 - cpu2,
      peakMb: peakMb(),
    };
  }
  if (which === "cache") return { phase: which, ...(await cachedTableMemory(path)) };
  if (which === "measures") {
    const t0 = now();
    const loaded = await loadStaff(path);
    const ingestMs = now() - t0;
    const { ms } = timeMeasures(loaded.staff);
    return { phase: which, ingestMs, ms, totalMs: now() - t0, peakMb: peakMb() };
  }
  throw new Error(`unknown phase ${which}`);
}

async function cli(): Promise<void> {
  const [path, which = "all"] = process.argv.slice(2);
  if (!path) throw new Error("usage: bench/ingest.ts FILE [parse|ingest|measures|grid|all]");
  if (which !== "all") {
    console.log(JSON.stringify(await phase(path, which)));
    return;
  }
  for (const p of ["parse", "ingest", "measures", "grid", "cache"]) {
    const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1], path, p], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    process.stdout.write(out);
  }
}

if (process.argv[1]?.endsWith("ingest.ts")) void cli();
