/**
 * The spellings a WORKFORCE call can have in a formula, and calls that belong to other add-ins.
 *
 * - `WORKFORCE.VACANCYRATE(…)`: as typed, and as Office.js and our own files write it.
 * - `_xldudf_WORKFORCE_VACANCYRATE(…)`: how Excel saves a JavaScript custom function in an .xlsx
 *   (office-js #5611; Excel-Custom-Functions #108).
 * - `[2]!_xldudf_WORKFORCE_VACANCYRATE(…)`: the same after the workbook met a COM add-in, which
 *   makes Excel treat the function as one from an external workbook (office-js #2568).
 * - `_xludf.WORKFORCE.VACANCYRATE(…)`: the prefix a file gives a function unknown to the Excel
 *   that saved it ([MS-XLSX] future functions; Excel writes it for a name it could not resolve).
 *
 * Other add-ins: any other `_xldudf_`, `_xludf.` or `_xll.` function, and any function called
 * through an external-workbook prefix (`[1]!NAME(`).
 */
import type { Token } from "./tokens";

/** The function ids of the WORKFORCE namespace (the @customfunction ids in functions.ts). */
export const WORKFORCE_IDS = [
  "VACANCYRATE",
  "AGENCYPCT",
  "TURNOVER",
  "CASELOAD",
  "STABILITY",
  "HEADCOUNT",
  "FTE",
  "AGENCYFTE",
  "VACANCYFTE",
  "LEAVERS",
  "STARTERS",
  "AVGAGE",
  "SICKNESS",
  "MEASURE",
  "HEADLINE",
  "BENCHMARK",
  "NEIGHBOURS",
] as const;

export type WorkforceId = (typeof WORKFORCE_IDS)[number];

export type Spelling = "typed" | "xldudf" | "external-xldudf" | "xludf";

const FORMS: { spelling: Spelling; re: RegExp }[] = [
  { spelling: "typed", re: /^WORKFORCE\.([A-Z]+)$/i },
  { spelling: "xldudf", re: /^_xldudf_WORKFORCE_([A-Z]+)$/i },
  { spelling: "xludf", re: /^_xludf\.WORKFORCE\.([A-Z]+)$/i },
];

export interface WorkforceName {
  id: WorkforceId;
  spelling: Spelling;
}

/** The WORKFORCE function a call token names, or null. */
export function workforceCall(token: Token): WorkforceName | null {
  if (token.kind !== "word" || !token.call) return null;
  const prefix = token.prefix ?? "";
  // Only a workbook-index prefix ("[2]!") is a known spelling; a sheet prefix is not a function.
  if (prefix && !/^\[\d+\]!$/.test(prefix)) return null;
  for (const { spelling, re } of FORMS) {
    const m = re.exec(token.body ?? "");
    if (!m) continue;
    const id = m[1].toUpperCase() as WorkforceId;
    if (!(WORKFORCE_IDS as readonly string[]).includes(id)) return null;
    if (prefix && spelling !== "xldudf") return null;
    return { id, spelling: prefix ? "external-xldudf" : spelling };
  }
  return null;
}

/** True for a call of another add-in's function (never a WORKFORCE one). */
export function otherAddinCall(token: Token): boolean {
  if (token.kind !== "word" || !token.call || workforceCall(token)) return false;
  if (/^\[\d+\][^!]*!$/.test(token.prefix ?? "")) return true;
  return /^(_xldudf_|_xludf\.|_xll\.)/i.test(token.body ?? "");
}

/** Whether a text mentions WORKFORCE in any spelling (a quick test before tokenizing). */
export function mentionsWorkforce(text: string): boolean {
  return /WORKFORCE[._]/i.test(text);
}
