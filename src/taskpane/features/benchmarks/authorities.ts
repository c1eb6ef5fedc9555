/** The local authority list of the Benchmarks section: filtering by typed text, finding a saved choice. */
import type { AreaYear, Indicators } from "../../../core/comparators/dfe";

export interface Authority {
  name: string;
  /** new_la_code, e.g. E08000003. */
  code: string;
  /** DfE's three-digit LA number, e.g. 352: what the pane saves and the census calls the LEA. */
  oldCode: string;
  region: string;
}

/** Lower case, punctuation as spaces: "Bristol, City of" is found by "bristol city". */
const searchable = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** The authorities whose name, region, LA number or code contains the typed text. */
export function filterAuthorities(list: readonly Authority[], query: string): Authority[] {
  const q = searchable(query);
  if (q === "") return [...list];
  return list.filter(
    (a) =>
      searchable(a.name).includes(q) ||
      searchable(a.region).includes(q) ||
      a.oldCode.startsWith(q) ||
      a.code.toLowerCase() === q
  );
}

/** A saved choice (an LA number; an E-code or a name also work) in the list. */
export function findAuthority(list: readonly Authority[], la: string | null): Authority | null {
  if (la === null) return null;
  const key = la.trim();
  return (
    list.find((a) => a.oldCode === key) ??
    list.find((a) => a.code.toLowerCase() === key.toLowerCase()) ??
    list.find((a) => searchable(a.name) === searchable(key)) ??
    null
  );
}

/** "2017 to 2025", or the one year. */
export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return "no year";
  const first = years[0];
  const last = years[years.length - 1];
  return first === last ? String(first) : `${first} to ${last}`;
}

export interface Preview {
  name: string;
  region: string;
  year: number;
  vacancyRate: number | null;
  agencyRate: number | null;
  turnoverRate: number | null;
}

/** The LA's rates as DfE published them, for the latest year that has the LA. */
export function previewFor(indicators: Indicators, la: Authority): Preview | null {
  let latest: AreaYear | null = null;
  for (const r of indicators.rows) {
    if (r.level !== "Local authority" || r.oldCode !== la.oldCode) continue;
    if (!latest || r.year > latest.year) latest = r;
  }
  if (!latest) return null;
  const found: AreaYear = latest;
  const rate = (key: string) => found.values[key] ?? null;
  return {
    name: found.name,
    region: found.region,
    year: found.year,
    vacancyRate: rate("vacancyRate"),
    agencyRate: rate("agencyRate"),
    turnoverRate: rate("turnoverRate"),
  };
}

/** A published rate (a fraction) as DfE shows it: "14.2%"; null as "not published". */
export function percent(value: number | null): string {
  return value === null
    ? "not published"
    : `${(value * 100).toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}
