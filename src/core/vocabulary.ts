/**
 * The value vocabularies of `columns.md` and `metrics.md`, as data: the role ladder, worker
 * types, the "not known" values and the equality categories. Matching is on `matchKey`
 * (case-, space- and punctuation-insensitive).
 */
import { matchKey } from "./text";

export type RoleCode = "ASYE" | "SW1" | "SW2" | "AP" | "TM" | "SM";

export const ROLE_LADDER: readonly {
  code: RoleCode;
  label: string;
  synonyms: readonly string[];
}[] = [
  {
    code: "ASYE",
    label: "ASYE / newly qualified",
    synonyms: [
      "ASYE",
      "NQSW",
      "Newly Qualified Social Worker",
      "ASYE Social Worker",
      "Newly qualified",
    ],
  },
  {
    code: "SW1",
    label: "Social worker",
    synonyms: ["Social Worker", "Level 1", "SW1", "Qualified Social Worker", "Case Holder"],
  },
  {
    code: "SW2",
    label: "Senior social worker",
    synonyms: ["Senior Social Worker", "Level 2", "SW2", "Experienced Social Worker"],
  },
  {
    code: "AP",
    label: "Advanced practitioner",
    synonyms: [
      "Advanced Practitioner",
      "Senior Practitioner",
      "Consultant Social Worker",
      "Practice Lead",
      "AP",
    ],
  },
  {
    code: "TM",
    label: "Team manager",
    synonyms: [
      "Team Manager",
      "Practice Supervisor",
      "Assistant Team Manager",
      "Deputy Team Manager",
      "TM",
    ],
  },
  {
    code: "SM",
    label: "Senior manager",
    synonyms: ["Service Manager", "Head of Service", "Service Lead", "Group Manager", "SM"],
  },
];

export const ROLE_CODES: readonly RoleCode[] = ROLE_LADDER.map((r) => r.code);

/** How a worker counts (`metrics.md`, "Who counts"). */
export type WorkerClass = "socialWorker" | "agency" | "pipeline" | "vacant";

export type WorkerType =
  | "Permanent"
  | "Fixed term"
  | "Agency"
  | "Apprentice"
  | "Student"
  | "Step Up"
  | "Frontline trainee"
  | "Vacant";

export const WORKER_TYPES: readonly {
  type: WorkerType;
  counts: WorkerClass;
  synonyms: readonly string[];
}[] = [
  {
    type: "Permanent",
    counts: "socialWorker",
    synonyms: [
      "Permanent",
      "Perm",
      "Substantive",
      "Established",
      "Employee",
      "Permanent employee",
      "Not an agency worker",
    ],
  },
  {
    type: "Fixed term",
    counts: "socialWorker",
    synonyms: [
      "Fixed term",
      "Fixed-term contract",
      "FTC",
      "Temporary",
      "Temporary contract",
      "Secondment",
      "Secondment in",
      "Seconded in",
    ],
  },
  {
    type: "Agency",
    counts: "agency",
    synonyms: [
      "Agency",
      "Agency worker",
      "Locum",
      "Interim",
      "Consultancy",
      "Contractor",
      "Agency/Locum",
    ],
  },
  {
    type: "Apprentice",
    counts: "pipeline",
    synonyms: ["Apprentice", "Apprenticeship", "Social work apprentice", "Degree apprentice"],
  },
  {
    type: "Student",
    counts: "pipeline",
    synonyms: ["Student", "Student social worker", "Placement student"],
  },
  {
    type: "Step Up",
    counts: "pipeline",
    synonyms: ["Step Up", "Step Up to Social Work", "Step Up trainee"],
  },
  {
    type: "Frontline trainee",
    counts: "pipeline",
    synonyms: ["Frontline trainee", "Frontline", "Frontline participant"],
  },
  { type: "Vacant", counts: "vacant", synonyms: ["Vacant", "Vacancy", "Vacant post"] },
];

/** Values that mean "not known" in any optional column. */
export const NOT_KNOWN = [
  "Prefer not to say",
  "Not known",
  "Unknown",
  "Not stated",
  "Information refused",
  "Refused",
  "Declined",
  "Not declared",
  "Not specified",
  "Not obtained",
  "Information not yet obtained",
  "N/K",
  "NK",
  "REFU",
  "NOBT",
  "Not recorded",
  "Declared not stated or refused",
];

export type Gender = "Female" | "Male" | "Other" | "Not known";
export const GENDER_VALUES: readonly {
  value: Exclude<Gender, "Other">;
  synonyms: readonly string[];
}[] = [
  { value: "Female", synonyms: ["Female", "F", "Woman", "2"] },
  { value: "Male", synonyms: ["Male", "M", "Man", "1"] },
  { value: "Not known", synonyms: ["0", "9"] },
];

export type YesNo = "Yes" | "No" | "Not known";
export const YES_NO_VALUES: readonly { value: YesNo; synonyms: readonly string[] }[] = [
  { value: "Yes", synonyms: ["Yes", "Y", "Disabled", "True", "1"] },
  { value: "No", synonyms: ["No", "N", "Not disabled", "False", "0", "None"] },
];

export type Orientation = "Heterosexual" | "LGB+" | "Not known";
export const HETEROSEXUAL = [
  "Heterosexual",
  "Straight",
  "Heterosexual or straight",
  "Straight/Heterosexual",
];

/** ONS 2021 high-level ethnic groups. */
export type EthnicGroup = "White" | "Mixed" | "Asian" | "Black" | "Other";

/**
 * Every DfE census code with its ONS category label and group; labels are matched as text too.
 * Chinese sits in the Asian group as in ONS 2021.
 */
export const ETHNICITIES: readonly {
  code: string;
  label: string;
  group: EthnicGroup;
  synonyms?: readonly string[];
}[] = [
  {
    code: "WBRI",
    label: "White British",
    group: "White",
    synonyms: [
      "English, Welsh, Scottish, Northern Irish or British",
      "White - British",
      "White English",
      "British",
    ],
  },
  { code: "WIRI", label: "White Irish", group: "White", synonyms: ["Irish"] },
  {
    code: "WIRT",
    label: "Gypsy or Irish Traveller",
    group: "White",
    synonyms: ["Traveller of Irish heritage", "Gypsy/Roma"],
  },
  { code: "WROM", label: "Roma", group: "White" },
  {
    code: "WOTH",
    label: "Any other White background",
    group: "White",
    synonyms: ["Other White", "White other", "White - other"],
  },
  { code: "MWBC", label: "White and Black Caribbean", group: "Mixed" },
  { code: "MWBA", label: "White and Black African", group: "Mixed" },
  { code: "MWAS", label: "White and Asian", group: "Mixed" },
  {
    code: "MOTH",
    label: "Any other Mixed background",
    group: "Mixed",
    synonyms: ["Other Mixed", "Mixed other", "Any other mixed or multiple ethnic background"],
  },
  { code: "AIND", label: "Indian", group: "Asian" },
  { code: "APKN", label: "Pakistani", group: "Asian" },
  { code: "ABAN", label: "Bangladeshi", group: "Asian" },
  { code: "CHNE", label: "Chinese", group: "Asian" },
  { code: "AOTH", label: "Any other Asian background", group: "Asian", synonyms: ["Other Asian"] },
  { code: "BCRB", label: "Black Caribbean", group: "Black", synonyms: ["Caribbean"] },
  { code: "BAFR", label: "Black African", group: "Black", synonyms: ["African"] },
  {
    code: "BOTH",
    label: "Any other Black background",
    group: "Black",
    synonyms: ["Other Black", "Any other Black, Black British or Caribbean background"],
  },
  { code: "OARA", label: "Arab", group: "Other" },
  {
    code: "OOTH",
    label: "Any other ethnic group",
    group: "Other",
    synonyms: ["Other ethnic group", "Other"],
  },
];

/**
 * Free text not in the table above falls to its ONS group by the words in it, first match wins
 * (so "White and Black Caribbean" is Mixed before it is White or Black).
 */
export const ETHNIC_GROUP_WORDS: readonly { words: RegExp; group: EthnicGroup }[] = [
  { words: /mixed|multiple|dual heritage|white and /i, group: "Mixed" },
  { words: /white|irish|gypsy|traveller|roma|british/i, group: "White" },
  { words: /asian|indian|pakistani|bangladeshi|chinese/i, group: "Asian" },
  { words: /black|african|caribbean/i, group: "Black" },
  { words: /arab|other ethnic/i, group: "Other" },
];

/** A lookup from matchKey(synonym) to a value, built once per table. */
export function lookupTable<T>(entries: Iterable<[readonly string[], T]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [synonyms, value] of entries) {
    for (const s of synonyms) {
      const key = matchKey(s);
      if (!map.has(key)) map.set(key, value);
    }
  }
  return map;
}

export const ROLE_BY_KEY = lookupTable(
  ROLE_LADDER.map((r) => [[r.code, r.label, ...r.synonyms], r.code] as const)
);
export const WORKER_TYPE_BY_KEY = lookupTable(
  WORKER_TYPES.map((w) => [[w.type, ...w.synonyms], w] as const)
);
export const NOT_KNOWN_KEYS = new Set(NOT_KNOWN.map(matchKey));
export const GENDER_BY_KEY = lookupTable(GENDER_VALUES.map((g) => [g.synonyms, g.value] as const));
export const YES_NO_BY_KEY = lookupTable(YES_NO_VALUES.map((v) => [v.synonyms, v.value] as const));
export const HETEROSEXUAL_KEYS = new Set(HETEROSEXUAL.map(matchKey));
export const ETHNICITY_BY_KEY = lookupTable(
  ETHNICITIES.map((e) => [[e.code, e.label, ...(e.synonyms ?? [])], e] as const)
);

export function roleLabel(code: RoleCode): string {
  return ROLE_LADDER.find((r) => r.code === code)!.label;
}
