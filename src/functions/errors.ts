/**
 * The errors a WORKFORCE function can give, and their texts, in one place. Excel shows a
 * message only with #VALUE! and #N/A; #DIV/0! carries none.
 */
export type ExcelErrorKind = "div0" | "na" | "value";

export class WorkforceFunctionError extends Error {
  constructor(
    readonly kind: ExcelErrorKind,
    message: string
  ) {
    super(message);
    this.name = "WorkforceFunctionError";
  }
}

export const MESSAGES = {
  notANumber: (arg: string, found: unknown) => `${arg} must be a number; found "${String(found)}"`,
  negative: (arg: string) => `${arg} must be 0 or more`,
  noHeader:
    "the staff range has no header row with Staff ID, Team, Role, Worker type, FTE and Start date: select the table with its header row",
  missingColumns: (list: string) =>
    `the staff range has no ${list} column: include the header row, or rename the column`,
  badAsOf: (found: unknown) =>
    `the as-of date "${String(found)}" is not a date: use a date cell, 2022-09-30 or 30/09/2022`,
  noDates:
    "the staff range has no start or leave dates, so there is no default as-of date: give one",
  unknownMeasure: (name: string) =>
    `unknown measure "${name}": use a name such as "vacancyRate", "turnoverRate" or "averageCaseload"`,
  badUnit: (found: unknown) => `unit must be "FTE" or "headcount"; found "${String(found)}"`,
  badPosts: "the posts range has no header row with Team, Role and Funded FTE",
  unknownDfeMeasure: (name: string) =>
    `unknown measure "${name}": use vacancyRate, agencyRate, agencyCoverRate, turnoverRate, averageCaseload, absenceRate, fteSocialWorkers, startersFte or leaversFte`,
  noNeighbours: (la: string) =>
    `no statistical neighbours found for "${la}": give a local authority's name, E-code or LA number`,
  badYear: (found: unknown) => `year must be a census year such as 2023; found "${String(found)}"`,
  tableNeeded: (fn: string) =>
    `${fn} needs the staff table (with its header row) as its first argument`,
} as const;

export const fail = (kind: ExcelErrorKind, message: string): never => {
  throw new WorkforceFunctionError(kind, message);
};

/**
 * The error Excel should see: a CustomFunctions.Error inside Office, the plain error elsewhere
 * (tests and other engines map WorkforceFunctionError themselves).
 */
export function toHostError(error: unknown): unknown {
  const cf = (globalThis as unknown as { CustomFunctions?: typeof CustomFunctions })
    .CustomFunctions;
  if (!cf) return error;
  if (error instanceof WorkforceFunctionError) {
    if (error.kind === "div0") return new cf.Error(cf.ErrorCode.divisionByZero);
    const code = error.kind === "na" ? cf.ErrorCode.notAvailable : cf.ErrorCode.invalidValue;
    return new cf.Error(code, error.message);
  }
  return new cf.Error(
    cf.ErrorCode.invalidValue,
    "unexpected error: please report it with the workbook's shape (no data)"
  );
}
