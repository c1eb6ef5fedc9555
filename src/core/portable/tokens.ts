/**
 * A small tokenizer for Excel formulas as a file stores them (no leading "="), enough to find
 * function calls and rewrite them without touching anything else: joining the tokens' `text`
 * gives back the formula exactly. It knows string literals ("a ""quoted"" word"), error
 * literals, numbers, sheet-qualified references ('My sheet'!$A$1, Data!A1, [2]Sheet!A1,
 * [2]!name), structured references (Staff[[#All],[FTE]], nested brackets, ' escapes), names
 * and function names (followed by "("), array constants and operators.
 */
import { EXCEL_ERRORS } from "../excel-errors";

export type TokenKind =
  | "space"
  | "string"
  | "number"
  | "error"
  /** A name, a reference or a function name (with its sheet or workbook prefix, if any). */
  | "word"
  | "op"
  | "open"
  | "close"
  | "comma"
  | "semicolon"
  | "brace-open"
  | "brace-close";

export interface Token {
  kind: TokenKind;
  /** The token exactly as written. */
  text: string;
  /** For a word: the prefix up to and including "!" ("'My sheet'!", "[2]!"), else "". */
  prefix?: string;
  /** For a word: the part after the prefix ("$A$1", "Staff[#All]", "_xldudf_WORKFORCE_FTE"). */
  body?: string;
  /** For a word: a function call (the next character is "("). */
  call?: boolean;
}

const WORD_CHAR = /[A-Za-z0-9_.$\\?\u00C0-\uFFFF]/;

/** The end (exclusive) of a quoted run starting at `i` (quote char doubled to escape). */
function quoted(f: string, i: number, q: string): number {
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === q) {
      if (f[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return f.length;
}

/** The end (exclusive) of a bracketed run starting at `i` ("[" … "]", nested, ' escapes). */
function bracketed(f: string, i: number): number {
  let depth = 0;
  for (let j = i; j < f.length; j++) {
    if (f[j] === "'") {
      j++;
      continue;
    }
    if (f[j] === "[") depth++;
    else if (f[j] === "]" && --depth === 0) return j + 1;
  }
  return f.length;
}

function wordEnd(f: string, i: number): number {
  let j = i;
  while (j < f.length && WORD_CHAR.test(f[j])) j++;
  return j;
}

export function tokenize(formula: string): Token[] {
  const f = formula;
  const out: Token[] = [];
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (/\s/.test(ch)) {
      let j = i;
      while (j < f.length && /\s/.test(f[j])) j++;
      out.push({ kind: "space", text: f.slice(i, j) });
      i = j;
      continue;
    }
    if (ch === '"') {
      const j = quoted(f, i, '"');
      out.push({ kind: "string", text: f.slice(i, j) });
      i = j;
      continue;
    }
    if (ch === "#") {
      const err = EXCEL_ERRORS.find((e) => f.slice(i, i + e.length).toUpperCase() === e);
      if (err) {
        out.push({ kind: "error", text: f.slice(i, i + err.length) });
        i += err.length;
        continue;
      }
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(f.slice(i));
    // A number, unless it starts a word such as a row range written with a sheet ("1:1" has no
    // letters and stays a number; a name never starts with a digit).
    if (num && !(i + num[0].length < f.length && /[A-Za-z_!]/.test(f[i + num[0].length]))) {
      out.push({ kind: "number", text: num[0] });
      i += num[0].length;
      continue;
    }
    if (ch === "'" || ch === "[" || WORD_CHAR.test(ch)) {
      const start = i;
      let prefix = "";
      let j = i;
      // A workbook index ([2]) and/or a sheet name, then "!".
      if (f[j] === "[" && /^\[\d+\]/.test(f.slice(j))) j = f.indexOf("]", j) + 1;
      if (f[j] === "'") {
        const end = quoted(f, j, "'");
        if (f[end] === "!") {
          j = end + 1;
          prefix = f.slice(start, j);
        }
      } else {
        const end = wordEnd(f, j);
        if (f[end] === "!") {
          j = end + 1;
          prefix = f.slice(start, j);
        } else if (j > start && f[j] === "!") {
          j += 1;
          prefix = f.slice(start, j);
        }
      }
      if (!prefix) j = start;
      let end = wordEnd(f, j);
      if (f[end] === "[") end = bracketed(f, end);
      if (end === j && !prefix) {
        // A lone "[" (not a structured reference): keep it as an operator-like token.
        out.push({ kind: "op", text: ch });
        i++;
        continue;
      }
      const text = f.slice(start, end);
      out.push({
        kind: "word",
        text,
        prefix,
        body: text.slice(prefix.length),
        call: f[end] === "(",
      });
      i = end;
      continue;
    }
    const two = f.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ kind: "op", text: two });
      i += 2;
      continue;
    }
    const kind: TokenKind =
      ch === "("
        ? "open"
        : ch === ")"
          ? "close"
          : ch === ","
            ? "comma"
            : ch === ";"
              ? "semicolon"
              : ch === "{"
                ? "brace-open"
                : ch === "}"
                  ? "brace-close"
                  : "op";
    out.push({ kind, text: ch });
    i++;
  }
  return out;
}

export function untokenize(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join("");
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** "B7" → { row: 7, column: 2 } (1-based), or null when the text is not one cell. */
export function parseCell(body: string): { row: number; column: number } | null {
  const m = CELL.exec(body);
  if (!m) return null;
  const column = columnNumber(m[2]);
  const row = Number(m[4]);
  return column <= 16384 && row >= 1 && row <= 1048576 ? { row, column } : null;
}

export function isCellBody(body: string): boolean {
  return parseCell(body) !== null;
}

/**
 * The formula as it reads in another cell of a shared formula: relative row and column parts
 * of A1 references move by (rows, columns); $-fixed parts, structured references, names and
 * text stay.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  const tokens = tokenize(formula);
  return tokens
    .map((t, i) => {
      if (t.kind === "word" && !t.call) {
        const m = CELL.exec(t.body ?? "");
        if (m) {
          const col = m[1] ? m[2] : columnLetters(columnNumber(m[2]) + columns);
          const row = m[3] ? m[4] : String(Number(m[4]) + rows);
          return `${t.prefix}${m[1]}${col}${m[3]}${row}`;
        }
        const c = COLUMN.exec(t.body ?? "");
        const nearColon = tokens[i + 1]?.text === ":" || tokens[i - 1]?.text === ":";
        if (c && nearColon) {
          return `${t.prefix}${c[1]}${c[1] ? c[2] : columnLetters(columnNumber(c[2]) + columns)}`;
        }
      }
      if (
        t.kind === "number" &&
        /^\d+$/.test(t.text) &&
        (tokens[i + 1]?.text === ":" || tokens[i - 1]?.text === ":")
      ) {
        return String(Number(t.text) + rows);
      }
      return t.text;
    })
    .join("");
}
