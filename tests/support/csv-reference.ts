/**
 * The first CSV parser, character by character (kept as the oracle the streaming reader in
 * src/core/csv.ts is tested against: same rows, same quirks, on any text).
 */
/**
 * CSV text to a grid of strings (RFC 4180: quoted fields, doubled quotes, newlines inside
 * quotes), UTF-8 with or without a byte-order mark. The delimiter is a comma unless the header
 * line has more semicolons than commas (as European Excel writes them), or as given.
 */
export function parseCsvReference(text: string, fixedDelimiter?: "," | ";"): string[][] {
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
