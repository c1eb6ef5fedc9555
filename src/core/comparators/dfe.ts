/**
 * DfE's published comparators (`metrics.md`, "Comparators"): England, every region and every
 * local authority for each census year, from DfE's indicators file; statistical neighbours from
 * DfE's model. DfE's rates are used as published (1 dp) rather than recomputed; its symbols
 * (c, u, x, z, low, :) are "no figure", never 0.
 */
import { parseCsv } from "../csv";
import { MeasureValue, NotAvailable } from "../result";
import { matchKey } from "../text";

/** Our measure key ← DfE's column, and whether DfE publishes it as a percentage. */
export const DFE_MEASURES: Record<string, { column: string; percent: boolean; label: string }> = {
  fteSocialWorkers: { column: "inpost_fte", percent: false, label: "FTE social workers" },
  headcount: { column: "inpost_headcount", percent: false, label: "Headcount" },
  startersFte: { column: "starters_fte", percent: false, label: "Starters FTE" },
  leaversFte: { column: "leavers_fte", percent: false, label: "Leavers FTE" },
  turnoverRate: { column: "turnover_rate_fte", percent: true, label: "Turnover rate" },
  agencyFte: { column: "agency_fte", percent: false, label: "Agency FTE" },
  agencyRate: { column: "agency_rate_fte", percent: true, label: "Agency rate" },
  agencyCoverRate: { column: "agency_cover_rate_fte", percent: true, label: "Agency cover rate" },
  vacancyFte: { column: "vacancy_fte", percent: false, label: "Vacancy FTE" },
  vacancyRate: { column: "vacancy_rate_fte", percent: true, label: "Vacancy rate" },
  averageCaseload: { column: "caseload_fte", percent: false, label: "Average caseload" },
  absenceRate: { column: "absence_rate_fte", percent: true, label: "Absence rate" },
};

export const REQUIRED_COLUMNS = [
  "time_period",
  "geographic_level",
  "region_code",
  "region_name",
  "old_la_code",
  "new_la_code",
  "la_name",
  ...Object.values(DFE_MEASURES).map((m) => m.column),
];

export type Level = "National" | "Regional" | "Local authority";

export interface AreaYear {
  year: number;
  level: Level;
  name: string;
  /** new_la_code (E08000003) for an LA, region_code for a region, E92000001 for England. */
  code: string;
  /** DfE's three-digit LA number (352), the key of the statistical-neighbour model. */
  oldCode: string;
  region: string;
  /** Rates as fractions; null where DfE published a symbol. */
  values: Record<string, number | null>;
}

export class IndicatorsFileError extends Error {}

/** A measure key or DfE label, any case ("vacancy rate", "vacancyRate", "vacancy"). */
export function dfeMeasureKey(name: string): string | null {
  const key = matchKey(name);
  for (const [k, m] of Object.entries(DFE_MEASURES)) {
    if (matchKey(k) === key || matchKey(m.label) === key || matchKey(m.column) === key) return k;
  }
  const short: Record<string, string> = {
    vacancy: "vacancyRate",
    agency: "agencyRate",
    turnover: "turnoverRate",
    caseload: "averageCaseload",
    absence: "absenceRate",
    fte: "fteSocialWorkers",
    starters: "startersFte",
    leavers: "leaversFte",
    agencycover: "agencyCoverRate",
  };
  return short[key] ?? null;
}

export class Indicators {
  readonly rows: AreaYear[];
  private neighbours = new Map<string, string[]>();

  private constructor(rows: AreaYear[]) {
    this.rows = rows;
  }

  /**
   * Reads DfE's indicators CSV (and optionally the neighbours CSV). A file with missing or
   * renamed columns is refused with a message listing them.
   */
  static parse(indicatorsCsv: string, neighboursCsv?: string): Indicators {
    const grid = parseCsv(indicatorsCsv);
    const header = (grid[0] ?? []).map((h) => h.trim());
    const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
    if (missing.length) {
      throw new IndicatorsFileError(
        `this is not DfE's indicators file, or its columns have changed: missing ${missing.join(", ")}`
      );
    }
    const at = (name: string) => header.indexOf(name);
    const seen = new Set<string>();
    const rows: AreaYear[] = [];
    for (const cells of grid.slice(1)) {
      if (cells.length < header.length) continue;
      const level = cells[at("geographic_level")] as Level;
      const name =
        level === "National"
          ? "England"
          : level === "Regional"
            ? cells[at("region_name")]
            : cells[at("la_name")];
      const year = Number(cells[at("time_period")]);
      const key = `${year}|${level}|${name}`;
      if (seen.has(key)) continue; // DfE's file repeats some national and regional rows
      seen.add(key);
      const values: Record<string, number | null> = {};
      for (const [k, m] of Object.entries(DFE_MEASURES)) {
        const text = cells[at(m.column)].trim();
        values[k] = /^-?\d+(\.\d+)?$/.test(text)
          ? m.percent
            ? Number((Number(text) / 100).toFixed(6))
            : Number(text)
          : null;
      }
      rows.push({
        year,
        level,
        name,
        values,
        code:
          level === "National"
            ? "E92000001"
            : level === "Regional"
              ? cells[at("region_code")]
              : cells[at("new_la_code")],
        oldCode: cells[at("old_la_code")] ?? "",
        region: cells[at("region_name")] ?? "",
      });
    }
    const indicators = new Indicators(rows);
    if (neighboursCsv) {
      const sn = parseCsv(neighboursCsv.replace(/^\ufeff/, ""));
      const h = sn[0].map((x) => x.trim());
      for (const r of sn.slice(1)) {
        if (!r[h.indexOf("old_la_code")]) continue;
        indicators.neighbours.set(
          r[h.indexOf("old_la_code")].trim(),
          Array.from({ length: 10 }, (_, i) => r[h.indexOf(`SN_${i + 1}`)]?.trim()).filter(Boolean)
        );
      }
    }
    return indicators;
  }

  years(): number[] {
    return [...new Set(this.rows.map((r) => r.year))].sort((a, b) => a - b);
  }

  latestYear(): number {
    return Math.max(...this.rows.map((r) => r.year));
  }

  /** Local authorities by name with their codes (for the pane's searchable list). */
  localAuthorities(): { name: string; code: string; oldCode: string; region: string }[] {
    const latest = new Map<string, AreaYear>();
    for (const r of this.rows)
      if (
        r.level === "Local authority" &&
        (!latest.has(r.oldCode) || latest.get(r.oldCode)!.year < r.year)
      )
        latest.set(r.oldCode, r);
    return [...latest.values()]
      .map(({ name, code, oldCode, region }) => ({ name, code, oldCode, region }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** An area by name ("England", a region, an LA) or code (E08000003, 352, E12000002). */
  area(area: string, year: number): AreaYear | undefined {
    const key = matchKey(area);
    return this.rows.find(
      (r) =>
        r.year === year &&
        (matchKey(r.name) === key ||
          matchKey(r.code) === key ||
          (r.level === "Local authority" && r.oldCode === area.trim()))
    );
  }

  value(measure: string, area: string, year: number): MeasureValue {
    const r = this.area(area, year);
    if (!r) return new NotAvailable(`DfE publishes no figures for "${area}" in ${year}`);
    const v = r.values[measure];
    return v === null || v === undefined
      ? new NotAvailable(
          `DfE published no usable ${DFE_MEASURES[measure]?.label ?? measure} for ${r.name} in ${year}`
        )
      : v;
  }

  /** The ten statistical neighbours of an LA (DfE's 2025 model), as their figures for a year. */
  neighboursOf(la: string, year: number): AreaYear[] {
    const me = this.rows.find(
      (r) =>
        r.level === "Local authority" &&
        (matchKey(r.name) === matchKey(la) ||
          matchKey(r.code) === matchKey(la) ||
          r.oldCode === la.trim())
    );
    if (!me) return [];
    return (this.neighbours.get(me.oldCode) ?? [])
      .map((code) =>
        this.rows.find(
          (r) => r.level === "Local authority" && r.year === year && r.oldCode === code
        )
      )
      .filter((r): r is AreaYear => r !== undefined);
  }

  /** The median of the neighbours' published figures (those with a figure), as DfE's dashboard compares. */
  neighboursMedian(measure: string, la: string, year: number): MeasureValue {
    const values = this.neighboursOf(la, year)
      .map((r) => r.values[measure])
      .filter((v): v is number => v !== null && v !== undefined);
    if (values.length === 0)
      return new NotAvailable(
        `no statistical neighbour of ${la} has a published ${measure} for ${year}`
      );
    values.sort((a, b) => a - b);
    const mid = Math.floor(values.length / 2);
    return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  /** Rank among LAs with a figure that year: 1 is the lowest value. */
  rank(measure: string, la: string, year: number): { rank: number; of: number } | NotAvailable {
    const mine = this.value(measure, la, year);
    if (mine instanceof NotAvailable) return mine;
    const all = this.rows
      .filter((r) => r.level === "Local authority" && r.year === year && r.values[measure] !== null)
      .map((r) => r.values[measure]!);
    return { rank: all.filter((v) => v < mine).length + 1, of: all.length };
  }
}

let bundled: Promise<Indicators> | null = null;

/** The indicators bundled with the product, loaded (and parsed) on first use. */
export function bundledIndicators(): Promise<Indicators> {
  bundled ??= import("./dfe-files.generated").then((f) =>
    Indicators.parse(f.INDICATORS_CSV, f.NEIGHBOURS_CSV)
  );
  return bundled;
}
