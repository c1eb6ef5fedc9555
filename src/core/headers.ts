/**
 * Finding the header row and recognising its columns by canonical name or synonym
 * (`columns.md`), with an explicit mapping that always wins.
 */
import type { ColumnSpec } from "./columns";
import type { Problem } from "./problems";
import { cellText, headerKeyWithoutNote, matchKey } from "./text";

export interface ColumnMatch<K extends string> {
  key: K;
  /** 0-based index in the grid. */
  index: number;
  /** The header as the sheet has it. */
  header: string;
  how: "name" | "synonym" | "mapping";
}

/** A user's mapping: canonical key → the header text (or 0-based column index) to use. */
export type ColumnMapping<K extends string> = Partial<Record<K, string | number>>;

interface Candidate<K extends string> {
  key: K;
  how: "name" | "synonym";
}

function synonymIndex<K extends string>(specs: readonly ColumnSpec<K>[]) {
  const full = new Map<string, Candidate<K>>();
  const stripped = new Map<string, Candidate<K>>();
  for (const spec of specs) {
    const names: [string, "name" | "synonym"][] = [
      [spec.label, "name"],
      [spec.key, "name"],
      ...spec.synonyms.map((s) => [s, "synonym"] as [string, "synonym"]),
    ];
    for (const [name, how] of names) {
      if (!full.has(matchKey(name))) full.set(matchKey(name), { key: spec.key, how });
      if (!stripped.has(headerKeyWithoutNote(name)))
        stripped.set(headerKeyWithoutNote(name), { key: spec.key, how });
    }
  }
  return (header: unknown): Candidate<K> | undefined =>
    full.get(matchKey(header)) ?? stripped.get(headerKeyWithoutNote(header));
}

export interface HeaderResult<K extends string> {
  columns: ColumnMatch<K>[];
  problems: Problem[];
}

/** Recognise the columns of one header row. `headerRowNumber` is the sheet's row number. */
export function matchHeaders<K extends string>(
  headerCells: readonly unknown[],
  specs: readonly ColumnSpec<K>[],
  headerRowNumber: number,
  mapping: ColumnMapping<K> = {}
): HeaderResult<K> {
  const recognise = synonymIndex(specs);
  const columns: ColumnMatch<K>[] = [];
  const problems: Problem[] = [];
  const taken = new Set<number>();
  const headers = headerCells.map(cellText);

  for (const spec of specs) {
    const wanted = mapping[spec.key];
    if (wanted === undefined || wanted === "") continue;
    const index =
      typeof wanted === "number"
        ? wanted
        : headers.findIndex((h) => matchKey(h) === matchKey(wanted));
    if (index < 0 || index >= headers.length) {
      problems.push({
        row: headerRowNumber,
        column: spec.label,
        found: String(wanted),
        severity: "error",
        expected: `a column headed "${wanted}" for ${spec.label}, as the mapping says; no such column in the header row`,
      });
      continue;
    }
    columns.push({ key: spec.key, index, header: headers[index], how: "mapping" });
    taken.add(index);
  }

  const mapped = new Set(columns.map((c) => c.key));
  headers.forEach((header, index) => {
    if (taken.has(index) || header === "") return;
    const found = recognise(header);
    if (!found || mapping[found.key] !== undefined) return;
    if (mapped.has(found.key)) {
      const first = columns.find((c) => c.key === found.key)!;
      problems.push({
        row: headerRowNumber,
        column: header,
        found: header,
        severity: "warning",
        expected: `one column for ${specs.find((s) => s.key === found.key)!.label}; column "${first.header}" is used and this one is ignored`,
      });
      return;
    }
    columns.push({ key: found.key, index, header, how: found.how });
    mapped.add(found.key);
  });

  for (const spec of specs) {
    if (spec.required && !mapped.has(spec.key) && mapping[spec.key] === undefined) {
      problems.push({
        row: headerRowNumber,
        column: spec.label,
        found: "no such column",
        severity: "error",
        expected: `a column headed "${spec.label}" (or ${spec.synonyms.slice(0, 4).join(", ")}); map one by hand if it has another name`,
      });
    }
  }
  columns.sort((a, b) => a.index - b.index);
  return { columns, problems };
}

/** How many of a row's cells are recognised headers: how the header row is found. */
export function countRecognised<K extends string>(
  cells: readonly unknown[],
  specs: readonly ColumnSpec<K>[]
): number {
  const recognise = synonymIndex(specs);
  return new Set(cells.map((c) => recognise(c)?.key).filter(Boolean)).size;
}

/**
 * The index of the header row: the first of the top rows holding at least three recognised
 * headers (or as many as the table has required columns), else 0.
 */
export function findHeaderRow<K extends string>(
  grid: readonly (readonly unknown[])[],
  specs: readonly ColumnSpec<K>[],
  scan = 20
): number {
  const need = Math.min(3, specs.filter((s) => s.required).length);
  for (let i = 0; i < Math.min(scan, grid.length); i++) {
    if (countRecognised(grid[i] ?? [], specs) >= need) return i;
  }
  return 0;
}
