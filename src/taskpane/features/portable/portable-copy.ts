/**
 * The pane's side of "Make a copy that works without the add-in": the .xlsx adapter's portable
 * transform and the WORKFORCE functions that compute the values, loaded on first use (so they
 * stay out of the pane's first download), the copy's file name, and the words the pane uses.
 */
import type { PortableReport } from "../../../host/xlsx/portable/make-portable";
import type { RestoreReport } from "../../../host/xlsx/portable/restore";

export type { PortableReport, RestoreReport };

/** The one line shown where recipients would meet #NAME?. */
export const PORTABLE_WARNING =
  "Anyone who opens this workbook without the Workforce Scrutiny add-in will see #NAME? in its WORKFORCE formulas.";

export async function makePortableCopy(
  bytes: Uint8Array
): Promise<{ bytes: Uint8Array; report: PortableReport }> {
  const [{ makePortable }, { callWorkforce }] = await Promise.all([
    import(/* webpackChunkName: "portable" */ "../../../host/xlsx/portable/make-portable"),
    import(/* webpackChunkName: "portable" */ "../../../functions/call-by-id"),
  ]);
  return makePortable(bytes, callWorkforce);
}

export async function restoreCopy(
  bytes: Uint8Array
): Promise<{ bytes: Uint8Array; report: RestoreReport }> {
  const { restorePortable } = await import(
    /* webpackChunkName: "portable" */ "../../../host/xlsx/portable/restore"
  );
  return restorePortable(bytes);
}

export async function holdsWorkforce(bytes: Uint8Array): Promise<boolean> {
  const { holdsWorkforceFormulas } = await import(
    /* webpackChunkName: "portable" */ "../../../host/xlsx/portable/make-portable"
  );
  return holdsWorkforceFormulas(bytes);
}

function isoDate(today: Date): string {
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
}

export function portableName(today: Date = new Date()): string {
  return `Workbook without the add-in ${isoDate(today)}.xlsx`;
}

export function restoredName(today: Date = new Date()): string {
  return `Workbook with WORKFORCE formulas ${isoDate(today)}.xlsx`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The report in one sentence. */
export function portableSummary(report: PortableReport): string {
  const t = report.totals;
  if (t.native + t.value + t.savedValue + t.left === 0)
    return "This workbook has no WORKFORCE formulas: a copy would be the same.";
  const parts = [
    `${plural(t.native, "formula", "formulas")} made native (they keep working on your cells)`,
    `${t.value} became values (each cell keeps its formula in a note)`,
  ];
  if (t.savedValue) parts.push(`${t.savedValue} kept the value Excel last saved`);
  if (t.left) parts.push(`${t.left} left as they were: they still need the add-in`);
  return `${parts.join(", ")}.`;
}

export function restoreSummary(report: RestoreReport): string {
  const base = `${plural(report.restored, "WORKFORCE formula", "WORKFORCE formulas")} restored.`;
  return report.notRestored.length
    ? `${base} Not restored, because they were changed in the copy: ${report.notRestored.join("; ")}.`
    : base;
}
