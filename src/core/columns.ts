/**
 * The columns of the raw staff and posts tables, with the header synonyms of `columns.md`.
 * Data, not code: add a synonym here and every host recognises it.
 */

export type StaffColumn =
  | "staffId"
  | "team"
  | "role"
  | "workerType"
  | "fte"
  | "startDate"
  | "leaveDate"
  | "leavingReason"
  | "dateOfBirth"
  | "age"
  | "gender"
  | "ethnicity"
  | "disability"
  | "sexualOrientation"
  | "caseload"
  | "sicknessDays";

export type PostsColumn = "team" | "role" | "fundedFte";

export interface ColumnSpec<K extends string> {
  key: K;
  /** The canonical header, as the template writes it. */
  label: string;
  required: boolean;
  synonyms: readonly string[];
  /** What a value should look like, for problem reports. */
  expected: string;
}

export const STAFF_COLUMNS: readonly ColumnSpec<StaffColumn>[] = [
  {
    key: "staffId",
    label: "Staff ID",
    required: true,
    expected: "a staff ID (text or number)",
    synonyms: [
      "Employee No",
      "Employee Number",
      "Employee ID",
      "Person ID",
      "Payroll No",
      "Payroll Number",
      "Worker ID",
      "ID",
      "Staff No",
      "Staff Number",
    ],
  },
  {
    key: "team",
    label: "Team",
    required: true,
    expected: "a team name",
    synonyms: ["Service", "Service Area", "Team Name", "Locality", "Department", "Unit"],
  },
  {
    key: "role",
    label: "Role",
    required: true,
    expected:
      "a role (ASYE, Social worker, Senior social worker, Advanced practitioner, Team manager, Senior manager)",
    synonyms: ["Grade", "Job Title", "Post", "Position", "Job Role", "Post Title"],
  },
  {
    key: "workerType",
    label: "Worker type",
    required: true,
    expected:
      "Permanent, Fixed term, Agency, Apprentice, Student, Step Up, Frontline trainee or Vacant",
    synonyms: [
      "Employment Type",
      "Contract",
      "Contract Type",
      "Employment Status",
      "Worker Status",
      "Agency/Permanent",
      "Type",
    ],
  },
  {
    key: "fte",
    label: "FTE",
    required: true,
    expected: "a full-time equivalent above 0 and at most 1 (for example 0.6)",
    synonyms: ["Full Time Equivalent", "WTE", "FTE Value", "Hours (FTE)", "Whole Time Equivalent"],
  },
  {
    key: "startDate",
    label: "Start date",
    required: true,
    expected: "a date such as 30/09/2022, 2022-09-30 or 30 Sep 2022",
    synonyms: [
      "Date Started",
      "Employment Start",
      "Employment Start Date",
      "Continuous Service Date",
      "Hire Date",
      "Role Start Date",
    ],
  },
  {
    key: "leaveDate",
    label: "Leave date",
    required: false,
    expected: "a date such as 30/09/2022, or blank",
    synonyms: ["Leaving Date", "End Date", "Termination Date", "Date Left", "Role End Date"],
  },
  {
    key: "leavingReason",
    label: "Leaving reason",
    required: false,
    expected: "text",
    synonyms: ["Reason for Leaving", "Leaver Reason", "Termination Reason", "Reason Leave"],
  },
  {
    key: "dateOfBirth",
    label: "Date of birth",
    required: false,
    expected: "a date of birth such as 14/03/1985",
    synonyms: ["DOB", "Birth Date", "Person Birth Date"],
  },
  {
    key: "age",
    label: "Age",
    required: false,
    expected: "an age in whole years (16 to 100)",
    synonyms: ["Age at Census", "Age (years)"],
  },
  {
    key: "gender",
    label: "Gender",
    required: false,
    expected: "Female, Male, another identity, or not known",
    synonyms: ["Sex", "Gender Identity", "Gender Current"],
  },
  {
    key: "ethnicity",
    label: "Ethnicity",
    required: false,
    expected: "an ONS ethnic group (e.g. Pakistani) or a DfE code (e.g. APKN)",
    synonyms: ["Ethnic Origin", "Ethnic Group", "Ethnicity Description"],
  },
  {
    key: "disability",
    label: "Disability",
    required: false,
    expected: "Yes, No or not known",
    synonyms: ["Disabled", "Disability Status"],
  },
  {
    key: "sexualOrientation",
    label: "Sexual orientation",
    required: false,
    expected: "text or not known",
    synonyms: ["Sexuality"],
  },
  {
    key: "caseload",
    label: "Caseload",
    required: false,
    expected: "a whole number of cases, 0 or more",
    synonyms: [
      "Cases",
      "Cases Held",
      "Current Caseload",
      "No of Cases",
      "Number of Cases",
      "Cases30",
    ],
  },
  {
    key: "sicknessDays",
    label: "Sickness days",
    required: false,
    expected: "a number of days, 0 or more",
    synonyms: ["Days Sick", "Sickness Absence Days", "Days Lost", "Working Days Lost"],
  },
];

export const POSTS_COLUMNS: readonly ColumnSpec<PostsColumn>[] = [
  {
    key: "team",
    label: "Team",
    required: true,
    expected: "a team name",
    synonyms: STAFF_COLUMNS[1].synonyms,
  },
  {
    key: "role",
    label: "Role",
    required: true,
    expected: STAFF_COLUMNS[2].expected,
    synonyms: STAFF_COLUMNS[2].synonyms,
  },
  {
    key: "fundedFte",
    label: "Funded FTE",
    required: true,
    expected: "a funded FTE, 0 or more",
    synonyms: [
      "Establishment",
      "Budgeted FTE",
      "Establishment FTE",
      "Posts FTE",
      "Funded Posts",
      "FTE",
    ],
  },
];
