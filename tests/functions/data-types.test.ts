/**
 * Excel data types in `any` parameters. functions.json sets allowCustomDataForDataTypeAny, so a
 * cell holding a data type reaches the functions as an object. The shapes are Microsoft's
 * ("Use data types with custom functions in Excel"; Excel.DoubleCellValue, EntityCellValue,
 * LinkedEntityCellValue in the office-js types). Each call here passes the data-type form and the
 * plain form of the same value: the answers must be equal.
 */
import { describe, expect, it } from "vitest";
import { functionMetadata } from "../support/function-metadata";
import { basicValue } from "../../src/functions/data-types";
import { agencyPct, benchmark, fte, measure, vacancyRate } from "../../src/functions/functions";
import { createStaff, d, staffGrid } from "../support/factories";

const double = (n: number) => ({ type: "Double", basicValue: n, numberFormat: "0.0" });
const formatted = (n: number) => ({ type: "FormattedNumber", basicValue: n, numberFormat: "0.00" });
const entity = (text: string) => ({
  type: "Entity",
  text,
  basicType: "Error",
  basicValue: "#VALUE!",
  properties: { Manager: { type: "String", basicValue: "A. Person" } },
});
const geography = (text: string) => ({
  type: "LinkedEntity",
  text,
  basicType: "Error",
  basicValue: "#VALUE!",
  id: { culture: "en-GB", domainId: "Geography", entityId: "x", serviceId: 268435456 },
});

describe("data types in any parameters", () => {
  it("is what the generated functions.json allows", async () => {
    const { allowCustomDataForDataTypeAny } = await functionMetadata();
    expect(allowCustomDataForDataTypeAny).toBe(true);
  });

  it("reads a formatted number's basicValue and an entity's text", () => {
    expect(basicValue(double(45.3))).toBe(45.3);
    expect(basicValue({ type: "String", basicValue: "North" })).toBe("North");
    expect(basicValue({ type: "Boolean", basicValue: true })).toBe(true);
    expect(basicValue(entity("North"))).toBe("North");
    expect(basicValue(geography("Manchester"))).toBe("Manchester");
    expect(basicValue(45.3)).toBe(45.3);
    expect(basicValue(null)).toBe(null);
  });

  it("gives the same answers for data-type arguments as for plain ones", async () => {
    expect(vacancyRate([[double(45.3)]], formatted(467))).toBe(vacancyRate([[45.3]], 467));
    expect(agencyPct(double(46) as never, [[467]])).toBe(agencyPct([[46]], 467));
    expect(await benchmark("turnover", geography("Manchester"), 2024)).toBe(
      await benchmark("turnover", "Manchester", 2024)
    );
  });

  it("reads data types inside the staff table and in its filters", () => {
    const rows = [
      createStaff({ team: "North", fte: 1 }),
      createStaff({ team: "North", fte: 0.5 }),
      createStaff({ team: "South", fte: 0.8 }),
    ];
    const plain = staffGrid(rows);
    const typed = staffGrid(
      rows.map((r) => ({ ...r, team: entity(r.team) as never, fte: formatted(r.fte as number) }))
    );
    const asOf = d(2023, 9, 30);
    expect(fte(typed, asOf, entity("North") as never)).toBe(1.5);
    expect(fte(typed, asOf, entity("North") as never)).toBe(fte(plain, asOf, "North"));
    expect(measure(typed, "headcount", asOf, "South")).toBe(1);
  });
});
