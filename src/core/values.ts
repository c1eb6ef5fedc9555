/**
 * Cell value parsers, one per kind of column. Each returns the canonical value, or
 * `{ expected }` naming what the cell should have held. Blanks are handled by the caller.
 */
import { parseDate } from "./dates";
import { matchKey } from "./text";
import {
  ETHNIC_GROUP_WORDS,
  ETHNICITY_BY_KEY,
  EthnicGroup,
  GENDER_BY_KEY,
  Gender,
  HETEROSEXUAL_KEYS,
  NOT_KNOWN_KEYS,
  Orientation,
  ROLE_BY_KEY,
  RoleCode,
  WORKER_TYPE_BY_KEY,
  WORKER_TYPES,
  YES_NO_BY_KEY,
  YesNo,
} from "./vocabulary";

export type Parsed<T> = { value: T } | { expected: string };

export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") {
    let text = value.trim();
    // "1,234.5" has thousands separators; "0,5" (one comma, no point) is a decimal comma, as a
    // semicolon CSV from European Excel writes it.
    if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, "");
    else if (/^[-+]?\d*,\d+$/.test(text)) text = text.replace(",", ".");
    if (text === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
    return Number(text);
  }
  return null;
}

export function parseFte(value: unknown): Parsed<number> {
  const n = toNumber(value);
  if (n === null)
    return { expected: "a full-time equivalent above 0 and at most 1 (for example 0.6)" };
  if (n > 1 && n <= 48) {
    return {
      expected:
        "an FTE between 0 and 1: this looks like weekly hours (divide by the full-time week, e.g. 37)",
    };
  }
  if (n <= 0 || n > 1)
    return { expected: "a full-time equivalent above 0 and at most 1 (for example 0.6)" };
  return { value: n };
}

export function parseDateValue(value: unknown): Parsed<number> {
  const d = parseDate(value);
  return d === null
    ? { expected: "a date such as 30/09/2022, 2022-09-30 or 30 Sep 2022 (day first)" }
    : { value: d };
}

export function parseWholeNumber(value: unknown, what: string): Parsed<number> {
  const n = toNumber(value);
  if (n === null || n < 0 || !Number.isInteger(n))
    return { expected: `${what}: a whole number, 0 or more` };
  return { value: n };
}

export function parseNonNegative(value: unknown, what: string): Parsed<number> {
  const n = toNumber(value);
  if (n === null || n < 0) return { expected: `${what}: a number, 0 or more` };
  return { value: n };
}

export function parseAge(value: unknown): Parsed<number> {
  const n = toNumber(value);
  if (n === null || !Number.isInteger(n) || n < 16 || n > 100)
    return { expected: "an age in whole years (16 to 100)" };
  return { value: n };
}

export function parseWorkerType(value: unknown): Parsed<(typeof WORKER_TYPES)[number]> {
  const found = WORKER_TYPE_BY_KEY.get(matchKey(value));
  return found
    ? { value: found }
    : {
        expected:
          "a worker type: Permanent, Fixed term, Agency, Apprentice, Student, Step Up, Frontline trainee or Vacant",
      };
}

/** A role: its ladder code, or null when the text is not on the ladder (kept under its own text). */
export function roleCodeOf(
  value: unknown,
  overrides?: Readonly<Record<string, RoleCode>>
): RoleCode | null {
  const key = matchKey(value);
  if (overrides) {
    for (const [text, code] of Object.entries(overrides)) if (matchKey(text) === key) return code;
  }
  return ROLE_BY_KEY.get(key) ?? null;
}

export function isNotKnown(value: unknown): boolean {
  return NOT_KNOWN_KEYS.has(matchKey(value));
}

export function parseGender(value: unknown): Gender {
  if (isNotKnown(value)) return "Not known";
  return GENDER_BY_KEY.get(matchKey(value)) ?? "Other";
}

export function parseYesNo(value: unknown): Parsed<YesNo> {
  if (isNotKnown(value)) return { value: "Not known" };
  const v = YES_NO_BY_KEY.get(matchKey(value));
  return v ? { value: v } : { expected: "Yes, No or not known" };
}

export function parseOrientation(value: unknown): Orientation {
  if (isNotKnown(value)) return "Not known";
  return HETEROSEXUAL_KEYS.has(matchKey(value)) ? "Heterosexual" : "LGB+";
}

export function parseEthnicity(
  value: unknown
): Parsed<{ label: string; group: EthnicGroup | "Not known" }> {
  if (isNotKnown(value)) return { value: { label: "Not known", group: "Not known" } };
  const known = ETHNICITY_BY_KEY.get(matchKey(value));
  if (known) return { value: { label: known.label, group: known.group } };
  const text = String(value).trim();
  const byWords = ETHNIC_GROUP_WORDS.find((w) => w.words.test(text));
  if (byWords) return { value: { label: text, group: byWords.group } };
  return {
    expected:
      "an ONS ethnic group (e.g. Pakistani, Any other White background) or a DfE code (e.g. APKN)",
  };
}
