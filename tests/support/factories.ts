/** Test data factories: a staff row with sensible defaults, overridden per test. */
import { serialFromYmd } from "../../src/core/dates";

export const HEADER = [
  "Staff ID",
  "Team",
  "Role",
  "Worker type",
  "FTE",
  "Start date",
  "Leave date",
  "Leaving reason",
  "Date of birth",
  "Gender",
  "Ethnicity",
  "Disability",
  "Sexual orientation",
  "Caseload",
  "Sickness days",
];

export interface StaffRow {
  id: string;
  team: string;
  role: string;
  type: string;
  fte: unknown;
  start: unknown;
  leave: unknown;
  reason: unknown;
  dob: unknown;
  gender: unknown;
  ethnicity: unknown;
  disability: unknown;
  orientation: unknown;
  caseload: unknown;
  sickness: unknown;
}

let next = 1;
export const d = serialFromYmd;

export function createStaff(overrides: Partial<StaffRow> = {}): StaffRow {
  return {
    id: `S${next++}`,
    team: "North",
    role: "Social worker",
    type: "Permanent",
    fte: 1,
    start: d(2015, 1, 5),
    leave: null,
    reason: null,
    dob: d(1985, 6, 1),
    gender: "Female",
    ethnicity: "White British",
    disability: "No",
    orientation: "Heterosexual",
    caseload: 15,
    sickness: 0,
    ...overrides,
  };
}

export function staffGrid(rows: StaffRow[]): unknown[][] {
  return [
    HEADER,
    ...rows.map((r) => [
      r.id,
      r.team,
      r.role,
      r.type,
      r.fte,
      r.start,
      r.leave,
      r.reason,
      r.dob,
      r.gender,
      r.ethnicity,
      r.disability,
      r.orientation,
      r.caseload,
      r.sickness,
    ]),
  ];
}
