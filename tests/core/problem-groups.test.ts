import { describe, expect, it } from "vitest";
import {
  describeGroup,
  FIRST_SHOWN,
  groupProblems,
  groupRows,
} from "../../src/core/problem-groups";
import type { Problem } from "../../src/core/problems";

const p = (
  row: number,
  column: string,
  found: string,
  expected: string,
  severity: Problem["severity"] = "error",
  fix?: string
): Problem => ({
  row,
  column,
  found,
  expected,
  severity,
  ...(fix ? { fix } : {}),
});

describe("groupProblems", () => {
  const placeholders = Array.from({ length: 412 }, (_, i) =>
    p(
      i + 2,
      "SWENo",
      `ZZ${String(i + 1).padStart(10, "0")}`,
      "a Social Work England number, not a placeholder (ZZ…)",
      "error",
      "Put each worker's SWE number in the staff table."
    )
  );
  const problems = [
    p(0, "QualInst", "", "an institution", "warning"),
    ...placeholders.slice(0, 200),
    p(7, "FTE", "37", "an FTE between 0 and 1"),
    ...placeholders.slice(200),
    p(9, "Staff ID", "A1", "a staff ID used once; row 3 has the same ID", "warning"),
    p(12, "Staff ID", "B2", "a staff ID used once; row 5 has the same ID", "warning"),
  ];
  const groups = groupProblems(problems);

  it("makes one group per kind, errors first, each kind where first found", () => {
    expect(groups.map((g) => [g.severity, g.column, g.count])).toEqual([
      ["error", "SWENo", 412],
      ["error", "FTE", 1],
      ["warning", "QualInst", 1],
      ["warning", "Staff ID", 2],
    ]);
    // Nothing is lost: every problem is in exactly one group, in order.
    expect(groups.flatMap((g) => g.problems).length).toBe(problems.length);
    expect(groups[0].problems).toEqual(placeholders);
  });

  it("keeps the first few rows, the fix, and the shared text (a row number in it generalised)", () => {
    const [swe, , , ids] = groups;
    expect(swe.first).toEqual(placeholders.slice(0, FIRST_SHOWN));
    expect(swe.fix).toBe("Put each worker's SWE number in the staff table.");
    expect(groupRows(swe)).toBe("Rows 2, 3, 4, 5, 6 and 407 more");
    expect(ids.expected).toBe("a staff ID used once; row … has the same ID");
  });

  it("writes a group as a few lines, and a single problem as its one line", () => {
    expect(describeGroup(groups[0])).toEqual([
      "SWENo: 412 rows — expected a Social Work England number, not a placeholder (ZZ…).",
      'Rows 2, 3, 4, 5, 6 and 407 more; found "ZZ0000000001", "ZZ0000000002", "ZZ0000000003", "ZZ0000000004", "ZZ0000000005", …',
      "To fix: Put each worker's SWE number in the staff table.",
    ]);
    expect(describeGroup(groups[1])).toEqual([
      'Row 7, FTE: found "37"; expected an FTE between 0 and 1.',
    ]);
  });

  it("keeps apart problems that differ in severity, column or text", () => {
    const g = groupProblems([
      p(2, "FTE", "0", "above 0", "error"),
      p(3, "FTE", "0", "above 0", "warning"),
      p(4, "Caseload", "0", "above 0", "error"),
      p(5, "FTE", "2", "at most 1", "error"),
    ]);
    expect(g).toHaveLength(4);
  });
});
