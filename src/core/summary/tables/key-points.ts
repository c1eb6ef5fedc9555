/** Key points: three to six plain-English sentences from the headline figures that a committee report can quote. */
import { subtitle, type SummaryContext } from "./context";

function pct(v: unknown): string | null {
  return typeof v === "number" ? `${(v * 100).toFixed(1)} %` : null;
}

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

export function keyPoints(c: SummaryContext): KeyPoint[] {
  const englandYear = c.england ? c.comparatorYear : null;
  const at = (key: string, col: number) => c.grid.get(c.headlineRow[key], col)?.value;
  const out: KeyPoint[] = [];
  for (const [key, name] of RATES) {
    const now = pct(at(key, 1));
    if (!now) continue;
    const value = at(key, 1) as number;
    const before = at(key, 2);
    const eng = at(key, 4);
    let s = `The ${name} is ${now}`;
    if (typeof before === "number")
      s += `, ${value < before ? "down" : value > before ? "up" : "unchanged"} from ${pct(before)} a year earlier`;
    if (typeof eng === "number" && englandYear !== null)
      s += ` and ${value < eng ? "below" : value > eng ? "above" : "level with"} England's ${pct(eng)} (${englandYear})`;
    out.push({ text: `${s}.` });
  }
  const stability = pct(at("stabilityRate", 1));
  if (stability)
    out.push({
      text: `Of the social workers in post a year earlier, ${stability} were still in post.`,
    });
  const caseload = at("averageCaseload", 1);
  if (typeof caseload === "number")
    out.push({ text: `The average caseload is ${caseload.toFixed(1)} cases per FTE case holder.` });
  const left = c.input.staff.rowsLeftOut;
  if (left > 0) {
    const text = `${left} row${left === 1 ? " was" : "s were"} left out of these figures because of errors in the staff data`;
    out.push({ text: `${text} (see the pane's Check section).`, shareable: `${text}.` });
  }
  return out.slice(0, 6);
}

export function writeKeyPoints(c: SummaryContext, top: number): number {
  let r = top;
  c.grid.put(r++, 0, subtitle("Key points (at the as-of date of the build)"));
  for (const { text, shareable } of keyPoints(c))
    c.grid.put(r++, 0, { value: text, style: "keypoint", ...(shareable ? { shareable } : {}) });
  return r + 1;
}
