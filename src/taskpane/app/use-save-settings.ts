/**
 * Saving the pane's settings in the workbook, once a person has changed something: one write for
 * a burst of changes, SAVE_DELAY_MS after the last.
 */
import * as React from "react";
import type { WorkbookPort } from "../../host/workbook-port";
import { plainError } from "../components/plain-error";
import { PaneSettings, settingsRecord } from "./settings";

/** Settings are saved this long after the last change (one write for a burst of changes). */
export const SAVE_DELAY_MS = 250;

export function useSaveSettings(deps: {
  host: WorkbookPort;
  /** A person changed something since the pane started. */
  dirty: boolean;
  /** The pane is still reading the workbook (nothing to save yet). */
  loading: boolean;
  settings: PaneSettings;
  onFailure: (text: string) => void;
}): void {
  const { host, dirty, loading, onFailure } = deps;
  const settingsText = JSON.stringify(settingsRecord(deps.settings));
  const failure = React.useRef(onFailure);
  failure.current = onFailure;
  React.useEffect(() => {
    if (!dirty || loading) return;
    const timer = setTimeout(() => {
      host
        .saveSettings(JSON.parse(settingsText) as Record<string, unknown>)
        .catch((error) => failure.current(plainError(error)));
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [host, dirty, loading, settingsText]);
}
