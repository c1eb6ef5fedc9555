import { describe, expect, it } from "vitest";
import { STAFF_COLUMNS } from "../../src/core/columns";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { buildTemplatePlan } from "../../src/core/summary/template";

describe("staff data template", () => {
  const plan = buildTemplatePlan();
  const [staff, posts] = plan.sheets;

  it("has the canonical headers, which ingest recognises as every column", () => {
    const header = staff.tables[0].cells[0].map((c) => c.value);
    const t = ingestStaff([
      header,
      [
        "S1",
        "North",
        "Social worker",
        "Permanent",
        1,
        44834,
        null,
        null,
        null,
        "Female",
        "Pakistani",
        "No",
        "Not known",
        12,
        0,
      ],
    ]);
    expect(t.columns.map((c) => c.how).every((h) => h === "name")).toBe(true);
    expect(t.columns.map((c) => c.key)).toEqual(
      STAFF_COLUMNS.filter((c) => c.key !== "age").map((c) => c.key)
    );
    expect(t.problems).toEqual([]);
    const p = ingestPosts([
      posts.tables[0].cells[0].map((c) => c.value),
      ["North", "Team manager", 2],
    ]);
    expect(p.records).toHaveLength(1);
  });

  it("offers drop-down lists for role, worker type and yes/no, and formats dates", () => {
    const header = staff.tables[0].cells[0].map((c) => c.value);
    const listFor = (label: string) =>
      staff.validations.find((v) => v.range.column === header.indexOf(label))?.list;
    expect(listFor("Role")).toContain("Senior social worker");
    expect(listFor("Worker type")).toEqual(
      expect.arrayContaining(["Permanent", "Agency", "Vacant"])
    );
    expect(listFor("Disability")).toEqual(["Yes", "No", "Not known"]);
    expect(staff.tables[0].cells[1][header.indexOf("Start date")].format).toBe("dd/mm/yyyy");
    // every validation list value is itself recognised by ingest
    for (const role of listFor("Role")!) {
      const t = ingestStaff([header.slice(0, 6), ["S", "T", role, "Permanent", 1, 44834]]);
      expect(t.records[0].roleCode, role).not.toBeNull();
    }
  });

  it("says how to fill it in", () => {
    expect(staff.blocks[0].cells.map((r) => r[0].value).join(" ")).toMatch(/How to fill this in/);
  });
});
