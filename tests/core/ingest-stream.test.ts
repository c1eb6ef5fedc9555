/**
 * The row-at-a-time ingest (and the streaming CSV reader under it) give exactly what the
 * grid-at-once ingest and the character-by-character CSV parser gave: same records, problems
 * and counts on any grid, same rows on any CSV text split anywhere.
 */
import fc from "fast-check";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CsvReader, decodeCsv, parseCsv } from "../../src/core/csv";
import { ingestPosts, ingestStaff, StaffTableReader } from "../../src/core/ingest";
import { matchKey } from "../../src/core/text";
import { parseCsvReference } from "../support/csv-reference";
import { staffGrid } from "../support/staff-grids";
import { ingestPostsReference, ingestStaffReference } from "../support/ingest-reference";

const options = fc.record(
  {
    firstRow: fc.integer({ min: 1, max: 30 }),
    headerRow: fc.integer({ min: -2, max: 40 }),
    roleMap: fc.constant({ "Made-up role": "SW1" as const }),
  },
  { requiredKeys: [] }
);

describe("the row-at-a-time ingest", () => {
  it("gives what the grid ingest gave, on any grid and options", () => {
    fc.assert(
      fc.property(staffGrid, options, (grid, opts) => {
        expect(ingestStaff(grid, opts)).toEqual(ingestStaffReference(grid, opts));
        expect(ingestPosts(grid, opts)).toEqual(ingestPostsReference(grid, opts));
      }),
      { numRuns: 500 }
    );
  });

  it("keeps -0 apart from 0 where it is a value (a caseload of -0 stays -0)", () => {
    const grid = [
      ["Staff ID", "Team", "Role", "Worker type", "FTE", "Start date", "Caseload"],
      ["S1", "North", "SW1", "Permanent", 1, 44000, 0],
      ["S2", "North", "SW1", "Permanent", 1, 44000, -0],
    ];
    const caseloads = ingestStaff(grid).records.map((r) => r.caseload);
    expect(Object.is(caseloads[0], 0)).toBe(true);
    expect(Object.is(caseloads[1], -0)).toBe(true);
  });

  it("streamed: rows pushed one at a time give the table ingestStaff gives", () => {
    const text = readFileSync(join(__dirname, "..", "corpus", "duplicate-ids", "staff.csv"));
    const grid = parseCsv(decodeCsv(text).text);
    const streamed = new StaffTableReader();
    const csv = new CsvReader((row) => streamed.push(row));
    csv.push(decodeCsv(text).text);
    csv.end();
    expect(streamed.finish()).toEqual(ingestStaff(grid));
    expect(streamed.anyData).toBe(true);
    expect(streamed.headerCells).toEqual(grid[0]);
  });
});

/** Splits `text` at the given fractions and reads it piece by piece. */
function readInPieces(text: string, cuts: number[], delimiter?: "," | ";"): string[][] {
  const rows: string[][] = [];
  const reader = new CsvReader((row) => rows.push(row), delimiter);
  const at = [...new Set(cuts.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of at) {
    reader.push(text.slice(from, to));
    from = to;
  }
  reader.push(text.slice(from));
  reader.end();
  return rows;
}

const csvText = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', '""', ",", ";", "\n", "\r", "\r\n", "\ufeff", " ", "a", "Team", "é"),
      fc.string({ maxLength: 4 })
    ),
    { maxLength: 60 }
  )
  .map((parts) => parts.join(""));
const withBom = fc.tuple(fc.boolean(), csvText).map(([bom, t]) => (bom ? "\ufeff" + t : t));
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });

describe("the streaming CSV reader", () => {
  it("reads any text, split anywhere, as the character-by-character parser did", () => {
    fc.assert(
      fc.property(withBom, cuts, fc.constantFrom(undefined, ",", ";"), (text, at, d) => {
        expect(readInPieces(text, at, d as "," | ";" | undefined)).toEqual(
          parseCsvReference(text, d as "," | ";" | undefined)
        );
      }),
      { numRuns: 3000 }
    );
  });

  it("reads a CSV of quoted fields split between every pair of characters", () => {
    const text = '\ufeffa;b,"c"\r\n"x ""y""\r\nz",,"",\r"tail"q"';
    for (let i = 0; i <= text.length; i++)
      for (const j of [i, Math.min(text.length, i + 1), Math.min(text.length, i + 3)])
        expect(readInPieces(text, [i / text.length, j / text.length]), `cut at ${i}, ${j}`).toEqual(
          parseCsvReference(text)
        );
  });

  it("reads every CSV of the corpus as the old parser did", () => {
    const corpus = join(__dirname, "..", "corpus");
    const files = readdirSync(corpus)
      .flatMap((d) => ["staff.csv", "posts.csv"].map((f) => join(corpus, d, f)))
      .filter(existsSync);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const { text } = decodeCsv(readFileSync(file));
      expect(parseCsv(text), file).toEqual(parseCsvReference(text));
      expect(readInPieces(text, [0.1, 0.37, 0.5, 0.51, 0.9]), file).toEqual(
        parseCsvReference(text)
      );
    }
  });
});

describe("matchKey", () => {
  it("is the text lower-cased with everything but letters and digits taken out, for any value", () => {
    const slow = (v: unknown) =>
      String(v ?? "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme" }),
          fc.constantFrom("E100000", "İstanbul", "ÀB-12", "a b", null, undefined, 12.5)
        ),
        (v) => {
          expect(matchKey(v)).toBe(slow(v));
        }
      ),
      { numRuns: 3000 }
    );
  });
});
