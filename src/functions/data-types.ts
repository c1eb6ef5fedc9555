/**
 * Excel data types reaching the functions. functions.json sets `allowCustomDataForDataTypeAny`
 * (custom-functions-metadata always writes it), so a cell holding a data type reaches an `any`
 * or `any[][]` parameter as an object, not as its value: a formatted number as
 * `{ type: "FormattedNumber", basicValue: 45.3, numberFormat: "0.0" }`, a Geography or Stocks
 * cell as `{ type: "LinkedEntity", text: "Manchester", … }`, an entity as
 * `{ type: "Entity", text: "North", properties: { … } }`. Printed as text, such an object is
 * "[object Object]". These helpers turn each into the value the cell shows.
 * Shapes: Microsoft's "Use data types with custom functions in Excel" and Excel.CellValue
 * (office-js types: DoubleCellValue, EntityCellValue, LinkedEntityCellValue, …).
 */

interface CellValueObject {
  type: string;
  basicValue?: unknown;
  text?: unknown;
}

function isCellValueObject(value: unknown): value is CellValueObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === "string"
  );
}

/**
 * The plain value of one argument or cell: a data type's `basicValue` (numbers, text, booleans,
 * formatted numbers), or for an entity or linked entity (whose basicValue is #VALUE!) the text
 * its cell shows. Anything else is returned unchanged.
 */
export function basicValue(value: unknown): unknown {
  if (!isCellValueObject(value)) return value;
  if (typeof value.text === "string") return value.text;
  return value.basicValue ?? null;
}

/** A range with every data-type cell replaced by its plain value (the same array when none). */
export function basicValues(grid: unknown[][]): unknown[][] {
  const hasObject = grid.some((row) => Array.isArray(row) && row.some(isCellValueObject));
  return hasObject ? grid.map((row) => (Array.isArray(row) ? row.map(basicValue) : row)) : grid;
}
