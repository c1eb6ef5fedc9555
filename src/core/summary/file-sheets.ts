/**
 * Sheets that stand in for a file where the host cannot hand one over (Excel on a Mac cannot
 * download from an add-in, office-js #2700; Excel.createWorkbook may be missing or refused).
 * Both are handed to the user (never replaced by a rebuild) and say, on the sheet, what to do.
 */
import type { CellSpec, SheetSpec, WorkbookPlan } from "./plan";
import { withPrintLayout } from "./print-layout";

/** The shareable summary (values only, small numbers hidden) as a sheet of this workbook. */
export function shareableSheetPlan(shareable: WorkbookPlan): WorkbookPlan {
  const summary = shareable.sheets.find((s) => s.key === "summary");
  if (!summary) throw new Error("The shareable plan has no summary sheet.");
  const note: CellSpec = {
    value:
      "To share: right-click this sheet's tab, choose Move or Copy, pick (new book) under To book, tick nothing else, and save the new workbook. Then delete this sheet here.",
    style: "note",
  };
  // The note goes above everything: the summary's blocks move down two rows, with its charts.
  const down = <T extends { row: number }>(x: T): T => ({ ...x, row: x.row + 2 });
  const moved: SheetSpec = {
    ...summary,
    key: "shareable",
    preferredName: "Summary to share",
    blocks: [{ row: 0, column: 0, cells: [[note]] }, ...summary.blocks.map(down)],
    tables: summary.tables.map(down),
    charts: summary.charts.map((c) => ({
      ...c,
      anchor: down(c.anchor),
      categories: down(c.categories),
      series: c.series.map((s) => ({ ...s, values: down(s.values) })),
    })),
    conditionalFormats: (summary.conditionalFormats ?? []).map((cf) => ({
      ...cf,
      range: down(cf.range),
    })),
    names: [],
    validations: [],
    tableRanges: (summary.tableRanges ?? []).map((t) => ({ ...t, range: down(t.range) })),
  };
  const sections = (summary.print?.sections ?? []).map((r) => r + 2);
  // The title row, now the third, repeats on every printed page.
  return { sheets: [withPrintLayout(moved, [0, ...sections], 2)] };
}

/** A census return's XML, one line a cell down column A, under a line saying how to save it. */
export function censusReturnSheetPlan(xml: string, fileName: string): WorkbookPlan {
  const lines = xml.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  const cells: CellSpec[][] = [
    [
      {
        value: `To save ${fileName}: select column A from row 3 down, copy it, paste it into a plain text editor (Notepad, TextEdit in plain text mode) and save it as ${fileName} (UTF-8).`,
        style: "note",
      },
    ],
    [{}],
    ...lines.map((line) => [{ value: line }]),
  ];
  return {
    sheets: [
      {
        key: "census-return",
        preferredName: "Census return XML",
        blocks: [{ row: 0, column: 0, cells }],
        tables: [],
        charts: [],
        names: [],
        validations: [],
        columnWidths: [120],
      },
    ],
  };
}
