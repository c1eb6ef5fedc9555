/** The summary's title, provenance line and input cells (as-of date, targets, comparator year). */
import { isoFromSerial } from "../../dates";
import { NAMES } from "../names";
import type { CellSpec } from "../plan";
import { label, subtitle, title, type SummaryContext } from "./context";

/** The words every summary's title starts with (a host replaces only a document title that starts so). */
export const SUMMARY_TITLE = "Children's social work workforce: scrutiny summary";

export function writeTitleAndInputs(c: SummaryContext, top: number): number {
  const g = c.grid;
  const { input, asOf, options } = c;
  let r = top;
  g.put(r++, 0, title(SUMMARY_TITLE));
  g.put(r++, 0, {
    style: "provenance",
    value:
      `Built from table "${input.source.staffTable}"${input.source.postsTable ? ` and posts table "${input.source.postsTable}"` : ""}: ` +
      `${input.staff.records.length} rows used, ${input.staff.rowsLeftOut} rows left out; as-of date ${isoFromSerial(asOf)} at build; ` +
      `Workforce Scrutiny ${input.version ?? "dev"}; built ${input.builtOn ?? new Date().toISOString().slice(0, 10)}.`,
  });
  r++;

  g.put(r++, 0, {
    ...subtitle("Inputs (change these: the whole summary recalculates)"),
    shareable: "Inputs (as used for these figures)",
  });
  const inputCell = (text: string, name: string, cell: CellSpec) => {
    g.put(r, 0, label(text));
    g.put(r, 1, cell);
    c.names.push({ name, range: { row: r, column: 1, rows: 1, columns: 1 } });
    r++;
  };
  inputCell("As-of date (census date)", NAMES.asOf, {
    value: asOf,
    format: "dd/mm/yyyy",
    style: "input",
  });
  inputCell("A year before", NAMES.asOfYearBefore, {
    formula: `=EDATE(${NAMES.asOf},-12)`,
    value: c.d1,
    format: "dd/mm/yyyy",
  });
  inputCell("Two years before", NAMES.asOfTwoYearsBefore, {
    formula: `=EDATE(${NAMES.asOf},-24)`,
    value: c.d2,
    format: "dd/mm/yyyy",
  });
  inputCell("Caseload target", NAMES.target, {
    value: options.caseloadTarget,
    format: "0",
    style: "input",
  });
  inputCell("Caseload target, ASYE", NAMES.targetAsye, {
    value: options.caseloadTargetAsye,
    format: "0",
    style: "input",
  });
  inputCell(
    "England comparator (census year)",
    NAMES.comparatorYear,
    options.comparatorYear !== null
      ? { value: options.comparatorYear, format: "0", style: "input" }
      : {
          formula: `=YEAR(${NAMES.asOf})-IF(${NAMES.asOf}<DATE(YEAR(${NAMES.asOf}),9,30),1,0)`,
          value: c.comparatorYear,
          format: "0",
        }
  );
  return r + 1;
}
