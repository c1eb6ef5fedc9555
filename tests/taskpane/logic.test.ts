/** The pane's pure parts: table choice, mapping, problem addresses, options, fingerprint, settings. */
import { describe, expect, test } from "vitest";
import { STAFF_COLUMNS, type StaffColumn } from "../../src/core/columns";
import { serialFromYmd } from "../../src/core/dates";
import { ingestStaff } from "../../src/core/ingest";
import type { SourceTable } from "../../src/host/workbook-port";
import { plainError } from "../../src/taskpane/components/plain-error";
import { fingerprint } from "../../src/taskpane/features/build/fingerprint";
import { problemAddress } from "../../src/taskpane/features/check/problem-cell";
import {
  choiceFor,
  headerChoices,
  NOT_MAPPED,
  withChoice,
} from "../../src/taskpane/features/data/mapping";
import {
  findTableByName,
  headerScore,
  pickPostsTable,
  pickStaffTable,
  tableKey,
  tableLabel,
} from "../../src/taskpane/features/data/tables";
import { formFromOptions, readOptionsForm } from "../../src/taskpane/features/options/options-form";
import { readSettings, settingsRecord } from "../../src/taskpane/app/settings";
import { createStaff, staffGrid } from "../support/factories";

const table = (over: Partial<SourceTable>): SourceTable => ({
  name: "Sheet1",
  sheet: "Sheet1",
  kind: "range",
  address: "A1:C3",
  firstRow: 1,
  firstColumn: 0,
  rows: 3,
  columns: 3,
  ...over,
});

describe("choosing the tables", () => {
  const staff = table({ name: "HR", sheet: "HR", kind: "table" });
  const posts = table({ name: "Establishment 2023", sheet: "Budget" });
  const notes = table({ name: "Notes", sheet: "Notes" });
  const grids = {
    [tableKey(staff)]: staffGrid([createStaff()]),
    [tableKey(posts)]: [["Team", "Role", "Funded FTE"]],
    [tableKey(notes)]: [["Posts are funded by the council"]],
  };

  test("the staff table is the one with the best-recognised header", () => {
    expect(headerScore(grids[tableKey(staff)], "staff")).toBe(15);
    expect(pickStaffTable([notes, posts, staff], grids)).toBe(staff);
    // A posts header has only two staff columns (Team, Role): never taken for staff.
    expect(pickStaffTable([posts], grids)).toBeNull();
    expect(pickStaffTable([notes], grids)).toBeNull();
  });

  test("the posts table is named like Posts or Establishment, and is not the staff table", () => {
    expect(pickPostsTable([staff, notes, posts], staff)).toBe(posts);
    expect(pickPostsTable([staff, notes], staff)).toBeNull();
    const sheetNamed = table({ name: "Table3", sheet: "Posts" });
    expect(pickPostsTable([staff, sheetNamed], staff)).toBe(sheetNamed);
    expect(pickPostsTable([table({ name: "Postcodes" })], null)).toBeNull();
  });

  test("labels and saved names", () => {
    expect(tableLabel(staff)).toBe("HR (table on HR, A1:C3)");
    expect(tableLabel(notes)).toBe("Notes (sheet, A1:C3)");
    expect(findTableByName([notes, staff], "HR")).toBe(staff);
    expect(findTableByName([notes], "HR")).toBeNull();
    expect(findTableByName([notes], undefined)).toBeNull();
  });
});

describe("the mapping", () => {
  const header = ["Employee No", "Team", "", "Team"];

  test("choices name each heading and its sheet column", () => {
    expect(headerChoices(header, 1)).toEqual([
      { value: "0", label: "Employee No (column B)" },
      { value: "1", label: "Team (column C)" },
      { value: "2", label: "(blank heading, column D)" },
      { value: "3", label: "Team (column E)" },
    ]);
  });

  test("a choice maps by a unique heading, else by position; not mapped is saved as blank", () => {
    expect(withChoice({}, "staffId", "0", header)).toEqual({ staffId: "Employee No" });
    expect(withChoice({}, "team", "3", header)).toEqual({ team: 3 });
    expect(withChoice<StaffColumn>({ team: 1 }, "leaveDate", NOT_MAPPED, header)).toEqual({
      team: 1,
      leaveDate: "",
    });
  });

  test("the choice shown is the column ingest used, and a blank mapping unmaps a column", () => {
    const grid = staffGrid([createStaff()]);
    const mapped = ingestStaff(grid, { mapping: { leaveDate: "", sicknessDays: "Caseload" } });
    expect(choiceFor(mapped.columns, "leaveDate")).toBe(NOT_MAPPED);
    expect(choiceFor(mapped.columns, "sicknessDays")).toBe("13");
    expect(choiceFor(mapped.columns, "caseload")).toBe(NOT_MAPPED);
    expect(choiceFor(mapped.columns, "staffId")).toBe("0");
    expect(
      STAFF_COLUMNS.filter((s) => s.required).every(
        (s) => choiceFor(mapped.columns, s.key) !== NOT_MAPPED
      )
    ).toBe(true);
  });
});

describe("problem addresses", () => {
  const grid = staffGrid([createStaff(), createStaff({ fte: "lots" })]);
  const at = { firstRow: 5, firstColumn: 2 };
  const result = ingestStaff(grid, { firstRow: 5 });

  test("a row's problem is at its sheet row and its column, offset by the table's position", () => {
    const problem = result.problems.find((p) => p.column === "FTE")!;
    expect(problem.row).toBe(7);
    // FTE is the 5th column; the table starts in column C.
    expect(problemAddress(problem, at, result.columns, grid[0])).toBe("G7");
  });

  test("a missing column points at the header row's first cell", () => {
    const noId = grid.map((r) => r.slice(1));
    const r = ingestStaff(noId, { firstRow: 5 });
    const problem = r.problems.find((p) => p.column === "Staff ID")!;
    expect(problemAddress(problem, at, r.columns, noId[0])).toBe("C5");
  });

  test("an ignored duplicate column is found by its heading", () => {
    const problem = {
      row: 5,
      column: "Team",
      found: "Team",
      expected: "",
      severity: "warning" as const,
    };
    expect(problemAddress(problem, at, [], ["ID", "Team"])).toBe("D5");
  });
});

describe("options", () => {
  test("defaults read back as the defaults", () => {
    const r = readOptionsForm(formFromOptions());
    expect(r.errors).toEqual({});
    expect(r.options).toEqual({
      asOf: null,
      caseloadTarget: 18,
      caseloadTargetAsye: 16,
      suppressionThreshold: 5,
      comparatorYear: null,
    });
  });

  test("dates as a date input gives them, or typed the UK way", () => {
    const form = formFromOptions({ asOf: serialFromYmd(2023, 9, 30) });
    expect(form.asOf).toBe("2023-09-30");
    expect(readOptionsForm({ ...form, asOf: "31/03/2024" }).options?.asOf).toBe(
      serialFromYmd(2024, 3, 31)
    );
  });

  test("each field that cannot be read has its own plain-English message", () => {
    const r = readOptionsForm({
      asOf: "next Tuesday",
      caseloadTarget: "18.5",
      caseloadTargetAsye: "0",
      suppressionThreshold: "-1",
      comparatorYear: "23",
    });
    expect(r.options).toBeNull();
    expect(r.errors).toEqual({
      asOf: "Enter a date such as 30/09/2023, or leave it blank.",
      caseloadTarget: "Enter a whole number of cases from 1 to 100.",
      caseloadTargetAsye: "Enter a whole number of cases from 1 to 100.",
      suppressionThreshold: "Enter a whole number from 0 to 100 (0 hides nothing).",
      comparatorYear: "Choose a year, or the as-of date's year.",
    });
    expect(readOptionsForm({ ...formFromOptions(), asOf: "1999-12-31" }).errors.asOf).toBe(
      "Enter a date between 2000 and 2100."
    );
  });

  test("the fields that can be read are kept even when another cannot", () => {
    const r = readOptionsForm({
      ...formFromOptions(),
      caseloadTarget: "x",
      caseloadTargetAsye: " 14 ",
    });
    expect(r.values.caseloadTargetAsye).toBe(14);
    expect(r.values.caseloadTarget).toBeUndefined();
  });
});

describe("fingerprint", () => {
  const grid = [
    ["ID", "FTE"],
    ["A1", 1],
  ];
  test("the same cells give the same fingerprint; any change gives another", () => {
    expect(fingerprint(grid, null)).toBe(
      fingerprint(
        grid.map((r) => [...r]),
        null
      )
    );
    expect(fingerprint(grid, null)).not.toBe(fingerprint([grid[0], ["A1", 0.5]], null));
    expect(fingerprint(grid, null)).not.toBe(fingerprint([grid[0], ["A1", "1"]], null));
    expect(fingerprint(grid, null)).not.toBe(fingerprint([grid[0], ["A1", 1, null]], null));
    expect(fingerprint(grid, null)).not.toBe(fingerprint(grid, [["Team"]]));
    expect(fingerprint(grid)).toMatch(/^[0-9a-f]{8}-4$/);
  });
});

describe("settings", () => {
  test("what was saved reads back", () => {
    const saved = {
      staffTable: "Staff",
      postsTable: null,
      staffMapping: { staffId: "Employee No", team: 3 },
      roleMap: { "Practice Educator": "SW2" },
      options: { asOf: 45199, caseloadTarget: 20, comparatorYear: null },
      lastBuild: { fingerprint: "abc-1", staffTable: "Staff" },
    };
    expect(readSettings(JSON.parse(JSON.stringify(saved)))).toEqual({
      ...saved,
      postsMapping: undefined,
    });
  });

  test("anything else in the document is ignored, not trusted", () => {
    expect(readSettings(null)).toEqual({});
    expect(readSettings("x")).toEqual({});
    const s = readSettings({
      staffTable: 3,
      staffMapping: { staffId: { evil: true }, team: 1.5, role: "Grade" },
      roleMap: { x: "Chief", y: "TM" },
      options: { caseloadTarget: "18", suppressionThreshold: Infinity, asOf: null },
      lastBuild: { fingerprint: 1 },
    });
    expect(s.staffTable).toBeUndefined();
    expect(s.staffMapping).toEqual({ role: "Grade" });
    expect(s.roleMap).toEqual({ y: "TM" });
    expect(s.options).toEqual({ asOf: null });
    expect(s.lastBuild).toBeUndefined();
    expect(settingsRecord({ staffTable: "S", postsTable: undefined })).toEqual({ staffTable: "S" });
  });
});

describe("plainError", () => {
  test("one sentence, never a stack trace", () => {
    expect(plainError(new Error("The range is locked\n    at x (a.js:1)"))).toBe(
      "The range is locked."
    );
    expect(plainError({ code: "GeneralException", message: "An internal error occurred." })).toBe(
      "An internal error occurred."
    );
    expect(plainError("Not allowed")).toBe("Not allowed.");
    expect(plainError(undefined)).toMatch(/^Excel did not say why/);
    expect(plainError(new Error("    at x (a.js:1)"))).toMatch(/^Excel did not say why/);
    expect(plainError(new Error("x".repeat(500))).length).toBeLessThanOrEqual(300);
  });
});
