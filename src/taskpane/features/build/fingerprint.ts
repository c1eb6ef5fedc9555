/**
 * A cheap fingerprint of the cells read from the source tables (FNV-1a, 32 bits, over each
 * cell's type and text): saved at build time, so the pane can tell that the data changed since.
 * Not a security hash; a collision only means a missed "Refresh" hint.
 */
import type { Grid } from "../../../core/ingest";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

function cellKey(value: unknown): string {
  if (value === null || value === undefined) return "\u0000";
  if (value instanceof Date) return `d${value.getTime()}`;
  return `${(typeof value)[0]}${String(value)}`;
}

/** The fingerprint of some grids (null for a missing one); the same cells give the same text. */
export function fingerprint(...grids: (Grid | null | undefined)[]): string {
  let h = FNV_OFFSET;
  let cells = 0;
  for (const grid of grids) {
    h = mix(h, grid ? `\u0002${grid.length}` : "\u0003");
    for (const row of grid ?? []) {
      h = mix(h, `\u0001${row.length}`);
      for (const value of row) {
        h = mix(h, cellKey(value));
        h = mix(h, "\u001f");
        cells++;
      }
    }
  }
  return `${(h >>> 0).toString(16).padStart(8, "0")}-${cells}`;
}
