/* eslint-disable no-setter-return -- the fake's property setters are arrows that record an operation; their result is unused */
/**
 * A stand-in for the slice of Excel's object model the Office.js adapter calls. It records the
 * adapter's calls and keeps the workbook they make (sheets, their cells, tables, charts, names),
 * and it refuses what Excel refuses, the way Excel refuses it — at the next context.sync(), with
 * an error carrying Excel's error code, and with every operation after the failing one in that
 * request left undone (operations before it stay done: a request is not a transaction):
 *
 * - a matrix written to `values`, `formulas` or `numberFormat` whose shape is not its range's;
 * - a request or a response over Excel on the web's 5 MB payload limit ("Resource limits and
 *   performance optimization for Office Add-ins");
 * - a sheet name Excel refuses (over 31 characters, []:*?/\, an apostrophe at either end,
 *   "History", taken); a table or defined name Excel refuses (not a letter, "_" or "\" first,
 *   other than letters, digits, "_", "." and "\", a cell reference, taken by a table or name);
 *   a table overlapping another table or merged cells, and cells merged in a table; print
 *   title rows that are not whole rows;
 * - reading a property before it was loaded and synced (Office.js throws PropertyNotLoaded);
 * - an API of a requirement set above `apiVersion` (ApiNotFound), and any property Excel's
 *   objects do not have (the objects are not extensible, so an assignment throws);
 * - a chart series Excel did not make: a chart made from a source with no number makes none, so
 *   `series.getItemAt(0)` fails (ItemNotFound).
 *
 * `failAtOperation(n)` makes the n-th operation fail once, as a lost connection would, so a test
 * can fail each step of a build in turn.
 */

export const NOT_LOADED = "Error, property was not loaded";
/** Excel on the web's limit per request and per response. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface InitialSheet {
  name: string;
  /** The product's owner marker (custom property "WorkforceScrutiny"), if any. */
  marker?: string;
  /** Cells from A1. */
  cells?: unknown[][];
  tables?: { name: string; address: string }[];
}

export interface FakeExcelOptions {
  /** The highest ExcelApi version this Excel has (default "1.12", the highest the adapter checks for). */
  apiVersion?: string;
  /** Bytes per request and per response (default: Excel on the web's 5 MB). */
  payloadLimitBytes?: number;
  /** The workbook's title to begin with (File > Info). */
  title?: string;
}

export interface FakeBorder {
  style?: string;
  weight?: string;
  color?: string;
}

export interface FakeConditionalFormat {
  type: string;
  custom: {
    format: { fill: Record<string, unknown>; font: Record<string, unknown> };
    rule: { formula?: string };
  };
}

export interface FakeRange {
  sheet: string;
  address: string;
  values?: unknown;
  formulas?: unknown;
  numberFormat?: unknown;
  format: {
    font: Record<string, unknown>;
    fill: Record<string, unknown>;
    borders: { getItem(edge: string): FakeBorder };
    edges: Record<string, FakeBorder>;
    [key: string]: unknown;
  };
  dataValidation: { rule?: unknown; prompt?: unknown };
  conditional: FakeConditionalFormat[];
  conditionalFormats: { add(type: string): FakeConditionalFormat };
  load(props?: string): FakeRange;
  select(): void;
}

export interface FakeSeries {
  name?: string;
  values?: string;
  categories?: string;
  setValues(range: FakeRange): void;
  setXAxisValues(range: FakeRange): void;
  /** What the adapter set on the series: colour, marker, data labels. */
  style: Record<string, unknown>;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  title: { text?: string };
  seriesList: FakeSeries[];
  series: {
    getItemAt(i: number): FakeSeries;
    add(name?: string): FakeSeries;
    getCount(): { value: number };
  };
  position?: [string, string | undefined];
  setPosition(start: string, end?: string): void;
}

export interface FakeTable {
  sheet: string;
  address: string;
  hasHeaders?: boolean;
  name?: string;
  style?: string;
}

export interface FakeSheet {
  id: number;
  name: string;
  marker?: string;
  /** The values the sheet holds from A1 (a formula cell: the value written before its formula). */
  cells?: unknown[][];
  /** The formulas written, by cell ("=…"). */
  formulas?: unknown[][];
  deleted: boolean;
  ranges: FakeRange[];
  tables: FakeTable[];
  charts: FakeChart[];
  frozenRows?: number;
  tabColor?: string;
  /** Merged ranges ("A5:O5"). */
  merges: string[];
  /** Row heights in points, by 0-based row. */
  rowHeights: Record<number, number>;
  /** The page layout the adapter set (orientation, paperSize, zoom, printArea, printTitleRows). */
  pageLayout: Record<string, unknown>;
  /** Manual page breaks: the 0-based rows a page starts at. */
  pageBreaks: number[];
  proxy: Record<string, unknown>;
}

export interface FakeName {
  name: string;
  ref: FakeRange | string;
  deleted: boolean;
}

/** An error as Office.js gives it: a message and one of Excel.ErrorCodes. */
export function excelError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

/** What the adapter wrote through a range (values, formulas, numberFormat, column width, validation). */
const writesOf = new WeakMap<object, Record<string, unknown>>();
export function writes(range: FakeRange): Record<string, unknown> {
  return writesOf.get(range) ?? {};
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function columnLetters(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

interface Corners {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Independent of the adapter's own parser: "A1", "A1:C3" or whole columns "A:A" (no sheet). */
export function corners(address: string): Corners {
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(address);
  if (cols) return { r0: 0, c0: columnIndex(cols[1]), r1: 1_048_575, c1: columnIndex(cols[2]) };
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows) return { r0: Number(rows[1]) - 1, c0: 0, r1: Number(rows[2]) - 1, c1: 16_383 };
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) throw excelError("InvalidArgument", `fake Excel: bad address ${address}`);
  const c0 = columnIndex(m[1]);
  const r0 = Number(m[2]) - 1;
  return { r0, c0, r1: m[3] ? Number(m[4]) - 1 : r0, c1: m[3] ? columnIndex(m[3]) : c0 };
}

function overlaps(a: Corners, b: Corners): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Why Excel refuses a sheet name, or undefined. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 31)
    return `a sheet name must be 1 to 31 characters: ${name}`;
  if (/[[\]:*?/\\]/.test(name)) return `a sheet name cannot contain []:*?/\\: ${name}`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `a sheet name cannot start or end with an apostrophe: ${name}`;
  if (name.toLowerCase() === "history") return "History is a reserved sheet name";
  return undefined;
}

/** Why Excel refuses a table or defined name, or undefined. */
export function definedNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 255) return `a name must be 1 to 255 characters: ${name}`;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name))
    return `a name must start with a letter, "_" or "\\" and hold only letters, digits, "_", "." and "\\": ${name}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name))
    return `a name cannot be a cell reference: ${name}`;
  return undefined;
}

/** The ExcelApi version each modelled API needs (Office.js reference, "API set" of each member). */
const API_SETS: Record<string, string> = {
  "worksheets.add": "1.1",
  "worksheets.getItemOrNullObject": "1.4",
  "worksheet.getUsedRangeOrNullObject": "1.4",
  "worksheet.customProperties": "1.12",
  "worksheet.tabColor": "1.7",
  "worksheet.freezePanes": "1.7",
  "range.format.columnWidth": "1.2",
  "range.conditionalFormats": "1.6",
  "range.dataValidation": "1.8",
  "names.add": "1.4",
  "namedItem.delete": "1.4",
  "chart.series.add": "1.7",
  "chart.series.getCount": "1.4",
  "series.setValues": "1.7",
  "series.setXAxisValues": "1.7",
  "application.suspendApiCalculationUntilNextSync": "1.6",
  "application.suspendScreenUpdatingUntilNextSync": "1.9",
  "range.merge": "1.2",
  "range.format.rowHeight": "1.2",
  "worksheet.pageLayout": "1.9",
  "worksheet.horizontalPageBreaks": "1.9",
  "workbook.properties": "1.7",
  "series.format": "1.1",
  "series.markerStyle": "1.7",
  "series.hasDataLabels": "1.7",
  "series.dataLabels": "1.8",
};

function versionAtLeast(have: string, need: string): boolean {
  const [a, b] = have.split(".").map(Number);
  const [c, d] = need.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

/** Rough bytes of a value in a request or response (its JSON). */
function jsonBytes(value: unknown): number {
  return JSON.stringify(value ?? null).length;
}

/** An object whose listed properties throw until loaded; `load` marks them loaded at the next sync. */
function loadable<T extends object>(
  target: T,
  what: string,
  props: Record<string, () => unknown>,
  queue: (fill: () => void) => void
): T & { load(props?: string): T } {
  const loaded = new Map<string, unknown>();
  for (const prop of Object.keys(props)) {
    Object.defineProperty(target, prop, {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!loaded.has(prop))
          throw excelError(
            "PropertyNotLoaded",
            `The property '${prop}' of ${what} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
          );
        return loaded.get(prop);
      },
    });
  }
  // `isNullObject` is known after the next sync, whatever was loaded.
  if ("isNullObject" in props) queue(() => loaded.set("isNullObject", props.isNullObject()));
  const withLoad = target as T & { load(props?: string): T };
  withLoad.load = (wanted?: string) => {
    const names = (wanted ?? Object.keys(props).join(","))
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    queue(() => {
      for (const name of names) if (name in props) loaded.set(name, props[name]());
    });
    return target;
  };
  return withLoad;
}

export function fakeExcel(initial: InitialSheet[], options: FakeExcelOptions = {}) {
  const apiVersion = options.apiVersion ?? "1.12";
  const limit = options.payloadLimitBytes ?? WEB_PAYLOAD_LIMIT;
  const log: string[] = [];
  const pending: (() => void)[] = [];
  const sheets: FakeSheet[] = [];
  const names: FakeName[] = [];
  let failure: Error | undefined;
  let nextId = 1;
  let syncs = 0;
  let operations = 0;
  let failAt: number | undefined;
  let requestBytes = 0;
  let responseBytes = 0;
  const stats = { maxRequestBytes: 0, maxResponseBytes: 0 };

  const live = () => sheets.filter((s) => !s.deleted);
  const byName = (name: string) => live().find((s) => s.name.toLowerCase() === name.toLowerCase());
  const queue = (fill: () => void) => pending.push(fill);
  const allTables = () => live().flatMap((s) => s.tables.filter((t) => t.name !== undefined));
  const nameTaken = (name: string) =>
    names.some((n) => !n.deleted && n.name.toLowerCase() === name.toLowerCase()) ||
    allTables().some((t) => t.name!.toLowerCase() === name.toLowerCase());

  /**
   * One operation of the current request: counted, refused when an earlier one of this request
   * failed (Excel stops there), when it is the injected failure, when its API set is missing,
   * or when `check` says Excel refuses it; otherwise applied. Returns whether it was applied.
   */
  const op = (
    what: string,
    bytes: number,
    check: () => Error | string | undefined,
    apply: () => void,
    api?: string
  ): boolean => {
    operations++;
    if (failure) return false;
    requestBytes += 60 + bytes;
    if (requestBytes > limit) {
      // (Excel refuses the whole request; here the operations before this one stay done.)
      failure = excelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes at ${what}).`
      );
      return false;
    }
    if (failAt !== undefined && operations === failAt) {
      failAt = undefined;
      failure = excelError("GeneralException", `fake Excel: injected failure at ${what}`);
      return false;
    }
    if (api && !versionAtLeast(apiVersion, API_SETS[api] ?? "1.1")) {
      failure = excelError(
        "ApiNotFound",
        `${api} needs ExcelApi ${API_SETS[api]}; this Excel has ${apiVersion}`
      );
      return false;
    }
    const problem = check();
    if (problem) {
      failure = typeof problem === "string" ? excelError("InvalidArgument", problem) : problem;
      return false;
    }
    apply();
    return true;
  };
  const noCheck = () => undefined;

  /**
   * A write through `values` or `formulas`. A formula ("=…") keeps the cell's value (the add-in
   * wrote core's value there first, and calculation is suspended) and is kept in `formulas`.
   */
  function writeCells(
    sheet: FakeSheet,
    at: Corners,
    matrix: unknown[][],
    via: "values" | "formulas"
  ): void {
    sheet.cells ??= [];
    sheet.formulas ??= [];
    matrix.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = at.r0 + i;
        const c = at.c0 + j;
        const isFormula = via === "formulas" && typeof v === "string" && v.startsWith("=");
        if (isFormula) {
          (sheet.formulas![r] ??= [])[c] = v;
          return;
        }
        if (sheet.formulas![r]) delete sheet.formulas![r][c];
        // Excel keeps text after a leading apostrophe as it is, without the apostrophe.
        (sheet.cells![r] ??= [])[c] = typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
      })
    );
  }

  function cellsOf(sheet: FakeSheet, at: Corners): unknown[][] {
    const out: unknown[][] = [];
    for (let r = at.r0; r <= at.r1; r++) {
      const row: unknown[] = [];
      for (let c = at.c0; c <= at.c1; c++) {
        const v = sheet.cells?.[r]?.[c];
        row.push(v === undefined || v === null ? "" : v);
      }
      out.push(row);
    }
    return out;
  }

  function makeRange(sheet: FakeSheet, address: string): FakeRange {
    const at = corners(address);
    const edges: Record<string, FakeBorder> = {};
    const recorded: Record<string, unknown> = {};
    const shapeProblem = (prop: string, matrix: unknown) => {
      const rows = at.r1 - at.r0 + 1;
      const columns = at.c1 - at.c0 + 1;
      if (
        !Array.isArray(matrix) ||
        matrix.length !== rows ||
        matrix.some((r) => !Array.isArray(r) || r.length !== columns)
      )
        return excelError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop} of ${address}: ${rows}×${columns}).`
        );
      return undefined;
    };
    const font: Record<string, unknown> = {};
    const fill: Record<string, unknown> = {};
    const format = {
      font,
      fill,
      edges,
      borders: {
        getItem: (edge: string) => {
          const border: FakeBorder = (edges[edge] ??= {});
          return border;
        },
      },
    } as FakeRange["format"];
    const dataValidation: FakeRange["dataValidation"] = {};
    for (const prop of ["rule", "prompt"] as const) {
      Object.defineProperty(dataValidation, prop, {
        enumerable: true,
        get: () => recorded[`dv.${prop}`],
        set: (v: unknown) =>
          op(
            `dataValidation.${prop} ${address}`,
            jsonBytes(v),
            noCheck,
            () => {
              recorded[`dv.${prop}`] = v;
            },
            "range.dataValidation"
          ),
      });
    }
    Object.defineProperty(format, "columnWidth", {
      enumerable: true,
      get: () => recorded.columnWidth,
      set: (v: unknown) =>
        op(
          `columnWidth ${address}`,
          20,
          noCheck,
          () => {
            recorded.columnWidth = v;
          },
          "range.format.columnWidth"
        ),
    });
    for (const prop of ["wrapText", "verticalAlignment"]) {
      Object.defineProperty(format, prop, {
        enumerable: true,
        get: () => recorded[prop],
        set: (v: unknown) =>
          op(`${prop} ${address}`, 20, noCheck, () => {
            recorded[prop] = v;
          }),
      });
    }
    Object.defineProperty(format, "rowHeight", {
      enumerable: true,
      get: () => recorded.rowHeight,
      set: (v: number) =>
        op(
          `rowHeight ${address}`,
          20,
          () =>
            at.c0 === 0 && at.c1 === 16_383
              ? undefined
              : `fake Excel: rowHeight of ${address} is not modelled`,
          () => {
            recorded.rowHeight = v;
            for (let r = at.r0; r <= at.r1; r++) sheet.rowHeights[r] = v;
          },
          "range.format.rowHeight"
        ),
    });
    Object.preventExtensions(format);
    const range = {
      address,
      format,
      dataValidation: Object.preventExtensions(dataValidation),
      conditional: [] as FakeConditionalFormat[],
      conditionalFormats: {
        add(type: string) {
          const cf: FakeConditionalFormat = {
            type,
            custom: { format: { fill: {}, font: {} }, rule: {} },
          };
          op(
            `conditional format ${sheet.name}!${address}`,
            100,
            () =>
              type === "Custom"
                ? undefined
                : `fake Excel: conditional format type ${type} is not modelled`,
            () => {
              range.conditional.push(cf);
              log.push(`conditional format ${sheet.name}!${address}`);
            },
            "range.conditionalFormats"
          );
          return cf;
        },
      },
      select() {
        op(`select ${address}`, 0, noCheck, () => log.push(`select ${sheet.name}!${address}`));
      },
      merge(across?: boolean) {
        op(
          `merge ${address}`,
          address.length,
          () =>
            across
              ? "fake Excel: merge(across) is not modelled"
              : sheet.tables.some((t) => overlaps(corners(t.address), at))
                ? excelError("InvalidOperation", `Cells in a table can't be merged (${address}).`)
                : undefined,
          () => {
            sheet.merges.push(address);
            log.push(`merge ${sheet.name}!${address}`);
          },
          "range.merge"
        );
      },
    } as unknown as FakeRange;
    // The range follows its sheet when the sheet is renamed, as in Excel.
    Object.defineProperty(range, "sheet", { enumerable: true, get: () => sheet.name });
    for (const prop of ["formulas", "numberFormat"] as const) {
      Object.defineProperty(range, prop, {
        enumerable: true,
        get: () => recorded[prop],
        set: (matrix: unknown) =>
          op(
            `${prop} ${address}`,
            jsonBytes(matrix),
            () => shapeProblem(prop, matrix),
            () => {
              recorded[prop] = matrix;
              if (prop === "formulas") writeCells(sheet, at, matrix as unknown[][], "formulas");
            }
          ),
      });
    }
    // `values`: written by the adapter, or loaded (then read back) — never read before a load.
    let loadedValues: unknown[][] | undefined;
    Object.defineProperty(range, "values", {
      enumerable: true,
      get: () => {
        if (recorded.values !== undefined) return recorded.values;
        if (loadedValues === undefined)
          throw excelError(
            "PropertyNotLoaded",
            `The property 'values' of ${address} is not loaded.`
          );
        return loadedValues;
      },
      set: (matrix: unknown) =>
        op(
          `values ${address}`,
          jsonBytes(matrix),
          () => shapeProblem("values", matrix),
          () => {
            recorded.values = matrix;
            writeCells(sheet, at, matrix as unknown[][], "values");
          }
        ),
    });
    (range as { load: FakeRange["load"] }).load = (props?: string) => {
      const wanted = (props ?? "").split(",").map((p) => p.trim());
      operations++;
      queue(() => {
        if (wanted.includes("values")) {
          loadedValues = cellsOf(sheet, at);
          responseBytes += jsonBytes(loadedValues);
        }
        if (wanted.includes("address")) range.address = `${quoteSheet(sheet.name)}!${address}`;
      });
      return range;
    };
    Object.preventExtensions(range);
    writesOf.set(range, recorded);
    sheet.ranges.push(range);
    return range;
  }

  /** Series Excel makes from a source: one per row (or column) that holds a number. */
  function autoSeries(sheet: FakeSheet, source: Corners, seriesBy?: string): Corners[] {
    const byRows = seriesBy === "Rows" || (seriesBy === undefined && source.r0 === source.r1);
    const out: Corners[] = [];
    const count = byRows ? source.r1 - source.r0 + 1 : source.c1 - source.c0 + 1;
    for (let k = 0; k < count; k++) {
      const line = byRows
        ? { r0: source.r0 + k, r1: source.r0 + k, c0: source.c0, c1: source.c1 }
        : { r0: source.r0, r1: source.r1, c0: source.c0 + k, c1: source.c0 + k };
      if (
        cellsOf(sheet, line)
          .flat()
          .some((v) => typeof v === "number")
      )
        out.push(line);
    }
    return out;
  }

  function makeChart(
    sheet: FakeSheet,
    type: string,
    source: FakeRange,
    seriesBy?: string
  ): FakeChart {
    const makeSeries = (name?: string, values?: string): FakeSeries => {
      const style: Record<string, unknown> = {};
      /** A settable property of the series (or its parts) recorded in `style` under `key`. */
      const settable = <T extends object>(
        target: T,
        props: Record<string, string>,
        api: string
      ) => {
        for (const [prop, key] of Object.entries(props))
          Object.defineProperty(target, prop, {
            enumerable: true,
            get: () => style[key],
            set: (v: unknown) => op(`series.${key}`, 20, noCheck, () => (style[key] = v), api),
          });
        return Object.preventExtensions(target);
      };
      const font = settable({}, { color: "labelColor", size: "labelSize" }, "series.dataLabels");
      const dataLabels = settable(
        { format: Object.freeze({ font }) },
        { showValue: "showValue", position: "labelPosition", numberFormat: "labelFormat" },
        "series.dataLabels"
      );
      const seriesFormat = Object.freeze({
        fill: Object.freeze({
          setSolidColor: (c: string) =>
            op("series.fill", 20, noCheck, () => (style.fill = c), "series.format"),
        }),
        line: settable({}, { color: "line" }, "series.format"),
      });
      const s: FakeSeries = {
        values,
        categories: undefined,
        style,
        format: seriesFormat,
        dataLabels,
        setValues: (r) =>
          op("series.setValues", 40, noCheck, () => (s.values = r.address), "series.setValues"),
        setXAxisValues: (r) =>
          op(
            "series.setXAxisValues",
            40,
            noCheck,
            () => (s.categories = r.address),
            "series.setXAxisValues"
          ),
      } as FakeSeries;
      let current = name;
      Object.defineProperty(s, "name", {
        enumerable: true,
        get: () => current,
        set: (v: string) => op("series.name", v.length, noCheck, () => (current = v)),
      });
      Object.defineProperty(s, "hasDataLabels", {
        enumerable: true,
        get: () => style.hasDataLabels,
        set: (v: boolean) =>
          op(
            "series.hasDataLabels",
            10,
            noCheck,
            () => (style.hasDataLabels = v),
            "series.hasDataLabels"
          ),
      });
      settable(
        s,
        {
          markerStyle: "marker",
          markerSize: "markerSize",
          markerBackgroundColor: "markerBackground",
          markerForegroundColor: "markerForeground",
        },
        "series.markerStyle"
      );
      return Object.preventExtensions(s);
    };
    const title: { text?: string } = {};
    let text: string | undefined;
    Object.defineProperty(title, "text", {
      enumerable: true,
      get: () => text,
      set: (v: string) => op("chart.title.text", v.length, noCheck, () => (text = v)),
    });
    const made = autoSeries(sheet, corners(source.address), seriesBy);
    const chart: FakeChart = {
      position: undefined,
      type,
      source: source.address,
      seriesBy,
      title: Object.preventExtensions(title),
      seriesList: made.map((line) =>
        makeSeries(
          undefined,
          `${columnLetters(line.c0)}${line.r0 + 1}${line.r1 > line.r0 || line.c1 > line.c0 ? `:${columnLetters(line.c1)}${line.r1 + 1}` : ""}`
        )
      ),
      series: {
        getItemAt: (i) => {
          const found = chart.seriesList[i];
          op(
            `series.getItemAt(${i})`,
            0,
            () =>
              found
                ? undefined
                : excelError("ItemNotFound", `The requested resource doesn't exist (series ${i}).`),
            () => undefined
          );
          return found ?? makeSeries();
        },
        add: (name) => {
          const s = makeSeries(name);
          op("series.add", 40, noCheck, () => chart.seriesList.push(s), "chart.series.add");
          return s;
        },
        getCount: () => {
          const result = { value: NOT_LOADED as unknown as number };
          operations++;
          queue(() => (result.value = chart.seriesList.length));
          if (!versionAtLeast(apiVersion, API_SETS["chart.series.getCount"]))
            failure ??= excelError("ApiNotFound", "series.getCount needs ExcelApi 1.4");
          return result;
        },
      },
      setPosition(start, end) {
        op("chart.setPosition", 20, noCheck, () => (chart.position = [start, end]));
      },
    };
    sheet.charts.push(chart);
    return Object.preventExtensions(chart);
  }

  function addSheet(init: InitialSheet): FakeSheet {
    const sheet: FakeSheet = {
      id: nextId++,
      name: init.name,
      marker: init.marker,
      cells: init.cells?.map((r) => [...r]),
      deleted: false,
      ranges: [],
      tables: (init.tables ?? []).map((t) => ({
        sheet: init.name,
        address: t.address,
        name: t.name,
      })),
      charts: [],
      merges: [],
      rowHeights: {},
      pageLayout: {},
      pageBreaks: [],
      proxy: {},
    };
    const layout = (key: string, v: unknown, check: () => string | undefined = noCheck) =>
      op(`pageLayout.${key}`, 40, check, () => (sheet.pageLayout[key] = v), "worksheet.pageLayout");
    const pageLayout: Record<string, unknown> = {
      setPrintArea: (a: string) => layout("printArea", a),
      // "The range must span the entire row to be valid" (PageLayout.setPrintTitleRows).
      setPrintTitleRows: (rows: string) =>
        layout("printTitleRows", rows, () =>
          /^\$?\d+:\$?\d+$/.test(rows) ? undefined : `print title rows must be whole rows: ${rows}`
        ),
    };
    for (const key of ["orientation", "paperSize", "zoom"])
      Object.defineProperty(pageLayout, key, {
        enumerable: true,
        get: () => sheet.pageLayout[key],
        set: (v: unknown) => layout(key, v),
      });
    Object.preventExtensions(pageLayout);
    const proxy: Record<string, unknown> = {
      pageLayout,
      horizontalPageBreaks: Object.freeze({
        add: (a: string) => {
          const at = corners(a);
          op(
            `page break ${a}`,
            20,
            noCheck,
            () => sheet.pageBreaks.push(at.r0),
            "worksheet.horizontalPageBreaks"
          );
        },
      }),
      getRange: (address: string) => makeRange(sheet, address),
      getUsedRangeOrNullObject: () => {
        operations++;
        if (!versionAtLeast(apiVersion, API_SETS["worksheet.getUsedRangeOrNullObject"]))
          failure ??= excelError("ApiNotFound", "getUsedRangeOrNullObject needs ExcelApi 1.4");
        return loadable(
          {},
          "the used range",
          {
            isNullObject: () => {
              const cells = sheet.cells ?? [];
              return cells.length === 0 || Math.max(0, ...cells.map((r) => r.length)) === 0;
            },
            address: () => {
              const cells = sheet.cells ?? [];
              const width = Math.max(0, ...cells.map((r) => r.length));
              return `${quoteSheet(sheet.name)}!A1:${columnLetters(width - 1)}${cells.length}`;
            },
          },
          queue
        );
      },
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          let tableName: string | undefined;
          let style: string | undefined;
          // The table follows its sheet when the sheet is renamed, as in Excel.
          const table = {
            get sheet() {
              return sheet.name;
            },
            address,
            hasHeaders,
          } as FakeTable;
          const at = corners(address);
          const added = op(
            `table ${address}`,
            address.length,
            () =>
              sheet.tables.some((t) => overlaps(corners(t.address), at))
                ? excelError("InvalidArgument", `A table can't overlap another table (${address}).`)
                : sheet.merges.some((m) => overlaps(corners(m), at))
                  ? excelError("InvalidOperation", `A table can't hold merged cells (${address}).`)
                  : undefined,
            () => {
              sheet.tables.push(table);
              log.push(`table ${sheet.name}!${address}`);
            }
          );
          Object.defineProperty(table, "name", {
            enumerable: true,
            get: () => tableName,
            set: (v: string) =>
              op(
                `table name ${v}`,
                v.length,
                () =>
                  definedNameProblem(v) ??
                  (nameTaken(v) && v.toLowerCase() !== tableName?.toLowerCase()
                    ? excelError("ItemAlreadyExists", `A table or name called ${v} already exists.`)
                    : undefined),
                () => {
                  if (added) tableName = v;
                }
              ),
          });
          Object.defineProperty(table, "style", {
            enumerable: true,
            get: () => style,
            set: (v: string) => op(`table style ${v}`, v.length, noCheck, () => (style = v)),
          });
          return Object.preventExtensions(table);
        },
      },
      charts: {
        add: (type: string, source: FakeRange, seriesBy?: string) => {
          const chart = makeChart(sheet, type, source, seriesBy);
          sheet.charts.pop();
          op(`chart ${type}`, 100, noCheck, () => {
            sheet.charts.push(chart);
            log.push(`chart ${type} ${sheet.name}!${source.address}`);
          });
          return chart;
        },
      },
      freezePanes: {
        freezeRows: (n: number) =>
          op(`freeze ${n}`, 10, noCheck, () => (sheet.frozenRows = n), "worksheet.freezePanes"),
      },
      activate: () => op("activate", 0, noCheck, () => log.push(`activate ${sheet.name}`)),
      delete: () =>
        op(
          `delete ${sheet.name}`,
          0,
          () =>
            live().length <= 1
              ? excelError(
                  "InvalidOperation",
                  "A workbook must contain at least one visible worksheet."
                )
              : undefined,
          () => {
            log.push(`delete ${sheet.name}`);
            sheet.deleted = true;
          }
        ),
    };
    Object.defineProperty(proxy, "customProperties", {
      enumerable: true,
      get: () => {
        if (!versionAtLeast(apiVersion, API_SETS["worksheet.customProperties"]))
          failure ??= excelError("ApiNotFound", "worksheet.customProperties needs ExcelApi 1.12");
        return {
          getItemOrNullObject: (key: string) => {
            operations++;
            return loadable(
              {},
              "the custom property",
              {
                isNullObject: () => !(key === "WorkforceScrutiny" && sheet.marker !== undefined),
                value: () => (key === "WorkforceScrutiny" ? sheet.marker : undefined),
              },
              queue
            );
          },
          add: (key: string, value: string) =>
            op(`mark ${key}`, value.length, noCheck, () => {
              log.push(`mark ${sheet.name} ${key}=${value}`);
              if (key === "WorkforceScrutiny") sheet.marker = value;
            }),
        };
      },
    });
    Object.defineProperty(proxy, "name", {
      enumerable: true,
      get: () => sheet.name,
      set: (value: string) =>
        op(
          `rename ${sheet.name}`,
          value.length,
          () =>
            sheetNameProblem(value) ??
            (byName(value) && byName(value) !== sheet
              ? excelError("ItemAlreadyExists", `Sheet name ${value} is taken`)
              : undefined),
          () => {
            log.push(`rename ${sheet.name} -> ${value}`);
            sheet.name = value;
          }
        ),
    });
    Object.defineProperty(proxy, "tabColor", {
      enumerable: true,
      get: () => sheet.tabColor,
      set: (value: string) =>
        op(
          `tab colour ${value}`,
          10,
          noCheck,
          () => (sheet.tabColor = value),
          "worksheet.tabColor"
        ),
    });
    Object.preventExtensions(proxy);
    sheet.proxy = proxy;
    return sheet;
  }

  for (const init of initial) {
    const s = addSheet(init);
    sheets.push(s);
  }

  /** The worksheet objects a load of `worksheets` gives: the sheet's name is loaded. */
  const itemsOf = <T>(fill: () => T[]) => {
    let items: T[] | undefined;
    return {
      get: () => {
        if (!items) throw excelError("PropertyNotLoaded", "The property 'items' is not loaded.");
        return items;
      },
      load: () => queue(() => (items = fill())),
    };
  };

  const sheetItems = itemsOf(() => live().map((s) => s.proxy));
  const nameItems = itemsOf(() =>
    names
      .filter((n) => !n.deleted)
      .map((n) =>
        Object.freeze({
          name: n.name,
          delete: () =>
            op(
              `delete name ${n.name}`,
              0,
              noCheck,
              () => {
                log.push(`delete name ${n.name}`);
                n.deleted = true;
              },
              "namedItem.delete"
            ),
        })
      )
  );
  const tableItems = itemsOf(() =>
    live().flatMap((s) =>
      s.tables
        .filter((t) => t.name !== undefined)
        .map((t) => {
          const item = {
            worksheet: Object.freeze({ name: s.name }),
            getRange: () => makeRange(s, t.address),
          };
          Object.defineProperty(item, "name", {
            enumerable: true,
            get: () => t.name,
            set: (v: string) => {
              op(
                `rename table ${t.name}`,
                v.length,
                () =>
                  definedNameProblem(v) ??
                  (nameTaken(v) && v.toLowerCase() !== t.name?.toLowerCase()
                    ? excelError("ItemAlreadyExists", `A table or name called ${v} already exists.`)
                    : undefined),
                () => {
                  t.name = v;
                }
              );
            },
          });
          return Object.preventExtensions(item);
        })
    )
  );

  const worksheets = {
    get items() {
      return sheetItems.get();
    },
    load: () => {
      operations++;
      sheetItems.load();
    },
    add: (name: string) => {
      const sheet = addSheet({ name });
      op(
        `add sheet ${name}`,
        name.length,
        () =>
          sheetNameProblem(name) ??
          (byName(name)
            ? excelError("ItemAlreadyExists", `A sheet named ${name} already exists`)
            : undefined),
        () => {
          log.push(`add sheet ${name}`);
          sheets.push(sheet);
        },
        "worksheets.add"
      );
      return sheet.proxy;
    },
    getItem: (name: string) => {
      const sheet = byName(name);
      op(
        `get sheet ${name}`,
        name.length,
        () => (sheet ? undefined : excelError("ItemNotFound", `The sheet ${name} doesn't exist.`)),
        () => undefined
      );
      return sheet?.proxy ?? addSheet({ name }).proxy;
    },
    getItemOrNullObject: (name: string) => {
      operations++;
      if (!versionAtLeast(apiVersion, API_SETS["worksheets.getItemOrNullObject"]))
        failure ??= excelError("ApiNotFound", "getItemOrNullObject needs ExcelApi 1.4");
      const sheet = byName(name);
      if (!sheet) {
        return loadable({}, `the sheet ${name}`, { isNullObject: () => true }, queue);
      }
      // The same sheet, with isNullObject readable after the next sync.
      let known = false;
      queue(() => (known = true));
      return new Proxy(sheet.proxy, {
        get: (target, prop) => {
          if (prop === "isNullObject") {
            if (!known)
              throw excelError("PropertyNotLoaded", "The property 'isNullObject' is not loaded.");
            return false;
          }
          return (target as Record<string | symbol, unknown>)[prop];
        },
      });
    },
  };

  const namesCollection = {
    get items() {
      return nameItems.get();
    },
    load: () => {
      operations++;
      nameItems.load();
    },
    add: (name: string, ref: FakeRange | string) =>
      op(
        `add name ${name}`,
        name.length + 40,
        () =>
          definedNameProblem(name) ??
          (nameTaken(name)
            ? excelError("ItemAlreadyExists", `The name ${name} already exists`)
            : undefined),
        () => {
          log.push(`add name ${name}`);
          names.push({ name, ref, deleted: false });
        },
        "names.add"
      ),
  };

  const tablesCollection = {
    get items() {
      return tableItems.get();
    },
    load: () => {
      operations++;
      tableItems.load();
    },
  };

  const application: Record<string, unknown> = {
    suspendApiCalculationUntilNextSync: () =>
      op(
        "suspend calculation",
        0,
        noCheck,
        () => log.push("suspend calculation"),
        "application.suspendApiCalculationUntilNextSync"
      ),
    suspendScreenUpdatingUntilNextSync: () =>
      op(
        "suspend screen updating",
        0,
        noCheck,
        () => log.push("suspend screen updating"),
        "application.suspendScreenUpdatingUntilNextSync"
      ),
    calculate: (type: string) =>
      op(`calculate ${type}`, 0, noCheck, () => log.push(`calculate ${type}`)),
  };

  // A round trip: fill what was loaded, refuse an oversized request or response, report a failure.
  const sync = async () => {
    syncs++;
    log.push("sync");
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    requestBytes = 0;
    responseBytes = 0;
    if (!failure) for (const fill of pending.splice(0)) fill();
    pending.length = 0;
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    if (responseBytes > limit) {
      failure = undefined;
      throw excelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes).`
      );
    }
    if (failure) {
      const error = failure;
      failure = undefined;
      throw error;
    }
  };

  const documentProperties: Record<string, string> = { title: options.title ?? "", subject: "" };
  const properties: Record<string, unknown> = {};
  let propertiesLoaded = false;
  for (const key of ["title", "subject"])
    Object.defineProperty(properties, key, {
      enumerable: true,
      get: () => {
        if (!propertiesLoaded)
          throw excelError("PropertyNotLoaded", `The property '${key}' is not loaded.`);
        return documentProperties[key];
      },
      set: (v: string) =>
        op(
          `properties.${key}`,
          v.length,
          noCheck,
          () => (documentProperties[key] = v),
          "workbook.properties"
        ),
    });
  properties.load = () => {
    operations++;
    if (!versionAtLeast(apiVersion, API_SETS["workbook.properties"]))
      failure ??= excelError("ApiNotFound", "workbook.properties needs ExcelApi 1.7");
    queue(() => (propertiesLoaded = true));
    return properties;
  };
  Object.preventExtensions(properties);

  const context = {
    workbook: { worksheets, names: namesCollection, tables: tablesCollection, properties },
    application,
    sync,
  };

  const run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(context as unknown as Excel.RequestContext);

  return {
    context,
    run,
    log,
    sheets,
    names,
    live,
    stats,
    apiVersion,
    /** The workbook's title and subject (File > Info). */
    documentProperties,
    /** Office.context.requirements.isSetSupported for this Excel. */
    isSetSupported: (name: string, version: string) =>
      name === "ExcelApi" && versionAtLeast(apiVersion, version),
    /** Make the n-th operation from now (1-based) fail once, as a lost connection would. */
    failAtOperation: (n: number) => {
      failAt = operations + n;
    },
    get operations() {
      return operations;
    },
    sheet: (name: string) => {
      const found = byName(name);
      if (!found) throw new Error(`fake Excel: no sheet ${name}`);
      return found;
    },
    get syncs() {
      return syncs;
    },
  };
}
