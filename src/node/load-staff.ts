/**
 * Finding the staff table (and posts table) in a file, for the command line: the sheet the user
 * names, else the one whose header row the ingest recognises best; posts from --posts FILE,
 * --posts-sheet NAME, or a sheet named like "Posts" or "Establishment".
 */
import { STAFF_COLUMNS } from "../core/columns";
import { countRecognised, findHeaderRow } from "../core/headers";
import { ingestPosts, ingestStaff, PostsTable, StaffTable, StaffTableReader } from "../core/ingest";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { givenFigures, readCensus, type CensusReadResult } from "../core/census/read";
import type { Problem } from "../core/problems";
import type { GivenFigures } from "../core/report";
import { streamCsvRows } from "./read-csv";
import { FileError, readSheets, SheetGrid } from "./read-file";

export interface LoadOptions {
  sheet?: string;
  postsFile?: string;
  postsSheet?: string;
  /**
   * Keep the staff sheet's rows as read (`LoadedData.rows`): `workforce summary` puts a CSV's
   * rows on a sheet of their own, and a streamed CSV is read only once.
   */
  keepRows?: boolean;
}

export interface LoadedData {
  staff: StaffTable;
  posts: PostsTable | null;
  staffSheet: string;
  postsSheet: string | null;
  /**
   * A census file's LA-level figures: the vacancy FTE (used when there is no posts table), and
   * agency FTE and headcount (used instead of the agency records). Null for a staff table.
   */
  given: GivenFigures | null;
  /** Problems found reading a census file (before ingest). */
  sourceProblems: Problem[];
  /**
   * A census file as read: its collection year, LA code and reference (census) date (the default
   * as-of date), LA-level figures, and its workers as a staff table (`grid`).
   */
  census: CensusReadResult | null;
  /** The staff sheet's rows as read, when `keepRows` asked for them (null for a census file). */
  rows: unknown[][] | null;
}

/** A CSWW census return as a staff source: its workers as a staff table with readable values. */
async function loadCensus(file: string, options: LoadOptions): Promise<LoadedData> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    throw new FileError(`cannot read ${file}: no such file, or no permission`);
  }
  let census: CensusReadResult;
  try {
    census = readCensus(bytes);
  } catch (e) {
    throw new FileError(`${file}: ${(e as Error).message}`);
  }
  const postsSheets = options.postsFile ? await readSheets(options.postsFile) : null;
  const postsGrid = postsSheets
    ? ((options.postsSheet
        ? postsSheets.find((s) => s.name === options.postsSheet)
        : postsSheets.find((s) => POSTS_SHEET_NAME.test(s.name.trim()))) ?? postsSheets[0])
    : null;
  return {
    staff: ingestStaff(census.grid),
    posts: postsGrid ? ingestPosts(postsGrid.grid) : null,
    staffSheet: "census return",
    postsSheet: postsGrid?.name ?? null,
    given: givenFigures(census),
    sourceProblems: census.problems,
    census,
    rows: null,
  };
}

const POSTS_SHEET_NAME = /^(posts?|establishment|funded posts)$/i;

function byName(sheets: SheetGrid[], name: string, file: string): SheetGrid {
  const found = sheets.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (!found)
    throw new FileError(
      `${file} has no sheet named "${name}" (it has: ${sheets.map((s) => s.name).join(", ")})`
    );
  return found;
}

function headerScore(sheet: SheetGrid): number {
  return countRecognised(sheet.grid[findHeaderRow(sheet.grid, STAFF_COLUMNS)] ?? [], STAFF_COLUMNS);
}

const isCsv = (file: string) => [".csv", ".txt"].includes(extname(file).toLowerCase());

function noHeader(file: string, sheet: string): FileError {
  return new FileError(
    `${file}: no header row found in sheet "${sheet}" (looked for Staff ID, Team, Role, Worker type, FTE, Start date in the first 20 rows)`
  );
}

/** The posts table from --posts FILE (its --posts-sheet, a sheet named like Posts, or its first). */
async function postsFromFile(options: LoadOptions): Promise<SheetGrid | null> {
  if (!options.postsFile) return null;
  const postsSheets = await readSheets(options.postsFile);
  return options.postsSheet
    ? byName(postsSheets, options.postsSheet, options.postsFile)
    : (postsSheets.find((s) => POSTS_SHEET_NAME.test(s.name.trim())) ?? postsSheets[0]);
}

function readPosts(postsGrid: SheetGrid | null): PostsTable | null {
  const posts = postsGrid ? ingestPosts(postsGrid.grid) : null;
  if (posts && !posts.headerFound)
    throw new FileError(
      `no header row (Team, Role, Funded FTE) found in posts sheet "${postsGrid!.name}"`
    );
  return posts;
}

/**
 * A staff CSV streamed into the ingest row by row: what `readSheets` then `ingestStaff` give,
 * without the file's grid of strings (unless `keepRows` asks for its rows).
 */
async function loadStaffCsv(file: string, options: LoadOptions): Promise<LoadedData> {
  let reader = new StaffTableReader();
  let rows: string[][] = [];
  await streamCsvRows(file, () => {
    const fresh = (reader = new StaffTableReader());
    const kept: string[][] = (rows = []);
    return options.keepRows
      ? (row) => {
          kept.push(row);
          fresh.push(row);
        }
      : (row) => fresh.push(row);
  });
  if (!reader.anyData) throw new FileError(`${file} is empty: no sheet holds any data`);
  const staff = reader.finish();
  if (!staff.headerFound || countRecognised(reader.headerCells, STAFF_COLUMNS) === 0)
    throw noHeader(file, "CSV");
  const postsGrid = await postsFromFile(options);
  return {
    staff,
    posts: readPosts(postsGrid),
    staffSheet: "CSV",
    postsSheet: postsGrid?.name ?? null,
    given: null,
    sourceProblems: [],
    census: null,
    rows: options.keepRows ? rows : null,
  };
}

export async function loadStaff(file: string, options: LoadOptions = {}): Promise<LoadedData> {
  if (extname(file).toLowerCase() === ".xml") return loadCensus(file, options);
  // A CSV has one "sheet"; naming a sheet of it (or posts in it) takes the general path.
  if (isCsv(file) && !options.sheet && !(options.postsSheet && !options.postsFile))
    return loadStaffCsv(file, options);
  const sheets = await readSheets(file);
  const nonEmpty = sheets.filter((s) =>
    s.grid.some((row) => row.some((c) => c !== null && String(c).trim() !== ""))
  );
  if (nonEmpty.length === 0) throw new FileError(`${file} is empty: no sheet holds any data`);
  let staffSheet: SheetGrid;
  if (options.sheet) staffSheet = byName(sheets, options.sheet, file);
  else {
    const candidates = nonEmpty.filter((s) => !POSTS_SHEET_NAME.test(s.name.trim()));
    staffSheet = (candidates.length ? candidates : nonEmpty).reduce((best, s) =>
      headerScore(s) > headerScore(best) ? s : best
    );
  }
  const staff = ingestStaff(staffSheet.grid);
  if (!staff.headerFound || headerScore(staffSheet) === 0) throw noHeader(file, staffSheet.name);

  let postsGrid: SheetGrid | null = null;
  if (options.postsFile) postsGrid = await postsFromFile(options);
  else if (options.postsSheet) postsGrid = byName(sheets, options.postsSheet, file);
  else
    postsGrid =
      sheets.find((s) => s !== staffSheet && POSTS_SHEET_NAME.test(s.name.trim())) ?? null;
  return {
    staff,
    posts: readPosts(postsGrid),
    staffSheet: staffSheet.name,
    postsSheet: postsGrid?.name ?? null,
    given: null,
    sourceProblems: [],
    census: null,
    rows: options.keepRows ? (staffSheet.grid as unknown[][]) : null,
  };
}
