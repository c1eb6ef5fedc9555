import { censusDate, ymdFromSerial } from "../../dates";

/** The census year a date falls in: the year of the latest 30 September on or before it. */
export function censusYearOf(d: number): number {
  const { year } = ymdFromSerial(d);
  return d < censusDate(year) ? year - 1 : year;
}
