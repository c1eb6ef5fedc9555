/**
 * Dates in core are Excel date serials (whole days since 1899-12-30), the number Office.js
 * `range.values` and custom-function arguments give for a date cell. Every comparison is on
 * whole days, so a date is the same number in every host and in the summary's formulas.
 */

const MS_PER_DAY = 86_400_000;
/** 1899-12-30 in UTC: Excel's day 0 for every date after 28 Feb 1900. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

export const MIN_SERIAL = 1; // 1 Jan 1900
export const MAX_SERIAL = 2_958_465; // 31 Dec 9999

export function serialFromYmd(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_MS) / MS_PER_DAY);
}

/** Excel's day 0 (1899-12-30) counted from 0000-03-01, the start of a 400-year Gregorian era. */
const SERIAL_TO_ERA_DAYS = 693_899;

/**
 * The calendar date of a serial, by whole-number arithmetic on the proleptic Gregorian calendar
 * (H. Hinnant's days-to-civil): what a JS Date gives, without making one (ages at a date are
 * asked for every person). Serials beyond ±90 million days (past what Date holds) go through Date as before.
 */
export function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  const s = Math.floor(serial);
  if (!(s > -9e7 && s < 9e7)) {
    const d = new Date(EPOCH_MS + s * MS_PER_DAY);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const z = s + SERIAL_TO_ERA_DAYS;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** A JS Date read from a file (ExcelJS gives UTC midnight) as a serial. */
export function serialFromDate(date: Date): number {
  return Math.floor((date.getTime() - EPOCH_MS) / MS_PER_DAY);
}

export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "30/09/2022": how an analyst in England writes a date. */
export function ukDateFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** Excel's EDATE: the same day `months` months away, clipped to the month's last day. */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = ymdFromSerial(serial);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return serialFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(serial: number, years: number): number {
  return addMonths(serial, 12 * years);
}

/** Whole years from `from` to `to`, as Excel's DATEDIF(from, to, "Y"). Negative spans give -1. */
export function completedYears(from: number, to: number): number {
  if (to < from) return -1;
  const a = ymdFromSerial(from);
  const b = ymdFromSerial(to);
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years -= 1;
  return years;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

function validYmd(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return null;
  if (day > daysInMonth(year, month)) return null;
  return serialFromYmd(year, month, day);
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/;
const UK = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const WORDY = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?[\s-]+(\d{4})$/i;

/**
 * A date from a cell: an Excel serial, a JS Date, ISO `2022-09-30`, UK `30/09/2022` (day first,
 * never US month-first) or `30 Sep 2022`. Returns null for anything else.
 */
export function parseDate(value: unknown): number | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < MIN_SERIAL || value > MAX_SERIAL) return null;
    return Math.floor(value);
  }
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? null : serialFromDate(value);
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text === "") return null;
  let m = ISO.exec(text);
  if (m) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = UK.exec(text);
  if (m) return validYmd(Number(m[3]), Number(m[2]), Number(m[1]));
  m = WORDY.exec(text);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? validYmd(Number(m[3]), month, Number(m[1])) : null;
  }
  // A serial stored as text ("44834"): whole numbers only, so "2022" is never a date.
  if (/^\d{5}(\.\d+)?$/.test(text)) return parseDate(Number(text));
  return null;
}

/** 30 September of `year`: the CSWW census date. */
export function censusDate(year: number): number {
  return serialFromYmd(year, 9, 30);
}
