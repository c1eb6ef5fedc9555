/**
 * The Options section's fields as typed text, and their reading into SummaryOptions with a
 * plain-English message for each field that cannot be read.
 */
import { isoFromSerial, parseDate, serialFromYmd } from "../../../core/dates";
import { DEFAULT_SUMMARY_OPTIONS, SummaryOptions } from "../../../core/summary/options";

export interface OptionsForm {
  /** ISO date from the date input; "" for the data's default. */
  asOf: string;
  caseloadTarget: string;
  caseloadTargetAsye: string;
  suppressionThreshold: string;
  /** A census year; "" for the as-of date's year. */
  comparatorYear: string;
}

export type OptionsField = keyof OptionsForm;
export type OptionsErrors = Partial<Record<OptionsField, string>>;

export interface OptionsReading {
  /** The options, when every field can be read. */
  options: SummaryOptions | null;
  /** Each field that can be read (what the workbook remembers). */
  values: Partial<SummaryOptions>;
  errors: OptionsErrors;
}

const EARLIEST = serialFromYmd(2000, 1, 1);
const LATEST = serialFromYmd(2100, 12, 31);

export function formFromOptions(saved: Partial<SummaryOptions> = {}): OptionsForm {
  const o = { ...DEFAULT_SUMMARY_OPTIONS, ...saved };
  return {
    asOf: o.asOf === null ? "" : isoFromSerial(o.asOf),
    caseloadTarget: String(o.caseloadTarget),
    caseloadTargetAsye: String(o.caseloadTargetAsye),
    suppressionThreshold: String(o.suppressionThreshold),
    comparatorYear: o.comparatorYear === null ? "" : String(o.comparatorYear),
  };
}

function wholeNumber(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

export function readOptionsForm(form: OptionsForm): OptionsReading {
  const errors: OptionsErrors = {};
  const values: Partial<SummaryOptions> = {};

  if (form.asOf.trim() === "") values.asOf = null;
  else {
    const serial = parseDate(form.asOf.trim());
    if (serial === null) errors.asOf = "Enter a date such as 30/09/2023, or leave it blank.";
    else if (serial < EARLIEST || serial > LATEST)
      errors.asOf = "Enter a date between 2000 and 2100.";
    else values.asOf = serial;
  }

  const target = wholeNumber(form.caseloadTarget, 1, 100);
  if (target === null) errors.caseloadTarget = "Enter a whole number of cases from 1 to 100.";
  else values.caseloadTarget = target;

  const asye = wholeNumber(form.caseloadTargetAsye, 1, 100);
  if (asye === null) errors.caseloadTargetAsye = "Enter a whole number of cases from 1 to 100.";
  else values.caseloadTargetAsye = asye;

  const threshold = wholeNumber(form.suppressionThreshold, 0, 100);
  if (threshold === null)
    errors.suppressionThreshold = "Enter a whole number from 0 to 100 (0 hides nothing).";
  else values.suppressionThreshold = threshold;

  if (form.comparatorYear.trim() === "") values.comparatorYear = null;
  else {
    const year = wholeNumber(form.comparatorYear, 2000, 2100);
    if (year === null) errors.comparatorYear = "Choose a year, or the as-of date's year.";
    else values.comparatorYear = year;
  }

  const complete = Object.keys(errors).length === 0;
  return { options: complete ? { ...DEFAULT_SUMMARY_OPTIONS, ...values } : null, values, errors };
}
