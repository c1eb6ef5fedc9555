import { describe, expect, it } from "vitest";
import { formatCell } from "../../src/workbench/format";

describe("the viewer's number formats", () => {
  it.each([
    [2023, "0", "2023"],
    [0.1234, "0.0%", "12.3%"],
    [44834, "dd/mm/yyyy", "30/09/2022"],
    [1234.5, "#,##0.0", "1,234.5"],
    [375.50000000000006, "0.0", "375.5"],
    [0, "0.0", "0.0"],
    ["n/a", "0.0%", "n/a"],
    [null, "0", ""],
    [-5.6, '"+"0.0" pp";"−"0.0" pp";0.0" pp"', "−5.6 pp"],
    [5.55, '"+"0.0" pp";"−"0.0" pp";0.0" pp"', "+5.6 pp"],
    [0, '"+"0.0" pp";"−"0.0" pp";0.0" pp"', "0.0 pp"],
    [-2.5, "0.0", "-2.5"],
    [0, '0.0%" (DfE)"', "0.0% (DfE)"],
  ])("%j as %s is %s", (value, format, shown) => {
    expect(formatCell(value, format)).toBe(shown);
  });
});
