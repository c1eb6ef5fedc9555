/**
 * Every measure of `metrics.md` by name: one table that the custom functions (MEASURE,
 * HEADLINE), the command line and the summary all read. Data, not branching code.
 */
import type { MeasureValue } from "../result";
import { matchKey } from "../text";
import { absenceRate, sicknessDaysPerFte } from "./absence";
import { averageCaseload, caseHolders, caseloadAboveTarget, highestCaseload } from "./caseload";
import {
  averageAge,
  disabilityNotKnownShare,
  disabledShare,
  ethnicityNotKnownShare,
  ethnicMinorityShare,
  femaleShare,
  genderNotKnownShare,
  lgbShare,
  maleShare,
  otherGenderShare,
  sexualOrientationNotKnownShare,
} from "./equality";
import { pipelineHeadcount } from "./pipeline";
import type { Population } from "./population";
import { lengthOfService } from "./service";
import {
  agencyFte,
  agencyHeadcount,
  agencyRate,
  asyeFte,
  fteSocialWorkers,
  headcount,
  leaversFte,
  leaversHeadcount,
  stabilityRate,
  startersFte,
  startersHeadcount,
  turnoverRate,
  vacancyFte,
  vacancyRate,
} from "./workforce";

export type MeasureUnit = "fte" | "count" | "rate" | "days" | "years" | "cases";

export interface MeasureDefinition {
  key: string;
  label: string;
  unit: MeasureUnit;
  /** One line from `metrics.md`, shown in notes and autocomplete. */
  definition: string;
  compute: (p: Population) => MeasureValue;
}

export const MEASURES: readonly MeasureDefinition[] = [
  {
    key: "fteSocialWorkers",
    label: "FTE social workers",
    unit: "fte",
    compute: fteSocialWorkers,
    definition: "Sum of FTE of permanent and fixed-term social workers in post at the as-of date.",
  },
  {
    key: "headcount",
    label: "Headcount",
    unit: "count",
    compute: headcount,
    definition: "Distinct staff IDs of social workers in post at the as-of date.",
  },
  {
    key: "vacancyFte",
    label: "Vacancy FTE",
    unit: "fte",
    compute: vacancyFte,
    definition:
      "Funded FTE not filled by social workers, summed over each team and role (or the FTE of Vacant rows).",
  },
  {
    key: "vacancyRate",
    label: "Vacancy rate",
    unit: "rate",
    compute: vacancyRate,
    definition: "Vacancy FTE / (vacancy FTE + FTE social workers).",
  },
  {
    key: "agencyFte",
    label: "Agency FTE",
    unit: "fte",
    compute: agencyFte,
    definition: "Sum of FTE of agency workers in post at the as-of date.",
  },
  {
    key: "agencyHeadcount",
    label: "Agency headcount",
    unit: "count",
    compute: agencyHeadcount,
    definition: "Distinct staff IDs of agency workers in post at the as-of date.",
  },
  {
    key: "agencyRate",
    label: "Agency rate",
    unit: "rate",
    compute: agencyRate,
    definition: "Agency FTE / (agency FTE + FTE social workers).",
  },
  {
    key: "asyeFte",
    label: "ASYE FTE",
    unit: "fte",
    compute: asyeFte,
    definition: "FTE of social workers in post in their assessed and supported year (ASYE).",
  },
  {
    key: "startersFte",
    label: "Starters FTE",
    unit: "fte",
    compute: startersFte,
    definition: "FTE of social workers whose start date is in the 12 months to the as-of date.",
  },
  {
    key: "startersHeadcount",
    label: "Starters headcount",
    unit: "count",
    compute: startersHeadcount,
    definition:
      "Social workers (distinct IDs) whose start date is in the 12 months to the as-of date.",
  },
  {
    key: "leaversFte",
    label: "Leavers FTE",
    unit: "fte",
    compute: leaversFte,
    definition: "FTE of social workers whose leave date is in the 12 months to the as-of date.",
  },
  {
    key: "leaversHeadcount",
    label: "Leavers headcount",
    unit: "count",
    compute: leaversHeadcount,
    definition:
      "Social workers (distinct IDs) whose leave date is in the 12 months to the as-of date.",
  },
  {
    key: "turnoverRate",
    label: "Turnover rate",
    unit: "rate",
    compute: turnoverRate,
    definition: "Leavers FTE / FTE social workers at the as-of date.",
  },
  {
    key: "stabilityRate",
    label: "Stability rate",
    unit: "rate",
    compute: stabilityRate,
    definition:
      "Of the social workers in post a year before the as-of date, the share still in post at it.",
  },
  {
    key: "caseHolders",
    label: "Case holders",
    unit: "count",
    compute: caseHolders,
    definition: "Social workers and agency workers in post with a caseload above 0.",
  },
  {
    key: "averageCaseload",
    label: "Average caseload",
    unit: "cases",
    compute: averageCaseload,
    definition: "Sum of case holders' caseloads / sum of their FTE.",
  },
  {
    key: "highestCaseload",
    label: "Highest caseload",
    unit: "cases",
    compute: highestCaseload,
    definition: "The largest caseload of any case holder.",
  },
  {
    key: "caseloadAboveTarget",
    label: "Caseloads above target",
    unit: "count",
    compute: caseloadAboveTarget,
    definition: "Case holders whose caseload exceeds the target for their role (18; ASYE 16).",
  },
  {
    key: "sicknessDaysPerFte",
    label: "Sickness days per FTE",
    unit: "days",
    compute: sicknessDaysPerFte,
    definition: "Sickness days of social workers in post / FTE social workers.",
  },
  {
    key: "absenceRate",
    label: "Absence rate",
    unit: "rate",
    compute: absenceRate,
    definition: "Sickness days / (FTE social workers × working days in the year, default 253).",
  },
  {
    key: "averageAge",
    label: "Average age",
    unit: "years",
    compute: averageAge,
    definition:
      "Mean completed years of age at the as-of date of social workers in post with a date of birth or age.",
  },
  {
    key: "femaleShare",
    label: "Female %",
    unit: "rate",
    compute: femaleShare,
    definition: "Share of social workers in post with a known gender who are female.",
  },
  {
    key: "maleShare",
    label: "Male %",
    unit: "rate",
    compute: maleShare,
    definition: "Share of social workers in post with a known gender who are male.",
  },
  {
    key: "otherGenderShare",
    label: "Other gender %",
    unit: "rate",
    compute: otherGenderShare,
    definition:
      "Share of social workers in post with a known gender who are neither female nor male.",
  },
  {
    key: "genderNotKnownShare",
    label: "Gender not known %",
    unit: "rate",
    compute: genderNotKnownShare,
    definition: "Share of headcount whose gender is not known.",
  },
  {
    key: "disabledShare",
    label: "Disabled %",
    unit: "rate",
    compute: disabledShare,
    definition: "Share of social workers in post with a known disability status who are disabled.",
  },
  {
    key: "disabilityNotKnownShare",
    label: "Disability not known %",
    unit: "rate",
    compute: disabilityNotKnownShare,
    definition: "Share of headcount whose disability status is not known.",
  },
  {
    key: "ethnicMinorityShare",
    label: "Ethnic minority %",
    unit: "rate",
    compute: ethnicMinorityShare,
    definition:
      "Share of social workers in post with a known ethnicity in the Asian, Black, Mixed or Other groups.",
  },
  {
    key: "ethnicityNotKnownShare",
    label: "Ethnicity not known %",
    unit: "rate",
    compute: ethnicityNotKnownShare,
    definition: "Share of headcount whose ethnicity is not known.",
  },
  {
    key: "lgbShare",
    label: "LGB+ %",
    unit: "rate",
    compute: lgbShare,
    definition:
      "Share of social workers in post with a known sexual orientation other than heterosexual.",
  },
  {
    key: "sexualOrientationNotKnownShare",
    label: "Sexual orientation not known %",
    unit: "rate",
    compute: sexualOrientationNotKnownShare,
    definition: "Share of headcount whose sexual orientation is not known.",
  },
  {
    key: "serviceUnder1",
    label: "Service under 1 year",
    unit: "count",
    compute: (p) => lengthOfService(p)["<1"],
    definition: "Social workers in post with under one completed year of service.",
  },
  {
    key: "service1to2",
    label: "Service 1-2 years",
    unit: "count",
    compute: (p) => lengthOfService(p)["1-2"],
    definition: "Social workers in post with 1 or 2 completed years of service.",
  },
  {
    key: "service3to5",
    label: "Service 3-5 years",
    unit: "count",
    compute: (p) => lengthOfService(p)["3-5"],
    definition: "Social workers in post with 3 to 5 completed years of service.",
  },
  {
    key: "serviceOver5",
    label: "Service over 5 years",
    unit: "count",
    compute: (p) => lengthOfService(p)[">5"],
    definition: "Social workers in post with 6 or more completed years of service.",
  },
  {
    key: "pipelineHeadcount",
    label: "Pipeline headcount",
    unit: "count",
    compute: (p) => pipelineHeadcount(p),
    definition: "Apprentices, students, Step Up and Frontline trainees in post.",
  },
];

const BY_KEY = new Map<string, MeasureDefinition>();
for (const m of MEASURES) {
  BY_KEY.set(matchKey(m.key), m);
  BY_KEY.set(matchKey(m.label), m);
}

/** A measure by its key ("turnoverRate") or label ("Turnover rate"), any case or spacing. */
export function findMeasure(name: string): MeasureDefinition | undefined {
  return BY_KEY.get(matchKey(name));
}

/** The headline indicators, in the summary's order (`scrutiny-summary.md`, table 1). */
export const HEADLINE_KEYS = [
  "fteSocialWorkers",
  "headcount",
  "vacancyFte",
  "vacancyRate",
  "agencyFte",
  "agencyRate",
  "asyeFte",
  "startersFte",
  "leaversFte",
  "turnoverRate",
  "stabilityRate",
  "averageCaseload",
  "sicknessDaysPerFte",
] as const;
