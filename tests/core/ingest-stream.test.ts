/**
 * The row-at-a-time ingest (and the streaming CSV reader under it) give exactly what the
 * grid-at-once ingest and the character-by-character CSV parser gave: same records, problems
 * and counts on any grid, same rows on any CSV text split anywhere.
 */
import fc from "fast-check";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STAFF_COLUMNS } from "../../src/core/columns";
import { CsvReader, decodeCsv, parseCsv } from "../../src/core/csv";
import { ingestPosts, ingestStaff, StaffTableReader } from "../../src/core/ingest";
import { parseCsvReference } from "../support/csv-reference";
import { ingestPostsReference, ingestStaffReference } from "../support/ingest-reference";

const headerWords = STAFF_COLUMNS.flatMap((c) => [c.label, ...c.synonyms]);
/** Values a column might hold, good and bad, so that most rows parse and some do not. */
const value = fc.oneof(
  fc.constantFrom(
    "Permanent",
    "agency",
    "Vacant",
    "Student",
    "Fixed term",
    "SW1",
    "Team Manager",
    "Made-up role",
    "North",
    " north ",
    "NORTH",
    "South",
    "0.5",
    "1",
    "37",
    "0,5",
    "30/09/2022",
    "2021-01-31",
    "31/02/2022",
    "01/01/1900",
    "44834",
    "00000",
    "01234",
    "99999",
    "12345.5",
    " 45000",
    "Female",
    "Male",
    "Not known",
    "Yes",
    "No",
    "Pakistani",
    "WBRI",
    "Heterosexual",
    "Gay",
    "Retired",
    "retired ",
    "#REF!",
    "=1+1",
    "S1",
    "s1",
    "S2",
    "",
    " "
  ),
  fc.integer({ min: -2, max: 50_000 }),
  fc.constantFrom(0, -0, 0.6, 1, 44834, 40000, 12, null, undefined),
  fc.string({ maxLength: 6 }),
  fc.date({ noInvalidDate: false })
);
const dataRows = fc.array(fc.array(value, { maxLength: 17 }), { maxLength: 40 });
/** Good values for each column, so that most rows of a table with a real header are read. */
const GOOD: Record<string, unknown[]> = {
  "Staff ID": ["S1", "s1", "S2", "S3", " S4", 7, "S5"],
  Team: ["North", " north ", "NORTH", "South", "south", "East  Team", "East Team"],
  Role: ["SW1", "ASYE", "Team Manager", "Made-up role", "Other role"],
  "Worker type": ["Permanent", "Agency", "Vacant", "Student", "Fixed term"],
  FTE: ["1", 0.5, "0.6", "0,5", 1],
  "Start date": [44000, "30/09/2020", "2019-01-31", 40000],
  "Leave date": [null, null, 44500, "31/03/2023", 39000],
  "Leaving reason": [null, "Retired", "retired", " RETIRED", "Moved away", "Moved  away"],
  "Date of birth": [30000, "01/01/1980", null],
  Age: [30, "45", null],
  Gender: ["Female", "Male", "Not known", "f"],
  Ethnicity: ["WBRI", "Pakistani", "Not known", "Any other White background"],
  Disability: ["Yes", "No", "Not known"],
  "Sexual orientation": ["Heterosexual", "Gay", "Not known"],
  Caseload: [0, 12, "18", null, -0],
  "Sickness days": [0, 3.5, "2", null],
};
const tableRows = (header: string[]) =>
  fc.array(
    fc.tuple(
      ...header.map((h) =>
        fc.oneof(
          { weight: 9, arbitrary: fc.constantFrom(...(GOOD[h] ?? [null])) },
          { weight: 1, arbitrary: value }
        )
      )
    ),
    { maxLength: 40 }
  );
const staffGrid = fc.oneof(
  dataRows,
  fc
    .tuple(
      fc.array(fc.constantFrom(...headerWords, "", "Notes"), { maxLength: 3 }),
      fc.shuffledSubarray(
        STAFF_COLUMNS.map((c) => c.label),
        { minLength: 3 }
      ),
      dataRows
    )
    .map(([above, header, rows]) => [above, header, ...rows]),
  fc
    .tuple(
      fc.array(fc.constantFrom("", "Notes"), { maxLength: 2 }),
      fc.shuffledSubarray(
        STAFF_COLUMNS.filter((c) => !c.required).map((c) => c.label),
        { minLength: 0 }
      )
    )
    .chain(([above, optional]) => {
      const header = [...STAFF_COLUMNS.filter((c) => c.required).map((c) => c.label), ...optional];
      return tableRows(header).map((rows) => [above, header, ...rows]);
    })
);
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
