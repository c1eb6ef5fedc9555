/**
 * The Build section's state: building the scrutiny summary into the workbook (with its progress
 * and outcome), the fingerprint of the data at the last build (to offer "Refresh" when it
 * changed), and Prepare to share, the summary as values in a workbook of its own.
 */
import { PORTABLE_WARNING } from "../portable/portable-copy";
import * as React from "react";
import type { PostsTable, StaffTable } from "../../../core/ingest";
import type { SummaryOptions } from "../../../core/summary/options";
import type { SourceTable } from "../../../host/workbook-port";
import type { LastBuild } from "../../app/settings";
import { Cancelled, isCancelled, type PaneWork } from "../../app/pane-work";
import type { AppProps, SummaryInput } from "../../app/types";
import { XLSX_TYPE } from "../../components/files";
import type { Notice } from "../../components/Notices";
import { plainError } from "../../components/plain-error";
import type { BuildOutcome } from "./BuildSection";
import { shareableName, sharedMessage, sharedOnSheetMessage } from "./share";

interface BuildState {
  running: boolean;
  /** Cancel still stops the build (false once the workbook is being written). */
  cancellable: boolean;
  step: string;
  fraction: number;
  outcome: BuildOutcome | null;
}

type NotifyFn = (intent: Notice["intent"], title: string, text: string) => void;

export interface BuildDeps extends Pick<AppProps, "host" | "version"> {
  /** Where the plan is made and written (PaneWork). */
  work: PaneWork;
  staffTable: SourceTable | null;
  postsTable: SourceTable | null;
  staffResult: StaffTable | null;
  postsResult: PostsTable | null;
  /** The fingerprint of the staff and posts cells now (null: not read). */
  currentFingerprint: string | null;
  options: SummaryOptions | null;
  /** Why the summary cannot be built yet (empty when it can). */
  blockers: readonly string[];
  /** DfE's figures for the chosen LA (loading them if need be); null when no LA is chosen. */
  benchmarks: () => Promise<SummaryInput["benchmarks"]>;
  benchmarksNote: string | null;
  /** The workbook holds WORKFORCE formulas: a shared copy of it would show #NAME? without the add-in. */
  holdsWorkforceFormulas: boolean;
  notifyBuild: NotifyFn;
  notifyShare: NotifyFn;
  clearBuild: () => void;
  clearShare: () => void;
  buildNotices: readonly Notice[];
  shareNotices: readonly Notice[];
  onDismiss: (id: string) => void;
  /** Reads the data again. */
  reload: () => Promise<void>;
  /** Shows a sheet the summary was written to. */
  goTo: (sheet: string) => void;
  /** A person changed something: save the settings. */
  changed: () => void;
}

export function useBuild(deps: BuildDeps) {
  const { host, work, staffTable, postsTable, staffResult, postsResult, options, blockers } = deps;
  const [lastBuild, setLastBuild] = React.useState<LastBuild | undefined>(undefined);
  const [build, setBuild] = React.useState<BuildState>({
    running: false,
    cancellable: false,
    step: "",
    fraction: 0,
    outcome: null,
  });
  const [sharing, setSharing] = React.useState(false);
  /** The running build's Cancel. */
  const cancel = React.useRef<AbortController | null>(null);

  const changedSinceBuild =
    lastBuild !== undefined &&
    deps.currentFingerprint !== null &&
    staffTable !== null &&
    lastBuild.staffTable === staffTable.name &&
    lastBuild.fingerprint !== deps.currentFingerprint;

  /** What the summary builder is given (Build and Prepare to share): DfE's figures when an LA is chosen. */
  const summaryInput = async (notify: NotifyFn): Promise<SummaryInput | null> => {
    if (!staffResult || !staffTable || !options) return null;
    let chosen: SummaryInput["benchmarks"] = null;
    try {
      chosen = await deps.benchmarks();
    } catch (error) {
      notify(
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
      version: deps.version,
    };
  };

  const runBuild = async () => {
    if (blockers.length > 0 || build.running || sharing || !staffResult || !staffTable || !options)
      return;
    deps.clearBuild();
    const controller = new AbortController();
    cancel.current = controller;
    const { signal } = controller;
    const step = (name: string, fraction: number, cancellable = true) =>
      setBuild((b) => ({ ...b, step: name, fraction, cancellable }));
    setBuild({
      running: true,
      cancellable: true,
      step: "Preparing the summary",
      fraction: 0,
      outcome: null,
    });
    const fingerprintAtBuild = deps.currentFingerprint;
    try {
      const input = await summaryInput(deps.notifyBuild);
      if (!input) throw new Error("The staff table is no longer ready: read the data again.");
      signal.throwIfAborted();
      step("Making the summary's formulas and figures", 0.02);
      const plan = await work.buildSummaryPlan(input, signal);
      // From the first write on, the host finishes what it started (see PaneWork.writePlan).
      const result = await work.writePlan(
        plan,
        (name, fraction) => step(name, fraction, false),
        signal
      );
      setBuild({
        running: false,
        cancellable: false,
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
      deps.changed();
    } catch (error) {
      if (signal.aborted && isCancelled(error)) {
        deps.notifyBuild(
          "info",
          "Build cancelled.",
          "Nothing was written: the workbook is as it was, with the previous summary (if there was one) unchanged."
        );
      } else {
        deps.notifyBuild("error", "Could not build the scrutiny summary.", plainError(error));
      }
      setBuild((b) => ({ ...b, running: false, cancellable: false }));
    } finally {
      cancel.current = null;
    }
  };

  const cancelBuild = () => {
    if (build.cancellable) cancel.current?.abort(new Cancelled());
  };

  const prepareToShare = async () => {
    if (blockers.length > 0 || build.running || sharing || !options) return;
    deps.clearShare();
    setSharing(true);
    try {
      const input = await summaryInput(deps.notifyShare);
      if (!input) throw new Error("The staff table is no longer ready: read the data again.");
      const shared = await work.shareable(await work.buildSummaryPlan(input), {
        threshold: options.suppressionThreshold,
        version: deps.version,
      });
      const how = await host.deliverFile({
        name: shareableName(),
        type: XLSX_TYPE,
        data: shared.bytes,
      });
      if (how === "unavailable") {
        // Excel cannot open or save the file here: the summary goes on a sheet of its own.
        const written = await work.writePlan(shared.sheet);
        const sheet = written.sheetNames.shareable ?? "Summary to share";
        deps.notifyShare(
          "success",
          "Ready to share, on a sheet.",
          sharedOnSheetMessage(sheet, options.suppressionThreshold)
        );
      } else {
        deps.notifyShare("success", "Ready to share.", sharedMessage(options.suppressionThreshold));
      }
      if (deps.holdsWorkforceFormulas)
        deps.notifyShare("warning", PORTABLE_WARNING, "Share a copy made in “Share the workbook”.");
    } catch (error) {
      deps.notifyShare("error", "Could not prepare the summary to share.", plainError(error));
    } finally {
      setSharing(false);
    }
  };

  return {
    lastBuild,
    /** The pane starts: the last build saved in the workbook. */
    restore: setLastBuild,
    /** A build or Prepare to share is running. */
    busy: build.running || sharing,
    section: {
      blockers,
      running: build.running,
      cancellable: build.running && build.cancellable,
      onCancel: cancelBuild,
      step: build.step,
      fraction: build.fraction,
      outcome: build.outcome,
      changedSinceBuild,
      notices: deps.buildNotices,
      onDismiss: deps.onDismiss,
      onBuild: () => void runBuild(),
      onCheckChanges: () => void deps.reload(),
      onGoTo: deps.goTo,
      benchmarksNote: deps.benchmarksNote,
      sharing,
      shareNotices: deps.shareNotices,
      onShare: () => void prepareToShare(),
    },
  };
}
