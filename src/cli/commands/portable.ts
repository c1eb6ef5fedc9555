/**
 * `workforce portable BOOK.xlsx -o COPY.xlsx [--json]`: a copy of the workbook that works in an
 * Excel without the add-in (every WORKFORCE formula made native or its value, the original kept
 * in a note). `--restore` turns such a copy back into WORKFORCE formulas. BOOK is only read; -o
 * may not name it.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { callWorkforce } from "../../functions/call-by-id";
import type { PortableReport } from "../../host/xlsx/portable/make-portable";
import { makePortable } from "../../host/xlsx/portable/make-portable";
import type { RestoreReport } from "../../host/xlsx/portable/restore";
import { restorePortable } from "../../host/xlsx/portable/restore";
import { FileError } from "../../node/read-file";
import { needFile, needOutput, UsageError, type Args, type Out } from "../args";

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const b = await readFile(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch {
    throw new FileError(`cannot read ${path}: no such file, or no permission`);
  }
}

async function writeBytes(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}

function printReport(report: PortableReport, output: string, out: Out): void {
  const t = report.totals;
  out(
    `Wrote ${output}: ${t.native} formula${t.native === 1 ? "" : "s"} made native, ${t.value} became values` +
      (t.savedValue ? `, ${t.savedValue} kept the value Excel saved` : "") +
      (t.left ? `, ${t.left} left as they were (they need the add-in)` : "") +
      "."
  );
  for (const { sheet, entries } of report.sheets) {
    out(`${sheet}:`);
    for (const e of entries) {
      const what = e.what === "cell" ? "" : `${e.what} `;
      out(
        `  ${what}${e.where}: ${e.formula} → ${e.became}${e.became === "native" ? "" : ` ${e.now}`}` +
          (e.reason ? ` (${e.reason})` : "")
      );
    }
  }
  for (const o of report.otherAddins)
    out(`Left as they are (another add-in): ${o.sheet}!${o.where} uses ${o.functions.join(", ")}`);
  if (report.sheets.length === 0)
    out("The workbook has no WORKFORCE formulas: the copy is the same.");
}

function printRestore(report: RestoreReport, output: string, out: Out): void {
  out(
    `Wrote ${output}: ${report.restored} WORKFORCE formula${report.restored === 1 ? "" : "s"} restored.`
  );
  for (const { sheet, entries } of report.sheets) {
    out(`${sheet}:`);
    for (const e of entries) out(`  ${e.where}: ${e.formula}`);
  }
  for (const n of report.notRestored) out(`Not restored: ${n}`);
}

export async function portable(args: Args, out: Out): Promise<number> {
  const file = needFile(args);
  const output = needOutput(args);
  if (extname(file).toLowerCase() !== ".xlsx" || extname(output).toLowerCase() !== ".xlsx")
    throw new UsageError("portable works on .xlsx workbooks: BOOK and -o must end in .xlsx");
  if (resolve(file) === resolve(output))
    throw new UsageError("-o must name a new file: portable never changes the workbook it reads");
  const bytes = await readBytes(file);
  try {
    if (args.values.restore) {
      const { bytes: restored, report } = await restorePortable(bytes);
      await writeBytes(output, restored);
      if (args.values.json) out(JSON.stringify(report, null, 2));
      else printRestore(report, output, out);
      return 0;
    }
    const { bytes: copy, report } = await makePortable(bytes, callWorkforce);
    await writeBytes(output, copy);
    if (args.values.json) out(JSON.stringify(report, null, 2));
    else printReport(report, output, out);
    return 0;
  } catch (e) {
    if (e instanceof Error && /zip|central directory|workbook/i.test(e.message))
      throw new FileError(`${file}: not an Excel workbook (.xlsx) that can be read`);
    throw e;
  }
}
