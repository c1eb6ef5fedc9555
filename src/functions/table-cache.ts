/**
 * Excel calls each cell's function separately, each with its own copy of the range. Parsing a
 * 10k-row table for each of 100 cells would be 100 parses, so ingested tables are kept by
 * content: the cells serialised (cheap next to parsing), with the array itself as a fast
 * path when the host passes the same object again.
 */
import { ingestPosts, ingestStaff, PostsTable, StaffTable } from "../core/ingest";
import { basicValues } from "./data-types";

const CAPACITY = 8;

/**
 * The range's content as one string: serialised natively (fast), and a Map hashes and compares
 * it natively too. Dates arrive as serial numbers, so JSON loses nothing that ingest reads.
 */
function fingerprint(grid: readonly (readonly unknown[])[]): string {
  return JSON.stringify(grid);
}

/** V8's sizes on 64-bit: a pointer-sized slot, an object's header, a string's header, a boxed double. */
const SLOT = 8;
const OBJECT_HEADER = 3 * SLOT;
const STRING_HEADER = 16;
const BOXED_NUMBER = 16;

function stringBytes(s: string): number {
  // One byte a character for Latin-1 text, two otherwise; rounded up to the slot.
  // eslint-disable-next-line no-control-regex
  const width = /[^\u0000-\u00ff]/.test(s) ? 2 : 1;
  return STRING_HEADER + Math.ceil((s.length * width) / SLOT) * SLOT;
}

/**
 * An estimate of the memory an ingested table holds, in bytes: its records and problems (an
 * object each, a slot per field, a box per fractional number), the text unique to each record
 * (staff ID, person key, a problem's cell text) and, once, each distinct shared text (teams,
 * roles, categories). V8's real figure is within a few tens of per cent; `npm run bench`
 * compares the two.
 */
export function estimateTableBytes(table: {
  records: readonly object[];
  problems: readonly object[];
}): number {
  const shared = new Set<string>();
  let bytes = 0;
  const add = (items: readonly object[], ownText: ReadonlySet<string>) => {
    bytes += SLOT * items.length;
    for (const item of items) {
      bytes += OBJECT_HEADER;
      for (const [key, v] of Object.entries(item)) {
        bytes += SLOT;
        if (typeof v === "number") {
          if (!Number.isInteger(v) || Math.abs(v) >= 2 ** 31) bytes += BOXED_NUMBER;
        } else if (typeof v === "string") {
          if (ownText.has(key)) bytes += stringBytes(v);
          else shared.add(v);
        }
      }
    }
  };
  add(table.records, new Set(["staffId", "personKey"]));
  add(table.problems, new Set(["found", "expected"]));
  for (const s of shared) bytes += stringBytes(s);
  // Ingest's person numbering: four bytes a row.
  return bytes + 4 * table.records.length;
}

class TableCache<T extends { records: readonly object[]; problems: readonly object[] }> {
  private byObject = new WeakMap<object, T>();
  private byContent = new Map<string, T>();
  parses = 0;

  constructor(private readonly parse: (grid: unknown[][]) => T) {}

  /**
   * The tables held now, the parses so far, and an estimate of the memory the cache holds: each
   * table (`estimateTableBytes`) and the serialised range it is kept under.
   */
  stats(): { tables: number; parses: number; estimatedBytes: number } {
    let estimatedBytes = 0;
    for (const [key, table] of this.byContent)
      estimatedBytes += estimateTableBytes(table) + stringBytes(key);
    return { tables: this.byContent.size, parses: this.parses, estimatedBytes };
  }

  get(grid: unknown[][]): T {
    const hit = this.byObject.get(grid);
    if (hit) return hit;
    const key = fingerprint(grid);
    let value = this.byContent.get(key);
    if (value) {
      this.byContent.delete(key); // refresh its place in the LRU order
    } else {
      value = this.parse(grid);
      this.parses++;
    }
    this.byContent.set(key, value);
    if (this.byContent.size > CAPACITY)
      this.byContent.delete(this.byContent.keys().next().value as string);
    this.byObject.set(grid, value);
    return value;
  }
}

// A data type in a cell (a Geography team, a formatted FTE) is read as the value it shows.
export const staffTables = new TableCache<StaffTable>((grid) => ingestStaff(basicValues(grid)));
export const postsTables = new TableCache<PostsTable>((grid) => ingestPosts(basicValues(grid)));
