/**
 * How a plan cell becomes an ExcelJS cell value (a formula with its cached result, or a
 * literal), and how an ExcelJS cell value is read back as the plain value Office.js's
 * `range.values` gives. Pure: no ExcelJS import, no Node APIs.
 */
import { serialFromDate } from "../../core/dates";
import { EXCEL_ERRORS } from "../../core/excel-errors";
import type { CellSpec } from "../../core/summary/plan";

/** Excel's error values: a cached result that is one of these is written as an error (t="e"). */
const ERROR_VALUES = new Set<string>(EXCEL_ERRORS);

/**
 * Functions added after Excel 2007. In a file (not through Office.js, which takes formulas as
 * typed) Excel reads them only with the `_xlfn.` prefix: without it the cell shows #NAME? until
 * it is edited. LibreOffice reads the prefixed names too. (XlsxWriter's documentation lists
 * these; FILTER, SORT and the other dynamic-array functions also need array metadata this writer
 * does not produce, so a plan should not use them.)
 */
const FUTURE_FUNCTIONS = new Set(
  (
    "ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV " +
    "BITAND BITLSHIFT BITOR BITRSHIFT BITXOR CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT " +
    "CHISQ.INV CHISQ.INV.RT CHISQ.TEST COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH " +
    "COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL ERF.PRECISE ERFC.PRECISE EXPON.DIST F.DIST " +
    "F.DIST.RT F.INV F.INV.RT F.TEST FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS " +
    "FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT " +
    "GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HYPGEOM.DIST IFNA IFS IMCOSH IMCOT IMCSC " +
    "IMCSCH IMSEC IMSECH IMSINH IMTAN ISFORMULA ISOWEEKNUM LOGNORM.DIST LOGNORM.INV MAXIFS MINIFS " +
    "MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NETWORKDAYS.INTL NORM.DIST NORM.INV NORM.S.DIST " +
    "NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC " +
    "PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC RANK.AVG RANK.EQ RRI " +
    "SEC SECH SHEET SHEETS SKEW.P STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T " +
    "T.TEST TEXTJOIN UNICHAR UNICODE VAR.P VAR.S WEBSERVICE WEIBULL.DIST WORKDAY.INTL XOR Z.TEST " +
    "XLOOKUP XMATCH LET LAMBDA SEQUENCE RANDARRAY SORTBY UNIQUE TEXTBEFORE TEXTAFTER TEXTSPLIT " +
    "VSTACK HSTACK TOCOL TOROW CHOOSECOLS CHOOSEROWS DROP TAKE EXPAND WRAPCOLS WRAPROWS"
  ).split(" ")
);
/** Dynamic-array functions Excel stores under a second prefix. */
const WORKSHEET_FUNCTIONS = new Set(["FILTER", "SORT"]);

/**
 * A formula as a file stores it: no leading "=", and `_xlfn.` before every function Excel added
 * after 2007 (text in quotes, quoted sheet names and structured references are left alone).
 */
export function fileFormula(formula: string): string {
  const f = formula.startsWith("=") ? formula.slice(1) : formula;
  let out = "";
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name; a doubled quote is an escaped one.
      let j = i + 1;
      while (j < f.length) {
        if (f[j] === ch) {
          if (f[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // A structured reference (possibly nested: Table[[#This Row],[Column]]); ' escapes inside.
      let depth = 0;
      let j = i;
      for (; j < f.length; j++) {
        if (f[j] === "'") {
          j++;
          continue;
        }
        if (f[j] === "[") depth++;
        else if (f[j] === "]" && --depth === 0) break;
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(f.slice(i));
    if (m) {
      const word = m[0];
      const prev = out[out.length - 1];
      const isCall = f[i + word.length] === "(";
      const upper = word.toUpperCase();
      if (isCall && prev !== "." && !upper.startsWith("_XLFN.") && !upper.startsWith("_XLWS.")) {
        if (FUTURE_FUNCTIONS.has(upper)) out += "_xlfn.";
        else if (WORKSHEET_FUNCTIONS.has(upper)) out += "_xlfn._xlws.";
      }
      out += word;
      i += word.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** What ExcelJS's `cell.value` takes for a formula's cached result, or undefined for none. */
function cachedResult(value: CellSpec["value"]): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && ERROR_VALUES.has(value)) return { error: value };
  return value;
}

/**
 * The ExcelJS cell value of a plan cell: `{ formula, result }` for a formula (ExcelJS writes the
 * result as the cell's cached value: `<v>`, with t="str" for text, t="b" for a boolean, t="e" for
 * an error), else the literal. Text is always a string cell (t="s"): a file has no "typed input",
 * so "=HYPERLINK(…)" or "+44 161" stays text without an apostrophe.
 */
export function excelJsValue(cell: CellSpec | undefined): unknown {
  if (!cell) return null;
  if (cell.formula !== undefined && cell.formula !== "") {
    const result = cachedResult(cell.value);
    return result === undefined
      ? { formula: fileFormula(cell.formula) }
      : { formula: fileFormula(cell.formula), result };
  }
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return v;
}

/**
 * An ExcelJS cell value as the plain value Office.js's `range.values` gives: numbers, text,
 * booleans, dates as Excel serial numbers, a formula's cached result, rich text and hyperlinks as
 * their text, errors as "#REF!" and so on; an empty cell (or a formula with no cached value) is "".
 * The command line's file reader (src/node/read-file.ts) reads cells through this too.
 */
export function plainValue(value: unknown): unknown {
  const v = plainCellValue(value);
  return v === null ? "" : v;
}

/**
 * A cell's plain value. For a formula this reads `cell.result`, not `cell.value`: ExcelJS's
 * `cell.value` of a formula drops a cached result that is falsy (0 or FALSE).
 */
export function plainCell(cell: { value: unknown; result?: unknown }): unknown {
  const v = cell.value;
  if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v))
    return plainValue(cell.result ?? null);
  return plainValue(v);
}

function plainCellValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value !== "object") return value;
  const v = value as Record<string, unknown>;
  if ("result" in v || "formula" in v || "sharedFormula" in v)
    return plainCellValue(v.result ?? null);
  if (Array.isArray(v.richText))
    return (v.richText as { text: string }[]).map((r) => r.text).join("");
  if ("error" in v) return String(v.error);
  if ("text" in v) return plainCellValue(v.text);
  return String(value);
}
