/**
 * The Benchmarks section's state: the user's LA (saved in the workbook), DfE's indicators (the
 * bundled ones, or a newer file the user loaded, whose text is saved in the workbook so colleagues
 * see the same comparators), and the list filter. DfE's figures are a chunk of their own, loaded
 * when the section is first opened or when a build needs them: never when the pane starts.
 */
import * as React from "react";
import { bundledIndicators, Indicators, IndicatorsFileError } from "../../../core/comparators/dfe";
import type { SavedSettings } from "../../../core/summary/options";
import type { Notice } from "../../components/Notices";
import { readFileText } from "../../components/files";
import { plainError, sentence } from "../../components/plain-error";
import { Authority, findAuthority, previewFor, yearsText } from "./authorities";
import type { BenchmarksSectionProps } from "./BenchmarksSection";

export type SavedBenchmarks = NonNullable<SavedSettings["benchmarks"]>;

interface Loaded {
  /** The saved CSV text these indicators are for (null: the bundled ones were asked for). */
  csv: string | null;
  indicators: Indicators;
  /** False when the bundled figures are used (asked for, or the saved file could not be read). */
  fromFile: boolean;
}

export interface BenchmarksDeps {
  notify: (intent: Notice["intent"], title: string, text: string) => void;
  clear: () => void;
  /** A person changed something: save the settings. */
  changed: () => void;
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
}

/** DfE's indicators file with the bundled statistical neighbours (the data chunk, loaded here). */
async function parseIndicators(csv: string): Promise<Indicators> {
  const { NEIGHBOURS_CSV } = await import("../../../core/comparators/dfe-files.generated");
  const indicators = Indicators.parse(csv, NEIGHBOURS_CSV);
  if (indicators.rows.length === 0)
    throw new IndicatorsFileError("the file has DfE's columns but no rows of figures");
  return indicators;
}

export function useBenchmarks(deps: BenchmarksDeps) {
  const { notify, clear, changed } = deps;
  const [la, setLa] = React.useState<string | null>(null);
  const [csv, setCsv] = React.useState<string | null>(null);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  /** The section was opened (or a build asked): DfE's figures are wanted. */
  const [wanted, setWanted] = React.useState(false);
  const [failed, setFailed] = React.useState<{ csv: string | null } | null>(null);
  const [readingFile, setReadingFile] = React.useState(false);
  const [query, setQuery] = React.useState("");

  const csvRef = React.useRef(csv);
  csvRef.current = csv;
  const cache = React.useRef<{ csv: string | null; promise: Promise<Loaded> } | null>(null);

  /** The indicators for a saved CSV (or the bundled ones), parsed once. */
  const load = React.useCallback(
    (text: string | null): Promise<Loaded> => {
      if (cache.current && cache.current.csv === text) return cache.current.promise;
      const promise = (async (): Promise<Loaded> => {
        if (text !== null) {
          try {
            return { csv: text, indicators: await parseIndicators(text), fromFile: true };
          } catch (error) {
            notify(
              "warning",
              "The indicators file saved in this workbook cannot be read.",
              `${sentence(plainError(error))} The figures bundled with Workforce Scrutiny are used instead.`
            );
          }
        }
        return { csv: text, indicators: await bundledIndicators(), fromFile: false };
      })();
      cache.current = { csv: text, promise };
      promise.catch(() => {
        if (cache.current?.promise === promise) cache.current = null;
      });
      return promise;
    },
    [notify]
  );

  const current = loaded && loaded.csv === csv ? loaded : null;

  React.useEffect(() => {
    if (!wanted || current || (failed && failed.csv === csv)) return;
    let cancelled = false;
    load(csv)
      .then((result) => {
        if (!cancelled) setLoaded(result);
      })
      .catch((error) => {
        if (cancelled) return;
        setFailed({ csv });
        notify("error", "Could not load DfE's published figures.", plainError(error));
      });
    return () => {
      cancelled = true;
    };
  }, [wanted, current, failed, csv, load, notify]);

  /** The indicators now (loading them if need be), for a build. */
  const ensure = React.useCallback(async (): Promise<Indicators> => {
    const result = await load(csvRef.current);
    setLoaded(result);
    return result.indicators;
  }, [load]);

  const authorities: Authority[] | null = React.useMemo(
    () => (current ? current.indicators.localAuthorities() : null),
    [current]
  );
  const chosen = authorities ? findAuthority(authorities, la) : null;

  const loadFile = async (file: File) => {
    clear();
    setReadingFile(true);
    try {
      const text = await readFileText(file);
      const indicators = await parseIndicators(text);
      const result: Loaded = { csv: text, indicators, fromFile: true };
      cache.current = { csv: text, promise: Promise.resolve(result) };
      setCsv(text);
      setLoaded(result);
      setFailed(null);
      setWanted(true);
      changed();
      const count = indicators.localAuthorities().length;
      notify(
        "success",
        `Loaded DfE's indicators for ${yearsText(indicators.years())}.`,
        `${count.toLocaleString("en-GB")} local authorities. The file is saved in this workbook, so colleagues who open it see the same comparators.`
      );
      if (la !== null && !findAuthority(indicators.localAuthorities(), la)) {
        notify(
          "warning",
          "Your local authority is not in this file.",
          "Choose it again from the list, or go back to the bundled figures."
        );
      }
    } catch (error) {
      if (error instanceof IndicatorsFileError)
        notify("error", `${file.name} cannot be used.`, sentence(error.message));
      else notify("error", `Could not read ${file.name}.`, plainError(error));
    } finally {
      setReadingFile(false);
    }
  };

  const backToBundled = () => {
    clear();
    setCsv(null);
    changed();
    notify(
      "info",
      "Using the figures bundled with Workforce Scrutiny.",
      "The indicators file loaded before is no longer kept in this workbook."
    );
  };

  /** The pane starts: the choice saved in the workbook. */
  const restore = React.useCallback((saved: SavedBenchmarks | undefined) => {
    setLa(saved?.la ?? null);
    setCsv(saved?.indicatorsCsv ?? null);
  }, []);

  const section: BenchmarksSectionProps = {
    loading: wanted && !current && !(failed && failed.csv === csv),
    readingFile,
    authorities,
    query,
    la,
    chosen,
    source: current
      ? { fromFile: current.fromFile, years: yearsText(current.indicators.years()) }
      : null,
    preview: current && chosen ? previewFor(current.indicators, chosen) : null,
    notices: deps.notices,
    onDismiss: deps.onDismiss,
    onQuery: setQuery,
    onChoose: (value: string | null) => {
      setLa(value);
      changed();
    },
    onFile: (file: File) => void loadFile(file),
    onUseBundled: backToBundled,
  };

  return {
    /** The LA number saved (null: none chosen). */
    la,
    /** The chosen LA as DfE lists it, once the figures are loaded. */
    chosen,
    /** What the workbook saves (undefined when there is nothing to save). */
    saved:
      la !== null || csv !== null
        ? ({
            ...(la !== null ? { la } : {}),
            ...(csv !== null ? { indicatorsCsv: csv } : {}),
          } satisfies SavedBenchmarks)
        : undefined,
    restore,
    /** The section was opened: load DfE's figures. */
    open: () => setWanted(true),
    /** What Build passes to the summary builder (loading DfE's figures if need be). */
    forBuild: async (): Promise<{ indicators: Indicators; la: string } | null> =>
      la === null ? null : { indicators: await ensure(), la },
    section,
  };
}
