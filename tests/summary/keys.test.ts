/** The keys the summary's criteria match on (src/core/summary/keys.ts), and text() refusing user text. */
import { describe, expect, it } from "vitest";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { text } from "../../src/core/summary/formulas";
import { summaryKeys } from "../../src/core/summary/keys";
import { createStaff, staffGrid } from "../support/factories";

describe("summary keys", () => {
  const staff = ingestStaff(
    staffGrid([
      createStaff({ team: "<18 Team", role: "Family Support*", leave: 45000, reason: "Retired" }),
      createStaff({
        team: "  <18   TEAM ",
        role: "family  support",
        leave: 45001,
        reason: " RETIRED ",
      }),
      createStaff({ team: "Team*", role: "SW1", leave: 45002, reason: null }),
      createStaff({
        team: "Team",
        role: "Senior Social Worker",
        leave: 45003,
        reason: "Not recorded",
      }),
    ])
  );
  const posts = ingestPosts([
    ["Team", "Role", "Funded FTE"],
    ["<18 team", "FAMILY SUPPORT*", 2],
    ["Elsewhere", "Social worker", 1],
  ]);
  const keys = summaryKeys(staff, posts, [
    { area: "North*", year: 2023 } as never,
    { area: "north*", year: 2023 } as never,
  ]);

  it("group as core matches: teams and reasons by trimmed text in any case, roles by core's role match, areas exactly", () => {
    expect(keys.team("<18 Team")).toBe(keys.team("  <18   TEAM "));
    expect(keys.team("<18 Team")).not.toBe(keys.team("Team*"));
    expect(keys.team("Team")).not.toBe(keys.team("Team*"));
    expect(keys.team("Elsewhere")).toBe("T04");
    expect(keys.role("Family Support*")).toBe(keys.role("FAMILY SUPPORT*"));
    expect(keys.role("SW1")).toBe("SW1");
    expect(keys.role("Senior Social Worker")).toBe("SW2");
    expect(keys.reason("Retired")).toBe(keys.reason("retired"));
    // A blank reason is not the same as a reason typed "Not recorded".
    expect(keys.reason(null)).not.toBe(keys.reason("Not recorded"));
    expect(keys.area("North*")).not.toBe(keys.area("north*"));
  });

  it("are short letters and digits that no criterion reads as an operator or a pattern", () => {
    for (const k of [
      keys.team("Team*"),
      keys.role("family support*"),
      keys.reason(null),
      keys.area("North*"),
    ])
      expect(k).toMatch(/^[A-Z]\d{2}$/);
  });
});

describe("text() as a criterion", () => {
  it("takes the product's own words and refuses what a criterion would read as an operator or a pattern", () => {
    expect(text('Say "hi"')).toBe('"Say ""hi"""');
    for (const bad of [
      "<18 Team",
      ">=5",
      "=1+1",
      "Team*",
      "CIN?",
      "Leaving ~ Care",
      "x".repeat(256),
    ])
      expect(() => text(bad), bad).toThrow(/cannot be a criterion/);
  });
});
