/**
 * The workbench: the real task pane beside a sheet viewer, on an .xlsx file opened in the page
 * (nothing is uploaded). The pane is the same component that runs in Excel; only its host
 * differs: the .xlsx adapter, loaded (with ExcelJS) when a workbook is first opened. A CSWW
 * census return (.xml) opens as a new workbook holding its workers as a staff table. A workbook
 * the pane makes (Prepare to share) is downloaded.
 */
import * as React from "react";
import type { WorkbookPort } from "../host/workbook-port";
import type { ChartSpec, WorkbookPlan } from "../core/summary/plan";
import type { AppProps } from "../taskpane/app/types";
import { App } from "../taskpane/app/App";
import { downloadFile, readFileBytes, XLSX_TYPE } from "../taskpane/components/files";
import { loadCensusCore } from "../taskpane/features/census/load-census";
import { SheetView } from "./SheetView";
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
  /** Bumped on every write, so the pane and viewer re-read. */
  generation: number;
}

export function Workbench(props: WorkbenchProps) {
  const [opened, setOpened] = React.useState<Opened | null>(null);
  const [sheets, setSheets] = React.useState<ViewSheet[]>([]);
  const [active, setActive] = React.useState(0);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const charts = React.useRef(new Map<string, ChartSpec[]>());

  const refresh = React.useCallback(
    (book: XlsxWorkbook) => setSheets(viewSheets(book.workbook, charts.current)),
    []
  );

  /** Shows a workbook just opened: the pane on it, its first sheet in the viewer. */
  const show = (book: XlsxWorkbook, name: string) => {
    charts.current = new Map();
    setOpened({ book, name, generation: 0 });
    setActive(0);
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
    else void open(file.name, () => file.arrayBuffer());
  };

  return (
    <div className="workbench">
      <header className="bar">
        <h1>Workforce Scrutiny workbench</h1>
        <p className="privacy">Everything happens in this page: your file is never uploaded.</p>
        <div className="actions">
          <label className="button">
            Open an .xlsx file or a census return (.xml)
            <input
              type="file"
              accept=".xlsx,.xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/xml,text/xml"
              onChange={(e) => onFile(e.target.files?.[0])}
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
        {busy && <p role="status">Opening…</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </header>
      <div
        className="panes"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          onFile(e.dataTransfer.files?.[0]);
        }}
      >
        <aside className="pane" aria-label="Workforce Scrutiny task pane">
          {host && opened ? (
            <App key={`${opened.name}:${opened.generation}`} {...props} host={host} />
          ) : (
            <p className="hint">
              Open an .xlsx file or a CSWW census return (.xml), or drop one here; open the sample;
              or start a new workbook for the staff data template.
            </p>
          )}
        </aside>
        <main className="viewer" aria-label="Workbook">
          {opened && (
            <>
              <p className="file">{opened.name}</p>
              <div role="tablist" aria-label="Sheets" className="tabs">
                {sheets.map((s, i) => (
                  <button
                    key={s.name}
                    role="tab"
                    type="button"
                    aria-selected={i === active}
                    onClick={() => setActive(i)}
                  >
                    {s.name}
                  </button>
                ))}
              </div>
              {sheets[active] && <SheetView sheet={sheets[active]} />}
            </>
          )}
        </main>
      </div>
    </div>
  );
}
