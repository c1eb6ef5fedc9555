/**
 * The workbook's saved settings (SavedSettings, plus the fingerprint of the data at the last
 * build), read defensively: they come from a document anyone may have edited.
 */
import type { ColumnMapping } from "../../core/headers";
import type { SavedSettings, SummaryOptions } from "../../core/summary/options";
import { ROLE_CODES, RoleCode } from "../../core/vocabulary";

export interface LastBuild {
  /** `fingerprint()` of the staff and posts cells the summary was built from. */
  fingerprint: string;
  staffTable: string;
}

export interface PaneSettings extends SavedSettings {
  lastBuild?: LastBuild;
  /** The header rows the user chose (sheet row numbers); absent: found automatically. */
  staffHeaderRow?: number;
  postsHeaderRow?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function readMapping<K extends string>(v: unknown): ColumnMapping<K> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, value] of Object.entries(v)) {
    if (typeof value === "string" || (typeof value === "number" && Number.isInteger(value))) {
      out[k] = value;
    }
  }
  return out as ColumnMapping<K>;
}

function readRoleMap(v: unknown): Record<string, RoleCode> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, RoleCode> = {};
  for (const [k, code] of Object.entries(v)) {
    if (ROLE_CODES.includes(code as RoleCode)) out[k] = code as RoleCode;
  }
  return out;
}

function readOptions(v: unknown): Partial<SummaryOptions> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Partial<SummaryOptions> = {};
  const num = (x: unknown) => typeof x === "number" && Number.isFinite(x);
  if (v.asOf === null || num(v.asOf)) out.asOf = v.asOf as number | null;
  if (num(v.caseloadTarget)) out.caseloadTarget = v.caseloadTarget as number;
  if (num(v.caseloadTargetAsye)) out.caseloadTargetAsye = v.caseloadTargetAsye as number;
  if (num(v.suppressionThreshold)) out.suppressionThreshold = v.suppressionThreshold as number;
  if (v.comparatorYear === null || num(v.comparatorYear))
    out.comparatorYear = v.comparatorYear as number | null;
  return out;
}

export function readSettings(raw: unknown): PaneSettings {
  if (!isRecord(raw)) return {};
  const s: PaneSettings = {};
  if (typeof raw.staffTable === "string") s.staffTable = raw.staffTable;
  if (typeof raw.postsTable === "string" || raw.postsTable === null) s.postsTable = raw.postsTable;
  s.staffMapping = readMapping(raw.staffMapping);
  s.postsMapping = readMapping(raw.postsMapping);
  s.roleMap = readRoleMap(raw.roleMap);
  s.options = readOptions(raw.options);
  for (const key of ["staffHeaderRow", "postsHeaderRow"] as const) {
    const row = raw[key];
    if (typeof row === "number" && Number.isInteger(row) && row >= 1) s[key] = row;
  }
  if (
    isRecord(raw.lastBuild) &&
    typeof raw.lastBuild.fingerprint === "string" &&
    typeof raw.lastBuild.staffTable === "string"
  ) {
    s.lastBuild = { fingerprint: raw.lastBuild.fingerprint, staffTable: raw.lastBuild.staffTable };
  }
  if (isRecord(raw.benchmarks)) {
    const { la, indicatorsCsv } = raw.benchmarks;
    const b: NonNullable<PaneSettings["benchmarks"]> = {};
    if (typeof la === "string" && la.trim() !== "") b.la = la.trim();
    if (typeof indicatorsCsv === "string" && indicatorsCsv.trim() !== "")
      b.indicatorsCsv = indicatorsCsv;
    if (b.la !== undefined || b.indicatorsCsv !== undefined) s.benchmarks = b;
  }
  return s;
}

/** The settings as saveSettings takes them (no undefined values). */
export function settingsRecord(s: PaneSettings): Record<string, unknown> {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
}
