/** Definitions: how each measure the summary shows is defined (`metrics.md`), and the sources. */
import { HEADLINE_KEYS, MEASURES } from "../../measures/catalogue";
import { note, subtitle, type SummaryContext } from "./context";

const DEFINED = new Set<string>([
  ...HEADLINE_KEYS,
  "averageAge",
  "disabledShare",
  "ethnicMinorityShare",
  "lgbShare",
  "caseHolders",
  "caseloadAboveTarget",
]);

export function writeDefinitions(c: SummaryContext, top: number): number {
  const g = c.grid;
  let r = top;
  g.put(r++, 0, subtitle("Definitions"));
  for (const m of MEASURES.filter((m) => DEFINED.has(m.key)))
    g.put(r++, 0, note(`${m.label}: ${m.definition}`));
  g.put(
    r++,
    0,
    note(
      "Social workers are permanent and fixed-term staff; agency workers, apprentices, students and trainees are counted separately. Headcounts count each staff ID once. Rates show n/a where the denominator is zero or the data has no such column."
    )
  );
  g.put(
    r++,
    0,
    note(
      `England: DfE, Children's social work workforce, reporting year 2025 (indicators file), for the census year in the inputs.`
    )
  );
  return r;
}
