/** The canonical staff record and posts record that every measure reads. */
import type {
  EthnicGroup,
  Gender,
  Orientation,
  RoleCode,
  WorkerClass,
  WorkerType,
  YesNo,
} from "./vocabulary";

export interface StaffRecord {
  /** The sheet's row number. */
  row: number;
  staffId: string;
  /** Who the row is, for counts of people: the staff ID matched loosely, or the row for a vacant post. */
  personKey: string;
  /** The team in its most common spelling; `teamKey` is what matching uses. */
  team: string;
  teamKey: string;
  /** The ladder code, or the role's own text when it is not on the ladder. */
  role: string;
  roleCode: RoleCode | null;
  workerType: WorkerType;
  counts: WorkerClass;
  fte: number;
  /** Excel date serials; `start` is null only on a Vacant row. */
  start: number | null;
  leave: number | null;
  /** As recorded, trimmed; reasons that differ only in case or spaces share their most common spelling. */
  leavingReason: string | null;
  birth: number | null;
  /** Age in whole years as given, when there is no date of birth. */
  age: number | null;
  gender: Gender;
  ethnicity: string;
  ethnicGroup: EthnicGroup | "Not known";
  disability: YesNo;
  sexualOrientation: Orientation;
  caseload: number | null;
  sicknessDays: number | null;
}

export interface PostRecord {
  row: number;
  team: string;
  teamKey: string;
  role: string;
  roleCode: RoleCode | null;
  fundedFte: number;
}

/** Which optional columns the data has: a measure over a missing column is not available. */
export interface StaffColumnsPresent {
  leaveDate: boolean;
  leavingReason: boolean;
  dateOfBirth: boolean;
  age: boolean;
  gender: boolean;
  ethnicity: boolean;
  disability: boolean;
  sexualOrientation: boolean;
  caseload: boolean;
  sicknessDays: boolean;
}
