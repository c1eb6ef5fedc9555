/** Cell display in the viewer: the number formats the product writes, applied as Excel would. */
import { ukDateFromSerial } from "../core/dates";

export function formatCell(value: unknown, format: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date)
    return ukDateFromSerial(Math.floor((value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000));
  if (typeof value !== "number") return String(value);
  if (!format || format === "General")
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  if (/^dd\/mm\/yyyy$/i.test(format)) return ukDateFromSerial(value);
  const percent = format.endsWith("%");
  const decimals = (format.split(".")[1] ?? "").replace(/[^0#]/g, "").length;
  const shown = percent ? value * 100 : value;
  return `${shown.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: format.includes(",") })}${percent ? "%" : ""}`;
}
