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

class TableCache<T> {
  private byObject = new WeakMap<object, T>();
  private byContent = new Map<string, T>();
  parses = 0;

  constructor(private readonly parse: (grid: unknown[][]) => T) {}

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
