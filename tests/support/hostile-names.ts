/**
 * A workforce whose team, role and leaving-reason values are hostile to spreadsheet criteria
 * (issue 10 §1): operators (`<18 Team`, `>=5`, `<>North`), wildcards (`Team*`, `CIN?`, `~`), a
 * leading `=`, `+`, `@` or `-`, quotes, a 300-character name, non-ASCII text, and spellings that
 * differ only in case or spaces (one team, one reason, one role to core). Built from the seeded
 * generator, so it has leavers, agency workers, trainees and a posts table.
 *
 * `scripts/make-corpus.ts` writes it to tests/corpus/hostile-names/ (staff.csv, posts.csv);
 * tests/summary/hostile-names.test.ts recalculates its summary in HyperFormula and LibreOffice.
 */
import { ukDateFromSerial } from "../../src/core/dates";
import { generateStaff, TEAMS } from "../../src/sample/generate";

export const LONG_TEAM = `Long team ${"abcdefgh* ".repeat(29)}end`;
export const LONG_REASON = `Dismissed after a long process ${"?".repeat(10)}${" and more".repeat(30)}`;

/** Two hostile names for each generated team (in TEAMS order). */
export const HOSTILE_TEAMS: [string, string][] = [
  ["<18 Team", "Team"],
  ["Team*", "+44 Duty"],
  ["CIN?", "CIN1"],
  ["=1+1", "@Home"],
  ["-Fostering", `The "Hub" (O'Neill)`],
  ["Leaving ~ Care", "<>North"],
  [LONG_TEAM, ">=5"],
  ["Équipe Sûre – 子ども", "007"],
  ["North", "=North"],
];

/** Spellings of each generated leaving reason; case/space variants are one reason to core. */
export const HOSTILE_REASONS: Record<string, string[]> = {
  Resignation: ["Resignation", "resignation", "  RESIGNATION  "],
  "Moved to another local authority": ["<18 months in post", ">0"],
  Retired: ["Retired*", "Retired"],
  "Agency work": ["=1+1", "+Agency", "@Agency", "-Agency"],
  "End of fixed-term contract": [`End of "fixed-term" contract`, "End of fixed~term contract?"],
  Dismissed: [LONG_REASON],
  Other: ["Autre – départ 離職", "Other"],
};

/** Roles off the ladder (kept under their own text); the second of a pair differs only in case/spaces. */
export const HOSTILE_ROLES = ["Family Support*", "family  support*", "<>ASYE", "=SUM(1,2)"];

/** " NORTH  TEAM "-style spelling of a name: same team to core. */
const shouted = (name: string) => `  ${name.toUpperCase().replace(/ /g, "  ")} `;

export function hostileWorkforce(): { staff: unknown[][]; posts: unknown[][] } {
  const { staff, posts } = generateStaff({ rows: 420, seed: 2024 });
  const teamIndex = new Map(TEAMS.map(([t], i) => [t, i]));
  const out: unknown[][] = [staff[0]];
  staff.slice(1).forEach((row, i) => {
    const r = [...row];
    const pair = HOSTILE_TEAMS[teamIndex.get(String(r[1]))!];
    const team = pair[i % 2];
    r[1] = i % 5 === 0 ? shouted(team) : team;
    if (i % 11 === 0) r[2] = HOSTILE_ROLES[(i / 11) % HOSTILE_ROLES.length];
    if (r[7] !== null) {
      const spellings = HOSTILE_REASONS[String(r[7])];
      r[7] = spellings[i % spellings.length];
    }
    out.push(r);
  });
  const postsOut: unknown[][] = [posts[0]];
  for (const [team, role, funded] of posts.slice(1) as [string, string, number][]) {
    const [a, b] = HOSTILE_TEAMS[teamIndex.get(team)!];
    // The establishment spells the first team differently from the staff table: core matches them.
    postsOut.push([shouted(a), role, Math.round((funded / 2) * 10) / 10]);
    postsOut.push([b, role, Math.round((funded / 2) * 10) / 10]);
  }
  HOSTILE_TEAMS.forEach(([a, b], i) => {
    postsOut.push([a, HOSTILE_ROLES[i % HOSTILE_ROLES.length], 3]);
    postsOut.push([b, HOSTILE_ROLES[(i + 1) % HOSTILE_ROLES.length].toUpperCase(), 2.5]);
  });
  return { staff: out, posts: postsOut };
}

/** CSV text as an HR system exports it: dates as dd/mm/yyyy, quoted where needed, nothing escaped. */
export function asCsv(grid: unknown[][], dateColumns: number[]): string {
  const cell = (v: unknown, j: number): string => {
    const text =
      v === null || v === undefined
        ? ""
        : dateColumns.includes(j) && typeof v === "number"
          ? ukDateFromSerial(v)
          : String(v);
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return grid.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
