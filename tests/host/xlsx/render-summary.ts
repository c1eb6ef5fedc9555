/**
 * Prints the sample's scrutiny summary and its shareable copy with LibreOffice, as the print
 * test does, and writes the pages as PNG, for the README and docs:
 *
 *   npx tsx tests/host/xlsx/render-summary.ts [docs/screenshots] [--keep DIR]
 *
 * writes summary-print-N.png (the summary, every page; page 1 also as summary-libreoffice.png)
 * and shareable-print-1.png (the shareable copy's first page). Needs soffice and poppler-utils.
 */
import { copyFile, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { makeProfile, onPath } from "./libreoffice";
import { pagePngs, printSheet } from "./print";
import { sampleSummaries } from "./sample-summaries";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const keepAt = args.indexOf("--keep");
  const target = resolve(args[0] && args[0] !== "--keep" ? args[0] : "docs/screenshots");
  if (!onPath("soffice") || !onPath("pdftoppm"))
    throw new Error(
      "needs soffice and pdftoppm: apt-get install libreoffice-calc-nogui poppler-utils"
    );
  const dir =
    keepAt >= 0 ? resolve(args[keepAt + 1]) : await mkdtemp(join(tmpdir(), "wfs-render-"));
  await mkdir(dir, { recursive: true });
  await mkdir(target, { recursive: true });
  const profile = await makeProfile();
  for (const s of await sampleSummaries()) {
    const pdf = await printSheet(s.bytes, s.sheetName, dir, s.label, profile);
    const pngs = await pagePngs(pdf, dir, `${s.label}-page`, 80);
    const keep = s.label === "summary" ? pngs : pngs.slice(0, 1);
    for (const [i, png] of keep.entries()) {
      const out = join(target, `${s.label}-print-${i + 1}.png`);
      await copyFile(png, out);
      console.log(`wrote ${out}`);
    }
    if (s.label === "summary") await copyFile(pngs[0], join(target, "summary-libreoffice.png"));
  }
  if (keepAt >= 0) console.log(`work files in ${dir}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
