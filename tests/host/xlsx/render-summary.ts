/**
 * Renders the sample's scrutiny summary to a PNG with LibreOffice and poppler, for the README:
 *
 *   npx tsx tests/host/xlsx/render-summary.ts docs/summary.png [--keep DIR]
 *
 * Builds the summary from examples/sample-staff.xlsx with the .xlsx adapter, hides every other
 * sheet and fits the summary to one page wide (landscape) in a copy, prints that copy to PDF with
 * a recalculating LibreOffice profile, and converts the first page to PNG (pdftoppm, 110 dpi).
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { XlsxWorkbook } from "../../../src/host/xlsx/xlsx-workbook";
import { convert, makeProfile, onPath } from "./libreoffice";
import { summaryPlanOf } from "./support";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const target = resolve(args[0] ?? "docs/summary.png");
  const keepAt = args.indexOf("--keep");
  const pdftoppm = onPath("pdftoppm");
  if (!onPath("soffice") || !pdftoppm) {
    throw new Error(
      "needs soffice and pdftoppm: apt-get install libreoffice-calc-nogui poppler-utils"
    );
  }
  const dir =
    keepAt >= 0 ? resolve(args[keepAt + 1]) : await mkdtemp(join(tmpdir(), "wfs-render-"));
  await mkdir(dir, { recursive: true });
  const book = await XlsxWorkbook.fromBuffer(
    await readFile(join(__dirname, "..", "..", "..", "examples", "sample-staff.xlsx"))
  );
  const { sheetNames } = await book.writePlan(await summaryPlanOf(book));
  for (const ws of book.workbook.worksheets) {
    if (ws.name !== sheetNames.summary) ws.state = "hidden";
    else
      ws.pageSetup = {
        ...ws.pageSetup,
        orientation: "landscape",
        paperSize: 9, // A4
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      };
  }
  const file = join(dir, "summary.xlsx");
  await writeFile(file, await book.toBuffer());
  await convert(file, "pdf", dir, await makeProfile());
  await promisify(execFile)(
    pdftoppm,
    [
      "-png",
      "-r",
      "110",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      join(dir, "summary.pdf"),
      join(dir, "summary"),
    ],
    { timeout: 60_000 }
  );
  await mkdir(dirname(target), { recursive: true });
  await copyFile(join(dir, "summary.png"), target);
  console.log(`wrote ${target}${keepAt >= 0 ? ` (work files in ${dir})` : ""}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
