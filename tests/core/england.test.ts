/** England's figures in core equal DfE's file, read here independently of the generator. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENGLAND, englandFor } from "../../src/core/comparators/england";

const csv = readFileSync(
  join(__dirname, "..", "..", "data", "dfe", "dfe-csww-indicators-2017-2025.csv"),
  "utf8"
)
  .trim()
  .split(/\r?\n/);
const header = csv[0].split(",");
const national = csv
  .slice(1)
  .map((l) => l.split(","))
  .filter((c) => c[header.indexOf("geographic_level")] === "National");

describe("England comparators", () => {
  it("has every census year 2017 to 2025 with its source", () => {
    expect(ENGLAND.map((e) => e.year)).toEqual([
      2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
    ]);
    for (const e of ENGLAND) expect(e.source).toMatch(new RegExp(`DfE.*census year ${e.year}`));
  });

  it("matches DfE's national rows (rates as fractions)", () => {
    for (const row of national) {
      const get = (c: string) => Number(row[header.indexOf(c)]);
      const e = englandFor(get("time_period"))!;
      expect(e.fte).toBeCloseTo(get("inpost_fte"), 6);
      expect(e.vacancyRate! * 100).toBeCloseTo(get("vacancy_rate_fte"), 6);
      expect(e.agencyRate! * 100).toBeCloseTo(get("agency_rate_fte"), 6);
      expect(e.turnoverRate! * 100).toBeCloseTo(get("turnover_rate_fte"), 6);
      expect(e.averageCaseload).toBeCloseTo(get("caseload_fte"), 6);
      expect(e.leaversFte).toBeCloseTo(get("leavers_fte"), 6);
      expect(e.startersFte).toBeCloseTo(get("starters_fte"), 6);
    }
  });

  it("gives England's 2022 vacancy rate as DfE published it: 20.0 %", () => {
    expect(englandFor(2022)!.vacancyRate).toBe(0.2);
    expect(englandFor(2016)).toBeUndefined();
  });
});
