/**
 * The code sets of DfE's Children's Social Work Workforce (CSWW) census, 2022 schema
 * (`schemas/csww/csww-census-2022.xsd`), as data: each code with the documentation text the
 * schema gives it. `tests/census/codes.test.ts` checks these tables against the schema's
 * enumerations. Readable labels follow the product's vocabulary where it has one (ethnicity
 * labels from `ETHNICITIES`, roles from `ROLE_LADDER`).
 */
import { matchKey } from "../text";
import { ETHNICITIES, type EthnicGroup, type RoleCode, type WorkerType } from "../vocabulary";

export interface CensusCode {
  code: string;
  /** The schema's documentation text for the code. */
  label: string;
}

export type CodeSet = readonly CensusCode[];

/** AgencyWorker (agencyworkertype). */
export const AGENCY_WORKER: CodeSet = [
  { code: "0", label: "Not an Agency Worker" },
  { code: "1", label: "Agency Worker" },
];

/**
 * The worker type each AgencyWorker code is read as. The census does not say whether a
 * non-agency worker is permanent or on a fixed-term contract; both count as social workers
 * (`metrics.md`), so 0 is read as Permanent.
 */
export const WORKER_TYPE_OF_AGENCY_CODE: Readonly<Record<string, WorkerType>> = {
  "0": "Permanent",
  "1": "Agency",
};

/** GenderCurrent (gendertype). */
export const GENDER_CURRENT: CodeSet = [
  { code: "0", label: "Not Known" },
  { code: "1", label: "Male" },
  { code: "2", label: "Female" },
  { code: "9", label: "Not Specified" },
];

/** The text the reader writes for each GenderCurrent code: ingest reads 0 and 9 as not known. */
export const GENDER_TEXT: Readonly<Record<string, string>> = {
  "0": "Not known",
  "1": "Male",
  "2": "Female",
  "9": "Not specified",
};

/**
 * Ethnicity (ethnicitytype): the schema's 18 codes. Labels are the product's own (`ETHNICITIES`
 * in vocabulary.ts) where it has the code, so "BAFR" reads as "Black African" and the equality
 * measures group it as ingest does; REFU and NOBT keep the schema's text, which ingest reads as
 * not known.
 */
const ETHNICITY_SCHEMA: CodeSet = [
  { code: "WBRI", label: "White British" },
  { code: "WIRI", label: "White Irish" },
  { code: "WOTH", label: "Any Other White Background" },
  { code: "MWBC", label: "White and Black Caribbean" },
  { code: "MWBA", label: "White and Black African" },
  { code: "MWAS", label: "White and Asian" },
  { code: "MOTH", label: "Any Other Mixed Background" },
  { code: "AIND", label: "Indian" },
  { code: "APKN", label: "Pakistani" },
  { code: "ABAN", label: "Bangladeshi" },
  { code: "AOTH", label: "Any Other Asian Background" },
  { code: "BCRB", label: "Black Caribbean" },
  { code: "BAFR", label: "Black African" },
  { code: "BOTH", label: "Any Other Black Background" },
  { code: "CHNE", label: "Chinese" },
  { code: "OOTH", label: "Any Other Ethnic Group" },
  { code: "REFU", label: "Declared not stated or Refused" },
  { code: "NOBT", label: "Information Not Yet Obtained" },
];

/** Ethnicity codes with the schema's documentation text (what the XSD says). */
export const ETHNICITY_SCHEMA_CODES: CodeSet = ETHNICITY_SCHEMA;

/** Ethnicity codes with the readable label the reader writes (the product's label where it has one). */
export const ETHNICITY: CodeSet = ETHNICITY_SCHEMA.map((e) => ({
  code: e.code,
  label: ETHNICITIES.find((v) => v.code === e.code)?.label ?? e.label,
}));

/**
 * What the writer puts for a record whose ethnicity has no code in the 2022 census: the
 * product's codes the census lacks (Gypsy or Irish Traveller, Roma, Arab) and free text, by
 * ONS group: "any other" of the same group, so the ethnic minority share is unchanged.
 */
export const ETHNICITY_FOR_GROUP: Readonly<Record<EthnicGroup, string>> = {
  White: "WOTH",
  Mixed: "MOTH",
  Asian: "AOTH",
  Black: "BOTH",
  Other: "OOTH",
};

/** What the writer puts for an ethnicity that is not known (REFU and NOBT both read as not known). */
export const ETHNICITY_NOT_KNOWN = "NOBT";

/** QualLevel (qualtype). */
export const QUAL_LEVEL: CodeSet = [
  { code: "1", label: "Under-graduate" },
  { code: "2", label: "Post-graduate" },
  { code: "3", label: "Other" },
];

/** StepUpGrad, FrontlineGrad, Absat30Sept (yesnotype). */
export const YES_NO: CodeSet = [
  { code: "0", label: "No" },
  { code: "1", label: "Yes" },
];

/**
 * OrgRole (roletype). The schema spells code 4 "Senior Practicioner"; the label here is
 * corrected (the codes test allows for it).
 */
export const ORG_ROLE: CodeSet = [
  { code: "1", label: "Senior Manager" },
  { code: "2", label: "Middle Manager" },
  { code: "3", label: "First Line Manager" },
  { code: "4", label: "Senior Practitioner" },
  { code: "5", label: "Case Holder" },
  { code: "6", label: "Qualified Without Cases" },
];

/**
 * OrgRole → the product's role ladder (a reading, written down):
 * - 1 Senior Manager → SM (heads of service and above).
 * - 2 Middle Manager → SM. DfE's census treats middle managers as the managers above the first
 *   line (service managers and the like, who manage team managers); the ladder's SM ("Senior
 *   manager": Service Manager, Head of Service, Group Manager) is that level. TM is the first line.
 * - 3 First Line Manager → TM (team managers, practice supervisors).
 * - 4 Senior Practitioner → AP (the ladder already lists "Senior Practitioner" under AP).
 * - 5 Case Holder → SW1.
 * - 6 Qualified Without Cases → SW1: a qualified social worker in a non-case-holding post is
 *   still a social worker in DfE's counts; the census text is kept in the reader's "Census role".
 * The census has no ASYE role and no senior social worker grade: neither is ever read.
 */
export const LADDER_OF_ORG_ROLE: Readonly<Record<string, RoleCode>> = {
  "1": "SM",
  "2": "SM",
  "3": "TM",
  "4": "AP",
  "5": "SW1",
  "6": "SW1",
};

/**
 * The ladder → OrgRole, for writing. ASYE, SW1 and SW2 are practitioners: 5 Case Holder, or
 * 6 Qualified Without Cases for a worker in post holding no cases (caseload exactly 0). SM is
 * written as 2 Middle Manager: the ladder's senior manager is the service-manager level; a
 * director or head of service (OrgRole 1) cannot be told apart once the role is on the ladder.
 */
export const ORG_ROLE_OF_LADDER: Readonly<Record<RoleCode, string>> = {
  ASYE: "5",
  SW1: "5",
  SW2: "5",
  AP: "4",
  TM: "3",
  SM: "2",
};
export const ORG_ROLE_WITHOUT_CASES = "6";

/** StartOrigin (origintype). */
export const START_ORIGIN: CodeSet = [
  { code: "1", label: "Newly Qualified Social Workers" },
  { code: "2", label: "Social Worker Role in a Different Local Authority in England" },
  { code: "3", label: "Social Worker Role Outside England" },
  { code: "4", label: "Agency or Consultancy in Social Work (in England)" },
  { code: "5", label: "Other Social Work Role Non-local Authority (in England)" },
  {
    code: "6",
    label: "Other Social Care Role in Local Authority/Non-local Authority (in England)",
  },
  {
    code: "7",
    label: "Non-social Care Role/Any Role Outside England/No Employment/Career Break",
  },
  { code: "8", label: "Other" },
  { code: "9", label: "Not Known" },
  { code: "10", label: "Not Yet Collected" },
];

/** LeaverDestination (leavertype). */
export const LEAVER_DESTINATION: CodeSet = [
  { code: "1", label: "Social Worker Role in a Different Local Authority in England" },
  { code: "2", label: "Social Worker Role Outside England" },
  { code: "3", label: "Agency or Consultancy in Social Work (in England)" },
  { code: "4", label: "Other Social Work Role Non-local Authority (in England)" },
  {
    code: "5",
    label: "Other Social Care Role in Local Authority/Non-local Authority (in England)",
  },
  {
    code: "6",
    label: "Non-social Care Role/Any Role Outside England/No Employment/Career Break",
  },
  { code: "7", label: "Other" },
  { code: "8", label: "Not Known" },
  { code: "9", label: "Not Yet Collected" },
];

/** ReasonLeave (reasontype). */
export const REASON_LEAVE: CodeSet = [
  { code: "1", label: "Resignation" },
  { code: "2", label: "Voluntary Redundancy" },
  { code: "3", label: "Compulsory Redundancy" },
  { code: "4", label: "Dismissed" },
  { code: "5", label: "Retired" },
  { code: "6", label: "Deceased" },
  { code: "7", label: "Moved to a Non-child and Family Social Work Role Within LA" },
  { code: "8", label: "Other" },
  { code: "9", label: "Not Known" },
  { code: "10", label: "Not Yet Collected" },
];

/**
 * Leaving-reason texts an HR extract commonly holds, beyond the census labels, with the
 * ReasonLeave code each clearly is. Anything else that is not blank is written as 8 Other (it
 * is a reason, just not one of the census's), with a warning; a blank or not-known reason is
 * 9 Not Known.
 */
export const REASON_LEAVE_SYNONYMS: readonly [string, string][] = [
  ["Resigned", "1"],
  ["Voluntary resignation", "1"],
  ["Resignation (voluntary)", "1"],
  ["Dismissal", "4"],
  ["Retirement", "5"],
  ["Retired (age)", "5"],
  ["Early retirement", "5"],
  ["Ill health retirement", "5"],
  ["Ill-health retirement", "5"],
  ["Death in service", "6"],
  ["Died", "6"],
  ["Death", "6"],
];
export const REASON_LEAVE_OTHER = "8";
export const REASON_LEAVE_NOT_KNOWN = "9";

/** ReasonAbsence (absencetype). */
export const REASON_ABSENCE: CodeSet = [
  { code: "MAT", label: "Maternity/Paternity leave" },
  {
    code: "OTH",
    label:
      "Other Paid Authorised Absence, Such As: Compassionate Leave, Annual Leave Requiring Reallocation Of Cases",
  },
  { code: "PUB", label: "Paid Absence For Public Duties, Such As: Jury Duty" },
  { code: "SIC", label: "Sick Leave" },
  { code: "TRN", label: "Training" },
  { code: "UNA", label: "Unauthorised Absence" },
  { code: "UNP", label: "Unpaid Authorised Absence" },
];

/** CFKSSstatus (cfksstype); the schema's text says "AYSE" for ASYE. */
export const CFKSS_STATUS: CodeSet = [
  { code: "1", label: "Assessed and Supported Year in Employment (AYSE)" },
  { code: "2", label: "Frontline Practitioner" },
  { code: "3", label: "Practice Supervisor" },
  { code: "4", label: "Practice Leader" },
];

/** SWENo (swetype): two letters and ten digits, e.g. SW1234567890. */
export const SWE_NUMBER = /^[A-Za-z]{2}\d{10}$/;
/** What the writer puts in QualInst, which the schema requires, when no institution is known. */
export const QUAL_INST_NOT_KNOWN = "Not known";
/** The placeholder SWE numbers the writer invents for a worker without one (ZZ0000000001, …). */
export const SWE_PLACEHOLDER = /^ZZ\d{10}$/i;

/** LEA (Source): three digits. */
export const LEA_CODE = /^\d{3}$/;

/** The label of a code, or undefined when the code is not in the set. */
export function labelOf(set: CodeSet, code: string): string | undefined {
  return set.find((c) => c.code === code)?.label;
}

/** "1 (Resignation), 2 (Voluntary Redundancy), …": what a problem says was expected. */
export function describeCodes(set: CodeSet, max = 12): string {
  const shown = set.slice(0, max).map((c) => `${c.code} (${c.label})`);
  return shown.join(", ") + (set.length > max ? ", …" : "");
}

/** The code whose label (or synonym) matches the text, ignoring case, spaces and punctuation. */
export function codeByLabel(
  set: CodeSet,
  text: string,
  synonyms: readonly [string, string][] = []
): string | undefined {
  const key = matchKey(text);
  if (key === "") return undefined;
  return (
    set.find((c) => matchKey(c.label) === key)?.code ??
    synonyms.find(([s]) => matchKey(s) === key)?.[1]
  );
}
