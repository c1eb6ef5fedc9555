/**
 * Key points: three to six sentences from the headline figures that a committee paper can paste
 * as they are. Each names its date ("at 30 September 2023") and its comparator (England's
 * published figure and its census date, or the year before), or says there is none.
 */
import { subtitle, type SummaryContext } from "./context";
import { censusDay, comparison, direction, fixed, longDate, pct } from "./wording";

const RATES = [
  ["vacancyRate", "vacancy rate"],
  ["agencyRate", "agency rate"],
  ["turnoverRate", "turnover rate"],
] as const;

/** A sentence, and how a shareable copy (read without the pane) says it, if otherwise. */
export interface KeyPoint {
  text: string;
  shareable?: string;
}

/** Two figures compared as they are shown (to 1 dp), so "up from 12.3%" never reads "12.3%". */
const shown = (v: number, percent: boolean) => Number((percent ? v * 100 : v).toFixed(1));

export function keyPoints(c: SummaryContext): KeyPoint[] {
  const englandOn = c.england ? censusDay(c.comparatorYear) : null;
  const at = (key: string, col: number) => c.grid.get(c.headlineRow[key], col)?.value;
  const now = longDate(c.asOf);
  const yearBefore = longDate(c.d1);
  const out: KeyPoint[] = [];
  for (const [key, name] of RATES) {
    const value = at(key, 1);
    if (typeof value !== "number") continue;
    const before = at(key, 2);
    const eng = at(key, 4);
    let s = `At ${now} the ${name} was ${pct(value)}`;
    if (typeof before === "number")
      s += `, ${direction(shown(value, true), shown(before, true))} ${pct(before)} at ${yearBefore}`;
    if (typeof eng === "number" && englandOn)
      s += `${typeof before === "number" ? ", and" : ","} ${comparison(shown(value, true), shown(eng, true))} England's ${pct(eng)} (DfE, ${englandOn})`;
    else s += ` (no England figure for census year ${c.comparatorYear})`;
    out.push({ text: `${s}.` });
  }
  const stability = pct(at("stabilityRate", 1));
  if (stability)
    out.push({
      text: `Of the social workers in post at ${yearBefore}, ${stability} were still in post at ${now} (DfE publishes no England stability rate to compare with).`,
    });
  const caseload = at("averageCaseload", 1);
  if (typeof caseload === "number") {
    const eng = at("averageCaseload", 4);
    let s = `At ${now} the average caseload was ${fixed(caseload)} cases per FTE case holder`;
    if (typeof eng === "number" && englandOn)
      s += `, ${comparison(shown(caseload, false), shown(eng, false))} England's ${fixed(eng)} (DfE, ${englandOn})`;
    else s += ` (no England figure for census year ${c.comparatorYear})`;
    out.push({ text: `${s}.` });
  }
  const left = c.input.staff.rowsLeftOut;
  if (left > 0) {
    const text = `${left} row${left === 1 ? " was" : "s were"} left out of these figures because of errors in the staff data`;
    out.push({ text: `${text} (see the pane's Check section).`, shareable: `${text}.` });
  }
  return out.slice(0, 6);
}

export function writeKeyPoints(c: SummaryContext, top: number): number {
  let r = top;
  c.grid.put(r++, 0, subtitle(`Key points (at ${longDate(c.asOf)}, the as-of date of the build)`));
  for (const { text, shareable } of keyPoints(c))
    c.grid.put(r++, 0, { value: text, style: "keypoint", ...(shareable ? { shareable } : {}) });
  return r + 1;
}
