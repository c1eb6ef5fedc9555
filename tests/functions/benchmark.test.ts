/** BENCHMARK and NEIGHBOURS, called as Excel calls them (omitted arguments are null). */
import { describe, expect, it } from "vitest";
import { bundledIndicators } from "../../src/core/comparators/dfe";
import { WorkforceFunctionError } from "../../src/functions/errors";
import { benchmark, neighbours } from "../../src/functions/functions";

describe("WORKFORCE.BENCHMARK and NEIGHBOURS", () => {
  it("give DfE's published figures, defaulting to the latest year", async () => {
    expect(await benchmark("vacancyRate", "England", 2022)).toBe(0.2);
    const dfe = await bundledIndicators();
    expect(await benchmark("turnover", "Manchester", null as never)).toBe(
      dfe.value("turnoverRate", "Manchester", dfe.latestYear())
    );
    expect(await neighbours("agency", "Manchester", 2024, null as never)).toEqual([
      [dfe.neighboursMedian("agencyRate", "Manchester", 2024)],
    ]);
    const list = await neighbours("vacancyRate", 352, 2025, true);
    expect(list).toHaveLength(10);
    expect(list.map((r) => r[0])).toEqual(dfe.neighboursOf("Manchester", 2025).map((r) => r.name));
  });

  it("say what is wrong in words", async () => {
    await expect(benchmark("happiness", "England", 2022)).rejects.toThrow(
      /unknown measure "happiness"/
    );
    await expect(benchmark("vacancyRate", "Atlantis", 2022)).rejects.toMatchObject({ kind: "na" });
    await expect(benchmark("vacancyRate", "England", 1999)).rejects.toBeInstanceOf(
      WorkforceFunctionError
    );
    await expect(neighbours("vacancyRate", "Atlantis", 2022, true)).rejects.toThrow(
      /no statistical neighbours/
    );
  });
});
