/** 4. Vacancies and agency by team: vacancy FTE and rate, agency FTE and rate, at the as-of date. */
import { writeByTeam } from "./by-team";
import { SUMMARY_TABLES } from "../names";
import type { SummaryContext } from "./context";

export function writeVacancies(c: SummaryContext, top: number): number {
  return writeByTeam(
    c,
    top,
    SUMMARY_TABLES.vacancies,
    "4. Vacancies and agency by team (at the as-of date)",
    "workers",
    [
      ["Vacancy FTE", "vacancyFte"],
      ["Vacancy rate", "vacancyRate"],
      ["Agency FTE", "agencyFte"],
      ["Agency rate", "agencyRate"],
    ]
  ).next;
}
