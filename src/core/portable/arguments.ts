/**
 * The arguments of a WORKFORCE call in a formula: splitting a call's argument list, telling a
 * one-value argument (the number form of a rate function) from a range (the table form), and
 * evaluating an argument to the values Excel would pass: literals, references and ranges
 * (through a resolver that reads the workbook), DATE(y, m, d), and + - * / ^ & on those.
 * Anything else (another function, a comparison) is "unresolved": the caller says so.
 */
import { serialFromYmd } from "../dates";
import type { Token } from "./tokens";
import { isCellBody, untokenize } from "./tokens";
import type { CellValue } from "./values";
import { isError } from "./values";

/** The index of the ")" closing the "(" at `open`, or -1. */
export function closingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].kind === "open") depth++;
    else if (tokens[i].kind === "close" && --depth === 0) return i;
  }
  return -1;
}

/** The argument token lists between "(" at `open` and its ")" at `close`. */
export function splitArguments(tokens: readonly Token[], open: number, close: number): Token[][] {
  const args: Token[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i];
    if (t.kind === "open" || t.kind === "brace-open") depth++;
    else if (t.kind === "close" || t.kind === "brace-close") depth--;
    if (t.kind === "comma" && depth === 0) args.push([]);
    else args[args.length - 1].push(t);
  }
  // "F()" has no arguments, not one empty one.
  return args.length === 1 && args[0].every((t) => t.kind === "space") ? [] : args;
}

const solid = (tokens: readonly Token[]) => tokens.filter((t) => t.kind !== "space");

/** A structured reference to one row's cell ([@FTE], Staff[[#This Row],[FTE]]). */
function isThisRow(body: string): boolean {
  return /\[@|#This Row/i.test(body);
}

/**
 * Whether an argument is one value (number form) or may be a range (table form). A defined
 * name is asked of `nameIsCell` (true when the name is one cell).
 */
export function argumentShape(
  tokens: readonly Token[],
  nameIsCell: (name: string) => boolean = () => false
): "single" | "range" {
  const s = solid(tokens);
  if (s.length === 0) return "single";
  if (s.length === 1) {
    const t = s[0];
    if (t.kind !== "word" || t.call) return "single";
    const body = t.body ?? "";
    if (isCellBody(body)) return "single";
    if (/^(TRUE|FALSE)$/i.test(body)) return "single";
    if (body.includes("[")) return isThisRow(body) ? "single" : "range";
    return nameIsCell(t.text) ? "single" : "range";
  }
  // An expression: a range anywhere in it (A1:B2, a table, a name, a function that can return a
  // reference) may make it an array, so only arithmetic on cells and literals counts as one value.
  for (const t of s) {
    if (t.kind === "op" && t.text === ":") return "range";
    if (t.kind === "brace-open") return "range";
    if (t.kind !== "word") continue;
    const body = t.body ?? "";
    if (t.call) {
      if (/^(INDEX|OFFSET|INDIRECT|CHOOSE|IF|IFS|SWITCH|_xlfn\.|_xlws\.)/i.test(body))
        return "range";
      continue;
    }
    if (isCellBody(body) || /^(TRUE|FALSE)$/i.test(body)) continue;
    if (body.includes("[")) {
      if (!isThisRow(body)) return "range";
      continue;
    }
    if (!nameIsCell(t.text)) return "range";
  }
  return "single";
}

export type Argument =
  { kind: "value"; value: CellValue } | { kind: "grid"; grid: CellValue[][] } | { kind: "omitted" };

export interface Resolver {
  /**
   * A reference, a range ("Data!A1:B9", written with its sheet or not), a structured reference or
   * a defined name, as a grid of the cells' values (one cell is 1×1); null when it cannot be read.
   */
  reference(text: string): CellValue[][] | null;
}

export class Unresolved extends Error {}

/** Evaluates an argument's tokens to what Excel would pass the function. */
export function evaluateArgument(tokens: readonly Token[], resolver: Resolver): Argument {
  const s = solid(tokens);
  if (s.length === 0) return { kind: "omitted" };
  const p = new ExpressionReader(s, resolver);
  const v = p.expression();
  if (!p.done()) throw new Unresolved(`cannot read "${untokenize(tokens).trim()}"`);
  return Array.isArray(v) ? { kind: "grid", grid: v } : { kind: "value", value: v };
}

type Value = CellValue | CellValue[][];

function scalar(v: Value): CellValue {
  if (!Array.isArray(v)) return v;
  if (v.length === 1 && v[0].length === 1) return v[0][0];
  throw new Unresolved("a range where one value belongs");
}

function num(v: CellValue): number | CellValue {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v.trim());
  return v.trim() !== "" && Number.isFinite(n) ? n : { error: "#VALUE!" };
}

class ExpressionReader {
  private i = 0;
  constructor(
    private readonly t: Token[],
    private readonly resolver: Resolver
  ) {}

  done(): boolean {
    return this.i >= this.t.length;
  }

  private peek(): Token | undefined {
    return this.t[this.i];
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === "op" && t.text === text;
  }

  expression(): Value {
    let left = this.additive();
    while (this.isOp("&")) {
      this.i++;
      const a = scalar(left);
      const b = scalar(this.additive());
      if (isError(a)) left = a;
      else if (isError(b)) left = b;
      else left = `${a ?? ""}${b ?? ""}`;
    }
    return left;
  }

  private arithmetic(a: Value, b: Value, op: string): CellValue {
    const x = num(scalar(a));
    const y = num(scalar(b));
    if (typeof x !== "number") return x;
    if (typeof y !== "number") return y;
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        return y === 0 ? { error: "#DIV/0!" } : x / y;
      default:
        return x ** y;
    }
  }

  private additive(): Value {
    let left = this.multiplicative();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.t[this.i++].text;
      left = this.arithmetic(left, this.multiplicative(), op);
    }
    return left;
  }

  private multiplicative(): Value {
    let left = this.power();
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.t[this.i++].text;
      left = this.arithmetic(left, this.power(), op);
    }
    return left;
  }

  private power(): Value {
    let left = this.unary();
    while (this.isOp("^")) {
      this.i++;
      left = this.arithmetic(left, this.unary(), "^");
    }
    return left;
  }

  private unary(): Value {
    if (this.isOp("-") || this.isOp("+")) {
      const op = this.t[this.i++].text;
      const v = this.unary();
      return op === "-" ? this.arithmetic(0, v, "-") : v;
    }
    const v = this.primary();
    if (this.isOp("%")) {
      this.i++;
      return this.arithmetic(v, 100, "/");
    }
    return v;
  }

  private primary(): Value {
    const t = this.t[this.i++];
    if (!t) throw new Unresolved("an argument ends too soon");
    switch (t.kind) {
      case "number":
        return Number(t.text);
      case "string":
        return t.text.slice(1, -1).replace(/""/g, '"');
      case "error":
        return { error: t.text.toUpperCase() };
      case "open": {
        const v = this.expression();
        if (this.peek()?.kind !== "close") throw new Unresolved("unbalanced brackets");
        this.i++;
        return v;
      }
      case "word":
        return this.word(t);
      default:
        throw new Unresolved(`cannot read "${t.text}"`);
    }
  }

  private word(t: Token): Value {
    const body = t.body ?? "";
    if (t.call) {
      if (/^DATE$/i.test(body) && !t.prefix) return this.date();
      throw new Unresolved(`the function ${body} in an argument`);
    }
    if (!t.prefix && /^TRUE$/i.test(body)) return true;
    if (!t.prefix && /^FALSE$/i.test(body)) return false;
    let text = t.text;
    // A range: reference ":" reference.
    if (this.isOp(":") && this.t[this.i + 1]?.kind === "word") {
      text = `${text}:${this.t[this.i + 1].text}`;
      this.i += 2;
    }
    const grid = this.resolver.reference(text);
    if (!grid) throw new Unresolved(`the reference ${text} cannot be read`);
    return grid;
  }

  private date(): Value {
    this.i++; // "("
    const parts: CellValue[] = [];
    for (;;) {
      parts.push(scalar(this.expression()));
      const t = this.t[this.i++];
      if (t?.kind === "close") break;
      if (t?.kind !== "comma") throw new Unresolved("DATE needs three numbers");
    }
    if (parts.length !== 3) throw new Unresolved("DATE needs three numbers");
    const n = parts.map(num);
    const bad = n.find((x) => typeof x !== "number");
    if (bad !== undefined) return bad as CellValue;
    const [y, m, d] = (n as number[]).map(Math.trunc);
    // Excel's DATE: a year below 1900 is added to 1900; months and days roll over.
    const year = y < 1900 ? y + 1900 : y;
    const first = serialFromYmd(
      year + Math.floor((m - 1) / 12),
      ((((m - 1) % 12) + 12) % 12) + 1,
      1
    );
    return first + d - 1;
  }
}
