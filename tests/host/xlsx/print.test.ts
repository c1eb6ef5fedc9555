/**
 * The summary prints as a committee document. LibreOffice Calc prints the sample's summary (with
 * DfE benchmarks for Manchester) and its shareable copy to PDF, as the .xlsx adapter wrote them;
 * pdftotext reads each page back and pdftoppm renders the pages:
 *
 * - every page is one page wide: Calc makes exactly the pages the plan's breaks make (a page too
 *   tall or too wide for the paper would add pages of its own);
 * - every Excel table of the summary lands whole on one page (its first column's text, header to
 *   last row, in order on one page), and the title row heads every page;
 * - every key point is on a page in full (wrapped, not cut at a cell's edge);
 * - the page count stays small.
 *
 * `npx tsx tests/host/xlsx/render-summary.ts` writes the same pages to docs/screenshots/.
 * Skipped when soffice or pdftotext is not on PATH.
 */
import { mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SheetSpec } from "../../../src/core/summary/plan";
import { makeProfile, onPath } from "./libreoffice";
import { pagePngs, pagesHolding, pageTexts, printSheet } from "./print";
import { keyPointTexts, sampleSummaries } from "./sample-summaries";

const READY = onPath("soffice") && onPath("pdftotext") && onPath("pdftoppm");
if (!READY)
  console.warn("print.test.ts: skipped, needs soffice and poppler-utils (pdftotext, pdftoppm)");

interface Printed {
  label: string;
  sheet: SheetSpec;
  pages: string[];
  pdf: string;
}

/** The first column's text of each row of a table, header to last row (a prefix, as printed). */
function firstColumn(sheet: SheetSpec, row: number, rows: number): string[] {
  const texts: string[] = [];
  for (let r = row; r < row + rows; r++) {
    let text = "";
    for (const b of sheet.blocks) {
      const v = b.cells[r - b.row]?.[0 - b.column]?.value;
      if (v !== undefined && v !== null && v !== "") text = String(v);
    }
    texts.push(text.slice(0, 12));
  }
  return texts;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

describe.skipIf(!READY)("the printed summary (LibreOffice, PDF)", () => {
  const printed: Printed[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "wfs-print-"));
    const profile = await makeProfile();
    for (const s of await sampleSummaries()) {
      const pdf = await printSheet(s.bytes, s.sheetName, dir, s.label, profile);
      printed.push({ label: s.label, sheet: s.sheet, pages: await pageTexts(pdf), pdf });
    }
  }, 240_000);

  it("is one page wide, with the plan's page breaks and no others, and few pages", () => {
    for (const p of printed) {
      const breaks = p.sheet.print!.rowBreaks;
      console.info(`${p.label}: ${p.pages.length} pages, breaks above rows ${breaks.join(", ")}`);
      expect(p.pages.length, p.label).toBe(breaks.length + 1);
      expect(p.pages.length, p.label).toBeGreaterThanOrEqual(3);
      expect(p.pages.length, p.label).toBeLessThanOrEqual(12);
    }
  });

  it("heads every page with the title row", () => {
    for (const p of printed)
      p.pages.forEach((page, i) =>
        expect(page, `${p.label} page ${i + 1}`).toContain(
          "Children's social work workforce: scrutiny summary"
        )
      );
  });

  it("prints every table whole on one page", () => {
    for (const p of printed) {
      const tables = p.sheet.tableRanges ?? [];
      expect(tables.length).toBeGreaterThanOrEqual(12);
      // Tables with the same first column (two by-team tables) must each be found whole.
      const bySignature = new Map<string, string[][]>();
      for (const t of tables) {
        const labels = firstColumn(p.sheet, t.range.row, t.range.rows);
        const key = labels.join("|");
        bySignature.set(key, [...(bySignature.get(key) ?? []), [t.name, ...labels]]);
      }
      for (const [, group] of bySignature) {
        const labels = group[0].slice(1);
        const found = pagesHolding(p.pages, labels);
        expect(
          found.length,
          `${p.label}: ${group.map((g) => g[0]).join(", ")} whole on a page`
        ).toBeGreaterThanOrEqual(group.length);
      }
    }
  });

  it("prints every key point in full", () => {
    for (const p of printed) {
      const points = keyPointTexts(p.sheet);
      expect(points.length).toBeGreaterThanOrEqual(3);
      const text = p.pages.map(squash);
      for (const point of points)
        expect(
          text.some((page) => page.includes(squash(point))),
          `${p.label}: ${point}`
        ).toBe(true);
    }
  });

  it("renders each page to PNG", async () => {
    const pngs = await pagePngs(printed[0].pdf, dir, "page", 40);
    expect(pngs).toHaveLength(printed[0].pages.length);
    for (const png of pngs) expect((await stat(png)).size).toBeGreaterThan(5_000);
  }, 120_000);
});
