/**
 * A CSV file read in pieces of 1 MiB, each row handed on as soon as it is read: the file's text
 * and its grid of strings never exist whole. UTF-8 (with or without a byte-order mark); when the
 * bytes turn out not to be UTF-8, the file is read again from the start as Windows-1252 (what
 * Excel on Windows writes as "CSV"), exactly as `decodeCsv` decides for a whole file.
 */
import { open, type FileHandle } from "node:fs/promises";
import { CsvReader } from "../core/csv";
import { FileError } from "./read-file";

export type CsvEncoding = "utf-8" | "windows-1252";

const PIECE = 1 << 20;

/** One pass over the file in `encoding`; false when the bytes are not valid in it. */
async function pass(
  handle: FileHandle,
  encoding: CsvEncoding,
  onRow: (row: string[]) => void
): Promise<boolean> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
  const csv = new CsvReader(onRow);
  const bytes = Buffer.allocUnsafe(PIECE);
  let position = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(bytes, 0, PIECE, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      csv.push(decoder.decode(bytes.subarray(0, bytesRead), { stream: true }));
    }
    csv.push(decoder.decode());
  } catch (e) {
    if (e instanceof TypeError) return false; // not valid in this encoding
    throw e;
  }
  csv.end();
  return true;
}

/**
 * Reads the CSV file at `path`, handing each row to the function `start` gives. `start` is
 * called again (for a fresh consumer) when a file first read as UTF-8 is re-read as
 * Windows-1252. Returns the encoding read.
 */
export async function streamCsvRows(
  path: string,
  start: () => (row: string[]) => void
): Promise<CsvEncoding> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch {
    throw new FileError(`cannot read ${path}: no such file, or no permission`);
  }
  try {
    if ((await handle.stat()).size === 0) throw new FileError(`${path} is empty`);
    if (await pass(handle, "utf-8", start())) return "utf-8";
    await pass(handle, "windows-1252", start());
    return "windows-1252";
  } finally {
    await handle.close();
  }
}
