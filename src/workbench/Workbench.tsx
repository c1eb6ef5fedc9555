/**
 * The workbench: the real task pane beside a sheet viewer, on an .xlsx file opened in the page
 * (nothing is uploaded). The pane is the same component that runs in Excel; only its host
 * differs: a proxy for the workbook the engine holds (engine-client.ts; in a Web Worker when
 * served, so opening, building and downloading a big workbook never freeze the page). A CSWW
 * census return (.xml) opens as a new workbook holding its workers as a staff table, and a .csv
 * as a workbook of one sheet holding its cells as text, read as the command line reads it. A
 * workbook the pane makes (Prepare to share) is downloaded.
 *
 * The page is one `main` landmark holding the pane and the viewer side by side; on a narrow or
 * short window (a 320 px phone, 400 % zoom) they stack and the page scrolls as one (workbench.css).
 * The status ("Opening… Reading the workbook", "Downloading… Saving the workbook as .xlsx", with a
 * progress bar) and the error are live regions present from the start, whose text changes; the
 * buttons that open or download are disabled while one runs.
 */
import * as React from "react";
import type { WorkbookPort, WriteProgress } from "../host/workbook-port";
import type { PaneWork } from "../taskpane/app/pane-work";
import type { AppProps } from "../taskpane/app/types";
import { App } from "../taskpane/app/App";
import { downloadFile, XLSX_TYPE } from "../taskpane/components/files";
import type { EngineClient, EngineListener } from "./engine-client";
import type { View } from "./engine-protocol";
import { SheetTabs } from "./SheetTabs";
import { SheetView, type CellRef } from "./SheetView";
import type { ViewSheet } from "./sheet-model";

export interface WorkbenchProps extends Omit<AppProps, "host" | "work"> {
  /** The bundled sample's bytes: fetched beside the page when served, inlined in the single file. */
  loadSample: () => Promise<ArrayBuffer>;
  /** The engine that holds the workbook and does the pane's heavy work (in a worker when served). */
  engine: EngineClient;
}

interface Opened {
  name: string;
  /** A new number for every workbook opened (two files may share a name): the pane starts afresh. */
  generation: number;
}

/** What the page is doing (opening or downloading), by step, for the status line and its bar. */
interface Activity {
  what: "Opening" | "Downloading";
  step: string;
  /** null: how far is not known. */
  fraction: number | null;
}

export function Workbench(props: WorkbenchProps) {
  const { engine } = props;
  const [opened, setOpened] = React.useState<Opened | null>(null);
  const [sheets, setSheets] = React.useState<ViewSheet[]>([]);
  const [active, setActive] = React.useState(0);
  /** The cell the pane last selected (a problem's cell), shown highlighted in the viewer. */
  const [selected, setSelected] = React.useState<CellRef | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [activity, setActivity] = React.useState<Activity | null>(null);
  const opens = React.useRef(0);
  /** The names of the sheets shown, for the listener (which outlives a render). */
  const names = React.useRef<string[]>([]);

  // New sheets (and a new pane) are rendered as a transition: React renders them in short
  // slices, so a big render never holds the page in one long task.
  const showView = React.useCallback((view: View) => {
    names.current = view.sheets.map((s) => s.name);
    const i = view.show ? names.current.indexOf(view.show) : -1;
    React.startTransition(() => {
      setSheets(view.sheets);
      if (i >= 0) setActive(i);
    });
  }, []);

  /** Runs one thing the page does (one at a time), showing its steps. */
  const running = React.useRef(false);
  const run = async (what: Activity["what"], task: (step: WriteProgress) => Promise<void>) => {
    // One at a time: a second click (before the button shows it is disabled) does nothing.
    if (running.current) return;
    running.current = true;
    setError(null);
    setActivity({ what, step: "", fraction: null });
    try {
      await task((step, fraction) => setActivity({ what, step, fraction }));
    } finally {
      running.current = false;
      setActivity(null);
    }
  };

  /** Opens a workbook in the engine and shows it: the pane on it, its first sheet in the viewer. */
  const open = (
    name: string,
    load: (step: WriteProgress) => Promise<View>,
    failed: (e: unknown) => string
  ) =>
    run("Opening", async (step) => {
      try {
        const view = await load(step);
        React.startTransition(() => {
          showView(view);
          setOpened({ name, generation: ++opens.current });
          setActive(0);
          setSelected(null);
        });
      } catch (e) {
        setError(failed(e));
      }
    });

  const openXlsx = (name: string, bytes: () => Promise<ArrayBuffer> | null) =>
    open(
      name,
      async (step) => {
        step("Reading the file", 0);
        const data = bytes();
        const buffer = data ? await data : null;
        return engine.call("open", { bytes: buffer }, step, buffer ? [buffer] : []);
      },
      (e) => (e instanceof Error ? e.message : "The file could not be opened.")
    );

  const openedFailed = (file: File) => (e: unknown) =>
    e instanceof Error
      ? `${file.name} could not be opened: ${e.message}`
      : "The file could not be opened.";

  /** A census return: a new workbook with the return's workers as a staff table. */
  const openCensus = (file: File) =>
    open(
      `${file.name.replace(/\.xml$/i, "")}.xlsx`,
      async (step) => {
        const bytes = await file.arrayBuffer();
        return engine.call("openCensus", { bytes }, step, [bytes]);
      },
      openedFailed(file)
    );

  /**
   * A CSV file: a workbook of one sheet (named after the file) holding its cells as text, decoded
   * and split as the command line does (UTF-8 or Windows-1252; comma or semicolon).
   */
  const openCsv = (file: File) => {
    const base = file.name.replace(/\.(csv|txt)$/i, "");
    const sheet =
      base
        .replace(/[\\/?*[\]:]/g, " ")
        .slice(0, 31)
        .trim() || "CSV";
    return open(
      `${base}.xlsx`,
      async (step) => {
        const bytes = await file.arrayBuffer();
        return engine.call("openCsv", { bytes, sheet }, step, [bytes]);
      },
      openedFailed(file)
    );
  };

  // The pane's host and its work: the engine's workbook, with every write shown in the viewer.
  const pane = React.useMemo<{ host: WorkbookPort; work: PaneWork } | null>(() => {
    if (!opened) return null;
    const listener: EngineListener = {
      view: showView,
      select: (sheet, address) => {
        const i = names.current.indexOf(sheet);
        if (i >= 0) setActive(i);
        setSelected({ sheet, address });
      },
    };
    return { host: engine.port(listener), work: engine.work(listener) };
  }, [opened, engine, showView]);

  const download = () =>
    run("Downloading", async (step) => {
      if (!opened) return;
      try {
        const bytes = await engine.call("toBuffer", {}, step);
        step("Handing the file to your browser", 1);
        downloadFile(
          bytes,
          opened.name.replace(/\.xlsx$/i, "") + " (Workforce Scrutiny).xlsx",
          XLSX_TYPE
        );
      } catch (e) {
        setError(`The workbook could not be saved: ${e instanceof Error ? e.message : String(e)}`);
      }
    });

  const onFile = (file: File | undefined) => {
    if (!file) return;
    if (/\.xml$/i.test(file.name)) void openCensus(file);
    else if (/\.(csv|txt)$/i.test(file.name)) void openCsv(file);
    else void openXlsx(file.name, () => file.arrayBuffer());
  };

  // While one runs, the buttons say they are unavailable but keep the focus (a disabled button
  // would drop it); a click then does nothing (see run).
  const busy = activity !== null ? true : undefined;
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
          <button
            type="button"
            aria-disabled={busy}
            onClick={() => void openXlsx("sample-staff.xlsx", props.loadSample)}
          >
            Open the sample
          </button>
          <button
            type="button"
            aria-disabled={busy}
            onClick={() => void openXlsx("New workbook.xlsx", () => null)}
          >
            New empty workbook
          </button>
          <button
            type="button"
            onClick={() => void download()}
            disabled={!opened}
            aria-disabled={busy}
          >
            {activity?.what === "Downloading" ? "Downloading…" : "Download"}
          </button>
        </div>
        <p role="status" className="status">
          {activity ? `${activity.what}…${activity.step ? ` ${activity.step}` : ""}` : ""}
        </p>
        {activity && (
          <progress
            className="activity"
            aria-label={`${activity.what}: ${activity.step || "starting"}`}
            max={1}
            {...(activity.fraction !== null ? { value: activity.fraction } : {})}
          />
        )}
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
          {pane && opened ? (
            <App
              key={`${opened.name}:${opened.generation}`}
              {...props}
              host={pane.host}
              work={pane.work}
              embedded
            />
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
