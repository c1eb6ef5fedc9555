/**
 * Problems grouped by what is wrong, for reports a person can act on: one group per kind of
 * problem (severity, column and what was expected), with how many rows have it, the first few of
 * them, and how to fix it — instead of 400 identical lines, one per worker. The full list stays
 * with each group (the pane's expandable list; `--csv` writes one line per problem).
 */
import { describeProblem, type Problem } from "./problems";

export interface ProblemGroup {
  severity: Problem["severity"];
  /** The column (census item) the problems are in. */
  column: string;
  /** What was expected: the problems' shared text (a row number or ID in it shown as "…" when it varies). */
  expected: string;
  /** How to put it right, when the problems say more than `expected`. */
  fix: string | null;
  /** How many problems (rows, or 1 for an LA-level or file-level item). */
  count: number;
  /** The first few problems, in the order found. */
  first: Problem[];
  /** Every problem of the group, in the order found. */
  problems: Problem[];
}

/** How many problems a group shows before "and N more". */
export const FIRST_SHOWN = 5;

/**
 * What varies within one kind of problem: a row number inside an expected text ("row 12 has the
 * same ID"), a placeholder SWE number ("the placeholder ZZ0000000003 was written").
 */
const VARYING = /\brow \d+\b|\bZZ\d{10}\b/g;
const general = (text: string) =>
  text.replace(VARYING, (m) => (m.startsWith("row ") ? "row …" : "ZZ…"));

/** Groups problems by kind, in the order each kind is first found; errors before warnings. */
export function groupProblems(
  problems: readonly Problem[],
  shown: number = FIRST_SHOWN
): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const text = general(p.expected);
    const key = `${p.severity}\u0000${p.column}\u0000${text}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        severity: p.severity,
        column: p.column,
        expected: p.expected,
        fix: p.fix ?? null,
        count: 0,
        first: [],
        problems: [],
      };
      groups.set(key, g);
    } else if (g.expected !== p.expected) g.expected = text;
    g.count++;
    g.problems.push(p);
    if (g.first.length < shown) g.first.push(p);
  }
  const all = [...groups.values()];
  return [
    ...all.filter((g) => g.severity === "error"),
    ...all.filter((g) => g.severity === "warning"),
  ];
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** "Rows 2, 3, 4, 5, 6 and 395 more" (or the single LA-level item). */
export function groupRows(g: ProblemGroup): string {
  const rows = g.first.filter((p) => p.row > 0).map((p) => String(p.row));
  if (rows.length === 0) return g.count === 1 ? "" : plural(g.count, "time", "times");
  const more = g.count - rows.length;
  return `${rows.length === 1 && more === 0 ? "Row" : "Rows"} ${rows.join(", ")}${more > 0 ? ` and ${more.toLocaleString("en-GB")} more` : ""}`;
}

/** What the first few problems held, distinct values only: `"37", "40", a blank cell, …`. */
export function groupFound(g: ProblemGroup): string {
  const seen = [...new Set(g.first.map((p) => p.found))];
  const shown = seen.map((f) => (f === "" ? "a blank cell" : `"${f}"`));
  return shown.join(", ") + (g.count > g.first.length ? ", …" : "");
}

/** One group as a few plain-text lines: the headline, the rows and values, how to fix it. */
export function describeGroup(g: ProblemGroup): string[] {
  if (g.count === 1) {
    const line = [describeProblem(g.problems[0])];
    if (g.fix) line.push(`To fix: ${g.fix}`);
    return line;
  }
  const onRows = g.problems.every((p) => p.row > 0);
  const lines = [
    `${g.column}: ${plural(g.count, onRows ? "row" : "problem", onRows ? "rows" : "problems")} — expected ${g.expected.replace(/\.$/, "")}.`,
    `${groupRows(g)}; found ${groupFound(g)}`,
  ];
  if (g.fix) lines.push(`To fix: ${g.fix}`);
  return lines;
}
