/**
 * Excel calls each cell's function separately, each with its own copy of the range. Parsing a
 * 10k-row table for each of 100 cells would be 100 parses, so ingested tables are kept by
 * content: a fingerprint of the cells (cheap next to parsing), with the array itself as a fast
 * path when the host passes the same object again.
 */
import { ingestPosts, ingestStaff, PostsTable, StaffTable } from "../core/ingest";

const CAPACITY = 8;

function fingerprint(grid: readonly (readonly unknown[])[]): string {
  // Two independent 32-bit FNV-1a style hashes over every cell, plus the shape.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ grid.length;
  for (const row of grid) {
    for (const cell of row) {
      const text =
        typeof cell === "string"
          ? cell
          : cell === null || cell === undefined
            ? "\u0000"
            : typeof cell === "number"
              ? `#${cell}`
              : String(cell);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      }
      h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
      h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 0x1e, 0x01000193);
  }
  return `${grid.length}x${grid[0]?.length ?? 0}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
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

export const staffTables = new TableCache<StaffTable>((grid) => ingestStaff(grid));
export const postsTables = new TableCache<PostsTable>((grid) => ingestPosts(grid));
