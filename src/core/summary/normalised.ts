/**
 * The normalised staff table the summary's formulas read (`scrutiny-summary.md`, "Live
 * formulas"): one row per usable staff row, every value canonical (team in its common
 * spelling, role code, how the worker counts, dates as dates, equality fields as categories),
 * so COUNTIFS and SUMIFS see through a messy HR extract. It lives on a sheet the product owns.
 */
import { ENGLAND } from "../comparators/england";
import type { ComparatorRow } from "../comparators/user-comparators";
import type { PostsTable, StaffTable } from "../ingest";
import type { StaffRecord } from "../staff";
import { cellAddress, type CellSpec, type SheetSpec, type TableSpec } from "./plan";
import { Population } from "../measures/population";
import { fteSocialWorkers } from "../measures/workforce";
import {
  COMPARATORS_TABLE,
  COUNTS_LABEL,
  ENGLAND_TABLE,
  NAMES,
  NORMALISED_COLUMNS,
  POSTS_TABLE,
  STAFF_TABLE,
} from "./names";
import { inPost, is, SOCIAL_WORKERS, text } from "./formulas";
import type { SummaryKeys } from "./keys";

function recordRow(r: StaffRecord, first: boolean, keys: SummaryKeys): CellSpec[] {
  const date = (v: number | null): CellSpec => ({ value: v, format: "dd/mm/yyyy" });
  return [
    { value: r.row },
    { value: r.staffId },
    { value: first ? 1 : 0 },
    { value: r.team },
    { value: keys.team(r.team) },
    { value: r.role },
    { value: keys.role(r.role) },
    { value: r.workerType },
    { value: COUNTS_LABEL[r.counts] },
    { value: r.counts === "socialWorker" || r.counts === "agency" ? 1 : 0 },
    { value: r.fte, format: "0.00" },
    date(r.start),
    date(r.leave),
    { value: r.leave === null ? null : (r.leavingReason ?? "Not recorded") },
    { value: r.leave === null ? null : keys.reason(r.leavingReason) },
    date(r.birth),
    { value: r.birth === null ? r.age : null },
    { value: r.gender },
    { value: r.ethnicGroup },
    { value: r.disability },
    { value: r.sexualOrientation },
    { value: r.caseload },
    { value: r.sicknessDays },
  ];
}

export interface NormalisedData {
  sheet: SheetSpec;
  /** Rows of the staff table (for the provenance line). */
  rows: number;
}

/** The posts table aggregated by team and role code: the establishment the vacancy formulas read. */
export function postGroups(posts: PostsTable): { team: string; role: string; funded: number }[] {
  const groups = new Map<string, { team: string; role: string; funded: number }>();
  for (const p of posts.records) {
    const key = `${p.teamKey}\u0000${p.role}`;
    const g = groups.get(key) ?? { team: p.team, role: p.role, funded: 0 };
    g.funded += p.fundedFte;
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** The user's comparators as the summary reads them: rates as fractions, "n/a" for no figure. */
export const COMPARATOR_FIELDS: readonly [string, keyof ComparatorRow, string?][] = [
  ["Area", "area"],
  ["Census year", "year", "0"],
  ["FTE social workers", "fte", "0.0"],
  ["Vacancy rate", "vacancyRate", "0.0%"],
  ["Agency rate", "agencyRate", "0.0%"],
  ["Turnover rate", "turnoverRate", "0.0%"],
  ["Average caseload", "averageCaseload", "0.0"],
];

export function normalisedSheet(
  staff: StaffTable,
  posts: PostsTable | null,
  asOf: number,
  keys: SummaryKeys,
  comparators: readonly ComparatorRow[] = []
): NormalisedData {
  const seen = new Set<string>();
  const body = staff.records.map((r) => {
    const first = !seen.has(r.personKey);
    seen.add(r.personKey);
    return recordRow(r, first, keys);
  });
  const header: CellSpec[] = NORMALISED_COLUMNS.map(([name]) => ({ value: name, style: "header" }));
  const tables: TableSpec[] = [
    {
      name: STAFF_TABLE,
      row: 2,
      column: 0,
      cells: [header, ...(body.length ? body : [NORMALISED_COLUMNS.map(() => ({ value: null }))])],
      style: "TableStyleLight1",
    },
  ];

  const right = NORMALISED_COLUMNS.length + 1;
  if (posts) {
    const groups = postGroups(posts);
    const data = { staff: staff.records, present: staff.present, posts: posts.records };
    tables.push({
      name: POSTS_TABLE,
      row: 2,
      column: right,
      style: "TableStyleLight1",
      cells: [
        ["Team", "Team key", "Role", "Role key", "Funded FTE", "Filled FTE", "Vacant FTE"].map(
          (value) => ({
            value,
            style: "header" as const,
          })
        ),
        ...groups.map((g, i) => {
          const filled = fteSocialWorkers(
            new Population(data, { asOf, team: g.team, role: g.role })
          );
          const funded = cellAddress(3 + i, right + 4);
          const filledCell = cellAddress(3 + i, right + 5);
          const team = keys.team(g.team);
          const role = keys.role(g.role);
          return [
            { value: g.team },
            { value: team },
            { value: g.role },
            { value: role },
            { value: g.funded, format: "0.0" },
            {
              formula: `=${inPost("FTE", [SOCIAL_WORKERS, is("Team key", text(team)), is("Role key", text(role))], NAMES.asOf)}`,
              value: filled,
              format: "0.0",
            },
            {
              formula: `=MAX(0,${funded}-${filledCell})`,
              value: Math.max(0, g.funded - filled),
              format: "0.0",
            },
          ];
        }),
      ],
    });
  }
  const englandColumn = right + (posts ? 8 : 0);
  tables.push({
    name: ENGLAND_TABLE,
    row: 2,
    column: englandColumn,
    style: "TableStyleLight1",
    cells: [
      [
        "Census year",
        "FTE",
        "Vacancy FTE",
        "Vacancy rate",
        "Agency FTE",
        "Agency rate",
        "Turnover rate",
        "Average caseload",
        "Leavers FTE",
        "Starters FTE",
      ].map((value) => ({ value, style: "header" as const })),
      ...ENGLAND.map((e) => [
        // DfE published no figure: "n/a", which the summary's INDEX/MATCH passes on as it is.
        { value: e.year },
        { value: e.fte ?? "n/a", format: "0.0" },
        { value: e.vacancyFte ?? "n/a", format: "0.0" },
        { value: e.vacancyRate ?? "n/a", format: "0.0%" },
        { value: e.agencyFte ?? "n/a", format: "0.0" },
        { value: e.agencyRate ?? "n/a", format: "0.0%" },
        { value: e.turnoverRate ?? "n/a", format: "0.0%" },
        { value: e.averageCaseload ?? "n/a", format: "0.0" },
        { value: e.leaversFte ?? "n/a", format: "0.0" },
        { value: e.startersFte ?? "n/a", format: "0.0" },
      ]),
    ],
  });
  if (comparators.length) {
    // The area is matched on its key (`keys.ts`), written beside it.
    const figures = COMPARATOR_FIELDS.slice(1);
    tables.push({
      name: COMPARATORS_TABLE,
      row: 2,
      column: englandColumn + 11,
      style: "TableStyleLight1",
      cells: [
        ["Area", "Area key", ...figures.map(([label]) => label)].map((value) => ({
          value,
          style: "header" as const,
        })),
        ...comparators.map((c) => [
          { value: c.area },
          { value: keys.area(c.area) },
          ...figures.map(([, field, format]) => ({
            value: c[field] ?? "n/a",
            ...(format ? { format } : {}),
          })),
        ]),
      ],
    });
  }
  return {
    rows: body.length,
    sheet: {
      key: "data",
      preferredName: "Workforce data",
      blocks: [
        {
          row: 0,
          column: 0,
          cells: [
            [
              {
                value:
                  "The staff table as Workforce Scrutiny read it (one row per usable row of the raw table, values made canonical). The summary's formulas read this sheet; rebuild or refresh to update it. Do not edit: edit the raw table.",
                style: "note",
              },
            ],
          ],
        },
        {
          row: 0,
          column: englandColumn,
          cells: [
            [
              {
                value: `England: DfE, Children's social work workforce (census years ${ENGLAND[0].year}–${ENGLAND[ENGLAND.length - 1].year}).`,
                style: "note",
              },
            ],
          ],
        },
      ],
      tables,
      charts: [],
      names: [],
      validations: [],
      columnWidths: NORMALISED_COLUMNS.map(([name]) => Math.max(10, name.length + 2)),
      freezeRows: 3,
    },
  };
}
