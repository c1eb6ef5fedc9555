/**
 * Printing a workbook's summary with LibreOffice, as a reader would: every other sheet hidden
 * (in a copy: the summary's own page setup untouched), printed to PDF by a recalculating
 * profile; then the PDF's pages as text (pdftotext, one string per page) or PNG (pdftoppm).
 */
import { execFile } from "node:child_process";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { convert, onPath } from "./libreoffice";

const run = promisify(execFile);

/** The workbook with every sheet but `sheet` hidden (the <sheet> elements of xl/workbook.xml). */
export async function onlySheet(bytes: Uint8Array, sheet: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const escaped = sheet.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const out = xml.replace(/<sheet\b[^>]*\/>/g, (tag) => {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (name === escaped || name === sheet) return tag.replace(/\sstate="[^"]*"/, "");
    return tag.includes("state=")
      ? tag.replace(/state="[^"]*"/, 'state="hidden"')
      : tag.replace(/\/>$/, ' state="hidden"/>');
  });
  zip.file("xl/workbook.xml", out);
  return zip.generateAsync({ type: "uint8array" });
}

/** Print `sheet` of the workbook to `dir/<stem>.pdf` with LibreOffice; returns the PDF's path. */
export async function printSheet(
  bytes: Uint8Array,
  sheet: string,
  dir: string,
  stem: string,
  profile: string
): Promise<string> {
  const file = join(dir, `${stem}.xlsx`);
  await writeFile(file, await onlySheet(bytes, sheet));
  await convert(file, "pdf", dir, profile);
  return join(dir, `${stem}.pdf`);
}

/** Each page's text, laid out as printed (pdftotext -layout). */
export async function pageTexts(pdf: string): Promise<string[]> {
  const pdftotext = onPath("pdftotext");
  if (!pdftotext) throw new Error("pdftotext is not on PATH (apt-get install poppler-utils)");
  const { stdout } = await run(pdftotext, ["-layout", pdf, "-"], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = stdout.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

/** The PDF's pages as PNG files `dir/<stem>-N.png` at `dpi`; returns their paths in order. */
export async function pagePngs(
  pdf: string,
  dir: string,
  stem: string,
  dpi = 80
): Promise<string[]> {
  const pdftoppm = onPath("pdftoppm");
  if (!pdftoppm) throw new Error("pdftoppm is not on PATH (apt-get install poppler-utils)");
  await run(pdftoppm, ["-png", "-r", String(dpi), pdf, join(dir, stem)], { timeout: 120_000 });
  const files = (await readdir(dir)).filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png"));
  const number = (f: string) => Number(/-(\d+)\.png$/.exec(f)![1]);
  return files.sort((a, b) => number(a) - number(b)).map((f) => join(dir, f));
}

/**
 * Where a table lands in the printed pages: the first column's text of its rows (header, then
 * body), which must appear in order, each a line of the page, on one page. Returns the page
 * numbers (1-based) holding it whole, in the order found; lines in between (a chart's axis
 * beside it) are allowed, up to `gap` of them.
 */
export function pagesHolding(pages: string[], labels: string[], gap = 4): number[] {
  const found: number[] = [];
  pages.forEach((page, p) => {
    const lines = page.split("\n").map((l) => l.trim());
    for (let start = 0; start < lines.length; start++) {
      if (!lines[start].startsWith(labels[0])) continue;
      let at = start;
      let ok = true;
      for (const label of labels.slice(1)) {
        let next = -1;
        for (let k = at + 1; k <= Math.min(lines.length - 1, at + 1 + gap); k++)
          if (lines[k].startsWith(label)) {
            next = k;
            break;
          }
        if (next < 0) {
          ok = false;
          break;
        }
        at = next;
      }
      if (ok) found.push(p + 1);
    }
  });
  return found;
}
