/**
 * Opening .xlsx bytes as a new workbook in Excel (the pane's `openWorkbook` in the add-in):
 * Excel.createWorkbook (ExcelApi 1.8) takes the file as base64 and opens it beside the current
 * one, which is not changed. Where that API set is missing, the file is downloaded instead.
 */
import { downloadFile, XLSX_TYPE } from "../components/files";

/** Bytes as base64 (btoa over a binary string, built in chunks to stay within argument limits). */
export function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function canCreateWorkbook(): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      Office.context?.requirements?.isSetSupported("ExcelApi", "1.8") === true &&
      typeof Excel !== "undefined" &&
      typeof Excel.createWorkbook === "function"
    );
  } catch {
    return false;
  }
}

export async function openWorkbookInExcel(bytes: Uint8Array, suggestedName: string): Promise<void> {
  if (canCreateWorkbook()) {
    await Excel.createWorkbook(toBase64(bytes));
    return;
  }
  downloadFile(bytes, suggestedName, XLSX_TYPE);
}
