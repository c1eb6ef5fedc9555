/**
 * A cell that already has a note (written by ExcelJS, as Excel writes notes) keeps it in the
 * portable copy, with the original formula added as a paragraph of its own; restore takes only
 * that paragraph away. A sheet's other notes are left as they were.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { callWorkforce } from "../../../src/functions/call-by-id";
import { makePortable } from "../../../src/host/xlsx/portable/make-portable";
import { restorePortable } from "../../../src/host/xlsx/portable/restore";

async function notesOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const out: Record<string, string> = {};
  wb.getWorksheet("Rates")!.eachRow((row) =>
    row.eachCell((cell) => {
      const note = cell.note as unknown;
      if (!note) return;
      out[cell.address] =
        typeof note === "string"
          ? note
          : ((note as { texts: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
    })
  );
  return out;
}

describe("notes on cells that already had one", () => {
  it("keep the user's note beside the original formula, and restore keeps only the user's", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Rates");
    ws.getCell("A1").value = 4;
    ws.getCell("B1").value = 40;
    ws.getCell("C1").value = { formula: "WORKFORCE.TURNOVER(A1,B1)", result: 0.1 };
    ws.getCell("C1").note = "Checked with HR in May";
    ws.getCell("D1").value = { formula: "_xldudf_WORKFORCE_STABILITY(A1,B1)", result: 0.1 };
    ws.getCell("E1").value = "A plain cell";
    ws.getCell("E1").note = "Someone else's note";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

    const { bytes: copy, report } = await makePortable(bytes, callWorkforce);
    expect(report.totals.native).toBe(2);
    const notes = await notesOf(copy);
    expect(notes.C1).toContain("Checked with HR in May");
    expect(notes.C1).toContain("=WORKFORCE.TURNOVER(A1,B1)");
    expect(notes.D1).toContain("Saved in the file as: =_xldudf_WORKFORCE_STABILITY(A1,B1)");
    expect(notes.E1).toBe("Someone else's note");

    const { bytes: back } = await restorePortable(copy);
    expect(await notesOf(back)).toEqual({
      C1: "Checked with HR in May",
      E1: "Someone else's note",
    });
    const restored = new ExcelJS.Workbook();
    await restored.xlsx.load(back as never);
    expect(restored.getWorksheet("Rates")!.getCell("C1").formula).toBe("WORKFORCE.TURNOVER(A1,B1)");
    expect(restored.getWorksheet("Rates")!.getCell("D1").formula).toBe(
      "_xldudf_WORKFORCE_STABILITY(A1,B1)"
    );
  });
});
