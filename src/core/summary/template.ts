/**
 * The staff-data template ("Insert staff data template", `scrutiny-summary.md`): empty staff and
 * posts Excel tables with the canonical headers, drop-down lists for role, worker type and
 * yes/no, date and number formats, and a short "how to fill this in" note.
 */
import { POSTS_COLUMNS, STAFF_COLUMNS, type StaffColumn } from "../columns";
import { COMPARATOR_COLUMNS } from "../comparators/user-comparators";
import { ROLE_LADDER, WORKER_TYPES } from "../vocabulary";
import type { CellSpec, SheetSpec, ValidationSpec, WorkbookPlan } from "./plan";

export const TEMPLATE_ROWS = 200;

const FORMATS: Partial<Record<StaffColumn, string>> = {
  startDate: "dd/mm/yyyy",
  leaveDate: "dd/mm/yyyy",
  dateOfBirth: "dd/mm/yyyy",
  fte: "0.00",
  caseload: "0",
  sicknessDays: "0.0",
  age: "0",
};

const ROLES = ROLE_LADDER.map((r) => r.label);
const LISTS: Partial<Record<StaffColumn, string[]>> = {
  role: ROLES,
  workerType: WORKER_TYPES.map((w) => w.type),
  disability: ["Yes", "No", "Not known"],
  gender: ["Female", "Male", "Other", "Not known"],
};

const HOW_TO = [
  "How to fill this in: one row per worker (agency workers, apprentices, students and trainees included; one row per vacant post only if you have no posts table).",
  "Required: Staff ID, Team, Role, Worker type, FTE (0 to 1: 0.5 is half-time, not hours) and Start date. Leave the leave date blank while the person is in post.",
  "Dates as dates (30/09/2023). Role and worker type from the drop-down lists. Equality fields may say Not known. Caseload: cases held now; Sickness days: days lost in the year.",
  "Posts sheet: the funded establishment, one row per team and role with its funded FTE; it gives the vacancy figures.",
];

function templateSheet(
  key: "staff-template" | "posts-template" | "comparators-template",
  name: string,
  tableName: string,
  columns: readonly { key: string; label: string; required: boolean }[],
  note: string[]
): SheetSpec {
  const headerRow = note.length + 1;
  const header: CellSpec[] = columns.map((c) => ({ value: c.label, style: "header" }));
  const body: CellSpec[][] = Array.from({ length: TEMPLATE_ROWS }, () =>
    columns.map((c) => ({
      value: null,
      ...(FORMATS[c.key as StaffColumn] ? { format: FORMATS[c.key as StaffColumn] } : {}),
    }))
  );
  const validations: ValidationSpec[] = [];
  columns.forEach((c, i) => {
    const list = key === "posts-template" && c.key === "role" ? ROLES : LISTS[c.key as StaffColumn];
    if (list && (key === "staff-template" || c.key === "role")) {
      validations.push({
        range: { row: headerRow + 1, column: i, rows: TEMPLATE_ROWS, columns: 1 },
        list,
        prompt: `Choose a ${c.label.toLowerCase()}`,
      });
    }
  });
  return {
    key,
    preferredName: name,
    blocks: [{ row: 0, column: 0, cells: note.map((value) => [{ value, style: "note" }]) }],
    tables: [
      {
        name: tableName,
        row: headerRow,
        column: 0,
        cells: [header, ...body],
        style: "TableStyleMedium2",
      },
    ],
    charts: [],
    names: [],
    validations,
    columnWidths: columns.map((c) => Math.max(12, c.label.length + 4)),
    freezeRows: headerRow + 1,
  };
}

export function buildTemplatePlan(): WorkbookPlan {
  const staffColumns = STAFF_COLUMNS.filter((c) => c.key !== "age");
  return {
    sheets: [
      templateSheet("staff-template", "Staff", "Staff", staffColumns, HOW_TO),
      templateSheet("posts-template", "Posts", "Posts", POSTS_COLUMNS, [HOW_TO[3]]),
      templateSheet("comparators-template", "Comparators", "Comparators", COMPARATOR_COLUMNS, [
        "Comparators (optional): paste DfE's published figures for a region, your statistical neighbours or another LA, one row per area and census year. Rates as DfE prints them (14.2) or as fractions (0.142); c, x, z or blank for no figure. The summary shows each area as a column beside England.",
      ]),
    ],
  };
}
