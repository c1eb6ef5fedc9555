/**
 * The pane's state and actions: the tables found, the choice of staff and posts tables, the
 * mapping, the options, benchmarks, building, sharing, the template and the census. Everything
 * reaches the workbook through the WorkbookPort it is given; nothing here knows about Office.
 */
import * as React from "react";
import { POSTS_COLUMNS, PostsColumn, STAFF_COLUMNS, StaffColumn } from "../../core/columns";
import { ENGLAND } from "../../core/comparators/england";
import type { ColumnMapping } from "../../core/headers";
import { Grid, ingestPosts, ingestStaff } from "../../core/ingest";
import { defaultAsOf } from "../../core/report";
import { censusYearOf } from "../../core/summary/build";
import { shareableSheetPlan } from "../../core/summary/file-sheets";
import type { SummaryOptions } from "../../core/summary/options";
import type { RoleCode } from "../../core/vocabulary";
import type { SourceTable } from "../../host/workbook-port";
import { XLSX_TYPE } from "../components/files";
import type { Notice } from "../components/Notices";
import { plainError } from "../components/plain-error";
import { useBenchmarks } from "../features/benchmarks/use-benchmarks";
import type { BuildOutcome } from "../features/build/BuildSection";
import { fingerprint } from "../features/build/fingerprint";
import {
  shareableName,
  shareableWorkbook,
  sharedMessage,
  sharedOnSheetMessage,
} from "../features/build/share";
import { useCensus } from "../features/census/use-census";
import { PORTABLE_WARNING } from "../features/portable/portable-copy";
import { usePortable } from "../features/portable/use-portable";
import type { ProblemSource } from "../features/check/CheckSection";
import { headerCells, headerChoices, withChoice } from "../features/data/mapping";
import { findTableByName, pickPostsTable, pickStaffTable, tableKey } from "../features/data/tables";
import {
  formFromOptions,
  OptionsField,
  OptionsForm,
  readOptionsForm,
} from "../features/options/options-form";
import { LastBuild, PaneSettings, readSettings, settingsRecord } from "./settings";
import type { AppProps, SummaryInput } from "./types";

/** Where a message is shown: at the top of the pane or in one section. */
export type Area =
  "pane" | "data" | "check" | "benchmarks" | "build" | "share" | "template" | "census";

export interface PaneNotice extends Notice {
  area: Area;
}

/** Settings are saved this long after the last change (one write for a burst of changes). */
export const SAVE_DELAY_MS = 250;
/** Tables up to this many cells are read again when the pane gets the focus back. */
const FOCUS_RELOAD_CELLS = 250_000;
const FOCUS_RELOAD_INTERVAL_MS = 5_000;

interface BuildState {
  running: boolean;
  step: string;
  fraction: number;
  outcome: BuildOutcome | null;
}

/** Grids by table key; null when the table could not be read. */
type Grids = Record<string, Grid | null>;

const COMPARATOR_YEARS = ENGLAND.map((e) => e.year).sort((a, b) => a - b);

export function usePane(props: AppProps) {
  const { host } = props;
  // ---- a copy that works without the add-in (its own feature: state and messages) ----
  const portable = usePortable(host);
  const [loading, setLoading] = React.useState(true);
  const [reading, setReading] = React.useState(false);
  const [tables, setTables] = React.useState<SourceTable[]>([]);
  const [staffKey, setStaffKey] = React.useState<string | null>(null);
  const [postsKey, setPostsKey] = React.useState<string | null>(null);
  const [grids, setGrids] = React.useState<Grids>({});
  const [staffMapping, setStaffMapping] = React.useState<ColumnMapping<StaffColumn>>({});
  const [postsMapping, setPostsMapping] = React.useState<ColumnMapping<PostsColumn>>({});
  const [roleMap, setRoleMap] = React.useState<Record<string, RoleCode>>({});
  const [form, setForm] = React.useState<OptionsForm>(() => formFromOptions());
  const [lastBuild, setLastBuild] = React.useState<LastBuild | undefined>(undefined);
  const [build, setBuild] = React.useState<BuildState>({
    running: false,
    step: "",
    fraction: 0,
    outcome: null,
  });
  const [template, setTemplate] = React.useState<{ running: boolean; inserted: string[] | null }>({
    running: false,
    inserted: null,
  });
  const [sharing, setSharing] = React.useState(false);
  const [notices, setNotices] = React.useState<PaneNotice[]>([]);
  /** A person changed something: from then on the settings are saved. */
  const [dirty, setDirty] = React.useState(false);

  // ---- messages ----
  const nextNotice = React.useRef(0);
  const notify = React.useCallback(
    (area: Area, intent: Notice["intent"], title: string, text: string) => {
      const id = `notice-${nextNotice.current++}`;
      setNotices((ns) => [
        ...ns.filter((n) => !(n.area === area && n.title === title)),
        { id, area, intent, title, text },
      ]);
    },
    []
  );
  const clearArea = React.useCallback(
    (area: Area) => setNotices((ns) => ns.filter((n) => n.area !== area)),
    []
  );
  const dismiss = React.useCallback(
    (id: string) => setNotices((ns) => ns.filter((n) => n.id !== id)),
    []
  );
  const noticesFor = (area: Area) => notices.filter((n) => n.area === area);
  const notifyIn = React.useCallback(
    (area: Area) => (intent: Notice["intent"], title: string, text: string) =>
      notify(area, intent, title, text),
    [notify]
  );

  // ---- benchmarks (DfE's figures load when the section is first opened, or a build needs them) ----
  const benchmarksNotify = React.useMemo(() => notifyIn("benchmarks"), [notifyIn]);
  const benchmarks = useBenchmarks({
    notify: benchmarksNotify,
    clear: () => clearArea("benchmarks"),
    changed: () => setDirty(true),
    notices: noticesFor("benchmarks"),
    onDismiss: dismiss,
  });
  const restoreBenchmarks = benchmarks.restore;

  const readGrid = React.useCallback(
    async (table: SourceTable): Promise<Grid | null> => {
      try {
        return await host.readTable(table);
      } catch (error) {
        notify("data", "error", `Could not read ${table.name}.`, plainError(error));
        return null;
      }
    },
    [host, notify]
  );

  /** The staff table when none is chosen: read every table and take the best staff header. */
  const autoPick = React.useCallback(
    async (list: SourceTable[], read: Grids, isCancelled: () => boolean) => {
      for (const t of list) {
        if (isCancelled()) return null;
        if (!(tableKey(t) in read)) read[tableKey(t)] = await readGrid(t);
      }
      const found: Record<string, Grid> = {};
      for (const [k, g] of Object.entries(read)) if (g) found[k] = g;
      return pickStaffTable(list, found);
    },
    [readGrid]
  );

  // ---- start: list the tables, restore the settings, choose the tables ----
  React.useEffect(() => {
    let cancelled = false;
    const isCancelled = () => cancelled;
    void (async () => {
      let list: SourceTable[];
      try {
        list = await host.listTables();
      } catch (error) {
        if (cancelled) return;
        notify("pane", "error", "Could not list the tables in this workbook.", plainError(error));
        setLoading(false);
        return;
      }
      let settings: PaneSettings = {};
      try {
        settings = readSettings(await host.loadSettings());
      } catch (error) {
        if (cancelled) return;
        notify(
          "pane",
          "warning",
          "Could not read the settings saved in this workbook.",
          `${plainError(error)} The pane starts with its defaults.`
        );
      }
      const read: Grids = {};
      const staff =
        findTableByName(list, settings.staffTable) ?? (await autoPick(list, read, isCancelled));
      let posts: SourceTable | null = null;
      if (settings.postsTable === undefined) posts = pickPostsTable(list, staff);
      else if (settings.postsTable !== null) posts = findTableByName(list, settings.postsTable);
      if (posts && staff && tableKey(posts) === tableKey(staff)) posts = null;
      for (const t of [staff, posts]) {
        if (t && !(tableKey(t) in read)) read[tableKey(t)] = await readGrid(t);
      }
      if (cancelled) return;
      const keep: Grids = {};
      for (const t of [staff, posts]) if (t) keep[tableKey(t)] = read[tableKey(t)] ?? null;
      setTables(list);
      setStaffKey(staff ? tableKey(staff) : null);
      setPostsKey(posts ? tableKey(posts) : null);
      setGrids(keep);
      setStaffMapping(
        staff && staff.name === settings.staffTable ? (settings.staffMapping ?? {}) : {}
      );
      setPostsMapping(
        posts && posts.name === settings.postsTable ? (settings.postsMapping ?? {}) : {}
      );
      setRoleMap(settings.roleMap ?? {});
      setForm(formFromOptions(settings.options));
      setLastBuild(settings.lastBuild);
      restoreBenchmarks(settings.benchmarks);
      setLoading(false);
    })();
    return () => {
      cancelled = true;
    };
  }, [host, notify, readGrid, autoPick, restoreBenchmarks]);

  // ---- read a newly chosen table ----
  React.useEffect(() => {
    if (loading) return;
    const wanted = [staffKey, postsKey].filter((k): k is string => k !== null && !(k in grids));
    if (wanted.length === 0) return;
    let cancelled = false;
    void (async () => {
      const read: Grids = {};
      for (const key of wanted) {
        const table = tables.find((t) => tableKey(t) === key);
        read[key] = table ? await readGrid(table) : null;
        if (cancelled) return;
      }
      setGrids((gs) => ({ ...gs, ...read }));
    })();
    return () => {
      cancelled = true;
    };
  }, [loading, staffKey, postsKey, grids, tables, readGrid]);

  // ---- ingest (again whenever the table, the mapping or the role map changes) ----
  const staffTable = tables.find((t) => tableKey(t) === staffKey) ?? null;
  const postsTable = tables.find((t) => tableKey(t) === postsKey) ?? null;
  const staffGrid = staffKey ? grids[staffKey] : undefined;
  const postsGrid = postsKey ? grids[postsKey] : undefined;

  const staffResult = React.useMemo(
    () =>
      staffTable && staffGrid
        ? ingestStaff(staffGrid, { mapping: staffMapping, roleMap, firstRow: staffTable.firstRow })
        : null,
    [staffTable, staffGrid, staffMapping, roleMap]
  );
  const postsResult = React.useMemo(
    () =>
      postsTable && postsGrid
        ? ingestPosts(postsGrid, { mapping: postsMapping, roleMap, firstRow: postsTable.firstRow })
        : null,
    [postsTable, postsGrid, postsMapping, roleMap]
  );
  const staffHeader = React.useMemo(
    () =>
      staffTable && staffGrid && staffResult
        ? headerCells(staffGrid, staffResult.headerRow, staffTable.firstRow)
        : [],
    [staffTable, staffGrid, staffResult]
  );
  const postsHeader = React.useMemo(
    () =>
      postsTable && postsGrid && postsResult
        ? headerCells(postsGrid, postsResult.headerRow, postsTable.firstRow)
        : [],
    [postsTable, postsGrid, postsResult]
  );

  // ---- options ----
  const dataDefaultAsOf = React.useMemo(
    () => (staffResult ? defaultAsOf(staffResult.records) : null),
    [staffResult]
  );
  const optionsReading = React.useMemo(() => readOptionsForm(form), [form]);
  const options: SummaryOptions | null = optionsReading.options;

  // ---- the fingerprint of the data, to tell when it changed since the last build ----
  const currentFingerprint = React.useMemo(
    () => (staffGrid ? fingerprint(staffGrid, postsGrid ?? null) : null),
    [staffGrid, postsGrid]
  );
  const changedSinceBuild =
    lastBuild !== undefined &&
    currentFingerprint !== null &&
    staffTable !== null &&
    lastBuild.staffTable === staffTable.name &&
    lastBuild.fingerprint !== currentFingerprint;

  // ---- what stops a build (the staff part also stops a census export) ----
  const staffBlockers: string[] = [];
  if (loading) staffBlockers.push("Wait while the workbook is read.");
  else if (!staffTable) staffBlockers.push("Choose the staff table in Data.");
  else if (!staffResult) {
    staffBlockers.push(
      staffGrid === null
        ? `The staff table ${staffTable.name} could not be read: read the data again.`
        : "Wait while the staff table is read."
    );
  } else {
    const missing = STAFF_COLUMNS.filter(
      (s) => s.required && !staffResult.columns.some((c) => c.key === s.key)
    );
    if (missing.length > 0) {
      staffBlockers.push(
        `Map the required staff columns in Data: ${missing.map((s) => s.label).join(", ")}.`
      );
    } else if (staffResult.records.length === 0) {
      staffBlockers.push(
        staffResult.rowsRead === 0
          ? "The staff table has no rows under its header."
          : "No staff row can be used: see the problems in Check."
      );
    }
  }
  const blockers: string[] = [...staffBlockers];
  if (postsResult) {
    const missing = POSTS_COLUMNS.filter(
      (s) => s.required && !postsResult.columns.some((c) => c.key === s.key)
    );
    if (missing.length > 0) {
      blockers.push(
        `Map the required posts columns in Data (${missing.map((s) => s.label).join(", ")}), or choose None for posts.`
      );
    }
  }
  if (!options) blockers.push("Correct the options marked in Options.");

  // ---- saving the settings ----
  const settings: PaneSettings = {
    staffTable: staffTable?.name,
    postsTable: postsTable ? postsTable.name : null,
    staffMapping,
    postsMapping,
    roleMap,
    options: optionsReading.values,
    lastBuild,
    benchmarks: benchmarks.saved,
  };
  const settingsText = JSON.stringify(settingsRecord(settings));
  React.useEffect(() => {
    if (!dirty || loading) return;
    const timer = setTimeout(() => {
      host
        .saveSettings(JSON.parse(settingsText) as Record<string, unknown>)
        .catch((error) =>
          notify(
            "pane",
            "warning",
            "Could not save the mapping and options in this workbook.",
            plainError(error)
          )
        );
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [host, dirty, loading, settingsText, notify]);

  // ---- reading the data again ----
  const reload = React.useCallback(async () => {
    setReading(true);
    clearArea("data");
    try {
      const list = await host.listTables();
      const read: Grids = {};
      let staff = list.find((t) => tableKey(t) === staffKey) ?? null;
      if (staffKey && !staff) {
        notify(
          "data",
          "warning",
          "The staff table is no longer in this workbook.",
          "Choose the staff table again."
        );
      }
      if (!staffKey) staff = await autoPick(list, read, () => false);
      let posts = list.find((t) => tableKey(t) === postsKey) ?? null;
      if (!staffKey && !postsKey) posts = pickPostsTable(list, staff);
      for (const t of [staff, posts]) {
        if (t && !(tableKey(t) in read)) read[tableKey(t)] = await readGrid(t);
      }
      const keep: Grids = {};
      for (const t of [staff, posts]) if (t) keep[tableKey(t)] = read[tableKey(t)] ?? null;
      setTables(list);
      setGrids(keep);
      setStaffKey(staff ? tableKey(staff) : null);
      setPostsKey(posts ? tableKey(posts) : null);
    } catch (error) {
      notify("data", "error", "Could not list the tables in this workbook.", plainError(error));
    } finally {
      setReading(false);
    }
  }, [host, staffKey, postsKey, autoPick, readGrid, notify, clearArea]);

  // Back in the pane after editing the sheet: read small tables again, so Check and "Refresh"
  // reflect the edit. (Office.js table events are not part of the port.)
  const latest = React.useRef({ reload, busy: false, cells: 0 });
  React.useEffect(() => {
    let last = 0;
    const onFocus = () => {
      const now = Date.now();
      const { busy, cells } = latest.current;
      if (busy || cells > FOCUS_RELOAD_CELLS || now - last < FOCUS_RELOAD_INTERVAL_MS) return;
      last = now;
      void latest.current.reload();
    };
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, []);

  // ---- actions ----
  const chooseStaffTable = (key: string | null) => {
    setStaffKey(key);
    setStaffMapping({});
    if (key !== null && key === postsKey) setPostsKey(null);
    setDirty(true);
  };
  const choosePostsTable = (key: string | null) => {
    setPostsKey(key);
    setPostsMapping({});
    setDirty(true);
  };
  const mapStaff = (key: StaffColumn, value: string) => {
    setStaffMapping((m) => withChoice(m, key, value, staffHeader));
    setDirty(true);
  };
  const mapPosts = (key: PostsColumn, value: string) => {
    setPostsMapping((m) => withChoice(m, key, value, postsHeader));
    setDirty(true);
  };
  const mapRole = (role: string, code: RoleCode | null) => {
    setRoleMap((m) => {
      const next = { ...m };
      if (code === null) delete next[role];
      else next[role] = code;
      return next;
    });
    setDirty(true);
  };
  const setOption = (field: OptionsField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setDirty(true);
  };

  const selectCell = async (sheet: string, address: string, area: Area) => {
    try {
      await host.selectCell(sheet, address);
    } catch (error) {
      notify(area, "error", `Could not select ${address} on ${sheet}.`, plainError(error));
    }
  };

  /** What the summary builder is given (Build and Prepare to share): DfE's figures when an LA is chosen. */
  const summaryInput = async (area: Area): Promise<SummaryInput | null> => {
    if (!staffResult || !staffTable || !options) return null;
    let chosen: SummaryInput["benchmarks"] = null;
    try {
      chosen = await benchmarks.forBuild();
    } catch (error) {
      notify(
        area,
        "warning",
        "DfE's published figures could not be loaded: the summary has no benchmarks.",
        plainError(error)
      );
    }
    return {
      staff: staffResult,
      posts: postsResult,
      options,
      source: { staffTable: staffTable.name, postsTable: postsTable ? postsTable.name : null },
      ...(chosen ? { benchmarks: chosen } : {}),
      version: props.version,
    };
  };

  const runBuild = async () => {
    if (blockers.length > 0 || build.running || sharing || !staffResult || !staffTable || !options)
      return;
    clearArea("build");
    setBuild({ running: true, step: "Preparing the summary", fraction: 0, outcome: null });
    // Let the progress bar show before the (synchronous) plan is made.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const fingerprintAtBuild = currentFingerprint;
    try {
      const input = await summaryInput("build");
      if (!input) throw new Error("The staff table is no longer ready: read the data again.");
      const plan = props.buildSummaryPlan(input);
      const result = await host.writePlan(plan, (step, fraction) =>
        setBuild((b) => ({ ...b, step, fraction }))
      );
      setBuild({
        running: false,
        step: "",
        fraction: 1,
        outcome: {
          sheets: Object.values(result.sheetNames),
          rowsUsed: staffResult.records.length,
          rowsLeftOut: staffResult.rowsLeftOut,
          postsRowsLeftOut: postsResult ? postsResult.rowsLeftOut : null,
        },
      });
      if (fingerprintAtBuild) {
        setLastBuild({ fingerprint: fingerprintAtBuild, staffTable: staffTable.name });
      }
      setDirty(true);
    } catch (error) {
      notify("build", "error", "Could not build the scrutiny summary.", plainError(error));
      setBuild((b) => ({ ...b, running: false }));
    }
  };

  const prepareToShare = async () => {
    if (blockers.length > 0 || build.running || sharing || !options) return;
    clearArea("share");
    setSharing(true);
    // Let the spinner show before the (synchronous) plan is made.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const input = await summaryInput("share");
      if (!input) throw new Error("The staff table is no longer ready: read the data again.");
      const shared = await shareableWorkbook(props.buildSummaryPlan(input), {
        threshold: options.suppressionThreshold,
        version: props.version,
      });
      const how = await host.deliverFile({
        name: shareableName(),
        type: XLSX_TYPE,
        data: shared.bytes,
      });
      if (how === "unavailable") {
        // Excel cannot open or save the file here: the summary goes on a sheet of its own.
        const written = await host.writePlan(shareableSheetPlan(shared.plan));
        const sheet = written.sheetNames.shareable ?? "Summary to share";
        notify(
          "share",
          "success",
          "Ready to share, on a sheet.",
          sharedOnSheetMessage(sheet, options.suppressionThreshold)
        );
      } else {
        notify("share", "success", "Ready to share.", sharedMessage(options.suppressionThreshold));
      }
      if (portable.holdsFormulas)
        notify("share", "warning", PORTABLE_WARNING, "Share a copy made in “Share the workbook”.");
    } catch (error) {
      notify("share", "error", "Could not prepare the summary to share.", plainError(error));
    } finally {
      setSharing(false);
    }
  };

  const insertTemplate = async () => {
    if (template.running) return;
    clearArea("template");
    setTemplate({ running: true, inserted: null });
    try {
      const result = await host.writePlan(props.buildTemplatePlan());
      setTemplate({ running: false, inserted: Object.values(result.sheetNames) });
    } catch (error) {
      notify("template", "error", "Could not insert the template.", plainError(error));
      setTemplate({ running: false, inserted: null });
      return;
    }
    await reload();
  };

  // ---- census: import a return as a staff table, export the return from the staff table ----
  const censusNotify = React.useMemo(() => notifyIn("census"), [notifyIn]);
  const asOfForCensus = optionsReading.values.asOf ?? dataDefaultAsOf;
  const census = useCensus({
    host,
    staff: staffBlockers.length === 0 ? staffResult : null,
    posts: postsResult,
    dataKey: JSON.stringify([
      currentFingerprint,
      staffKey,
      postsKey,
      staffMapping,
      postsMapping,
      roleMap,
      staffBlockers.length,
    ]),
    staffBlocker: staffBlockers[0] ?? null,
    defaultYear: asOfForCensus !== null ? censusYearOf(asOfForCensus) : null,
    benchmarkLea: benchmarks.chosen?.oldCode ?? benchmarks.la,
    staffIsImported: (sheet) => staffTable?.sheet === sheet,
    tableOnSheet: (sheet) => {
      const t =
        tables.find((x) => x.sheet === sheet && x.kind === "table") ??
        tables.find((x) => x.sheet === sheet);
      return t ? { key: tableKey(t), name: t.name, chosen: tableKey(t) === staffKey } : null;
    },
    onUseTable: (key) => chooseStaffTable(key),
    reload,
    notify: censusNotify,
    clear: () => clearArea("census"),
    notices: noticesFor("census"),
    onDismiss: dismiss,
  });

  latest.current = {
    reload,
    busy: loading || reading || build.running || template.running || sharing || census.busy,
    cells:
      (staffTable ? staffTable.rows * staffTable.columns : 0) +
      (postsTable ? postsTable.rows * postsTable.columns : 0),
  };

  // ---- the views the sections get ----
  const problemSources: ProblemSource[] = [];
  if (staffTable && staffResult) {
    problemSources.push({
      label: "Staff",
      table: staffTable,
      problems: staffResult.problems,
      columns: staffResult.columns,
      header: staffHeader,
      rowsLeftOut: staffResult.rowsLeftOut,
    });
  }
  if (postsTable && postsResult) {
    problemSources.push({
      label: "Posts",
      table: postsTable,
      problems: postsResult.problems,
      columns: postsResult.columns,
      header: postsHeader,
      rowsLeftOut: postsResult.rowsLeftOut,
    });
  }
  const roles = [...new Set([...(staffResult?.unmappedRoles ?? []), ...Object.keys(roleMap)])];

  return {
    portable,
    loading,
    notices: noticesFor("pane"),
    dismiss,
    data: {
      tables,
      staffKey,
      postsKey,
      staff:
        staffTable && staffGrid !== null
          ? {
              table: staffTable,
              result: staffResult,
              choices: headerChoices(staffHeader, staffTable.firstColumn),
            }
          : null,
      posts:
        postsTable && postsGrid !== null
          ? {
              table: postsTable,
              result: postsResult,
              choices: headerChoices(postsHeader, postsTable.firstColumn),
            }
          : null,
      busy: loading || build.running || sharing || census.busy,
      reading,
      notices: noticesFor("data"),
      onDismiss: dismiss,
      onStaffTable: chooseStaffTable,
      onPostsTable: choosePostsTable,
      onMapStaff: mapStaff,
      onMapPosts: mapPosts,
      onReload: () => void reload(),
    },
    check: {
      sources: problemSources,
      roles,
      roleMap,
      notices: noticesFor("check"),
      onDismiss: dismiss,
      onMapRole: mapRole,
      onSelectCell: (sheet: string, address: string) => void selectCell(sheet, address, "check"),
    },
    options: {
      form,
      errors: optionsReading.errors,
      defaultAsOf: dataDefaultAsOf,
      comparatorYears: COMPARATOR_YEARS,
      onChange: setOption,
    },
    build: {
      blockers,
      running: build.running,
      step: build.step,
      fraction: build.fraction,
      outcome: build.outcome,
      changedSinceBuild,
      notices: noticesFor("build"),
      onDismiss: dismiss,
      onBuild: () => void runBuild(),
      onCheckChanges: () => void reload(),
      onGoTo: (sheet: string) => void selectCell(sheet, "A1", "build"),
      benchmarksNote:
        benchmarks.la === null
          ? null
          : `The summary will show DfE's benchmarks for ${benchmarks.chosen ? benchmarks.chosen.name : `LA ${benchmarks.la}`} (chosen in Benchmarks).`,
      sharing,
      shareNotices: noticesFor("share"),
      onShare: () => void prepareToShare(),
    },
    benchmarks: { ...benchmarks.section, onOpen: benchmarks.open },
    census: census.section,
    template: {
      running: template.running,
      inserted: template.inserted,
      notices: noticesFor("template"),
      onDismiss: dismiss,
      onInsert: () => void insertTemplate(),
    },
    problemCounts: {
      errors: problemSources.reduce(
        (n, s) => n + s.problems.filter((p) => p.severity === "error").length,
        0
      ),
      warnings: problemSources.reduce(
        (n, s) => n + s.problems.filter((p) => p.severity === "warning").length,
        0
      ),
    },
  };
}
