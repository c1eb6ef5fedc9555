/**
 * How the summary's sentences (key points, chart alt text) write figures and dates, in the
 * GOV.UK style a committee paper uses: "12.3%", "30 September 2023", "17.2 cases".
 */
import { censusDate, ymdFromSerial } from "../../dates";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A fraction as a percentage to 1 dp ("12.3%"), or null when it is not a number. */
export function pct(v: unknown): string | null {
  return typeof v === "number" && Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : null;
}

/** A number to `digits` dp, or null when it is not a number. */
export function fixed(v: unknown, digits = 1): string | null {
  return typeof v === "number" && Number.isFinite(v) ? v.toFixed(digits) : null;
}

/** "30 September 2023". */
export function longDate(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The census day of a census year: "30 September 2023". */
export function censusDay(year: number): string {
  return longDate(censusDate(year));
}

/** "up from", "down from" or "unchanged from", comparing `now` with `before`. */
export function direction(now: number, before: number): string {
  return now > before ? "up from" : now < before ? "down from" : "unchanged from";
}

/** "above", "below" or "level with", comparing `own` with `other`. */
export function comparison(own: number, other: number): string {
  return own > other ? "above" : own < other ? "below" : "level with";
}

/** "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
