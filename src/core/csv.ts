/**
 * CSV text to a grid of strings (RFC 4180: quoted fields, doubled quotes, newlines inside
 * quotes), UTF-8 with or without a byte-order mark. The delimiter is a comma unless the header
 * line has more semicolons than commas (as European Excel writes them), or as given.
 */
export function parseCsv(text: string, fixedDelimiter?: "," | ";"): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const semicolons = firstLine.match(/;/g)?.length ?? 0;
  const commas = firstLine.match(/,/g)?.length ?? 0;
  const delimiter = fixedDelimiter ?? (semicolons > commas ? ";" : ",");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
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
