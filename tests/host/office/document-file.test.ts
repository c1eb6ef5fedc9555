/**
 * Reading the open workbook through Office's File object: slices in order (as byte arrays, as
 * Office gives them), the file closed after success and after a failure, and a failure said in
 * words. A fake Office.Document stands in for Excel; the bytes are a real workbook's.
 */
import { describe, expect, it } from "vitest";
import type {
  AsyncOutcome,
  DocumentFile,
  DocumentFileSource,
} from "../../../src/host/office/document-file";
import { readDocumentFile } from "../../../src/host/office/document-file";
import { OfficeWorkbook } from "../../../src/host/office/office-workbook";
import { portableFixtureBytes } from "../xlsx/portable-fixture";

class FakeDocument implements DocumentFileSource {
  open = 0;
  closed = 0;
  asked: { type: string; sliceSize: number }[] = [];
  failSlice: number | null = null;
  constructor(private readonly bytes: Uint8Array) {}

  getFileAsync(
    type: string,
    options: { sliceSize: number },
    callback: (r: AsyncOutcome<DocumentFile>) => void
  ) {
    this.asked.push({ type, sliceSize: options.sliceSize });
    if (this.open >= 2) {
      callback({
        status: "failed",
        value: undefined as never,
        error: { message: "Too many files open" },
      });
      return;
    }
    this.open++;
    const size = options.sliceSize;
    const file: DocumentFile = {
      size: this.bytes.length,
      sliceCount: Math.ceil(this.bytes.length / size),
      getSliceAsync: (i, cb) =>
        setTimeout(() =>
          i === this.failSlice
            ? cb({ status: "failed", value: undefined as never })
            : cb({
                status: "succeeded",
                value: { data: Array.from(this.bytes.subarray(i * size, (i + 1) * size)) },
              })
        ),
      closeAsync: (cb) => {
        this.open--;
        this.closed++;
        cb?.({ status: "succeeded", value: undefined });
      },
    };
    setTimeout(() => callback({ status: "succeeded", value: file }));
  }
}

describe("the open workbook's bytes", () => {
  it("are the document's compressed file, slice by slice, and the file is closed", async () => {
    const bytes = await portableFixtureBytes();
    const doc = new FakeDocument(bytes);
    const read = await readDocumentFile(doc, 10_000);
    expect(read).toEqual(bytes);
    expect(doc.asked).toEqual([{ type: "compressed", sliceSize: 10_000 }]);
    expect(doc.closed).toBe(1);
    // Read again and again: never more than the two files Office allows open.
    for (let i = 0; i < 3; i++) await readDocumentFile(doc, 50_000);
    expect(doc.open).toBe(0);
  });

  it("closes the file and says what happened when a slice fails", async () => {
    const doc = new FakeDocument(await portableFixtureBytes());
    doc.failSlice = 2;
    await expect(readDocumentFile(doc, 10_000)).rejects.toThrow(/part 3 of \d+: try again/);
    expect(doc.open).toBe(0);
  });

  it("through the port: the 4 MB slice size, and null where Office has no File API", async () => {
    const bytes = await portableFixtureBytes();
    const doc = new FakeDocument(bytes);
    const book = new OfficeWorkbook(async () => undefined as never, { document: doc });
    expect(await book.openWorkbookBytes()).toEqual(bytes);
    expect(doc.asked[0].sliceSize).toBe(4 * 1024 * 1024);
    expect(
      await new OfficeWorkbook(async () => undefined as never, {
        document: undefined,
      }).openWorkbookBytes()
    ).toBeNull();
  });
});
