/**
 * The worked check of metrics.md: Manchester's published figures (seed 001) through the
 * WORKFORCE functions on plain numbers, against the definitions computed here by hand.
 */
import { describe, expect, it } from "vitest";
import { agencyPct, turnover, vacancyRate } from "../../src/functions/functions";

describe("seed check: Manchester 2022 and 2020", () => {
  it("2022: 467 FTE filled, 45.3 FTE vacancies, 46 agency, 81.7 FTE leavers", () => {
    expect(vacancyRate([[45.3]], 467)).toBeCloseTo(45.3 / 512.3, 10);
    expect(Math.round(vacancyRate([[45.3]], 467) * 1000) / 10).toBe(8.8); // the seed rounds to 9 %
    expect(Math.round(agencyPct([[46]], 467) * 1000) / 10).toBe(9.0); // 8.97 %, seed 9 %
    expect(Math.round(turnover([[81.7]], 467) * 1000) / 10).toBe(17.5); // seed 17.4 %
  });

  it("2020: 444.3 FTE filled, 65.5 FTE vacancies, 90.7 FTE leavers", () => {
    expect(Math.round(vacancyRate([[65.5]], 444.3) * 1000) / 10).toBe(12.8); // seed 13 %
    expect(Math.round(turnover([[90.7]], 444.3) * 1000) / 10).toBe(20.4); // seed 20.4
  });
});
