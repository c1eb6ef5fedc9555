/**
 * Property (issue 10, section 3): over random staff tables with small teams and roles, the
 * shareable summary — made as `summary --shareable` and the pane make it (buildSummaryPlan, then
 * makeShareable) — shows no figure of a group under the threshold, no 0 % or 100 % share of a
 * group under twice the threshold, and no suppressed figure that its row or column totals give
 * back; it keeps no formula, no conditional format pointing at a name it does not define, no
 * text that only makes sense in the pane, and states its threshold.
 *
 * Group sizes are counted here from the generated people, not read from the plan's disclosure
 * facts, so the test does not take the implementation's word for who is in a group.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingestStaff } from "../../src/core/ingest";
import { buildSummaryPlan } from "../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import type { CellSpec, WorkbookPlan } from "../../src/core/summary/plan";
import { makeShareable } from "../../src/core/summary/shareable";
import { roleLabel, type RoleCode } from "../../src/core/vocabulary";
import { createStaff, d, staffGrid, type StaffRow } from "../support/factories";

const AS_OF = d(2023, 9, 30);
const YEAR_BEFORE = d(2022, 9, 30);
const LONG_AGO = d(2015, 1, 5);
const THIS_YEAR = d(2023, 1, 10); // started in the year: in post at the as-of date only
const LEFT = d(2023, 3, 1); // left in the year: in post a year before only

const ROLES: [input: string, code: RoleCode][] = [
  ["Social worker", "SW1"],
  ["Senior social worker", "SW2"],
  ["Team manager", "TM"],
  ["ASYE", "ASYE"],
];
const TEAMS = ["North", "South", "East", "West", "Hub"];

interface Person {
  team: string;
  role: number;
  agency: boolean;
  leaves: boolean;
  reason: string | null;
  newStarter: boolean;
  gender: string | null;
  ethnicity: string | null;
  disability: string | null;
  orientation: string | null;
  birthYear: number;
  caseload: number | null;
  fte: number;
}

const person = (team: string) =>
  fc.record({
    team: fc.constant(team),
    role: fc.integer({ min: 0, max: ROLES.length - 1 }),
    agency: fc.boolean().map((b) => b && Math.random() < 0.3),
    leaves: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    reason: fc.constantFrom("Resignation", "Retirement", "Dismissal", null),
    newStarter: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    gender: fc.constantFrom("Female", "Female", "Male", "Other", null),
    ethnicity: fc.constantFrom("White British", "White British", "Black African", "Indian", null),
    disability: fc.constantFrom("No", "No", "Yes", null),
    orientation: fc.constantFrom("Heterosexual", "Heterosexual", "Gay", null),
    birthYear: fc.integer({ min: 1960, max: 1998 }),
    caseload: fc.constantFrom(0, 8, 15, 19, 22, null),
    fte: fc.constantFrom(1, 1, 0.8, 0.5),
  });

/** 1 to 5 teams of 1 to 12 people each. */
const staffArb: fc.Arbitrary<Person[]> = fc
  .shuffledSubarray(TEAMS, { minLength: 1, maxLength: 5 })
  .chain((teams) =>
    fc.tuple(...teams.map((t) => fc.array(person(t), { minLength: 1, maxLength: 12 })))
  )
  .map((groups) => groups.flat());

function rowsOf(people: Person[]): StaffRow[] {
  return people.map((p, i) =>
    createStaff({
      id: `P${i}`,
      team: p.team,
      role: ROLES[p.role][0],
      type: p.agency ? "Agency" : "Permanent",
      fte: p.fte,
      start: p.newStarter ? THIS_YEAR : LONG_AGO,
      leave: p.leaves && !p.agency && !p.newStarter ? LEFT : null,
      reason: p.leaves && !p.agency && !p.newStarter ? p.reason : null,
      dob: d(p.birthYear, 6, 1),
      gender: p.gender,
      ethnicity: p.ethnicity,
      disability: p.disability,
      orientation: p.orientation,
      caseload: p.caseload,
    })
  );
}

/** Who is in which group, counted from the people themselves. */
function groupsOf(people: Person[]) {
  const leaver = (p: Person) => p.leaves && !p.agency && !p.newStarter;
  const swAt = (p: Person, date: number) =>
    !p.agency && (date === AS_OF ? !leaver(p) : !p.newStarter);
  const count = (f: (p: Person) => boolean) => people.filter(f).length;
  return {
    teamSocialWorkers: (team: string) => count((p) => p.team === team && swAt(p, AS_OF)),
    teamWorkers: (team: string) => count((p) => p.team === team && (p.agency || swAt(p, AS_OF))),
    teamCaseHolders: (team: string) =>
      count((p) => p.team === team && (p.agency || swAt(p, AS_OF)) && (p.caseload ?? 0) > 0),
    roleSocialWorkers: (label: string, date: number) =>
      count((p) => roleLabel(ROLES[p.role][1]) === label && swAt(p, date)),
    reasonLeavers: (label: string) =>
      count((p) => leaver(p) && (p.reason ?? "Not recorded") === label),
  };
}

type Grid = CellSpec[][];
interface Table {
  name: string;
  header: number;
  /** Body rows (groups), then the total row if the table has one. */
  body: number[];
  total: number | null;
}

const headerAt = (cells: Grid, r: number) => cells[r].map((c) => c?.value);

/** The group tables of the summary, found by their header rows. */
function findTables(cells: Grid): Table[] {
  const kinds: [name: string, first: string, has: string][] = [
    ["profile", "Team", "Headcount"],
    ["vacancies", "Team", "Vacancy FTE"],
    ["caseloads", "Team", "Case holders"],
    ["turnover", "Team", "Turnover rate"],
    ["reasons", "Leaving reason", "Leavers (headcount)"],
    ["roles-leavers", "Role", "Leavers FTE"],
    ["service", "Role", "<1 at as-of date"],
  ];
  const tables: Table[] = [];
  cells.forEach((row, r) => {
    const kind = kinds.find(
      ([, first, has]) => row[0]?.value === first && row.some((c) => c?.value === has)
    );
    if (!kind) return;
    const body: number[] = [];
    let total: number | null = null;
    for (let i = r + 1; i < cells.length; i++) {
      const label = cells[i]?.[0]?.value;
      if (typeof label !== "string" || label === "" || cells[i][0].style === "note") break;
      if (label === "Total") {
        total = i;
        break;
      }
      body.push(i);
    }
    tables.push({ name: kind[0], header: r, body, total });
  });
  return tables;
}

const SHARE_HEADERS = new Set([
  "Disabled %",
  "Ethnic minority %",
  "LGB+ %",
  "Male %",
  "Female %",
  "Agency rate",
  "Turnover rate",
  "Vacancy rate",
]);

/** For each figure column of a table's row: the size of the group it describes. */
function groupSizes(
  table: Table,
  cells: Grid,
  row: number,
  g: ReturnType<typeof groupsOf>
): number[] {
  const label = String(cells[row][0].value);
  const width = cells[table.header].length;
  const all = (n: number) => Array.from({ length: width }, (_, j) => (j === 0 ? Infinity : n));
  switch (table.name) {
    case "profile":
    case "turnover":
      return all(g.teamSocialWorkers(label));
    case "vacancies":
      return all(g.teamWorkers(label));
    case "caseloads":
      return all(g.teamCaseHolders(label));
    case "reasons":
      return all(g.reasonLeavers(label));
    case "roles-leavers":
      return all(g.roleSocialWorkers(label, AS_OF));
    case "service":
      return headerAt(cells, table.header).map((h, j) =>
        j === 0
          ? Infinity
          : g.roleSocialWorkers(label, /a year before/.test(String(h)) ? YEAR_BEFORE : AS_OF)
      );
    default:
      throw new Error(table.name);
  }
}

const isFigure = (c: CellSpec | undefined) => typeof c?.value === "number";
const isC = (c: CellSpec | undefined) => c?.value === "c";

function check(people: Person[], threshold: number) {
  const plan = buildSummaryPlan({
    staff: ingestStaff(staffGrid(rowsOf(people))),
    posts: null,
    options: { ...DEFAULT_SUMMARY_OPTIONS, asOf: AS_OF, suppressionThreshold: threshold },
    source: { staffTable: "Staff", postsTable: null },
    version: "test",
    builtOn: "2026-11-22",
  });
  const original = plan.sheets[0].blocks[0].cells.map((r) => r.map((c) => ({ ...c })));
  const shared = makeShareable(plan, { threshold, version: "test", preparedOn: "2026-11-22" });
  const sheet = shared.sheets[0];
  const cells = sheet.blocks[0].cells;
  const g = groupsOf(people);
  const tables = findTables(cells);
  expect(tables.map((t) => t.name).sort()).toEqual(
    ["caseloads", "profile", "reasons", "roles-leavers", "service", "turnover", "vacancies"].sort()
  );

  for (const t of tables) {
    const headers = headerAt(cells, t.header);
    for (const r of t.body) {
      const sizes = groupSizes(t, cells, r, g);
      headers.forEach((h, j) => {
        if (j === 0) return;
        const where = `${t.name} table, row "${cells[r][0].value}", column "${h}"`;
        // 1. No figure of a group under the threshold.
        if (sizes[j] < threshold)
          expect(isFigure(cells[r][j]), `${where}: a group of ${sizes[j]} shows a figure`).toBe(
            false
          );
        // 2. No 0 % or 100 % share of a group under twice the threshold.
        if (SHARE_HEADERS.has(String(h)) && sizes[j] < 2 * threshold)
          expect(
            cells[r][j].value === 0 || cells[r][j].value === 1,
            `${where}: a group of ${sizes[j]} shows ${cells[r][j].value}`
          ).toBe(false);
      });
    }
    // 3. No way back: in a column whose total is shown (a total row, or for the leavers by
    //    role the service's leavers, shown in the table above), never exactly one suppressed cell.
    headers.forEach((h, j) => {
      if (j === 0) return;
      const totalShown =
        t.total === null ? /^Leavers/.test(String(h)) : isFigure(cells[t.total][j]);
      if (!totalShown) return;
      const hidden = t.body.filter((r) => isC(cells[r][j]));
      expect(
        hidden.length,
        `${t.name} table, column "${h}": one suppressed cell (row "${hidden.map((r) => cells[r][0].value)}") beside a total`
      ).not.toBe(1);
    });
    // ... and within a row: a rate and the FTE it is made of (the denominator, a team's or a
    // role's FTE, is shown in the profile table) never have exactly one hidden.
    const RATIOS: Record<string, string[][]> = {
      turnover: [["Leavers FTE", "Turnover rate"]],
      "roles-leavers": [["Leavers FTE", "Turnover rate"]],
      vacancies: [
        ["Agency FTE", "Agency rate"],
        ["Vacancy FTE", "Vacancy rate"],
      ],
    };
    for (const ratio of RATIOS[t.name] ?? [])
      for (const r of t.body) {
        const [a, b] = ratio.map((h) => cells[r][headers.indexOf(h)]);
        expect(
          (isC(a) && isFigure(b)) || (isFigure(a) && isC(b)),
          `${t.name} row "${cells[r][0].value}": one of ${ratio.join(" and ")} hidden, the other shown`
        ).toBe(false);
      }
    // ... FTE by role adds up to the FTE; Male % + Female % + other = 100 %.
    if (t.name === "profile") {
      const col = (name: string) => headers.indexOf(name);
      const fteByRole = headers
        .map((h, j) => (/^FTE \w+$/.test(String(h)) ? j : -1))
        .filter((j) => j > 0);
      for (const r of [...t.body, ...(t.total === null ? [] : [t.total])]) {
        if (isFigure(cells[r][col("FTE")]))
          expect(
            fteByRole.filter((j) => isC(cells[r][j])).length,
            `profile row "${cells[r][0].value}": one FTE by role hidden beside its FTE`
          ).not.toBe(1);
        const [m, f] = [col("Male %"), col("Female %")];
        const one = [m, f].filter((j) => isC(cells[r][j]));
        if (one.length === 1) {
          const shownAt = one[0] === m ? f : m;
          const guess = 1 - (cells[r][shownAt].value as number);
          expect(
            Math.abs(guess - (original[r][one[0]].value as number)) < 1e-9,
            `profile row "${cells[r][0].value}": the hidden ${headers[one[0]]} is 100 % minus the other`
          ).toBe(false);
        }
      }
    }
  }

  // Charts show no suppressed figure (and a 100 % chart no 0 % or 100 % of a small group).
  for (const chart of sheet.charts) {
    for (const s of chart.series)
      for (let i = 0; i < s.values.rows; i++)
        for (let j = 0; j < s.values.columns; j++)
          expect(
            isC(cells[s.values.row + i]?.[s.values.column + j]),
            `chart "${chart.title}" plots a suppressed cell`
          ).toBe(false);
    if (chart.type === "columnStacked100") {
      const service = tables.find((t) => t.name === "service")!;
      for (let i = 0; i < chart.categories.rows; i++) {
        const r = chart.categories.row + i;
        const values = chart.series.map((s) => cells[r][s.values.column].value as number);
        const size = groupSizes(service, cells, r, g)[chart.series[0].values.column];
        const sum = values.reduce((a, b) => a + b, 0);
        if (size < 2 * threshold && sum > 0)
          expect(
            values.some((v) => v === 0 || v === sum),
            `chart "${chart.title}": a group of ${size} at 0 % or 100 %`
          ).toBe(false);
      }
    }
  }

  mustAlso(shared, threshold);
}

/** The three "must also" items, and values only. */
function mustAlso(shared: WorkbookPlan, threshold: number) {
  expect(shared.sheets).toHaveLength(1);
  const sheet = shared.sheets[0];
  const cells = sheet.blocks.flatMap((b) => b.cells.flat());
  expect(cells.some((c) => c.formula !== undefined)).toBe(false);
  const defined = new Set(shared.sheets.flatMap((s) => s.names.map((n) => n.name.toLowerCase())));
  for (const cf of sheet.conditionalFormats ?? []) {
    const names = cf.formula
      .replace(/"[^"]*"/g, "")
      .match(/[A-Za-z_][A-Za-z0-9_.]*(?!\s*\()/g)
      ?.filter((w) => !/^\$?[A-Z]{1,3}\$?\d+$/.test(w) && !/^(TRUE|FALSE)$/i.test(w));
    for (const n of names ?? [])
      expect(defined.has(n.toLowerCase()), `conditional format points at ${n}`).toBe(true);
  }
  const texts = cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
  for (const t of texts)
    expect(t, "text that only makes sense in the pane or a live workbook").not.toMatch(
      /\bpane\b|Check section|change these|recalculates/i
    );
  // A chart left out of the copy leaves no description of itself behind.
  const charted = new Set(sheet.charts.map((c) => c.title));
  for (const t of texts) {
    const described =
      /^Chart: (.*?)\. /.exec(t)?.[1] ?? /^(.*): described in row \d+\.$/.exec(t)?.[1];
    if (described !== undefined)
      expect(
        [...charted].some(
          (title) => title.replace(/[.\s]+$/, "") === described || title === described
        ),
        `a description of a chart the copy does not have: ${t.slice(0, 80)}`
      ).toBe(true);
  }
  expect(
    texts.some((t) => /^c: /.test(t) && new RegExp(`threshold[^.]*\\b${threshold}\\b`).test(t)),
    `a note stating the threshold ${threshold}`
  ).toBe(true);
}

describe("disclosure control in the shareable summary (property)", () => {
  it("hides every figure of a small group, every all-or-nothing share and every figure its totals would give back", () => {
    fc.assert(
      fc.property(staffArb, fc.constantFrom(5, 5, 3, 8), (people, threshold) =>
        check(people, threshold)
      ),
      { numRuns: 60 }
    );
  });

  it("holds for a service of one team of two (the issue's example)", () => {
    const two: Person[] = [0, 1].map(() => ({
      team: "North",
      role: 0,
      agency: false,
      leaves: false,
      reason: null,
      newStarter: false,
      gender: "Female",
      ethnicity: "White British",
      disability: "No",
      orientation: "Heterosexual",
      birthYear: 1970,
      caseload: 12,
      fte: 1,
    }));
    check(two, 5);
  });
});
