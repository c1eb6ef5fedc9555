/**
 * Cell display in the viewer: the number formats the product writes, applied as Excel would:
 * dates, a number part (`0`, `0.0`, `#,##0.0`), a percent sign, quoted literal text (`0.0" pp"`)
 * and up to three sections (positive; negative, shown without its own sign; zero).
 */
import { ukDateFromSerial } from "../core/dates";

/** The format's sections, split at semicolons outside quoted text. */
function sections(format: string): string[] {
  const out = [""];
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) out.push("");
    else out[out.length - 1] += ch;
  }
  return out;
}

/** One section applied to a value: quoted or escaped text as it is, the number part formatted. */
function applySection(section: string, value: number): string {
  const numberPart = /[0#][0#,]*(\.[0#]+)?/.exec(
    section.replace(/"[^"]*"|\\./g, (m) => " ".repeat(m.length))
  );
  const percent = /%/.test(section.replace(/"[^"]*"/g, ""));
  const shown = percent ? value * 100 : value;
  if (!numberPart) return section.replace(/"([^"]*)"|\\(.)/g, "$1$2");
  const decimals = (numberPart[1] ?? "").length - (numberPart[1] ? 1 : 0);
  const digits = shown.toLocaleString("en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: numberPart[0].includes(","),
  });
  const literal = (s: string) => s.replace(/"([^"]*)"|\\(.)/g, "$1$2");
  return (
    literal(section.slice(0, numberPart.index)) +
    digits +
    literal(section.slice(numberPart.index + numberPart[0].length))
  );
}

export function formatCell(value: unknown, format: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date)
    return ukDateFromSerial(Math.floor((value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000));
  if (typeof value !== "number") return String(value);
  if (!format || format === "General")
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  if (/^dd\/mm\/yyyy$/i.test(format)) return ukDateFromSerial(value);
  const parts = sections(format);
  if (value < 0 && parts.length > 1) return applySection(parts[1], -value);
  if (value === 0 && parts.length > 2) return applySection(parts[2], value);
  return applySection(parts[0], value);
}
