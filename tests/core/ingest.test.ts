import { describe, expect, it } from "vitest";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { createStaff, d, HEADER, staffGrid } from "../support/factories";

describe("ingest: headers", () => {
  it("reads the header row the user chose, where the automatic choice would be another", () => {
    // Row 1 repeats the headings as a title band; the real table starts at row 3.
    const grid = [
      HEADER,
      ["Workforce extract, September"],
      ...staffGrid([createStaff(), createStaff()]),
    ];
    const found = ingestStaff(grid);
    expect(found.headerRow).toBe(1);
    const chosen = ingestStaff(grid, { headerRow: 3 });
    expect(chosen.headerRow).toBe(3);
    expect(chosen.records).toHaveLength(2);
    expect(chosen.rowsRead).toBe(2);
    // A sheet whose grid starts at row 5: the row is the sheet's row number.
    expect(ingestStaff(grid, { firstRow: 5, headerRow: 7 }).headerRow).toBe(7);
  });

  it("recognises columns by synonym, ignoring case, spaces, punctuation and a trailing note", () => {
    const grid = [
      [
        "EMPLOYEE  NO",
        "service area",
        "Job-Title",
        "Agency/Permanent",
        "Hours (FTE)",
        "Continuous Service Date",
        "Date Left",
        "DOB",
        "Cases Held",
      ],
      ["E1", "North", "Social Worker", "Permanent", 1, d(2020, 1, 1), null, d(1990, 1, 1), 12],
    ];
    const t = ingestStaff(grid);
    expect(Object.fromEntries(t.columns.map((c) => [c.key, c.header]))).toEqual({
      staffId: "EMPLOYEE  NO",
      team: "service area",
      role: "Job-Title",
      workerType: "Agency/Permanent",
      fte: "Hours (FTE)",
      startDate: "Continuous Service Date",
      leaveDate: "Date Left",
      dateOfBirth: "DOB",
      caseload: "Cases Held",
    });
    expect(t.records).toHaveLength(1);
    expect(t.problems).toEqual([]);
  });

  it("lets an explicit mapping override recognition", () => {
    const grid = [
      ["Ref", "Team", "Role", "Worker type", "FTE", "Start date", "Employee No"],
      ["R1", "North", "SW1", "Permanent", 1, d(2020, 1, 1), "ignored"],
    ];
    const t = ingestStaff(grid, { mapping: { staffId: "Ref" } });
    expect(t.records[0].staffId).toBe("R1");
    expect(t.columns.find((c) => c.key === "staffId")).toMatchObject({
      header: "Ref",
      how: "mapping",
    });
  });

  it("finds a header below title rows and numbers problems as the sheet does", () => {
    const grid = [
      ["Staff list, November 2023"],
      [],
      staffGrid([createStaff()])[0],
      staffGrid([createStaff({ fte: "abc" })])[1],
    ];
    const t = ingestStaff(grid);
    expect(t.headerRow).toBe(3);
    expect(t.problems).toEqual([
      expect.objectContaining({ row: 4, column: "FTE", found: "abc", severity: "error" }),
    ]);
  });

  it("reports each missing required column on the header row and leaves every row out", () => {
    const grid = [
      ["Staff ID", "Team", "FTE"],
      ["S1", "North", 1],
    ];
    const t = ingestStaff(grid);
    expect(t.problems.filter((p) => p.severity === "error").map((p) => p.column)).toEqual([
      "Role",
      "Worker type",
      "Start date",
    ]);
    expect(t.problems.every((p) => p.row === 1)).toBe(true);
    expect(t.rowsLeftOut).toBe(1);
    expect(t.records).toEqual([]);
  });

  it("warns about a second column for the same field and uses the first", () => {
    const grid = [
      [...HEADER, "Employee Number"],
      [...staffGrid([createStaff({ id: "A" })])[1], "B"],
    ];
    const t = ingestStaff(grid);
    expect(t.records[0].staffId).toBe("A");
    expect(t.problems).toEqual([
      expect.objectContaining({ row: 1, column: "Employee Number", severity: "warning" }),
    ]);
  });
});

describe("ingest: values", () => {
  it("reads canonical values through synonyms and messy spellings", () => {
    const t = ingestStaff(
      staffGrid([
        createStaff({
          team: " NORTH ",
          role: "Level 2",
          type: " PERMANENT ",
          start: "30/09/2020",
          ethnicity: "APKN",
          gender: "f",
          disability: "Y",
        }),
        createStaff({
          team: "North",
          role: "nqsw",
          type: "Locum",
          start: "2021-01-04",
          ethnicity: "White and Black Caribbean",
          orientation: "Bisexual",
        }),
        createStaff({
          team: "North",
          role: "Practice Supervisor",
          type: "Secondment in",
          start: "4 Jan 2021",
          ethnicity: "Prefer not to say",
          gender: "Non-binary",
        }),
      ])
    );
    expect(t.problems).toEqual([]);
    const [a, b, c] = t.records;
    expect(t.records.map((r) => r.team)).toEqual(["North", "North", "North"]);
    expect([a.roleCode, b.roleCode, c.roleCode]).toEqual(["SW2", "ASYE", "TM"]);
    expect([a.counts, b.counts, c.counts]).toEqual(["socialWorker", "agency", "socialWorker"]);
    expect([a.start, b.start, c.start]).toEqual([d(2020, 9, 30), d(2021, 1, 4), d(2021, 1, 4)]);
    expect([a.ethnicGroup, b.ethnicGroup, c.ethnicGroup]).toEqual(["Asian", "Mixed", "Not known"]);
    expect([a.gender, c.gender]).toEqual(["Female", "Other"]);
    expect(a.disability).toBe("Yes");
    expect(b.sexualOrientation).toBe("LGB+");
  });

  it("leaves out a row with an error in a required field and says what was expected", () => {
    const t = ingestStaff(
      staffGrid([
        createStaff({ fte: 37 }),
        createStaff({ fte: 0 }),
        createStaff({ start: "09/30/2022" }),
        createStaff({ type: "Casual" }),
        createStaff({ id: "" }),
        createStaff({ start: d(2020, 1, 1), leave: d(2019, 1, 1) }),
        createStaff(),
      ])
    );
    expect(t.rowsRead).toBe(7);
    expect(t.rowsLeftOut).toBe(6);
    expect(t.records.map((r) => r.row)).toEqual([8]);
    expect(t.problems.map((p) => [p.row, p.column, p.found])).toEqual([
      [2, "FTE", "37"],
      [3, "FTE", "0"],
      [4, "Start date", "09/30/2022"],
      [5, "Worker type", "Casual"],
      [6, "Staff ID", ""],
      [7, "Leave date", String(d(2019, 1, 1))],
    ]);
    expect(t.problems[0].expected).toMatch(/weekly hours/);
    expect(t.problems.every((p) => p.severity === "error")).toBe(true);
  });

  it("blanks a bad optional value with a warning and keeps the row", () => {
    const t = ingestStaff(
      staffGrid([createStaff({ caseload: 2.5, dob: "not a date", ethnicity: "Martian" })])
    );
    expect(t.records).toHaveLength(1);
    expect(t.records[0]).toMatchObject({ caseload: null, birth: null, ethnicGroup: "Not known" });
    // in the sheet's column order
    expect(t.problems.map((p) => [p.column, p.severity])).toEqual([
      ["Date of birth", "warning"],
      ["Ethnicity", "warning"],
      ["Caseload", "warning"],
    ]);
  });

  it("keeps an unmapped role under its own text, reported once, and maps it on request", () => {
    const rows = [
      createStaff({ role: "Family Practitioner" }),
      createStaff({ role: "Family Practitioner" }),
    ];
    const t = ingestStaff(staffGrid(rows));
    expect(t.records.map((r) => [r.role, r.roleCode])).toEqual([
      ["Family Practitioner", null],
      ["Family Practitioner", null],
    ]);
    expect(t.unmappedRoles).toEqual(["Family Practitioner"]);
    expect(t.problems).toHaveLength(1);
    const mapped = ingestStaff(staffGrid(rows), { roleMap: { "family practitioner": "SW1" } });
    expect(mapped.records.map((r) => r.roleCode)).toEqual(["SW1", "SW1"]);
    expect(mapped.problems).toEqual([]);
  });

  it("warns about a repeated staff ID, naming both rows", () => {
    const t = ingestStaff(staffGrid([createStaff({ id: "X1" }), createStaff({ id: "X1" })]));
    expect(t.records).toHaveLength(2);
    expect(t.problems).toEqual([
      expect.objectContaining({
        row: 3,
        severity: "warning",
        expected: expect.stringContaining("row 2"),
      }),
    ]);
  });

  it("reads an empty cell passed as 0 (Excel desktop) as blank where 0 means nothing", () => {
    const t = ingestStaff(staffGrid([createStaff({ leave: 0, dob: 0, ethnicity: 0, reason: 0 })]));
    expect(t.problems).toEqual([]);
    expect(t.records[0]).toMatchObject({
      leave: null,
      birth: null,
      ethnicGroup: "Not known",
      leavingReason: null,
    });
  });

  it("takes a Vacant row without a staff ID or start date", () => {
    const t = ingestStaff(
      staffGrid([createStaff({ id: "", type: "Vacant", start: null, fte: 0.5 })])
    );
    expect(t.problems).toEqual([]);
    expect(t.records[0]).toMatchObject({ counts: "vacant", fte: 0.5, start: null });
  });

  it("skips blank rows without counting them", () => {
    const grid = staffGrid([createStaff(), createStaff()]);
    grid.splice(2, 0, [null, "", "  "]);
    const t = ingestStaff(grid);
    expect(t.rowsRead).toBe(2);
    expect(t.records.map((r) => r.row)).toEqual([2, 4]);
  });
});

describe("ingest: posts", () => {
  it("reads funded FTE by team and role, with problems by row", () => {
    const t = ingestPosts([
      ["Team Name", "Grade", "Establishment FTE"],
      ["North", "Senior Social Worker", 10],
      ["North", "SW1", "lots"],
    ]);
    expect(t.records).toEqual([
      expect.objectContaining({ teamKey: "north", roleCode: "SW2", fundedFte: 10 }),
    ]);
    expect(t.problems).toEqual([
      expect.objectContaining({ row: 3, column: "Establishment FTE", found: "lots" }),
    ]);
    expect(t.rowsLeftOut).toBe(1);
  });
});
