/** DfE's comparators checked against rows of DfE's own files, read here independently. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledIndicators, Indicators, IndicatorsFileError } from "../../src/core/comparators/dfe";
import { NotAvailable } from "../../src/core/result";

const dir = join(__dirname, "..", "..", "data", "dfe");
const lines = (f: string) =>
  readFileSync(join(dir, f), "utf8")
    .replace(/^\ufeff/, "")
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
const ind = lines("dfe-csww-indicators-2017-2025.csv");
const sn = lines("dfe-statistical-neighbours-2025.csv");
const col = (name: string) => ind[0].indexOf(name);

describe("DfE comparators", () => {
  it("gives England's 2022 vacancy rate as DfE published it (20.0 %), regions and LAs by name or code", async () => {
    const dfe = await bundledIndicators();
    expect(dfe.value("vacancyRate", "England", 2022)).toBe(0.2);
    expect(dfe.value("turnoverRate", "North West", 2025)).toBeCloseTo(0.122, 9);
    expect(dfe.value("vacancyRate", "Manchester", 2025)).toBeCloseTo(0.117, 9);
    expect(dfe.value("vacancyRate", "E08000003", 2025)).toBeCloseTo(0.117, 9);
    expect(dfe.value("vacancyRate", "352", 2025)).toBeCloseTo(0.117, 9);
  });

  it("treats DfE's symbols as no figure, never 0", async () => {
    const dfe = await bundledIndicators();
    const row = ind.find(
      (r) => r[col("geographic_level")] === "Local authority" && r[col("vacancy_rate_fte")] === "x"
    )!;
    const v = dfe.value("vacancyRate", row[col("la_name")], Number(row[col("time_period")]));
    expect(v).toBeInstanceOf(NotAvailable);
  });

  it("takes the median of an LA's ten statistical neighbours (Manchester, 2023, by hand)", async () => {
    const dfe = await bundledIndicators();
    const manchester = sn.find((r) => r[1] === "Manchester")!;
    const codes = Array.from({ length: 10 }, (_, i) => manchester[sn[0].indexOf(`SN_${i + 1}`)]);
    const values = codes
      .map(
        (code) =>
          ind.find((r) => r[col("old_la_code")] === code && r[col("time_period")] === "2023")![
            col("turnover_rate_fte")
          ]
      )
      .filter((t) => /^\d/.test(t))
      .map(Number)
      .sort((a, b) => a - b);
    const median =
      values.length % 2
        ? values[(values.length - 1) / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    expect(dfe.neighboursOf("Manchester", 2023)).toHaveLength(10);
    expect(dfe.neighboursMedian("turnoverRate", "Manchester", 2023)).toBeCloseTo(median / 100, 9);
  });

  it("ranks an LA among LAs with a figure (1 = lowest)", async () => {
    const dfe = await bundledIndicators();
    const all = ind.filter(
      (r) =>
        r[col("geographic_level")] === "Local authority" &&
        r[col("time_period")] === "2025" &&
        /^\d/.test(r[col("vacancy_rate_fte")])
    );
    const mine = 11.7;
    const rank = dfe.rank("vacancyRate", "Manchester", 2025);
    expect(rank).toEqual({
      rank: all.filter((r) => Number(r[col("vacancy_rate_fte")]) < mine).length + 1,
      of: all.length,
    });
  });

  it("refuses a file with missing or renamed columns, listing them", () => {
    const text = readFileSync(join(dir, "dfe-csww-indicators-2017-2025.csv"), "utf8")
      .replace("vacancy_rate_fte", "vacancy_pct")
      .replace(",caseload_fte", ",caseload");
    expect(() => Indicators.parse(text)).toThrow(IndicatorsFileError);
    expect(() => Indicators.parse(text)).toThrow(/missing vacancy_rate_fte, caseload_fte/);
  });
});
