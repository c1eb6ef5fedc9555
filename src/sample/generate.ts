/**
 * A seeded generator of realistic synthetic staff data (no real person): the teams of the
 * Manchester seed, the role ladder, agency workers, leavers with reasons, the pipeline, and a
 * posts (establishment) table. Used for examples/, the tests and the benchmarks.
 * Dates are Excel serials, as a sheet holds them.
 */
import { censusDate, serialFromYmd } from "../core/dates";

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const STAFF_HEADER = [
  "Employee No",
  "Team",
  "Job Title",
  "Contract Type",
  "FTE",
  "Start Date",
  "Leaving Date",
  "Reason for Leaving",
  "Date of Birth",
  "Gender",
  "Ethnic Origin",
  "Disabled",
  "Sexual Orientation",
  "Cases Held",
  "Days Sick",
] as const;

export const POSTS_HEADER = ["Team", "Role", "Funded FTE"] as const;

/** Teams of the Manchester seed with their relative sizes. */
export const TEAMS: readonly [string, number][] = [
  ["North", 103],
  ["Central", 106],
  ["South", 85],
  ["Cared for & Reunification", 65],
  ["Fostering", 38],
  ["Emergency Duty Service", 6],
  ["Complex Safeguarding", 21],
  ["Newly Arrived", 10],
  ["Safeguarding & Review", 49],
];

const ROLES: readonly [string, number][] = [
  ["ASYE", 0.2],
  ["Social Worker", 0.27],
  ["Senior Social Worker", 0.2],
  ["Advanced Practitioner", 0.15],
  ["Team Manager", 0.14],
  ["Service Manager", 0.04],
];
const ETHNICITIES: readonly [string, number][] = [
  ["White British", 0.55],
  ["Any other White background", 0.05],
  ["White Irish", 0.02],
  ["Black African", 0.1],
  ["Black Caribbean", 0.06],
  ["Pakistani", 0.06],
  ["Indian", 0.03],
  ["Bangladeshi", 0.01],
  ["White and Black Caribbean", 0.03],
  ["Any other Mixed background", 0.01],
  ["Chinese", 0.01],
  ["Any other ethnic group", 0.01],
  ["Prefer not to say", 0.06],
];
const REASONS: readonly [string, number][] = [
  ["Resignation", 0.55],
  ["Moved to another local authority", 0.15],
  ["Retired", 0.1],
  ["Agency work", 0.08],
  ["End of fixed-term contract", 0.05],
  ["Dismissed", 0.02],
  ["Other", 0.05],
];

function pick<T>(rand: () => number, weighted: readonly [T, number][]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [v, w] of weighted) {
    x -= w;
    if (x <= 0) return v;
  }
  return weighted[weighted.length - 1][0];
}

export interface GenerateOptions {
  /** Staff rows to make (every kind of worker and leaver included). */
  rows: number;
  seed?: number;
  /** The census date the data is "extracted" after (default 30 Sep 2023). */
  asOf?: number;
  /** Add the spellings a real HR extract has (" NORTH ", "Level 2", text dates). */
  messy?: boolean;
}

export interface GeneratedData {
  staff: unknown[][];
  posts: unknown[][];
}

export function generateStaff(options: GenerateOptions): GeneratedData {
  const rand = seededRandom(options.seed ?? 20230930);
  const asOf = options.asOf ?? censusDate(2023);
  const between = (a: number, b: number) => Math.floor(a + rand() * (b - a + 1));
  const staff: unknown[][] = [[...STAFF_HEADER]];
  const filled = new Map<string, number>();

  for (let i = 0; i < options.rows; i++) {
    const team = pick(rand, TEAMS);
    let role = pick(rand, ROLES);
    const kind = rand();
    // ~78% permanent, 6% fixed term, 9% agency, 4% pipeline, rest leavers drawn below
    const workerType =
      kind < 0.78
        ? "Permanent"
        : kind < 0.84
          ? "Fixed term"
          : kind < 0.93
            ? "Agency"
            : pick(rand, [
                ["Apprentice", 0.4],
                ["Student", 0.3],
                ["Step Up", 0.1],
                ["Frontline trainee", 0.2],
              ] as [string, number][]);
    const pipeline = kind >= 0.93;
    if (pipeline) role = "Social Worker";
    const yearsIn =
      role === "ASYE" || pipeline
        ? rand() * 1.8
        : workerType === "Agency"
          ? rand() * 2.5
          : Math.min(30, -Math.log(1 - rand()) * 6);
    const start = Math.floor(asOf + 40 - yearsIn * 365.25);
    const leaves = !pipeline && rand() < (workerType === "Agency" ? 0.3 : 0.16);
    const leave = leaves ? between(Math.max(start + 30, asOf - 3 * 365), asOf + 40) : null;
    const fte = rand() < 0.8 ? 1 : [0.5, 0.6, 0.8, 0.9][between(0, 3)];
    const age = role === "ASYE" ? between(22, 45) : between(25, 64);
    const birth = serialFromYmd(2023 - age, between(1, 12), between(1, 28));
    const holdsCases =
      ["ASYE", "Social Worker", "Senior Social Worker", "Advanced Practitioner"].includes(role) &&
      !pipeline;
    const cases = holdsCases
      ? Math.max(
          1,
          Math.round(
            (role === "ASYE" ? 12 : role === "Advanced Practitioner" ? 12 : 16) +
              (rand() - 0.5) * 12
          )
        )
      : 0;
    const gender =
      rand() < 0.85
        ? "Female"
        : rand() < 0.97
          ? "Male"
          : pick(rand, [
              ["Non-binary", 1],
              ["Prefer not to say", 2],
            ] as [string, number][]);
    const disabled = rand() < 0.07 ? "Yes" : rand() < 0.9 ? "No" : "Prefer not to say";
    const orientation =
      rand() < 0.8
        ? "Heterosexual"
        : rand() < 0.45
          ? pick(rand, [
              ["Gay or lesbian", 1],
              ["Bisexual", 1],
              ["Other", 0.3],
            ] as [string, number][])
          : "Prefer not to say";
    let teamText: string = team;
    let roleText: string = role;
    let startCell: unknown = start;
    if (options.messy) {
      if (rand() < 0.05) teamText = ` ${team.toUpperCase()} `;
      if (role === "Senior Social Worker" && rand() < 0.3) roleText = "Level 2";
      if (role === "ASYE" && rand() < 0.3) roleText = "NQSW";
      if (rand() < 0.03) {
        const d = new Date(Date.UTC(1899, 11, 30) + start * 86400000);
        startCell = `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
      }
    }
    staff.push([
      `E${String(100000 + i)}`,
      teamText,
      roleText,
      workerType,
      fte,
      startCell,
      leave ?? null,
      leave !== null ? pick(rand, REASONS) : null,
      birth,
      gender,
      pick(rand, ETHNICITIES),
      disabled,
      orientation,
      leave !== null && leave <= asOf ? 0 : cases,
      between(0, 4) === 0 ? between(1, 30) : 0,
    ]);
    if (!pipeline && workerType !== "Agency" && (leave === null || leave > asOf) && start <= asOf) {
      const key = `${team}\u0000${role}`;
      filled.set(key, (filled.get(key) ?? 0) + fte);
    }
  }

  // The establishment: each team and role funded for what is filled, plus about 9% vacant.
  const posts: unknown[][] = [[...POSTS_HEADER]];
  for (const [team] of TEAMS) {
    for (const [role] of ROLES) {
      const have = filled.get(`${team}\u0000${role}`) ?? 0;
      if (have === 0 && rand() < 0.7) continue;
      const funded = Math.round((have * (1 + rand() * 0.18) + (rand() < 0.3 ? 1 : 0)) * 10) / 10;
      posts.push([team, role, funded]);
    }
  }
  return { staff, posts };
}
