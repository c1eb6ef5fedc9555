/**
 * The open workbook's bytes through the Common API's File object (requirement set "File"):
 * `Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize })` gives the
 * whole .xlsx package, in slices of at most 4 MB read one by one with `file.getSliceAsync(i)`;
 * each slice's `data` is an array of bytes. No more than two such files may be open at once, so
 * the file is always closed with `file.closeAsync()`, also after a failure.
 * (Microsoft's reference: Office.Document.getFileAsync, Office.File, Office.Slice; the sample
 * "get-file-in-slices-async" in office-js-snippets.) Reading the file never changes the workbook.
 */
import { concatBytes } from "../bytes";

/** The part of Office.File this reads. */
export interface DocumentFile {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, callback: (result: AsyncOutcome<{ data: unknown }>) => void): void;
  closeAsync(callback?: (result: AsyncOutcome<void>) => void): void;
}

/** Office.AsyncResult as far as it is read here ("succeeded" or "failed"). */
export interface AsyncOutcome<T> {
  status: string;
  value: T;
  error?: { message?: string };
}

/** The part of Office.Document this calls (the default is Office.context.document). */
export interface DocumentFileSource {
  getFileAsync(
    fileType: string,
    options: { sliceSize: number },
    callback: (result: AsyncOutcome<DocumentFile>) => void
  ): void;
}

/** Office.FileType.Compressed: the document as a package (.xlsx for a workbook). */
const COMPRESSED = "compressed";
/** The largest slice Office allows (4 MB), so a workbook takes as few round trips as it can. */
export const SLICE_SIZE = 4 * 1024 * 1024;

function failed<T>(result: AsyncOutcome<T>): boolean {
  return result.status !== "succeeded";
}

function sliceBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Uint8Array.from(data as number[]);
  throw new Error("Excel gave a part of the file in a form the add-in cannot read.");
}

/** The default source: Office.context.document, where it has getFileAsync. */
export function officeDocument(): DocumentFileSource | undefined {
  if (typeof Office === "undefined") return undefined;
  const doc = Office.context?.document as unknown as DocumentFileSource | undefined;
  return doc && typeof doc.getFileAsync === "function" ? doc : undefined;
}

/** The open document's bytes, read slice by slice. */
export async function readDocumentFile(
  source: DocumentFileSource,
  sliceSize = SLICE_SIZE
): Promise<Uint8Array> {
  const file = await new Promise<DocumentFile>((resolve, reject) =>
    source.getFileAsync(COMPRESSED, { sliceSize }, (result) =>
      failed(result)
        ? reject(
            new Error(
              `Excel could not give the add-in a copy of this workbook${result.error?.message ? `: ${result.error.message}` : ""}.`
            )
          )
        : resolve(result.value)
    )
  );
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      parts.push(
        await new Promise<Uint8Array>((resolve, reject) =>
          file.getSliceAsync(i, (result) => {
            if (failed(result)) {
              reject(
                new Error(
                  `Excel stopped giving the workbook's contents at part ${i + 1} of ${file.sliceCount}: try again.`
                )
              );
              return;
            }
            try {
              resolve(sliceBytes(result.value.data));
            } catch (error) {
              reject(error);
            }
          })
        )
      );
    }
    return concatBytes(parts);
  } finally {
    await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
  }
}
