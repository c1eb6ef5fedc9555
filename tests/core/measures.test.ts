import { describe, expect, it } from "vitest";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { findMeasure, MEASURES } from "../../src/core/measures/catalogue";
import { Population } from "../../src/core/measures/population";
import { lengthOfService } from "../../src/core/measures/service";
import { computeMeasure, defaultAsOf, measuresByGroup, workforceData } from "../../src/core/report";
import { NotAvailable } from "../../src/core/result";
import { createStaff, d, staffGrid, StaffRow } from "../support/factories";

const D = d(2022, 9, 30);

function measure(
  rows: StaffRow[],
  name: string,
  opts: { posts?: unknown[][]; team?: string; role?: string; asOf?: number } = {}
) {
  const staff = ingestStaff(staffGrid(rows));
  expect(staff.problems.filter((p) => p.severity === "error")).toEqual([]);
  const posts = opts.posts ? ingestPosts(opts.posts) : null;
  return computeMeasure(workforceData(staff, posts), name, {
    asOf: opts.asOf ?? D,
    team: opts.team,
    role: opts.role,
  });
}

/** A small service whose figures are worked out by hand in each test. */
const service = (): StaffRow[] => [
  createStaff({ id: "A", team: "North", role: "SW1", fte: 1, start: d(2010, 1, 1) }),
  createStaff({ id: "B", team: "North", role: "SW2", fte: 0.5, start: d(2021, 12, 1) }), // starter
  createStaff({ id: "C", team: "South", role: "ASYE", fte: 1, start: d(2022, 9, 30) }), // starter, in post on D itself
  createStaff({
    id: "E",
    team: "South",
    role: "SW1",
    fte: 0.8,
    start: d(2015, 1, 1),
    leave: d(2022, 3, 31),
  }), // leaver
  createStaff({
    id: "F",
    team: "South",
    role: "SW1",
    fte: 1,
    start: d(2015, 1, 1),
    leave: d(2021, 9, 30),
  }), // left before the year
  createStaff({
    id: "G",
    team: "South",
    role: "SW1",
    fte: 1,
    start: d(2019, 1, 1),
    leave: d(2022, 10, 1),
  }), // leaves after D: in post
  createStaff({
    id: "H",
    team: "North",
    role: "SW1",
    type: "Agency",
    fte: 1,
    start: d(2022, 1, 1),
    caseload: 20,
  }),
  createStaff({
    id: "I",
    team: "North",
    role: "SW1",
    type: "Agency",
    fte: 1,
    start: d(2020, 1, 1),
    leave: d(2022, 6, 1),
  }), // agency leaver
  createStaff({
    id: "J",
    team: "North",
    role: "SW1",
    type: "Student",
    fte: 1,
    start: d(2022, 9, 1),
  }),
];

describe("measures (metrics.md)", () => {
  it("counts social workers in post at D: start ≤ D, leave empty or after D", () => {
    // A 1 + B 0.5 + C 1 + G 1
    expect(measure(service(), "fteSocialWorkers")).toBeCloseTo(3.5);
    expect(measure(service(), "headcount")).toBe(4);
  });

  it("keeps agency workers and the pipeline out of social workers", () => {
    expect(measure(service(), "agencyFte")).toBe(1);
    expect(measure(service(), "agencyRate")).toBeCloseTo(1 / 4.5);
    expect(measure(service(), "pipelineHeadcount")).toBe(1);
  });

  it("counts starters and leavers in the year to D (D − 1 year < date ≤ D), never agency leavers", () => {
    expect(measure(service(), "startersFte")).toBeCloseTo(1.5);
    expect(measure(service(), "leaversFte")).toBeCloseTo(0.8);
    expect(measure(service(), "leaversHeadcount")).toBe(1);
    expect(measure(service(), "turnoverRate")).toBeCloseTo(0.8 / 3.5);
  });

  it("computes stability as the share of those in post a year before still in post", () => {
    // In post at 30/09/2021: A, E, G (F left on 30/09/2021 itself, so not in post). Still in post: A, G.
    expect(measure(service(), "stabilityRate")).toBeCloseTo(2 / 3);
  });

  it("filters by team and role", () => {
    expect(measure(service(), "fteSocialWorkers", { team: " south " })).toBeCloseTo(2);
    expect(measure(service(), "fteSocialWorkers", { role: "Social worker" })).toBeCloseTo(2);
    expect(measure(service(), "fteSocialWorkers", { team: "North", role: "SW2" })).toBeCloseTo(0.5);
  });

  it("takes vacancies from the posts table by team and role, never below 0 per post group", () => {
    const posts = [
      ["Team", "Role", "Funded FTE"],
      ["North", "SW1", 3],
      ["North", "SW2", 0.2],
      ["South", "Social Worker", 2],
    ];
    // North SW1: 3 − 1 = 2; North SW2: max(0, 0.2 − 0.5) = 0; South SW1: 2 − 1 (G) = 1
    expect(measure(service(), "vacancyFte", { posts })).toBeCloseTo(3);
    expect(measure(service(), "vacancyRate", { posts })).toBeCloseTo(3 / 6.5);
    expect(measure(service(), "vacancyFte", { posts, team: "North" })).toBeCloseTo(2);
  });

  it("takes vacancies from Vacant rows without a posts table, and says when neither exists", () => {
    const rows = [...service(), createStaff({ id: "", type: "Vacant", fte: 0.5, start: null })];
    expect(measure(rows, "vacancyFte")).toBeCloseTo(0.5);
    const none = measure(service(), "vacancyRate");
    expect(none).toBeInstanceOf(NotAvailable);
    expect((none as NotAvailable).reason).toMatch(/no posts data/);
  });

  it("averages caseload over case holders' FTE, agency case holders included", () => {
    const rows = [
      createStaff({ role: "SW1", fte: 1, caseload: 20 }),
      createStaff({ role: "ASYE", fte: 0.5, caseload: 17 }),
      createStaff({ role: "TM", fte: 1, caseload: 0 }),
      createStaff({ role: "SW1", type: "Agency", fte: 1, caseload: 19 }),
    ];
    expect(measure(rows, "caseHolders")).toBe(3);
    expect(measure(rows, "averageCaseload")).toBeCloseTo(56 / 2.5);
    expect(measure(rows, "highestCaseload")).toBe(20);
    expect(measure(rows, "caseloadAboveTarget")).toBe(3); // 20 > 18, 17 > 16 (ASYE), 19 > 18
  });

  it("gives sickness per FTE and the absence rate over working days", () => {
    const rows = [createStaff({ fte: 1, sickness: 10 }), createStaff({ fte: 0.5, sickness: null })];
    expect(measure(rows, "sicknessDaysPerFte")).toBeCloseTo(10 / 1.5);
    expect(measure(rows, "absenceRate")).toBeCloseTo(10 / (1.5 * 253));
  });

  it("computes the equality profile over known values, with not known as its own share", () => {
    const rows = [
      createStaff({
        gender: "Female",
        ethnicity: "Pakistani",
        disability: "Yes",
        orientation: "Gay",
      }),
      createStaff({
        gender: "Male",
        ethnicity: "White Irish",
        disability: "No",
        orientation: "Heterosexual",
      }),
      createStaff({
        gender: "Prefer not to say",
        ethnicity: "Gypsy or Irish Traveller",
        disability: "Not known",
        orientation: "",
      }),
      createStaff({
        gender: "Female",
        ethnicity: "REFU",
        disability: "No",
        orientation: "Straight",
      }),
    ];
    expect(measure(rows, "femaleShare")).toBeCloseTo(2 / 3);
    expect(measure(rows, "maleShare")).toBeCloseTo(1 / 3);
    expect(measure(rows, "genderNotKnownShare")).toBeCloseTo(1 / 4);
    expect(measure(rows, "ethnicMinorityShare")).toBeCloseTo(1 / 3); // the White groups include Irish and Traveller
    expect(measure(rows, "ethnicityNotKnownShare")).toBeCloseTo(1 / 4);
    expect(measure(rows, "disabledShare")).toBeCloseTo(1 / 3);
    expect(measure(rows, "lgbShare")).toBeCloseTo(1 / 3);
  });

  it("averages completed years of age at D", () => {
    const rows = [
      createStaff({ dob: d(1980, 9, 30) }),
      createStaff({ dob: d(1990, 10, 1) }),
      createStaff({ dob: null }),
    ];
    expect(measure(rows, "averageAge")).toBeCloseTo((42 + 31) / 2);
  });

  it("bands length of service in completed years: <1, 1-2, 3-5, >5", () => {
    const rows = [0, 1, 2, 3, 5, 6].map((y) => createStaff({ start: d(2022 - y, 9, 30) }));
    rows.push(createStaff({ start: d(2016, 10, 1) })); // 5 years 364 days: 3-5
    const staff = ingestStaff(staffGrid(rows));
    const p = new Population(workforceData(staff, null), { asOf: D });
    expect(lengthOfService(p)).toEqual({ "<1": 1, "1-2": 2, "3-5": 3, ">5": 1 });
  });

  it("never gives 0 or throws for a measure without data: every measure is a number or not available", () => {
    const empty = workforceData(ingestStaff(staffGrid([])), null);
    const counts = new Set([
      "fteSocialWorkers",
      "headcount",
      "agencyFte",
      "agencyHeadcount",
      "asyeFte",
      "startersFte",
      "startersHeadcount",
      "leaversFte",
      "leaversHeadcount",
      "serviceUnder1",
      "service1to2",
      "service3to5",
      "serviceOver5",
      "pipelineHeadcount",
      "caseHolders",
      "caseloadAboveTarget",
    ]);
    for (const m of MEASURES) {
      const v = computeMeasure(empty, m.key, { asOf: D });
      if (counts.has(m.key)) expect(v, m.key).toBe(0);
      else expect(v, m.key).toBeInstanceOf(NotAvailable);
    }
  });

  it("says a measure is not available when its optional column is missing", () => {
    const minimal = workforceData(
      ingestStaff([
        ["Staff ID", "Team", "Role", "Worker type", "FTE", "Start date"],
        ["S", "N", "SW1", "Permanent", 1, d(2010, 1, 1)],
      ]),
      null
    );
    for (const key of [
      "averageCaseload",
      "caseHolders",
      "averageAge",
      "sicknessDaysPerFte",
      "absenceRate",
      "femaleShare",
      "disabledShare",
      "ethnicMinorityShare",
      "lgbShare",
    ]) {
      const v = computeMeasure(minimal, key, { asOf: D });
      expect(v, key).toBeInstanceOf(NotAvailable);
      expect((v as NotAvailable).reason, key).toMatch(/column/);
    }
    expect(computeMeasure(minimal, "turnoverRate", { asOf: D })).toBe(0);
  });

  it("finds measures by key or label in any case", () => {
    expect(findMeasure("TURNOVER RATE")?.key).toBe("turnoverRate");
    expect(findMeasure("vacancyrate")?.key).toBe("vacancyRate");
    expect(findMeasure("nonsense")).toBeUndefined();
  });

  it("defaults the as-of date to 30 September of the latest year with a date on or before it", () => {
    expect(defaultAsOf([{ start: d(2019, 1, 1), leave: d(2023, 11, 1) }])).toBe(d(2023, 9, 30));
    expect(defaultAsOf([{ start: d(2023, 10, 1), leave: null }])).toBe(d(2022, 9, 30));
    expect(defaultAsOf([])).toBeNull();
  });
});

describe("measures by group", () => {
  it("gives each team's and each role's measures, equal to filtering by hand", () => {
    const data = workforceData(ingestStaff(staffGrid(service())), null);
    const byTeam = measuresByGroup(data, "team", ["fteSocialWorkers", "turnoverRate"], { asOf: D });
    expect(byTeam.map((g) => g.group)).toEqual(["North", "South"]);
    expect(byTeam[1].values.fteSocialWorkers).toBeCloseTo(2);
    expect(byTeam[1].values.turnoverRate).toBeCloseTo(0.8 / 2);
    const byRole = measuresByGroup(data, "role", ["fteSocialWorkers"], { asOf: D });
    expect(Object.fromEntries(byRole.map((g) => [g.group, g.values.fteSocialWorkers]))).toEqual({
      SW1: 2,
      SW2: 0.5,
      ASYE: 1,
    });
  });
});
