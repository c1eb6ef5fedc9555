/**
 * fast-check grids for staff tables: random cells, a real header over random rows, and a real
 * header over rows of mostly good values (so most rows are read, with repeated IDs, teams and
 * leaving reasons spelt several ways, and some bad cells).
 */
import fc from "fast-check";
import { STAFF_COLUMNS } from "../../src/core/columns";

const headerWords = STAFF_COLUMNS.flatMap((c) => [c.label, ...c.synonyms]);
/** Values a column might hold, good and bad, so that most rows parse and some do not. */
const value = fc.oneof(
  fc.constantFrom(
    "Permanent",
    "agency",
    "Vacant",
    "Student",
    "Fixed term",
    "SW1",
    "Team Manager",
    "Made-up role",
    "North",
    " north ",
    "NORTH",
    "South",
    "0.5",
    "1",
    "37",
    "0,5",
    "30/09/2022",
    "2021-01-31",
    "31/02/2022",
    "01/01/1900",
    "44834",
    "00000",
    "01234",
    "99999",
    "12345.5",
    " 45000",
    "Female",
    "Male",
    "Not known",
    "Yes",
    "No",
    "Pakistani",
    "WBRI",
    "Heterosexual",
    "Gay",
    "Retired",
    "retired ",
    "#REF!",
    "=1+1",
    "S1",
    "s1",
    "S2",
    "",
    " "
  ),
  fc.integer({ min: -2, max: 50_000 }),
  fc.constantFrom(0, -0, 0.6, 1, 44834, 40000, 12, null, undefined),
  fc.string({ maxLength: 6 }),
  fc.date({ noInvalidDate: false })
);
const dataRows = fc.array(fc.array(value, { maxLength: 17 }), { maxLength: 40 });
/** Good values for each column, so that most rows of a table with a real header are read. */
const GOOD: Record<string, unknown[]> = {
  "Staff ID": ["S1", "s1", "S2", "S3", " S4", 7, "S5"],
  Team: ["North", " north ", "NORTH", "South", "south", "East  Team", "East Team"],
  Role: ["SW1", "ASYE", "Team Manager", "Made-up role", "Other role"],
  "Worker type": ["Permanent", "Agency", "Vacant", "Student", "Fixed term"],
  FTE: ["1", 0.5, "0.6", "0,5", 1],
  "Start date": [44000, "30/09/2020", "2019-01-31", 40000],
  "Leave date": [null, null, 44500, "31/03/2023", 39000],
  "Leaving reason": [null, "Retired", "retired", " RETIRED", "Moved away", "Moved  away"],
  "Date of birth": [30000, "01/01/1980", null],
  Age: [30, "45", null],
  Gender: ["Female", "Male", "Not known", "f"],
  Ethnicity: ["WBRI", "Pakistani", "Not known", "Any other White background"],
  Disability: ["Yes", "No", "Not known"],
  "Sexual orientation": ["Heterosexual", "Gay", "Not known"],
  Caseload: [0, 12, "18", null, -0],
  "Sickness days": [0, 3.5, "2", null],
};
const tableRows = (header: string[]) =>
  fc.array(
    fc.tuple(
      ...header.map((h) =>
        fc.oneof(
          { weight: 9, arbitrary: fc.constantFrom(...(GOOD[h] ?? [null])) },
          { weight: 1, arbitrary: value }
        )
      )
    ),
    { maxLength: 40 }
  );
export const staffGrid = fc.oneof(
  dataRows,
  fc
    .tuple(
      fc.array(fc.constantFrom(...headerWords, "", "Notes"), { maxLength: 3 }),
      fc.shuffledSubarray(
        STAFF_COLUMNS.map((c) => c.label),
        { minLength: 3 }
      ),
      dataRows
    )
    .map(([above, header, rows]) => [above, header, ...rows]),
  fc
    .tuple(
      fc.array(fc.constantFrom("", "Notes"), { maxLength: 2 }),
      fc.shuffledSubarray(
        STAFF_COLUMNS.filter((c) => !c.required).map((c) => c.label),
        { minLength: 0 }
      )
    )
    .chain(([above, optional]) => {
      const header = [...STAFF_COLUMNS.filter((c) => c.required).map((c) => c.label), ...optional];
      return tableRows(header).map((rows) => [above, header, ...rows]);
    })
);
