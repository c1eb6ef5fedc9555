const QUOTE = 34;
const LF = 10;
const CR = 13;
const COMMA = 44;
const SEMICOLON = 59;

/** Comma, unless the header line has more semicolons than commas (as European Excel writes them). */
function delimiterOf(firstLine: string): number {
  let semicolons = 0;
  let commas = 0;
  for (let i = 0; i < firstLine.length; i++) {
    const c = firstLine.charCodeAt(i);
    if (c === SEMICOLON) semicolons++;
    else if (c === COMMA) commas++;
  }
  return semicolons > commas ? SEMICOLON : COMMA;
}

/**
 * CSV text in pieces (any split, even inside a field or between CR and LF) to rows, each handed
 * to `onRow` as soon as it is complete, so a large file never exists as one grid of strings.
 * Fields are slices of the text, not built a character at a time. RFC 4180: quoted fields,
 * doubled quotes, newlines inside quotes; lines end with LF, CRLF or CR; a byte-order mark is
 * dropped. The delimiter is a comma unless the first line has more semicolons than commas, or
 * as given. A quote opens a quoted field only as its first character; elsewhere it is text.
 */
export class CsvReader {
  private pending = "";
  private delimiter: number;
  private started = false;

  constructor(
    private readonly onRow: (row: string[]) => void,
    fixedDelimiter?: "," | ";"
  ) {
    this.delimiter = fixedDelimiter === undefined ? 0 : fixedDelimiter.charCodeAt(0);
  }

  /** The next piece of text. */
  push(chunk: string): void {
    this.consume(this.pending === "" ? chunk : this.pending + chunk, false);
  }

  /** The end of the text: the last row, with or without a line end. */
  end(): void {
    this.consume(this.pending, true);
    this.pending = "";
  }

  private consume(text: string, final: boolean): void {
    if (!this.started) {
      if (text === "" && !final) return;
      if (this.delimiter === 0) {
        // The delimiter is read from the whole first line: wait for it.
        const lf = text.indexOf("\n");
        if (lf < 0 && !final) {
          this.pending = text;
          return;
        }
        const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
        this.delimiter = delimiterOf(text.slice(from, lf < 0 ? text.length : lf));
      }
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.started = true;
    }
    const done = this.rows(text, final);
    this.pending = done < text.length ? text.slice(done) : "";
  }

  /** Reads the complete rows of `text`; returns where the first incomplete one starts. */
  private rows(text: string, final: boolean): number {
    const d = this.delimiter;
    const n = text.length;
    // The next delimiter, LF and CR at or after the last place asked about (n: none), found with
    // indexOf (much faster than a loop over characters) and asked for again only once passed.
    const delimiter = String.fromCharCode(d);
    let nextD = -1;
    let nextLF = -1;
    let nextCR = -1;
    const fieldEnd = (from: number): number => {
      if (nextD < from) nextD = text.indexOf(delimiter, from) >>> 0;
      if (nextLF < from) nextLF = text.indexOf("\n", from) >>> 0;
      if (nextCR < from) nextCR = text.indexOf("\r", from) >>> 0;
      return Math.min(nextD, nextLF, nextCR, n);
    };
    let rowStart = 0;
    let row: string[] = [];
    let i = 0;
    while (i < n) {
      // At the start of a field.
      let field: string;
      let c = text.charCodeAt(i);
      if (c === QUOTE) {
        field = "";
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            // No closing quote: the field runs to the end of the text.
            if (!final) return rowStart;
            field += text.slice(from);
            i = n;
            break;
          }
          if (q + 1 >= n && !final) return rowStart;
          if (text.charCodeAt(q + 1) === QUOTE) {
            field += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          field += text.slice(from, q);
          i = q + 1;
          break;
        }
        // After the closing quote, anything up to the delimiter is text.
        const e = i < n ? fieldEnd(i) : n;
        if (e > i) field += text.slice(i, e);
        i = e;
      } else {
        const e = fieldEnd(i);
        field = text.slice(i, e);
        i = e;
      }
      if (i >= n) {
        if (!final) return rowStart;
        if (field !== "" || row.length > 0) {
          row.push(field);
          this.onRow(row);
        }
        return n;
      }
      c = text.charCodeAt(i);
      if (c === d) {
        row.push(field);
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 >= n && !final) return rowStart;
        if (text.charCodeAt(i + 1) === LF) i++;
      }
      i++;
      row.push(field);
      this.onRow(row);
      row = [];
      rowStart = i;
    }
    // The text ends just after a delimiter: the row's last field is empty.
    if (row.length > 0) {
      if (!final) return rowStart;
      row.push("");
      this.onRow(row);
    }
    return n;
  }
}

/** CSV text to a grid of strings, as `CsvReader` reads it. */
export function parseCsv(text: string, fixedDelimiter?: "," | ";"): string[][] {
  const rows: string[][] = [];
  const reader = new CsvReader((row) => rows.push(row), fixedDelimiter);
  reader.push(text);
  reader.end();
  return rows;
}

/**
 * CSV bytes to text: UTF-8 (with or without a byte-order mark), or, when the bytes are not
 * valid UTF-8, Windows-1252 (what Excel on Windows writes as "CSV"), with a note saying so.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/**
 * Rows as CSV text (comma, CRLF, quoted where needed). A cell that a spreadsheet would read as a
 * formula (=, +, -, @, or a tab or carriage return first) is written with a leading apostrophe, so
 * text from the data stays text when the CSV is opened in Excel (CSV injection).
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown): string => {
    let text = v === null || v === undefined ? "" : String(v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
