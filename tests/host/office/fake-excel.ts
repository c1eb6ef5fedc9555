/**
 * A small stand-in for the slice of Excel's object model the Office.js adapter calls, built on
 * office-addin-mock's OfficeMockObject (the request context, workbook and application). It only
 * records the adapter's calls and hands back what a sheet holds: loaded properties read
 * "Error, property was not loaded" (as office-addin-mock does) until context.sync() runs, so an
 * adapter that forgets to load or sync reads that string, not the data.
 */
import { OfficeMockObject } from "office-addin-mock";

export const NOT_LOADED = "Error, property was not loaded";

export interface InitialSheet {
  name: string;
  /** The product's owner marker (custom property "WorkforceScrutiny"), if any. */
  marker?: string;
  /** Cells from A1. */
  cells?: unknown[][];
  tables?: { name: string; address: string }[];
}

export interface FakeBorder {
  style?: string;
  weight?: string;
  color?: string;
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
  conditional: {
    type: string;
    custom: {
      format: { fill: Record<string, unknown>; font: Record<string, unknown> };
      rule: { formula?: string };
    };
  }[];
  conditionalFormats: { add(type: string): FakeRange["conditional"][number] };
  load(props?: string): FakeRange;
  select(): void;
}

export interface FakeSeries {
  name?: string;
  values?: string;
  categories?: string;
  setValues(range: FakeRange): void;
  setXAxisValues(range: FakeRange): void;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  title: { text?: string };
  seriesList: FakeSeries[];
  series: { getItemAt(i: number): FakeSeries; add(name?: string): FakeSeries };
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
  cells?: unknown[][];
  deleted: boolean;
  ranges: FakeRange[];
  tables: FakeTable[];
  charts: FakeChart[];
  frozenRows?: number;
  proxy: Record<string, unknown>;
}

export interface FakeName {
  name: string;
  ref: FakeRange | string;
  deleted: boolean;
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

/** Independent of the adapter's own parser: "A1" or "A1:C3" (no sheet). */
function corners(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) throw new Error(`fake Excel: bad address ${address}`);
  const c0 = columnIndex(m[1]);
  const r0 = Number(m[2]) - 1;
  return { r0, c0, r1: m[3] ? Number(m[4]) - 1 : r0, c1: m[3] ? columnIndex(m[3]) : c0 };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function fakeExcel(initial: InitialSheet[]) {
  const log: string[] = [];
  const pending: (() => void)[] = [];
  const sheets: FakeSheet[] = [];
  const names: FakeName[] = [];
  let failure: Error | undefined;
  let nextId = 1;
  let syncs = 0;

  const fail = (message: string) => {
    failure ??= new Error(message);
  };
  const live = () => sheets.filter((s) => !s.deleted);
  const byName = (name: string) => live().find((s) => s.name.toLowerCase() === name.toLowerCase());

  function makeRange(sheet: FakeSheet, address: string): FakeRange {
    const edges: Record<string, FakeBorder> = {};
    const range: FakeRange = {
      sheet: sheet.name,
      address,
      format: {
        font: {},
        fill: {},
        edges,
        borders: { getItem: (edge: string) => (edges[edge] ??= {}) },
      },
      dataValidation: {},
      conditional: [],
      conditionalFormats: {
        add(type: string) {
          if (type !== "Custom")
            fail(`fake Excel: conditional format type ${type} is not modelled`);
          const cf = { type, custom: { format: { fill: {}, font: {} }, rule: {} } };
          range.conditional.push(cf);
          log.push(`conditional format ${sheet.name}!${address}`);
          return cf;
        },
      },
      load(props?: string) {
        const wanted = (props ?? "").split(",").map((p) => p.trim());
        pending.push(() => {
          if (wanted.includes("values")) {
            const { r0, c0, r1, c1 } = corners(address);
            const out: unknown[][] = [];
            for (let r = r0; r <= r1; r++) {
              const row: unknown[] = [];
              for (let c = c0; c <= c1; c++) row.push(sheet.cells?.[r]?.[c] ?? "");
              out.push(row);
            }
            range.values = out;
          }
          if (wanted.includes("address")) range.address = `${quoteSheet(sheet.name)}!${address}`;
        });
        return range;
      },
      select() {
        log.push(`select ${sheet.name}!${address}`);
      },
    };
    sheet.ranges.push(range);
    return range;
  }

  function makeChart(
    sheet: FakeSheet,
    type: string,
    source: FakeRange,
    seriesBy?: string
  ): FakeChart {
    const makeSeries = (name?: string, values?: string): FakeSeries => {
      const s: FakeSeries = {
        name,
        values,
        setValues: (r) => {
          s.values = r.address;
        },
        setXAxisValues: (r) => {
          s.categories = r.address;
        },
      };
      return s;
    };
    const chart: FakeChart = {
      type,
      source: source.address,
      seriesBy,
      title: {},
      // Excel makes one series from a one-row (or one-column) source.
      seriesList: [makeSeries(undefined, source.address)],
      series: {
        getItemAt: (i) => chart.seriesList[i],
        add: (name) => {
          const s = makeSeries(name);
          chart.seriesList.push(s);
          return s;
        },
      },
      setPosition(start, end) {
        chart.position = [start, end];
      },
    };
    sheet.charts.push(chart);
    return chart;
  }

  function addSheet(init: InitialSheet): FakeSheet {
    const sheet: FakeSheet = {
      id: nextId++,
      name: init.name,
      marker: init.marker,
      cells: init.cells,
      deleted: false,
      ranges: [],
      tables: (init.tables ?? []).map((t) => ({
        sheet: init.name,
        address: t.address,
        name: t.name,
      })),
      charts: [],
      proxy: {},
    };
    const proxy: Record<string, unknown> = {
      customProperties: {
        getItemOrNullObject: (key: string) => {
          const item: Record<string, unknown> = {
            isNullObject: NOT_LOADED,
            value: NOT_LOADED,
            load: () => {
              pending.push(() => {
                const has = key === "WorkforceScrutiny" && sheet.marker !== undefined;
                item.isNullObject = !has;
                item.value = has ? sheet.marker : NOT_LOADED;
              });
              return item;
            },
          };
          return item;
        },
        add: (key: string, value: string) => {
          log.push(`mark ${sheet.name} ${key}=${value}`);
          if (key === "WorkforceScrutiny") sheet.marker = value;
        },
      },
      getRange: (address: string) => makeRange(sheet, address),
      getUsedRangeOrNullObject: () => {
        const used: Record<string, unknown> = {
          isNullObject: NOT_LOADED,
          address: NOT_LOADED,
          load: () => {
            pending.push(() => {
              const cells = sheet.cells ?? [];
              const width = Math.max(0, ...cells.map((r) => r.length));
              used.isNullObject = cells.length === 0 || width === 0;
              used.address = `${quoteSheet(sheet.name)}!A1:${columnLetters(width - 1)}${cells.length}`;
            });
            return used;
          },
        };
        return used;
      },
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          // The table follows its sheet when the sheet is renamed, as in Excel.
          const table: FakeTable = {
            get sheet() {
              return sheet.name;
            },
            address,
            hasHeaders,
          };
          sheet.tables.push(table);
          log.push(`table ${sheet.name}!${address}`);
          return table;
        },
      },
      charts: {
        add: (type: string, source: FakeRange, seriesBy?: string) => {
          log.push(`chart ${type} ${sheet.name}!${source.address}`);
          return makeChart(sheet, type, source, seriesBy);
        },
      },
      freezePanes: {
        freezeRows: (n: number) => {
          sheet.frozenRows = n;
        },
      },
      activate: () => log.push(`activate ${sheet.name}`),
      delete: () => {
        log.push(`delete ${sheet.name}`);
        sheet.deleted = true;
        if (live().length === 0) fail("A workbook must contain at least one visible worksheet.");
      },
    };
    Object.defineProperty(proxy, "name", {
      enumerable: true,
      get: () => sheet.name,
      set: (value: string) => {
        log.push(`rename ${sheet.name} -> ${value}`);
        if (byName(value) && byName(value) !== sheet) fail(`Sheet name ${value} is taken`);
        sheet.name = value;
      },
    });
    sheet.proxy = proxy;
    sheets.push(sheet);
    return sheet;
  }

  for (const init of initial) addSheet(init);

  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        load: () => {
          pending.push(() => {
            context.workbook.worksheets.items = live().map((s) => s.proxy);
          });
        },
        add: (name: string) => {
          log.push(`add sheet ${name}`);
          if (byName(name)) fail(`A sheet named ${name} already exists`);
          return addSheet({ name }).proxy;
        },
        getItemOrNullObject: (name: string) => {
          const sheet = byName(name);
          return sheet ? { ...sheet.proxy, isNullObject: false } : { isNullObject: true };
        },
      },
      names: {
        load: () => {
          pending.push(() => {
            context.workbook.names.items = names
              .filter((n) => !n.deleted)
              .map((n) => ({
                name: n.name,
                delete: () => {
                  log.push(`delete name ${n.name}`);
                  n.deleted = true;
                },
              }));
          });
        },
        add: (name: string, ref: FakeRange | string) => {
          log.push(`add name ${name}`);
          if (names.some((n) => !n.deleted && n.name.toLowerCase() === name.toLowerCase())) {
            fail(`The name ${name} already exists`);
          }
          names.push({ name, ref, deleted: false });
        },
      },
      tables: {
        load: () => {
          pending.push(() => {
            context.workbook.tables.items = live().flatMap((s) =>
              s.tables
                .filter((t) => t.name !== undefined)
                .map((t) => ({
                  name: t.name,
                  worksheet: { name: s.name },
                  getRange: () => makeRange(s, t.address),
                }))
            );
          });
        },
      },
    },
    application: {
      suspendApiCalculationUntilNextSync: () => log.push("suspend calculation"),
      suspendScreenUpdatingUntilNextSync: () => log.push("suspend screen updating"),
      calculate: (type: string) => log.push(`calculate ${type}`),
    },
  });

  // Count round trips, then do what Excel does at a sync: fill what was loaded, report a failure.
  const mockSync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    log.push("sync");
    for (const fill of pending.splice(0)) fill();
    await mockSync();
    if (failure) {
      const error = failure;
      failure = undefined;
      throw error;
    }
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
