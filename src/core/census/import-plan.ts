/**
 * "Import census file": a census return written as a staff table the user owns (readable
 * values, canonical headers), on a sheet of its own. Handed to the user: never replaced.
 */
import type { WorkbookPlan, CellSpec } from "../summary/plan";
import type { CensusReadResult } from "./read";

const DATE_HEADERS = new Set(["Start date", "Leave date", "Date of birth"]);

export function censusStaffPlan(census: CensusReadResult): WorkbookPlan {
  const [header, ...rows] = census.grid as unknown[][];
  const names = header.map(String);
  const cells: CellSpec[][] = [
    names.map((value) => ({ value, style: "header" as const })),
    ...(rows.length ? rows : [names.map(() => null)]).map((row) =>
      names.map((name, i) => ({
        value: (row[i] ?? null) as CellSpec["value"],
        ...(DATE_HEADERS.has(name) ? { format: "dd/mm/yyyy" } : {}),
      }))
    ),
  ];
  const note = `Imported from a CSWW census return${census.lea ? ` (LA ${census.lea}` : " ("}${census.year ? `, collection year ${census.year}` : ""}): ${census.workers} workers${census.vacancyFte !== null ? `; LA-level vacancies ${census.vacancyFte} FTE` : ""}. Codes are shown as readable values.`;
  return {
    sheets: [
      {
        key: "census-staff",
        preferredName: `Census staff${census.year ? ` ${census.year}` : ""}`,
        blocks: [{ row: 0, column: 0, cells: [[{ value: note, style: "note" }]] }],
        tables: [{ name: "CensusStaff", row: 2, column: 0, cells, style: "TableStyleMedium2" }],
        charts: [],
        names: [],
        validations: [],
        columnWidths: names.map((n) => Math.max(12, n.length + 3)),
        freezeRows: 3,
      },
    ],
  };
}
