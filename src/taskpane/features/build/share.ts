/**
 * "Prepare to share": the summary alone, as values, with small numbers shown as c (core's
 * makeShareable), written into a NEW workbook's bytes. The .xlsx adapter (and ExcelJS with it) is
 * loaded here, on first use, so it stays out of the pane's first download.
 */
import type { WorkbookPlan } from "../../../core/summary/plan";
import { makeShareable } from "../../../core/summary/shareable";

export async function shareableWorkbook(
  plan: WorkbookPlan,
  options: { threshold: number; version: string }
): Promise<{ bytes: Uint8Array; plan: WorkbookPlan }> {
  const shareable = makeShareable(plan, options);
  const { XlsxWorkbook } = await import(
    /* webpackChunkName: "xlsx" */ "../../../host/xlsx/xlsx-workbook"
  );
  const book = XlsxWorkbook.empty();
  await book.writePlan(shareable);
  return { bytes: await book.toBuffer(), plan: shareable };
}

/** The new workbook's suggested file name, dated so a second one does not overwrite the first. */
export function shareableName(today: Date = new Date()): string {
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
  return `Scrutiny summary to share ${iso}.xlsx`;
}

/** What the pane says when Excel could not open a new workbook and the summary went on a sheet. */
export function sharedOnSheetMessage(sheet: string, threshold: number): string {
  const hidden = threshold > 1 ? `numbers under ${threshold} shown as c` : "no numbers hidden";
  return `Excel could not open a new workbook here, so the shareable summary (values only, no staff data, ${hidden}) is on the new sheet "${sheet}". To share it: right-click its tab, choose Move or Copy, pick (new book), and save the new workbook; then delete the sheet from this one.`;
}

/** What the pane says once the workbook is made. */
export function sharedMessage(threshold: number): string {
  const hidden =
    threshold > 1
      ? `groups of fewer than ${threshold} people, and figures that would reveal them, shown as c`
      : "no numbers hidden (the suppression threshold in Options is below 2)";
  return `A new workbook holds the shareable summary: values only, no staff data, ${hidden}. This workbook is unchanged.`;
}
