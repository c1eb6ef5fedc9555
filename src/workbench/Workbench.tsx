/**
 * The workbench: the real task pane beside a sheet viewer, on an .xlsx file opened in the page
 * (nothing is uploaded). The pane is the same component that runs in Excel; only its host
 * differs: the .xlsx adapter, loaded (with ExcelJS) when a workbook is first opened. A CSWW
 * census return (.xml) opens as a new workbook holding its workers as a staff table, and a .csv
 * as a workbook of one sheet holding its cells as text, read as the command line reads it. A
 * workbook the pane makes (Prepare to share) is downloaded.
 *
 * The page is one `main` landmark holding the pane and the viewer side by side; on a narrow or
 * short window (a 320 px phone, 400 % zoom) they stack and the page scrolls as one (workbench.css).
 * The "Opening…" status and the error are live regions present from the start, whose text changes.
 */
import * as React from "react";
import type { WorkbookPort } from "../host/workbook-port";
import type { ChartSpec, WorkbookPlan } from "../core/summary/plan";
import type { AppProps } from "../taskpane/app/types";
import { App } from "../taskpane/app/App";
import { decodeCsv, parseCsv } from "../core/csv";
import { downloadFile, readFileBytes, XLSX_TYPE } from "../taskpane/components/files";
import { loadCensusCore } from "../taskpane/features/census/load-census";
import { SheetTabs } from "./SheetTabs";
import { SheetView, type CellRef } from "./SheetView";
import { viewSheets, type ViewSheet } from "./sheet-model";

import type { XlsxWorkbook } from "../host/xlsx/xlsx-workbook";

type Xlsx = typeof import("../host/xlsx/xlsx-workbook");

const loadXlsx = (): Promise<Xlsx> =>
  import(/* webpackChunkName: "xlsx" */ "../host/xlsx/xlsx-workbook");

export interface WorkbenchProps extends Omit<AppProps, "host"> {
  /** The bundled sample's bytes: fetched beside the page when served, inlined in the single file. */
  loadSample: () => Promise<ArrayBuffer>;
}

interface Opened {
  book: XlsxWorkbook;
  name: string;
  /** A new number for every workbook opened (two files may share a name): the pane starts afresh. */
  generation: number;
}

export function Workbench(props: WorkbenchProps) {
  const [opened, setOpened] = React.useState<Opened | null>(null);
  const [sheets, setSheets] = React.useState<ViewSheet[]>([]);
  const [active, setActive] = React.useState(0);
  /** The cell the pane last selected (a problem's cell), shown highlighted in the viewer. */
  const [selected, setSelected] = React.useState<CellRef | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const charts = React.useRef(new Map<string, ChartSpec[]>());
  const opens = React.useRef(0);

  const refresh = React.useCallback(
    (book: XlsxWorkbook) => setSheets(viewSheets(book.workbook, charts.current)),
    []
  );

  /** Shows a workbook just opened: the pane on it, its first sheet in the viewer. */
  const show = (book: XlsxWorkbook, name: string) => {
    charts.current = new Map();
    setOpened({ book, name, generation: ++opens.current });
    setActive(0);
    setSelected(null);
    refresh(book);
  };

  const open = async (name: string, bytes: () => Promise<ArrayBuffer> | null) => {
    setError(null);
    setBusy(true);
    try {
      const { XlsxWorkbook } = await loadXlsx();
      const data = bytes();
      const book = data ? await XlsxWorkbook.fromBuffer(await data) : XlsxWorkbook.empty();
      show(book, name);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The file could not be opened.");
    } finally {
      setBusy(false);
    }
  };

  /** A census return: a new workbook with the return's workers as a staff table. */
  const openCensus = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      const [{ XlsxWorkbook }, census] = await Promise.all([loadXlsx(), loadCensusCore()]);
      const result = census.readCensus(await readFileBytes(file));
      const book = XlsxWorkbook.empty();
      const plan = census.censusStaffPlan(result);
      await book.writePlan(plan);
      show(book, `${file.name.replace(/\.xml$/i, "")}.xlsx`);
    } catch (e) {
      setError(
        e instanceof Error
          ? `${file.name} could not be opened: ${e.message}`
          : "The file could not be opened."
      );
    } finally {
      setBusy(false);
    }
  };

  /**
   * A CSV file: a workbook of one sheet (named after the file) holding its cells as text, decoded
   * and split as the command line does (UTF-8 or Windows-1252; comma or semicolon).
   */
  const openCsv = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      const { XlsxWorkbook } = await loadXlsx();
      const grid = parseCsv(decodeCsv(new Uint8Array(await file.arrayBuffer())).text);
      const book = XlsxWorkbook.empty();
      const base = file.name.replace(/\.(csv|txt)$/i, "");
      const sheetName =
        base
          .replace(/[\\/?*[\]:]/g, " ")
          .slice(0, 31)
          .trim() || "CSV";
      book.workbook.addWorksheet(sheetName).addRows(grid);
      show(book, `${base}.xlsx`);
    } catch (e) {
      setError(
        e instanceof Error
          ? `${file.name} could not be opened: ${e.message}`
          : "The file could not be opened."
      );
    } finally {
      setBusy(false);
    }
  };

  // The pane's host: the opened workbook, with every write shown in the viewer.
  const host = React.useMemo<WorkbookPort | null>(() => {
    if (!opened) return null;
    const { book } = opened;
    return {
      listTables: () => book.listTables(),
      readTable: (t) => book.readTable(t),
      selectCell: async (sheet, address) => {
        await book.selectCell(sheet, address);
        const i = book.workbook.worksheets.findIndex((ws) => ws.name === sheet);
        if (i >= 0) setActive(i);
        setSelected({ sheet, address });
      },
      loadSettings: () => book.loadSettings(),
      saveSettings: (s) => book.saveSettings(s),
      openWorkbookBytes: () => book.openWorkbookBytes(),
      // The pane's files (Prepare to share, a census return) are downloaded: the open one is unchanged.
      deliverFile: async (file) => {
        downloadFile(file.data, file.name, file.type);
        return "downloaded";
      },
      writePlan: async (plan: WorkbookPlan, progress) => {
        const result = await book.writePlan(plan, progress);
        for (const spec of plan.sheets)
          charts.current.set(result.sheetNames[spec.key], spec.charts);
        refresh(book);
        const summary = result.sheetNames.summary;
        const i = book.workbook.worksheets.findIndex(
          (ws) =>
            ws.name ===
            (summary ?? result.sheetNames["staff-template"] ?? result.sheetNames["census-staff"])
        );
        if (i >= 0) setActive(i);
        return result;
      },
    };
  }, [opened, refresh]);

  const download = async () => {
    if (!opened) return;
    const bytes = await opened.book.toBuffer();
    downloadFile(
      bytes,
      opened.name.replace(/\.xlsx$/i, "") + " (Workforce Scrutiny).xlsx",
      XLSX_TYPE
    );
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    if (/\.xml$/i.test(file.name)) void openCensus(file);
    else if (/\.(csv|txt)$/i.test(file.name)) void openCsv(file);
    else void open(file.name, () => file.arrayBuffer());
  };

  const sheet = sheets[active];
  return (
    <div className="workbench">
      <header className="bar">
        <h1>Workforce Scrutiny workbench</h1>
        <p className="privacy">Everything happens in this page: your file is never uploaded.</p>
        <div className="actions">
          <label className="button">
            Open a file…
            <input
              type="file"
              accept=".xlsx,.csv,.txt,.xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/xml,text/xml"
              onChange={(e) => {
                onFile(e.target.files?.[0]);
                // The same file can be opened again after a fix.
                e.target.value = "";
              }}
            />
          </label>
          <button type="button" onClick={() => void open("sample-staff.xlsx", props.loadSample)}>
            Open the sample
          </button>
          <button type="button" onClick={() => void open("New workbook.xlsx", () => null)}>
            New empty workbook
          </button>
          <button type="button" onClick={() => void download()} disabled={!opened}>
            Download
          </button>
        </div>
        <p role="status" className="status">
          {busy ? "Opening…" : ""}
        </p>
        <p role="alert" className="error">
          {error ?? ""}
        </p>
      </header>
      <main
        className="panes"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          onFile(e.dataTransfer.files?.[0]);
        }}
      >
        <section className="pane" aria-label="Task pane">
          {host && opened ? (
            <App key={`${opened.name}:${opened.generation}`} {...props} host={host} embedded />
          ) : (
            <p className="hint">
              Open an .xlsx or .csv file or a CSWW census return (.xml), or drop one here; open the
              sample; or start a new workbook for the staff data template.
            </p>
          )}
        </section>
        <section className="viewer" aria-labelledby="viewer-title">
          <h2 id="viewer-title" className="file">
            {opened ? opened.name : "No workbook open"}
          </h2>
          {opened && (
            <SheetTabs names={sheets.map((s) => s.name)} active={active} onSelect={setActive}>
              {sheet && (
                <SheetView
                  key={sheet.name}
                  sheet={sheet}
                  selected={selected?.sheet === sheet.name ? selected.address : null}
                />
              )}
            </SheetTabs>
          )}
        </section>
      </main>
    </div>
  );
}
