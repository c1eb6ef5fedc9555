/**
 * Files in and out of the pane, with no network: a chosen file's text, and a download made from
 * a blob link. `window.URL` is used on purpose: inside an inline handler `URL` is document.URL.
 */

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const XML_TYPE = "application/xml";

/** A chosen file's text (UTF-8). FileReader where Blob.text is missing (older WebViews). */
/** A file's bytes (a census return is decoded by its own byte-order mark and declaration). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function")
    return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsArrayBuffer(file);
  });
}

export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsText(file);
  });
}

/** Saves bytes or text as a file through the browser's download (a blob link, clicked). */
export function downloadFile(data: Uint8Array | string, name: string, type: string): void {
  const blob = new Blob([data as unknown as BlobPart], { type });
  const url = window.URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => window.URL.revokeObjectURL(url), 10_000);
}

/**
 * Puts text on the clipboard; false where the pane may not (the Clipboard API needs a secure
 * context and, in some Office hosts, a permission the pane does not have).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== "function") return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
