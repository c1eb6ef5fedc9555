/** Plain-text output of the command line. */
import type { MeasureUnit } from "../core/measures/catalogue";

export function formatValue(value: number | null, unit: MeasureUnit): string {
  if (value === null) return "not available";
  switch (unit) {
    case "rate":
      return `${(value * 100).toFixed(1)} %`;
    case "count":
      return String(Math.round(value));
    case "years":
    case "cases":
    case "days":
      return value.toFixed(1);
    default:
      return value.toFixed(1);
  }
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join("  ")
        .trimEnd()
    )
    .join("\n");
}
