/**
 * The pane's state and actions, put together from each section's own hook (features/*\/use-*.ts):
 * Data, Options, Benchmarks, Build, the template and Census, with the messages, the settings
 * saved in the workbook, and the views the sections get. Everything reaches the workbook through
 * the WorkbookPort it is given; nothing here knows about Office.
 */
import * as React from "react";
import { defaultAsOf } from "../../core/report";
import { censusYearOf } from "../../core/summary/build";
import { plainError } from "../components/plain-error";
import { useBenchmarks } from "../features/benchmarks/use-benchmarks";
import { useBuild } from "../features/build/use-build";
import { usePortable } from "../features/portable/use-portable";
import { useCensus } from "../features/census/use-census";
import { problemCounts, problemSources } from "../features/check/problem-sources";
import { postsBlockers, staffBlockers } from "../features/data/readiness";
import { tableKey } from "../features/data/tables";
import { useData } from "../features/data/use-data";
import { useReloadOnFocus } from "../features/data/use-reload-on-focus";
import { useOptions } from "../features/options/use-options";
import { useTemplate } from "../features/template/use-template";
import { PaneSettings, readSettings } from "./settings";
import { inThreadWork } from "./pane-work";
import type { AppProps } from "./types";
import { Area, useNotices } from "./use-notices";
import { useSaveSettings } from "./use-save-settings";

export type { Area, PaneNotice } from "./use-notices";
export { SAVE_DELAY_MS } from "./use-save-settings";

export function usePane(props: AppProps) {
  const { host, buildSummaryPlan } = props;
  const work = React.useMemo(
    () => props.work ?? inThreadWork(host, buildSummaryPlan),
    [props.work, host, buildSummaryPlan]
  );
  const { notify, clearArea, dismiss, noticesFor, notifyIn } = useNotices();
  /** A person changed something: from then on the settings are saved. */
  const [dirty, setDirty] = React.useState(false);
  const changed = React.useCallback(() => setDirty(true), []);

  // ---- benchmarks (DfE's figures load when the section is first opened, or a build needs them) ----
  const benchmarksNotify = React.useMemo(() => notifyIn("benchmarks"), [notifyIn]);
  const benchmarks = useBenchmarks({
    notify: benchmarksNotify,
    clear: () => clearArea("benchmarks"),
    changed,
    notices: noticesFor("benchmarks"),
    onDismiss: dismiss,
  });
  const restoreBenchmarks = benchmarks.restore;

  const options = useOptions({ changed });
  const restoreOptions = options.restore;
  const lastBuildRestore = React.useRef<(saved: PaneSettings["lastBuild"]) => void>(() => {});

  // ---- data: the tables, their cells, the mapping; the settings restored at the start ----
  const notifyPane = React.useMemo(() => notifyIn("pane"), [notifyIn]);
  const notifyData = React.useMemo(() => notifyIn("data"), [notifyIn]);
  const clearData = React.useCallback(() => clearArea("data"), [clearArea]);
  const loadSettings = React.useCallback(async (): Promise<PaneSettings> => {
    try {
      return readSettings(await host.loadSettings());
    } catch (error) {
      notify(
        "pane",
        "warning",
        "Could not read the settings saved in this workbook.",
        `${plainError(error)} The pane starts with its defaults.`
      );
      return {};
    }
  }, [host, notify]);
  const onStarted = React.useCallback(
    (settings: PaneSettings) => {
      restoreOptions(settings.options);
      lastBuildRestore.current(settings.lastBuild);
      restoreBenchmarks(settings.benchmarks);
    },
    [restoreOptions, restoreBenchmarks]
  );
  const data = useData({
    host,
    work,
    notifyPane,
    notifyData,
    clearData,
    changed,
    loadSettings,
    onStarted,
  });
  const { loading, staffTable, postsTable, staffResult, postsResult } = data;

  const dataDefaultAsOf = React.useMemo(
    () => (staffResult ? defaultAsOf(staffResult.records) : null),
    [staffResult]
  );

  // ---- what stops a build (the staff part also stops a census export) ----
  const staffBlocked = staffBlockers(data);
  const blockers: string[] = [...staffBlocked, ...postsBlockers(postsResult)];
  if (!options.options) blockers.push("Correct the options marked in Options.");
  if (data.ingesting && staffBlocked.length === 0) blockers.push("Wait while the data is read.");

  const selectCell = async (sheet: string, address: string, area: Area) => {
    try {
      await host.selectCell(sheet, address);
    } catch (error) {
      notify(area, "error", `Could not select ${address} on ${sheet}.`, plainError(error));
    }
  };

  // ---- a copy that works without the add-in (its own feature: state and messages) ----
  const portable = usePortable(host);

  // ---- build and share ----
  const build = useBuild({
    host,
    work,
    version: props.version,
    staffTable,
    postsTable,
    staffResult,
    postsResult,
    currentFingerprint: data.currentFingerprint,
    options: options.options,
    blockers,
    benchmarks: benchmarks.forBuild,
    benchmarksNote:
      benchmarks.la === null
        ? null
        : `The summary will show DfE's benchmarks for ${benchmarks.chosen ? benchmarks.chosen.name : `LA ${benchmarks.la}`} (chosen in Benchmarks).`,
    notifyBuild: notifyIn("build"),
    holdsWorkforceFormulas: portable.holdsFormulas,
    notifyShare: notifyIn("share"),
    clearBuild: () => clearArea("build"),
    clearShare: () => clearArea("share"),
    buildNotices: noticesFor("build"),
    shareNotices: noticesFor("share"),
    onDismiss: dismiss,
    reload: data.reload,
    goTo: (sheet: string) => void selectCell(sheet, "A1", "build"),
    changed,
  });
  lastBuildRestore.current = build.restore;

  // ---- the staff data template ----
  const template = useTemplate({
    host,
    buildTemplatePlan: props.buildTemplatePlan,
    reload: data.reload,
    notify: notifyIn("template"),
    clear: () => clearArea("template"),
    notices: noticesFor("template"),
    onDismiss: dismiss,
  });

  // ---- saving the settings ----
  useSaveSettings({
    host,
    dirty,
    loading,
    settings: {
      staffTable: staffTable?.name,
      postsTable: postsTable ? postsTable.name : null,
      staffMapping: data.staffMapping,
      postsMapping: data.postsMapping,
      roleMap: data.roleMap,
      ...(data.staffHeaderRow !== null ? { staffHeaderRow: data.staffHeaderRow } : {}),
      ...(data.postsHeaderRow !== null ? { postsHeaderRow: data.postsHeaderRow } : {}),
      options: options.values,
      lastBuild: build.lastBuild,
      benchmarks: benchmarks.saved,
    },
    onFailure: (text) =>
      notify("pane", "warning", "Could not save the mapping and options in this workbook.", text),
  });

  // ---- census: import a return as a staff table, export the return from the staff table ----
  const censusNotify = React.useMemo(() => notifyIn("census"), [notifyIn]);
  const asOfForCensus = options.values.asOf ?? dataDefaultAsOf;
  const census = useCensus({
    host,
    staff: staffBlocked.length === 0 ? staffResult : null,
    posts: postsResult,
    dataKey: JSON.stringify([
      data.currentFingerprint,
      data.staffKey,
      data.postsKey,
      data.staffMapping,
      data.postsMapping,
      data.roleMap,
      staffBlocked.length,
    ]),
    staffBlocker: staffBlocked[0] ?? null,
    defaultYear: asOfForCensus !== null ? censusYearOf(asOfForCensus) : null,
    benchmarkLea: benchmarks.chosen?.oldCode ?? benchmarks.la,
    staffIsImported: (sheet) => staffTable?.sheet === sheet,
    tableOnSheet: (sheet) => {
      const t =
        data.tables.find((x) => x.sheet === sheet && x.kind === "table") ??
        data.tables.find((x) => x.sheet === sheet);
      return t ? { key: tableKey(t), name: t.name, chosen: tableKey(t) === data.staffKey } : null;
    },
    onUseTable: (key) => data.chooseStaffTable(key),
    reload: data.reload,
    notify: censusNotify,
    clear: () => clearArea("census"),
    notices: noticesFor("census"),
    onDismiss: dismiss,
  });

  useReloadOnFocus({
    reload: data.reload,
    busy: loading || data.reading || build.busy || template.running || census.busy,
    cells:
      (staffTable ? staffTable.rows * staffTable.columns : 0) +
      (postsTable ? postsTable.rows * postsTable.columns : 0),
  });

  // ---- the views the sections get ----
  const sources = problemSources(data);
  const roles = [...new Set([...(staffResult?.unmappedRoles ?? []), ...Object.keys(data.roleMap)])];

  return {
    portable,
    loading,
    notices: noticesFor("pane"),
    dismiss,
    data: {
      ...data.section,
      busy: loading || build.busy || census.busy,
      notices: noticesFor("data"),
      onDismiss: dismiss,
    },
    check: {
      sources,
      roles,
      roleMap: data.roleMap,
      notices: noticesFor("check"),
      onDismiss: dismiss,
      onMapRole: data.mapRole,
      onSelectCell: (sheet: string, address: string) => void selectCell(sheet, address, "check"),
    },
    options: options.section(dataDefaultAsOf),
    build: build.section,
    benchmarks: { ...benchmarks.section, onOpen: benchmarks.open },
    census: census.section,
    template: template.section,
    problemCounts: problemCounts(sources),
  };
}
