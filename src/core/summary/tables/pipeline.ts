/** 7. Pipeline in post at the as-of date: apprentices, students and trainees, ASYEs, starters. */
import { pipelineHeadcount } from "../../measures/pipeline";
import type { WorkerType } from "../../vocabulary";
import { inPost, is, PERSON, text } from "../formulas";
import { COUNTS_LABEL, NAMES, SUMMARY_TABLES } from "../names";
import { headers, label, subtitle, type SummaryContext } from "./context";

const GROUPS: [heading: string, type: WorkerType][] = [
  ["Apprentices", "Apprentice"],
  ["Students", "Student"],
  ["Step Up trainees", "Step Up"],
  ["Frontline trainees", "Frontline trainee"],
];

export function writePipeline(c: SummaryContext, top: number): number {
  const g = c.grid;
  const p = c.population(c.asOf, {});
  let r = top;
  g.put(r++, 0, subtitle("7. Pipeline (in post at the as-of date)"));
  const headerRow = r;
  g.putRow(r++, 0, headers(["Group", "Number"]));
  for (const [name, type] of GROUPS) {
    g.putRow(r++, 0, [
      label(name),
      {
        formula: `=${inPost(null, [is("Counts as", text(COUNTS_LABEL.pipeline)), PERSON, is("Worker type", text(type))], NAMES.asOf)}`,
        value: pipelineHeadcount(p, type),
        format: "0",
      },
    ]);
  }
  const at = (key: string) => c.measureCell(key, c.asOf, NAMES.asOf, {});
  g.putRow(r++, 0, [label("ASYE FTE"), at("asyeFte")]);
  g.putRow(r++, 0, [label("Starters FTE (year to the as-of date)"), at("startersFte")]);
  g.putRow(r++, 0, [label("Starters (headcount)"), at("startersHeadcount")]);
  c.table(SUMMARY_TABLES.pipeline, headerRow, r - 1, 2);
  return r + 1;
}
